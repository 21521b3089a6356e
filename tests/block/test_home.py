"""The home view (the first view) and the sections opened from its menu."""
import datetime

import pytest
from django.utils import timezone

from tests.helpers import call_handler, count_rows
from tests.reflection_setup import STAFF, all_items, make_season, member_block
from tests.runtimes import make_block
from verme_xblock.api import bank, bank_moderation, groups, plans, reflections
from verme_xblock.models import Attendance, MentoringSession, Visitor

pytestmark = pytest.mark.django_db


@pytest.fixture
def season():
    return make_season(make_block("m1").block_key)


def first_view(block, context=None):
    return block.render("student_view", context).body_html()


def share(season, user_id, title, visibility="course"):
    return bank.create_post(season.block_key, season.member(user_id), title=title, body="Text", tags=[],
                            visibility=visibility).id


def test_a_member_sees_the_next_session_and_the_reflection_due(season):
    MentoringSession.objects.filter(id=season.sessions[-1]).update(place="Room 12", methods="Bring a case.")
    html = first_view(member_block("m1"))
    assert "4. Later" in html and "Room 12" in html and "Bring a case." in html
    assert "Finland Time" in html and "Europe/Helsinki" not in html
    assert "Sessions after this one: 0." in html
    assert "Reflections to fill in: 3. The latest: “Session title 3”." in html
    assert 'href="#verme-reflections"' in html and "calendar_ics" in html
    # The first view holds no section's content: the bank, the roster and the reflection forms wait.
    assert "data-verme-bank" not in html and "data-reflection-form" not in html and "Member m2" not in html


def test_the_reflection_task_names_the_latest_session_still_to_reflect_on(season):
    block = member_block("m1")
    config = block.config("en")
    for session_id in season.sessions[:3]:
        reflections.save_reflection(season.block_key, season.member("m1"), config, session_id,
                                    all_items(config), {}, submit=True)
    html = first_view(member_block("m1"))
    assert 'data-task="reflection"' not in html
    assert "Nothing to do right now." in html


def test_the_baseline_is_asked_for_only_before_the_first_session():
    block_key = make_block("m1").block_key
    group_id = groups.create_group(block_key, STAFF, name="Fresh")
    groups.assign_member(block_key, STAFF, group_id, user_id="m1", display_name="Member m1")
    reflections.ensure_session(group_id, 1, title="Start", starts_at=timezone.now() + datetime.timedelta(days=3))
    assert 'data-task="baseline"' in first_view(member_block("m1"))
    MentoringSession.objects.filter(group_id=group_id).update(starts_at=timezone.now() - datetime.timedelta(days=1))
    html = first_view(member_block("m1"))
    assert 'data-task="baseline"' not in html and 'data-task="reflection"' in html


def test_new_practices_and_plan_changes_count_until_the_member_opens_those_sections(season):
    share(season, "m2", "Exit tickets")
    share(season, "x1", "Other group's secret", visibility="group")
    plans.save_plan(season.block_key, season.member("m2"), season.group_id, text="Our goals", base_version=0)
    block = member_block("m1")
    html = first_view(block)
    assert "New good practices since your last visit: 1." in html
    assert "The progress plan of Group A has changed since your last visit." in html
    assert call_handler(block, "section_show", {"section": "bank"})[0] == 200
    assert call_handler(block, "section_show", {"section": "plan"})[0] == 200
    html = first_view(block)
    assert 'data-task="practices"' not in html and 'data-task="plan"' not in html
    share(season, "m3", "Pair work")
    assert "New good practices since your last visit: 1." in first_view(block)


