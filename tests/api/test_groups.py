"""Groups and membership: who may do what, capacity, one group per block, leaving frees the seat."""
import datetime
import threading
from types import SimpleNamespace

import pytest
from django.db import close_old_connections, connection
from django.utils import timezone

from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.data import Viewer
from verme_xblock.defaults import defaults_for
from verme_xblock.errors import Refusal
from verme_xblock.models import Facilitator, Membership, MentoringSession

pytestmark = pytest.mark.django_db

BLOCK = "block-v1:Verme+Demo+2026+type@verme+block@groups"
STAFF = Viewer("1", "Sanna", roles.STAFF, True, None)
SELF = groups.SELF_SELECT


def learner(user_id, group_id=None):
    return Viewer(str(user_id), f"Learner {user_id}", roles.LEARNER, False, group_id)


def config(**overrides):
    """The settings that session planning reads (a stand-in for the block's `Config`)."""
    values = dict(session_count=5, session_length_minutes=180, session_interval_weeks=6,
                  session_templates=tuple(defaults_for("en")["session_templates"]))
    values.update(overrides)
    return SimpleNamespace(**values)


def make_group(name="New teachers", **kwargs):
    return groups.create_group(BLOCK, STAFF, name=name, **kwargs)


def refused(code, func, *args, **kwargs):
    with pytest.raises(Refusal) as caught:
        func(*args, **kwargs)
    assert caught.value.code == code
    return caught.value


def test_staff_create_edit_and_archive_a_group_with_facilitators():
    facilitators = [("20", "Maija"), ("21", "Johan")]
    group_id = make_group(target_group="new_teachers", place="Room 101", facilitators=facilitators)
    [summary] = groups.list_groups(BLOCK)
    assert (summary.name, summary.target_group, summary.place) == ("New teachers", "new_teachers", "Room 101")
    assert summary.facilitator_names == ("Johan", "Maija")
    groups.update_group(BLOCK, STAFF, group_id, name="Newcomers", target_group="", description="Hi", place="",
                        meeting_url="https://meet.example/x", min_size=3, max_size=6)
    [summary] = groups.list_groups(BLOCK)
    assert (summary.name, summary.min_size, summary.max_size, summary.meeting_url) == (
        "Newcomers", 3, 6, "https://meet.example/x")
    groups.set_archived(BLOCK, STAFF, group_id, True)
    assert groups.list_groups(BLOCK) == []
    assert [g.archived for g in groups.list_groups(BLOCK, include_archived=True)] == [True]


def test_only_staff_manage_groups():
    group_id = make_group()
    for func, args, kwargs in [
        (groups.create_group, (BLOCK, learner(5)), {"name": "Mine"}),
        (groups.update_group, (BLOCK, learner(5), group_id), dict(
            name="x", target_group="", description="", place="", meeting_url="", min_size=1, max_size=2)),
        (groups.set_archived, (BLOCK, learner(5), group_id, True), {}),
        (groups.add_facilitator, (BLOCK, learner(5), group_id), {"user_id": "5", "display_name": "Me"}),
        (groups.assign_member, (BLOCK, learner(5), group_id), {"user_id": "5", "display_name": "Me"}),
        (groups.remove_member, (BLOCK, learner(5), group_id), {"user_id": "5"}),
        (groups.rosters, (BLOCK, learner(5)), {}),
    ]:
        refused("forbidden", func, *args, **kwargs)
    assert groups.list_groups(BLOCK)[0].name == "New teachers"


def test_duplicate_names_and_impossible_sizes_are_refused():
    make_group()
    refused("name_taken", make_group)
    refused("invalid", make_group, name="Other", min_size=6, max_size=5)
    assert len(groups.list_groups(BLOCK)) == 1


