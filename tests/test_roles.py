"""Who is calling, under each runtime's service shapes, read once per request."""
import pytest
from django.test import override_settings
from opaque_keys.edx.keys import CourseKey

from tests.runtimes import COURSE, course_usage_key, library_usage_key, make_block
from verme_xblock import roles


def test_lms_learner_is_identified_from_the_user_service():
    caller = roles.identify(make_block(42, username="aino", full_name="Aino Virtanen"))
    assert caller == roles.Caller("42", "aino", "Aino Virtanen", False, "lms")
    assert not caller.masquerading and caller.read_only is None


def test_lms_staff_flag_comes_from_edx_platform_user_is_staff():
    assert roles.identify(make_block(7, username="sanna", is_staff=True)).is_course_staff


def test_lms_anonymous_user_has_no_id():
    block = make_block(None)
    assert "edx-platform.user_id" not in block.runtime.service(block, "user").get_current_user().opt_attrs
    assert roles.identify(block).is_anonymous


def test_full_name_falls_back_to_username():
    assert roles.identify(make_block(5, username="mikko")).display_name == "mikko"


def test_staff_viewing_as_a_specific_learner_is_a_read_only_masquerade():
    caller = roles.identify(make_block(42, username="aino", full_name="Aino Virtanen", real_user_id=7))
    assert (caller.user_id, caller.real_user_id, caller.is_course_staff) == ("42", "7", False)
    assert caller.masquerading and caller.read_only == roles.MASQUERADE


def test_plain_view_as_learner_acts_as_the_staff_member_themselves():
    # "View this course as: Learner" keeps the staff member's own user; the platform reports no staff.
    caller = roles.identify(make_block(7, username="sanna", is_staff=False))
    assert (caller.user_id, caller.masquerading, caller.read_only) == ("7", False, None)


@pytest.mark.django_db
def test_the_context_is_read_once_per_request():
    block = make_block(42, username="aino")
    service = block.runtime.service(block, "user")
    calls = []
    original = service.get_current_user
    service.get_current_user = lambda: calls.append(1) or original()
    first = roles.request_context(block)
    assert roles.request_context(block) is first and block.viewer().user_id == "42"
    assert len(calls) == 1


@pytest.mark.parametrize(("writable", "expected"), [((COURSE,), True), ((), False)])
@pytest.mark.parametrize("preview", [False, True])
def test_studio_staff_is_decided_by_studio_write_permission(writable, expected, preview):
    block = make_block(9, username="author", is_staff=False, studio_writable=writable, studio_preview=preview)
    caller = roles.identify(block)
    assert caller.runtime == "studio"
    assert caller.is_course_staff is expected and caller.can_edit_settings is expected
    assert caller.read_only == roles.PREVIEW  # no rows are written from Studio


def test_studio_ignores_the_user_services_staff_flag():
    block = make_block(9, username="author", is_staff=True, studio_writable=())
    assert not roles.identify(block).is_course_staff


def test_a_library_runtime_is_read_only_and_site_wide_staff_is_not_course_staff():
    block = make_block(3, username="librarian", library=True, global_staff=True)
    caller = roles.identify(block)
    assert (caller.runtime, caller.is_course_staff, caller.can_edit_settings) == ("library", False, False)
    assert caller.read_only == roles.PREVIEW
    assert str(roles.context_key(block)) == "lib:Verme:mentoring"


@override_settings(VERME_WORKBENCH_STAFF=["staff_sanna"])
def test_workbench_staff_list_is_never_trusted_in_the_lms():
    block = make_block(11, username="staff_sanna")
    assert not roles.identify(block).is_course_staff


def test_block_key_is_the_usage_key_string():
    block = make_block(1, usage_key=course_usage_key(COURSE, "abc"))
    assert roles.block_key(block) == "block-v1:Verme+Demo+2026+type@verme+block@abc"
    assert roles.context_key(block) == CourseKey.from_string(COURSE)


def test_draft_and_published_keys_name_the_same_rows():
    published = make_block(1, usage_key=course_usage_key(COURSE, "abc"))
    draft = make_block(1, usage_key=course_usage_key(COURSE, "abc", branch="draft-branch"))
    versioned = course_usage_key(COURSE, "abc", branch="draft-branch").replace(version_guid="5f1b3c2d4e5f6a7b8c9d0e1f")
    assert "draft-branch" in str(draft.scope_ids.usage_id)
    assert roles.block_key(draft) == roles.block_key(published) == roles.block_key(make_block(1, usage_key=versioned))
    assert str(roles.context_key(draft)) == COURSE


def test_library_and_workbench_ids_are_kept_as_they_are():
    assert roles.block_key(make_block(1, library=True)) == str(library_usage_key())
    block = make_block(1)
    block.scope_ids = block.scope_ids._replace(usage_id="verme.d0.u0")
    assert roles.block_key(block) == "verme.d0.u0"


@pytest.mark.django_db
def test_the_library_editor_says_why_it_cannot_save():
    html = make_block(3, username="librarian", library=True, global_staff=True).render("studio_view").body_html()
    assert "In a content library this component&#x27;s settings cannot be changed." in html
    assert "cannot be changed" not in make_block(3, studio_writable=(COURSE,)).render("studio_view").body_html()