def test_hidden_deleted_and_other_groups_posts_are_not_news_but_staff_hear_of_every_group(season):
    from verme_xblock.models import Post

    share(season, "x1", "Other group's own", visibility="group")
    hidden = share(season, "m2", "Hidden by a moderator")
    deleted = share(season, "m3", "Taken back")
    Post.objects.filter(id=hidden).update(hidden=True)
    Post.objects.filter(id=deleted).update(deleted_at=timezone.now())
    assert 'data-task="practices"' not in first_view(member_block("m1"))
    share(season, "m2", "Seen by the group", visibility="group")
    assert "New good practices since your last visit: 1." in first_view(member_block("m1"))
    assert "New good practices since your last visit: 2." in first_view(make_block("staff", is_staff=True))


def test_a_visit_noted_by_time_alone_counts_the_posts_shared_after_it(season):
    share(season, "m2", "Before the visit")
    block = member_block("m1")
    block.seen = {"bank": (timezone.now() + datetime.timedelta(seconds=1)).isoformat()}
    assert 'data-task="practices"' not in first_view(block)
    block.seen = {"bank": (timezone.now() - datetime.timedelta(hours=1)).isoformat()}
    assert "New good practices since your last visit: 1." in first_view(block)


def test_news_counts_from_the_newest_post_seen_and_stops_at_99(season):
    from verme_xblock.models import Post

    block = member_block("m1")
    assert call_handler(block, "section_show", {"section": "bank"})[0] == 200
    newest = Post.objects.filter(block_key=season.block_key).order_by("-id").values_list("id", flat=True).first()
    assert block.seen["bank_post"] == (newest or 0)
    Post.objects.bulk_create([Post(block_key=season.block_key, author_id="m2", author_name="Member m2",
                                   group_id=season.group_id, visibility=Post.COURSE, title=f"Idea {n}", body="Text")
                              for n in range(120)])
    html = first_view(member_block("m1"))
    assert "New good practices since your last visit: 99+." in html
    Post.objects.filter(block_key=season.block_key, title__startswith="Idea").exclude(title="Idea 0").delete()
    assert "New good practices since your last visit: 1." in first_view(member_block("m1"))


def test_own_posts_and_own_plan_saves_are_not_news(season):
    share(season, "m1", "Mine")
    plans.save_plan(season.block_key, season.member("m1"), season.group_id, text="Mine", base_version=0)
    html = first_view(member_block("m1"))
    assert 'data-task="practices"' not in html and 'data-task="plan"' not in html


def test_a_newcomer_is_asked_to_choose_a_group_and_noted_for_staff(season):
    html = first_view(make_block("new1", full_name="Nina New"))
    assert "Choose your mentoring group." in html and ">Choose a group</a>" in html
    assert "My reflections" not in html and "Progress plan" not in html
    assert Visitor.objects.filter(user_id="new1").exists()


def test_a_facilitator_sees_attendance_to_record_and_reports_waiting(season):
    post_id = share(season, "m2", "Needs a look", visibility="group")
    bank_moderation.report(season.block_key, season.member("m3"), post_id, reason="Off topic")
    Attendance.objects.create(session_id=season.sessions[0], user_id="m1", status="present", minutes=180)
    html = first_view(make_block("fac", full_name="Facilitator"))
    assert "Record attendance in Group A (sessions: 2)." in html
    assert "Reports waiting for moderation: 1." in html
    assert ">My groups</a>" in html and ">Dashboard</a>" not in html


def test_staff_see_groups_below_minimum_and_people_waiting(season):
    Visitor.objects.create(block_key=season.block_key, user_id="w1", display_name="Waiting One")
    html = first_view(make_block("staff", is_staff=True))
    assert "Groups below their minimum size (1): Group B." in html
    assert "People waiting for a group: 1." in html
    assert ">Dashboard</a>" in html and ">Groups and people</a>" in html and ">My reflections</a>" not in html