def test_creating_with_a_first_date_plans_the_sessions_from_the_settings():
    first = timezone.make_aware(datetime.datetime(2026, 9, 15, 13, 0))
    group_id = make_group(first_session_at=first, config=config(session_count=5))
    sessions = list(MentoringSession.objects.filter(group_id=group_id).order_by("number"))
    assert [s.number for s in sessions] == [1, 2, 3, 4, 5]
    assert sessions[0].title == "Getting started and a shared direction"
    assert sessions[4].title == "Remembering the future and closing"
    assert all(s.duration_minutes == 180 for s in sessions)
    assert sessions[0].agenda[1] == {"minute": 15, "text": "Recap and today's goal"}
    # Six weeks apart at the same local time, across the change to winter time in October.
    local = [timezone.localtime(s.starts_at) for s in sessions]
    assert [t.strftime("%Y-%m-%d %H:%M") for t in local] == [
        "2026-09-15 13:00", "2026-10-27 13:00", "2026-12-08 13:00", "2027-01-19 13:00", "2027-03-02 13:00"]
    assert groups.list_groups(BLOCK)[0].first_session_at == first


def test_join_leave_and_one_group_per_block():
    first, second = make_group("A"), make_group("B")
    groups.join(BLOCK, learner(5), first, enrolment_mode=SELF, organisation="College X", role="Counsellor")
    refused("already_member", groups.join, BLOCK, learner(5), second, enrolment_mode=SELF)
    member = Membership.objects.get(user_id="5")
    assert (member.group_id, member.organisation, member.role) == (first, "College X", "Counsellor")
    groups.update_profile(BLOCK, learner(5, first), organisation="", role="Teacher")
    assert Membership.objects.get(user_id="5").role == "Teacher"
    groups.leave(BLOCK, learner(5, first))
    refused("not_member", groups.leave, BLOCK, learner(5))
    refused("not_member", groups.update_profile, BLOCK, learner(5), organisation="", role="")
    groups.join(BLOCK, learner(5), second, enrolment_mode=SELF)
    assert Membership.objects.get(user_id="5").group_id == second


def test_full_archived_unknown_and_staff_assigned_groups_refuse_joins():
    group_id = make_group(min_size=1, max_size=2)
    groups.join(BLOCK, learner(1), group_id, enrolment_mode=SELF)
    groups.join(BLOCK, learner(2), group_id, enrolment_mode=SELF)
    error = refused("group_full", groups.join, BLOCK, learner(3), group_id, enrolment_mode=SELF)
    assert error.status == 409
    groups.leave(BLOCK, learner(2, group_id))  # leaving frees the seat
    groups.join(BLOCK, learner(3), group_id, enrolment_mode=SELF)
    refused("staff_assigned", groups.join, BLOCK, learner(4), group_id, enrolment_mode="staff_assigned")
    refused("not_found", groups.join, BLOCK, learner(4), 999_999, enrolment_mode=SELF)
    refused("not_found", groups.join, "another-block", learner(4), group_id, enrolment_mode=SELF)
    groups.set_archived(BLOCK, STAFF, group_id, True)
    groups.leave(BLOCK, learner(3, group_id))
    refused("group_archived", groups.join, BLOCK, learner(4), group_id, enrolment_mode=SELF)
    anonymous = Viewer(None, "", roles.ANONYMOUS, False, None)
    refused("forbidden", groups.join, BLOCK, anonymous, group_id, enrolment_mode=SELF)
    assert Membership.objects.filter(user_id="4").count() == 0


def test_staff_add_move_and_remove_members_within_capacity():
    first, second = make_group("A", min_size=1, max_size=1), make_group("B", min_size=1, max_size=2)
    groups.assign_member(BLOCK, STAFF, first, user_id="7", display_name="Ville")
    groups.assign_member(BLOCK, STAFF, first, user_id="7", display_name="Ville L.", organisation="College Z")
    assert Membership.objects.values_list("display_name", "organisation").get() == ("Ville L.", "College Z")
    refused("group_full", groups.assign_member, BLOCK, STAFF, first, user_id="8", display_name="Tuula")
    groups.assign_member(BLOCK, STAFF, second, user_id="7", display_name="Ville")  # a move
    assert list(Membership.objects.values_list("user_id", "group_id")) == [("7", second)]
    groups.remove_member(BLOCK, STAFF, second, user_id="7")
    refused("not_member", groups.remove_member, BLOCK, STAFF, second, user_id="7")
    assert Membership.objects.count() == 0


def test_below_minimum_is_flagged_in_the_summary():
    group_id = make_group(min_size=2, max_size=3)
    assert groups.list_groups(BLOCK)[0].below_minimum
    groups.assign_member(BLOCK, STAFF, group_id, user_id="1", display_name="A")
    groups.assign_member(BLOCK, STAFF, group_id, user_id="2", display_name="B")
    summary = groups.list_groups(BLOCK)[0]
    assert not summary.below_minimum and summary.seats_left == 1


