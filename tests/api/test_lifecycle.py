"""The data follows the course's life: unenrolment, deletion of a component or a course, the purge
command, copies; the receivers get the real event data classes of openedx-events."""
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey, UsageKey
from openedx_events.content_authoring.data import XBlockData
from openedx_events.content_authoring.signals import XBLOCK_DELETED
from openedx_events.learning.data import CourseData, CourseEnrollmentData, UserData, UserPersonalData
from openedx_events.learning.signals import COURSE_ENROLLMENT_CREATED, COURSE_UNENROLLMENT_COMPLETED

from tests.api.reports_world import STAFF, make_group, post, record
from tests.helpers import count_rows
from verme_xblock import compat, course_events
from verme_xblock.api import reports
from verme_xblock.models import (
    Attendance,
    EndedMembership,
    Facilitator,
    Membership,
    MentoringGroup,
    MentoringSession,
    Post,
    Visitor,
)

pytestmark = pytest.mark.django_db

COURSE = "course-v1:Verme+Reports+2026"
KEY = "block-v1:Verme+Reports+2026+type@verme+block@reports1"
OTHER_COURSE_KEY = "block-v1:Verme+Other+2026+type@verme+block@other1"


def enrollment(user_id, course=COURSE, active=False):
    user = UserData(id=int(user_id), is_active=True,
                    pii=UserPersonalData(username=f"u{user_id}", email=f"u{user_id}@example.org", name="Someone"))
    return CourseEnrollmentData(user=user, course=CourseData(course_key=CourseKey.from_string(course)),
                                mode="audit", is_active=active, creation_date=timezone.now())


@pytest.fixture
def course():
    north = make_group("North", [("41", "Aino", "Omnia"), ("42", "Mikko", "Varia")], facilitator_id="41")
    record(north, 1, "41", Attendance.PRESENT)
    Visitor.objects.create(block_key=KEY, user_id="41", display_name="Aino")
    elsewhere = MentoringGroup.objects.create(block_key=OTHER_COURSE_KEY, name="Elsewhere")
    Membership.objects.create(block_key=OTHER_COURSE_KEY, group=elsewhere, user_id="41", display_name="Aino")
    return north


def test_every_row_carries_its_course_key_even_when_bulk_created(course):
    assert set(Membership.objects.filter(block_key=KEY).values_list("course_key", flat=True)) == {COURSE}
    assert MentoringGroup.objects.get(name="Elsewhere").course_key == "course-v1:Verme+Other+2026"
    assert Visitor.objects.get().course_key == COURSE
    workbench = MentoringGroup.objects.create(block_key="verme.verme.d0.u0", name="Workbench")
    assert workbench.course_key == ""


def test_unenrolment_frees_the_seat_and_keeps_the_hours(course):
    north = course
    COURSE_UNENROLLMENT_COMPLETED.send_event(enrollment=enrollment("41"))
    assert list(Membership.objects.filter(block_key=KEY).values_list("user_id", flat=True)) == ["42"]
    assert not Facilitator.objects.filter(user_id="41").exists() and not Visitor.objects.exists()
    assert Membership.objects.filter(block_key=OTHER_COURSE_KEY, user_id="41").exists()  # another course
    assert Attendance.objects.filter(user_id="41").count() == 1
    ended = EndedMembership.objects.get()
    assert (ended.group_id, ended.organisation, ended.course_key) == (north.id, "Omnia", COURSE)
    aino = [row for row in reports.participation_hours(KEY, STAFF) if row.name == "Aino"]
    assert [(row.organisation, row.minutes) for row in aino] == [("Omnia", 180)]
    rows = count_rows()
    COURSE_UNENROLLMENT_COMPLETED.send_event(enrollment=enrollment("41"))  # twice: nothing more
    COURSE_ENROLLMENT_CREATED.send_event(enrollment=enrollment("41", active=True))  # re-enrolling
    assert count_rows() == rows and not Membership.objects.filter(block_key=KEY, user_id="41").exists()


def test_deleting_the_component_deletes_its_data_and_nothing_else(course):
    post(course, "Peer observation")
    other = count_rows()
    XBLOCK_DELETED.send_event(xblock_info=XBlockData(usage_key=UsageKey.from_string(KEY).map_into_course(
        CourseKey.from_string(COURSE)), block_type="vertical"))
    assert count_rows() == other  # a unit: the purge command finds the components that went with it
    # Studio's key may carry the draft branch: the rows, keyed without it, are found all the same.
    draft_key = UsageKey.from_string(KEY).for_branch("draft-branch")
    XBLOCK_DELETED.send_event(xblock_info=XBlockData(usage_key=draft_key, block_type="verme"))
    for model in (MentoringGroup, Membership, Post, Visitor):
        assert not model.objects.filter(block_key=KEY).exists(), model
    assert not MentoringSession.objects.exists() and not Attendance.objects.exists()
    assert Membership.objects.filter(block_key=OTHER_COURSE_KEY).exists()


def test_deleting_a_course_deletes_the_data_of_its_components(course):
    assert compat.course_deleted_signal() is None  # outside the platform; the receiver is called as Studio would
    course_events.on_course_deleted(sender=None, course_key=CourseKey.from_string(COURSE))
    assert not MentoringGroup.objects.filter(course_key=COURSE).exists()
    assert MentoringGroup.objects.filter(block_key=OTHER_COURSE_KEY).exists()


def test_purge_lists_then_removes_the_data_of_components_that_no_longer_exist(course, monkeypatch):
    MentoringGroup.objects.create(block_key="verme.verme.d0.u0", name="Workbench")
    existing = {KEY: False, OTHER_COURSE_KEY: True}  # the modulestore's answer (None: cannot tell)
    monkeypatch.setattr(compat, "block_exists", existing.get)
    before = count_rows()
    out = io.StringIO()
    call_command("verme_purge", "--dry-run", stdout=out)
    assert f"would remove {KEY}" in out.getvalue() and count_rows() == before
    assert "kept verme.verme.d0.u0: the modulestore cannot check it here" in out.getvalue()
    assert "3 components with data; would remove 1; kept 2." in out.getvalue()
    out = io.StringIO()
    call_command("verme_purge", "--course", COURSE, stdout=out)
    assert f"removed {KEY} (" in out.getvalue() and "1 components with data; removed 1; kept 0." in out.getvalue()
    assert not MentoringGroup.objects.filter(block_key=KEY).exists()
    assert MentoringGroup.objects.filter(block_key=OTHER_COURSE_KEY).exists()
    assert MentoringGroup.objects.filter(block_key="verme.verme.d0.u0").exists()


def test_purge_outside_the_platform_removes_nothing(course):
    before = count_rows()
    out = io.StringIO()
    call_command("verme_purge", stdout=out)
    assert count_rows() == before and "removed 0" in out.getvalue()
