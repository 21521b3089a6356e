"""Who is calling, under each runtime's service shapes."""
import pytest
from django.test import override_settings

from tests.runtimes import UsageKey, make_block
from verme_xblock import roles

COURSE = "course-v1:Verme+Demo+2026"


def test_lms_learner_is_identified_from_the_user_service():
    caller = roles.identify(make_block(42, username="aino", full_name="Aino Virtanen"))
    assert caller == roles.Caller("42", "aino", "Aino Virtanen", False, "lms")


def test_lms_staff_flag_comes_from_edx_platform_user_is_staff():
    assert roles.identify(make_block(7, username="sanna", is_staff=True)).is_course_staff


def test_lms_anonymous_user_has_no_id():
    assert roles.identify(make_block(None)).is_anonymous


def test_full_name_falls_back_to_username():
    assert roles.identify(make_block(5, username="mikko")).display_name == "mikko"


@pytest.mark.parametrize(("writable", "expected"), [((COURSE,), True), ((), False)])
def test_studio_staff_is_decided_by_studio_write_permission(writable, expected):
    block = make_block(9, username="author", is_staff=False, studio_writable=writable, usage_key=UsageKey(COURSE))
    caller = roles.identify(block)
    assert caller.runtime == "studio"
    assert caller.is_course_staff is expected


def test_studio_ignores_the_user_services_staff_flag():
    block = make_block(9, username="author", is_staff=True, studio_writable=(), usage_key=UsageKey(COURSE))
    assert not roles.identify(block).is_course_staff


@override_settings(VERME_WORKBENCH_STAFF=["staff_sanna"])
def test_workbench_staff_list_is_never_trusted_in_the_lms():
    block = make_block(11, username="staff_sanna")
    assert not roles.identify(block).is_course_staff


def test_block_key_is_the_usage_key_string():
    block = make_block(1, usage_key=UsageKey(COURSE, "abc"))
    assert roles.block_key(block) == "block-v1:Verme+Demo+2026+type@verme+block@abc"
    assert roles.context_key(block) == COURSE
