"""Sessions, attendance and the progress plan: who may change them, and what each role sees."""
import datetime

import pytest
from django.utils import timezone

from tests.api.test_groups import BLOCK, STAFF, config, learner, make_group, refused
from verme_xblock import roles
from verme_xblock.api import groups, plans, privacy, sessions, spaces
from verme_xblock.data import Viewer
from verme_xblock.models import Attendance, Membership, MentoringSession, PlanRevision, ProgressPlan

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 10, 20, 12, 0))


def facilitator(group_id):
    return Viewer("20", "Maija", roles.FACILITATOR, False, None, (group_id,))


@pytest.fixture
def group_id():
    first = timezone.make_aware(datetime.datetime(2026, 9, 15, 13, 0))
    group_id = make_group(first_session_at=first, config=config(), facilitators=[("20", "Maija")])
    groups.assign_member(BLOCK, STAFF, group_id, user_id="5", display_name="Aino", organisation="College X")
    groups.assign_member(BLOCK, STAFF, group_id, user_id="6", display_name="Mikko")
    return group_id


def session(group_id, number):
    return MentoringSession.objects.get(group_id=group_id, number=number)


def test_timeline_states_next_held_later_cancelled(group_id):
    sessions.set_cancelled(BLOCK, facilitator(group_id), session(group_id, 3).id, True)
    space = spaces.group_space(BLOCK, learner(5, group_id), group_id, now=NOW)
    assert [s.state for s in space.sessions] == ["held", "next", "cancelled", "later", "later"]
    assert space.next_session.number == 2
    assert [m.display_name for m in space.members] == ["Aino", "Mikko"]


def test_facilitator_edits_adds_and_cancels_sessions(group_id):
    boss = facilitator(group_id)
    second = session(group_id, 2)
    new_start = timezone.make_aware(datetime.datetime(2026, 11, 3, 9, 0))
    sessions.update_session(BLOCK, boss, second.id, starts_at=new_start, duration_minutes=150, place="Library",
                            title="Stories", goal="G", methods="M", agenda=[{"minute": 0, "text": "Hello"}], notes="N")
    second.refresh_from_db()
    assert (second.starts_at, second.duration_minutes, second.place, second.title) == (new_start, 150, "Library",
                                                                                       "Stories")
    new_id = sessions.add_session(BLOCK, boss, group_id, starts_at=new_start, duration_minutes=60, title="Extra")
    assert MentoringSession.objects.get(id=new_id).number == 6
    sessions.set_cancelled(BLOCK, STAFF, new_id, True)
    assert MentoringSession.objects.get(id=new_id).cancelled


def test_members_and_outsiders_cannot_change_sessions(group_id):
    target = session(group_id, 2)
    start = target.starts_at
    for viewer in (learner(5, group_id), learner(99), facilitator(group_id + 1000)):
        refused("forbidden", sessions.update_session, BLOCK, viewer, target.id, starts_at=NOW, duration_minutes=1,
                place="", title="x", goal="", methods="", agenda=[], notes="")
        refused("forbidden", sessions.set_cancelled, BLOCK, viewer, target.id, True)
        refused("forbidden", sessions.add_session, BLOCK, viewer, group_id, starts_at=NOW, duration_minutes=60,
                title="x")
        refused("forbidden", sessions.record_attendance, BLOCK, viewer, target.id, {"5": ("present", None)})
    refused("not_found", sessions.set_cancelled, BLOCK, STAFF, 999_999, True)
    refused("not_found", sessions.set_cancelled, "other-block", STAFF, target.id, True)
    target.refresh_from_db()
    assert (target.starts_at, target.cancelled) == (start, False)
    assert Attendance.objects.count() == 0


def test_attendance_defaults_to_the_session_length_and_members_see_their_own(group_id):
    first = session(group_id, 1)
    sessions.record_attendance(BLOCK, facilitator(group_id), first.id,
                               {"5": ("present", None), "6": ("present", 120)})
    sessions.record_attendance(BLOCK, facilitator(group_id), first.id, {"6": ("excused", 100)})
    assert dict(Attendance.objects.values_list("user_id", "minutes")) == {"5": 180, "6": 0}
    refused("not_member", sessions.record_attendance, BLOCK, STAFF, first.id, {"99": ("present", None)})

    own = spaces.group_space(BLOCK, learner(5, group_id), group_id, now=NOW).sessions[0].attendance
    assert [(r.user_id, r.status, r.hours) for r in own] == [("5", "present", 3.0)]
    everyone = spaces.group_space(BLOCK, facilitator(group_id), group_id, now=NOW).sessions[0].attendance
    assert [(r.display_name, r.status) for r in everyone] == [("Aino", "present"), ("Mikko", "excused")]


def test_group_space_is_for_members_facilitators_and_staff_only(group_id):
    for viewer in (learner(5, group_id), facilitator(group_id), STAFF):
        assert spaces.group_space(BLOCK, viewer, group_id).summary.id == group_id
    for viewer in (learner(99), learner(98, group_id + 1), facilitator(group_id + 1)):
        refused("forbidden", spaces.group_space, BLOCK, viewer, group_id)
        refused("forbidden", plans.plan_of, group_id, viewer)
        refused("forbidden", plans.save_plan, BLOCK, viewer, group_id, text="x", base_version=0)
    refused("not_found", spaces.group_space, BLOCK, STAFF, 999_999)
    assert ProgressPlan.objects.count() == 0


