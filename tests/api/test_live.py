"""Live session mode: the agenda clock, the speaking round, versioned notes, action points."""
import datetime

import pytest
from django.utils import timezone

from tests.api.test_groups import BLOCK, STAFF, config, learner, make_group, refused
from tests.api.test_reflection_concurrency import run_together
from tests.api.test_sessions_and_plans import facilitator, session
from verme_xblock.api import groups, live, sessions
from verme_xblock.errors import Refusal
from verme_xblock.models import ActionPoint, LiveNoteRevision, MentoringSession


def setup_group():
    first = timezone.make_aware(datetime.datetime(2026, 9, 15, 13, 0))
    group_id = make_group(first_session_at=first, config=config(), facilitators=[("20", "Maija")])
    for user_id, name in (("5", "Aino"), ("6", "Mikko"), ("7", "Liisa")):
        groups.assign_member(BLOCK, STAFF, group_id, user_id=user_id, display_name=name)
    return group_id


@pytest.fixture
def group_id(db):
    return setup_group()


def test_the_agenda_runs_with_clock_times_and_the_next_item(group_id):
    boss, first = facilitator(group_id), session(group_id, 1)
    state = live.live_state(BLOCK, boss, first.id)
    assert state.item_started_at is None and len(state.agenda) == 7
    assert [item.minutes for item in state.agenda] == [15, 10, 60, 15, 50, 20, 10]
    assert timezone.localtime(state.agenda[1].starts_at).strftime("%H:%M") == "13:15"
    live.go_to_item(BLOCK, boss, first.id, 0)
    live.go_to_item(BLOCK, boss, first.id, 1)
    state = live.live_state(BLOCK, boss, first.id)
    assert (state.current.text, state.next.text) == ("Recap and today's goal", "Theme, part 1")
    assert state.item_ends_at - state.item_started_at == datetime.timedelta(minutes=10)
    refused("invalid", live.go_to_item, BLOCK, boss, first.id, 7)


def test_a_round_passes_through_the_members_present_in_a_shuffled_order(group_id):
    boss, first = facilitator(group_id), session(group_id, 1)
    sessions.record_attendance(BLOCK, boss, first.id, {"7": ("absent", None)})
    live.start_round(BLOCK, boss, first.id, 4)
    state = live.live_state(BLOCK, boss, first.id)
    assert sorted(name for _id, name in state.turn_order) == ["Aino", "Mikko"]  # Liisa is absent
    assert state.turn_minutes == 4 and state.speaker == state.turn_order[0]
    assert state.next_speaker == state.turn_order[1]
    live.next_speaker(BLOCK, boss, first.id)
    assert live.live_state(BLOCK, boss, first.id).speaker == state.turn_order[1]
    live.next_speaker(BLOCK, boss, first.id)
    assert live.live_state(BLOCK, boss, first.id).speaker is None  # the round is over
    refused("no_round", live.next_speaker, BLOCK, boss, first.id)
    orders = set()
    for _ in range(30):
        live.start_round(BLOCK, boss, first.id, 3)
        orders.add(tuple(live.live_state(BLOCK, boss, first.id).turn_order))
    assert len(orders) == 2  # both orders of two people come up


def test_notes_are_versioned_become_the_minutes_and_a_stale_save_keeps_the_current_text(group_id):
    boss, first = facilitator(group_id), session(group_id, 1)
    assert live.save_notes(BLOCK, boss, first.id, text="Check-in: all well", base_version=0) == 1
    conflict = refused("stale_version", live.save_notes, BLOCK, STAFF, first.id, text="Other device", base_version=0)
    assert conflict.status == 409 and conflict.as_json()["current"]["text"] == "Check-in: all well"
    assert live.save_notes(BLOCK, STAFF, first.id, text="Check-in: all well\nOther device", base_version=1) == 2
    assert MentoringSession.objects.get(id=first.id).notes == "Check-in: all well\nOther device"
    assert list(LiveNoteRevision.objects.values_list("version", "author_name")) == [(2, "Sanna"), (1, "Maija")]


def test_action_points_have_a_member_as_owner(group_id):
    boss, first = facilitator(group_id), session(group_id, 1)
    live.add_action(BLOCK, boss, first.id, text="Try exit tickets", owner_id="5")
    refused("not_member", live.add_action, BLOCK, boss, first.id, text="x", owner_id="99")
    action = ActionPoint.objects.get()
    assert (action.owner_name, action.done) == ("Aino", False)
    live.set_action_done(BLOCK, boss, action.id, True)
    assert live.live_state(BLOCK, boss, first.id).actions[0].done


def test_only_facilitators_and_staff_run_a_session(group_id):
    first = session(group_id, 1)
    for viewer in (learner(5, group_id), learner(99), facilitator(group_id + 1000)):
        refused("forbidden", live.live_state, BLOCK, viewer, first.id)
        refused("forbidden", live.go_to_item, BLOCK, viewer, first.id, 0)
        refused("forbidden", live.save_notes, BLOCK, viewer, first.id, text="x", base_version=0)
        refused("forbidden", live.add_action, BLOCK, viewer, first.id, text="x", owner_id="5")
    refused("not_found", live.live_state, "other-block", STAFF, first.id)


@pytest.mark.django_db(transaction=True)
def test_two_devices_saving_notes_at_once_lose_nothing():
    group_id = setup_group()
    first_id = session(group_id, 1).id
    boss = facilitator(group_id)

    def save(text):
        def run():
            try:
                return live.save_notes(BLOCK, boss, first_id, text=text, base_version=0)
            except Refusal as refusal:
                return refusal
        return run

    results = run_together([save("Laptop notes"), save("Phone notes")])
    saved = [r for r in results if isinstance(r, int)]
    conflicts = [r for r in results if isinstance(r, Refusal)]
    assert saved == [1] and len(conflicts) == 1 and conflicts[0].status == 409, results
    winner = MentoringSession.objects.get(id=first_id).notes
    assert conflicts[0].current["text"] == winner  # the other device sees the saved text beside its own
    assert LiveNoteRevision.objects.count() == 1


def test_retirement_and_export_cover_live_mode(group_id):
    from verme_xblock.api import privacy

    boss, first = facilitator(group_id), session(group_id, 1)
    live.save_notes(BLOCK, boss, first.id, text="Notes by Maija", base_version=0)
    live.add_action(BLOCK, boss, first.id, text="Try exit tickets", owner_id="5")
    assert [row["text"] for row in privacy.export_user("5")["action_points"]] == ["Try exit tickets"]
    assert [row["text"] for row in privacy.export_user("20")["session_notes"]] == ["Notes by Maija"]
    privacy.retire_user("5")
    privacy.retire_user("20")
    action = ActionPoint.objects.get()
    assert (action.owner_name, action.text) == (privacy.FORMER_PARTICIPANT, "Try exit tickets")
    assert action.owner_id != "5" and action.created_by == ""
    assert LiveNoteRevision.objects.get().author_name == privacy.FORMER_PARTICIPANT