@pytest.mark.parametrize(("user_id", "staff", "sections"), [
    ("m1", False, ["home", "group", "season", "plan", "bank", "reflections", "directory", "messages"]),
    ("fac", False, ["home", "group", "season", "plan", "bank", "mygroups", "directory", "messages"]),
    ("staff", True, ["home", "bank", "dashboard", "people", "figures", "directory", "messages"]),
    ("new1", False, ["home", "group", "bank", "directory", "messages"]),
])
def test_each_role_opens_each_of_its_sections_by_handler_and_by_name(season, user_id, staff, sections):
    block = make_block(user_id, is_staff=staff)
    assert [name for name, _label in block.nav_sections(block.viewer())] == sections
    for name in sections:
        status, body = call_handler(block, "section_show", {"section": name})
        assert status == 200 and body["section"] == name and body["message"].endswith(" opened.")
        rendered = first_view(block, {"section": name})
        assert f'data-verme-panel="{name}"' in rendered and 'aria-current="page">' in rendered


@pytest.mark.parametrize(("payload", "status", "code"), [
    ({"section": "dashboard"}, 404, "unknown_section"),  # a member has no dashboard
    ({"section": "nonsense"}, 400, "invalid_choice"),
    ({}, 400, None),
    ({"section": "group", "group_id": "x"}, 400, None),
])
def test_a_section_that_is_not_the_viewers_is_refused_with_nothing_written(season, payload, status, code):
    before = count_rows()
    got, body = call_handler(member_block("m1"), "section_show", payload)
    assert got == status and set(body["error"]) == {"code", "message", "field"}
    assert code is None or body["error"]["code"] == code
    assert count_rows() == before


def test_the_group_section_shows_the_space_without_the_plan_and_the_plan_section_only_the_plan(season):
    block = member_block("m1")
    group = first_view(block, {"section": "group"})
    plan = first_view(block, {"section": "plan"})
    assert "Member m2" in group and "data-plan-form" not in group
    assert "data-plan-form" in plan and "Member m2" not in plan and "The season" not in plan
    season_plan = first_view(block, {"section": "season"})  # the plan written together at session 1
    assert "data-season-plan" in season_plan and "data-plan-form" not in season_plan


def test_an_unknown_section_in_the_context_falls_back_to_the_home(season):
    html = first_view(make_block("staff", is_staff=True), {"section": "reflections"})
    assert 'data-verme-panel="home"' in html


def test_the_baseline_is_not_offered_once_the_second_session_is_held(season):
    html = first_view(member_block("m1"), {"section": "reflections"})
    assert 'data-slot="baseline"' not in html and html.count("data-slot=") == 3
    started = member_block("m2")
    config = started.config("en")
    reflections.save_reflection(season.block_key, season.member("m2"), config, None, all_items(config), {},
                                submit=False)
    assert 'data-slot="baseline"' in first_view(member_block("m2"), {"section": "reflections"})


def test_session_editors_and_attendance_open_one_session_at_a_time(season):
    block = make_block("fac")
    html = first_view(block, {"section": "group"})
    assert 'data-action="session_update"' not in html and html.count("data-session-open=") == 4
    status, body = call_handler(block, "section_show", {"section": "group", "open": str(season.sessions[1])})
    assert status == 200 and body["html"].count('data-action="session_update"') == 1
    assert f'name="session_id" value="{season.sessions[1]}"' in body["html"]
    assert 'data-action="attendance_record"' in body["html"] and "data-confirm=" in body["html"]
    # After a save the edited session stays open.
    status, body = call_handler(block, "session_update", {
        "session_id": season.sessions[1], "starts_at": "2026-01-12T09:30", "duration_minutes": 180, "title": "New",
        "part": "space"})
    assert status == 200 and body["html"].count('data-action="session_update"') == 1


def test_destructive_actions_are_secondary_and_ask_first(season):
    staff_html = first_view(make_block("staff", is_staff=True), {"section": "people"})
    assert 'data-action="group_archive" novalidate data-confirm="Archive Group A?' in staff_html
    assert "verme-button verme-secondary verme-danger" in staff_html
    member_html = first_view(member_block("m1"), {"section": "group"})
    assert 'data-action="group_leave" novalidate data-confirm="Leave the group?' in member_html