def test_facilitators_can_be_removed():
    group_id = make_group(facilitators=[("20", "Maija")])
    groups.remove_facilitator(BLOCK, STAFF, group_id, user_id="20")
    assert Facilitator.objects.count() == 0


def _join_all(group_id, user_ids):
    """Join from one thread per user at the same moment; returns the refusal codes."""
    barrier = threading.Barrier(len(user_ids))
    outcomes = []

    def attempt(user_id):
        close_old_connections()
        try:
            barrier.wait()
            groups.join(BLOCK, learner(user_id), group_id, enrolment_mode=SELF)
            outcomes.append("joined")
        except Refusal as refusal:
            outcomes.append(refusal.code)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=attempt, args=(user_id,)) for user_id in user_ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_capacity_holds_under_concurrent_joins():
    group_id = make_group(min_size=1, max_size=5)
    groups.assign_member(BLOCK, STAFF, group_id, user_id="0", display_name="First")
    users = [str(n) for n in range(100, 112)]
    if connection.vendor == "sqlite":
        # In-memory SQLite shares one connection between threads; run the same joins one by one.
        outcomes = []
        for user_id in users:
            try:
                groups.join(BLOCK, learner(user_id), group_id, enrolment_mode=SELF)
                outcomes.append("joined")
            except Refusal as refusal:
                outcomes.append(refusal.code)
    else:
        outcomes = _join_all(group_id, users)
    assert sorted(outcomes) == ["group_full"] * 8 + ["joined"] * 4
    assert Membership.objects.filter(group_id=group_id).count() == 5


@pytest.mark.django_db(transaction=True)
def test_one_person_joining_two_groups_at_once_gets_one_seat():
    first, second = make_group("A"), make_group("B")
    if connection.vendor == "sqlite":
        groups.join(BLOCK, learner(9), first, enrolment_mode=SELF)
        refused("already_member", groups.join, BLOCK, learner(9), second, enrolment_mode=SELF)
    else:
        barrier = threading.Barrier(2)
        outcomes = []

        def attempt(group_id):
            close_old_connections()
            try:
                barrier.wait()
                groups.join(BLOCK, learner(9), group_id, enrolment_mode=SELF)
                outcomes.append("joined")
            except Refusal as refusal:
                outcomes.append(refusal.code)
            finally:
                close_old_connections()

        threads = [threading.Thread(target=attempt, args=(g,)) for g in (first, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["already_member", "joined"]
    assert Membership.objects.filter(user_id="9").count() == 1


def test_more_sessions_than_templates_get_numbered_titles():
    first = timezone.make_aware(datetime.datetime(2026, 9, 15, 13, 0))
    group_id = make_group(first_session_at=first, config=config(session_count=7, session_length_minutes=90,
                                                                session_interval_weeks=4))
    sessions = list(MentoringSession.objects.filter(group_id=group_id).order_by("number"))
    assert [s.title for s in sessions[5:]] == ["Session 6", "Session 7"]
    assert {s.duration_minutes for s in sessions} == {90}
    assert (sessions[1].starts_at - sessions[0].starts_at).days == 28


def test_each_role_lists_only_the_groups_it_needs(django_assert_num_queries):
    ids = [make_group(f"Group {n}") for n in range(5)]
    groups.set_archived(BLOCK, STAFF, ids[4], True)
    facilitator = Viewer("20", "Maija", roles.FACILITATOR, False, None, facilitated_group_ids=(ids[1], ids[2]))
    with django_assert_num_queries(0):  # a member's own group comes with their group's space
        assert groups.groups_for(BLOCK, learner(41, ids[0])) == []
    with django_assert_num_queries(2):
        assert [g.id for g in groups.groups_for(BLOCK, learner(42))] == ids[:4]  # the list to choose from
    with django_assert_num_queries(2):
        assert [g.id for g in groups.groups_for(BLOCK, facilitator)] == ids[1:3]
    with django_assert_num_queries(2):
        assert [g.id for g in groups.groups_for(BLOCK, STAFF)] == ids  # archived too