def test_plan_starts_with_the_ground_rules_and_refuses_stale_saves(group_id):
    aino, mikko = learner(5, group_id), learner(6, group_id)
    plan = plans.plan_of(group_id, aino)
    assert plan.version == 0
    assert "What is shared in the group stays in the group." in plan.text and "## Our goals" in plan.text
    assert plans.save_plan(BLOCK, aino, group_id, text="Aino's plan", base_version=0) == 1
    conflict = refused("stale_version", plans.save_plan, BLOCK, mikko, group_id, text="Mikko's plan", base_version=0)
    body = conflict.as_json()
    assert conflict.status == 409
    assert body["error"]["field"] == "text"
    assert (body["current"]["text"], body["current"]["version"], body["current"]["updated_by"]) == (
        "Aino's plan", 1, "Learner 5")
    assert plans.save_plan(BLOCK, mikko, group_id, text="Merged", base_version=1) == 2
    plan = plans.plan_of(group_id, facilitator(group_id))
    assert (plan.text, plan.version) == ("Merged", 2)
    assert [(r.version, r.text, r.author_name) for r in plan.revisions] == [
        (2, "Merged", "Learner 6"), (1, "Aino's plan", "Learner 5")]
    refused("not_found", plans.save_plan, BLOCK, STAFF, 999_999, text="x", base_version=2)


def test_retirement_erases_private_data_and_keeps_shared_text_readable(group_id):
    plans.save_plan(BLOCK, learner(5, group_id), group_id, text="Plan", base_version=0)
    sessions.record_attendance(BLOCK, STAFF, session(group_id, 1).id, {"5": ("present", None), "6": ("present", None)})
    exported = privacy.export_user("5")
    assert exported["attendance"][0]["minutes"] == 180
    assert exported["plan_revisions"][0]["text"] == "Plan"
    for _ in range(2):
        privacy.retire_user("5")
        assert not Membership.objects.filter(user_id="5").exists()
        assert not Attendance.objects.filter(user_id="5").exists()
        revision = PlanRevision.objects.get()
        assert (revision.author_id, revision.author_name, revision.text) == ("", privacy.FORMER_PARTICIPANT, "Plan")
        plan = ProgressPlan.objects.get()
        assert (plan.updated_by_id, plan.updated_by_name) == ("", privacy.FORMER_PARTICIPANT)
    privacy.retire_user("1")  # the staff member who recorded the attendance
    kept = sorted(Attendance.objects.values_list("user_id", "display_name", "minutes", "recorded_by"))
    assert kept[0] == ("6", kept[0][1], 180, "")
    assert kept[1][0].startswith("retired-") and kept[1][1:] == (privacy.FORMER_PARTICIPANT, 180, "")


@pytest.mark.django_db(transaction=True)
def test_two_saves_on_the_same_version_at_once_keep_one_and_refuse_the_other():
    import threading

    from django.db import close_old_connections, connection

    group_id = make_group("Plan race")
    writers = [learner(5, group_id), learner(6, group_id)]
    outcomes = []

    def save(viewer):
        try:
            plans.save_plan(BLOCK, viewer, group_id, text=f"by {viewer.user_id}", base_version=0)
            outcomes.append("saved")
        except Exception as refusal:  # the refusal code is what the test checks
            outcomes.append(getattr(refusal, "code", repr(refusal)))

    if connection.vendor == "sqlite":  # one shared in-memory connection: the same saves one by one
        for viewer in writers:
            save(viewer)
    else:
        barrier = threading.Barrier(2)

        def run(viewer):
            close_old_connections()
            try:
                barrier.wait()
                save(viewer)
            finally:
                close_old_connections()

        threads = [threading.Thread(target=run, args=(viewer,)) for viewer in writers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(outcomes) == ["saved", "stale_version"]
    assert ProgressPlan.objects.get().version == 1
    assert PlanRevision.objects.count() == 1


def test_attendance_only_for_sessions_that_took_place(group_id):
    boss = facilitator(group_id)
    future = session(group_id, 5)
    assert future.starts_at > timezone.now()
    refusal = refused("session_not_held", sessions.record_attendance, BLOCK, boss, future.id, {"5": ("present", None)})
    assert refusal.status == 409
    held = session(group_id, 1)
    sessions.set_cancelled(BLOCK, boss, held.id, True)
    refusal = refused("session_cancelled", sessions.record_attendance, BLOCK, boss, held.id, {"5": ("present", None)})
    assert refusal.status == 409
    assert not Attendance.objects.exists()


def test_the_hours_report_counts_only_held_sessions(group_id):
    from verme_xblock.api import reports

    boss = facilitator(group_id)
    first, second = session(group_id, 1), session(group_id, 2)
    sessions.record_attendance(BLOCK, boss, first.id, {"5": ("present", None)})
    sessions.record_attendance(BLOCK, boss, second.id, {"5": ("present", 60)})
    # Rows left on a session cancelled later, or moved to the future, no longer count.
    sessions.set_cancelled(BLOCK, boss, second.id, True)
    (aino,) = [row for row in reports.participation_hours(BLOCK, STAFF) if row.name == "Aino"]
    assert (aino.attended, aino.minutes) == (1, 180)
    MentoringSession.objects.filter(id=first.id).update(starts_at=timezone.now() + datetime.timedelta(days=3))
    (aino,) = [row for row in reports.participation_hours(BLOCK, STAFF) if row.name == "Aino"]
    assert (aino.attended, aino.minutes) == (0, 0)
