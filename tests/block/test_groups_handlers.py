"""The group handlers through an LMS-shaped runtime: each role, refused input, privacy, calendar, queries."""
import datetime

import icalendar
import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from webob import Request

from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, first_view, whole_view
from tests.runtimes import course_usage_key, make_block
from verme_xblock.models import Attendance, Membership, MentoringGroup, MentoringSession, ProgressPlan

pytestmark = pytest.mark.django_db

KEY = course_usage_key(block="groups1")
FIRST = (timezone.localtime() - datetime.timedelta(weeks=7)).replace(second=0, microsecond=0)


def block_for(user_id, **kwargs):
    names = {7: "Sanna", 20: "Maija", 41: "Aino", 42: "Mikko", 43: "Liisa", 99: "Outsider"}
    return make_block(user_id, username=f"u{user_id}", full_name=names.get(user_id, f"User {user_id}"),
                      usage_key=KEY, **kwargs)


ENROLLED = (20, 21, 41, 42, 43)


@pytest.fixture(autouse=True)
def people():
    """The LMS's users behind the ids (the people directory reads the user table); 99 is not enrolled."""
    names = {20: "Maija", 21: "Johan", 41: "Aino", 42: "Mikko", 43: "Liisa", 99: "Outsider"}
    for user_id, name in names.items():
        get_user_model().objects.create(id=user_id, username=f"u{user_id}", email=f"u{user_id}@example.org",
                                        first_name=name)


def staff():
    return block_for(7, is_staff=True, enrolled=ENROLLED)


def create(name="New teachers", **extra):
    payload = {"name": name, "target_group": "new_teachers", "first_session_at": FIRST.strftime("%Y-%m-%dT%H:%M"),
               "facilitator_person": "u20", "min_size": "2", "max_size": "2",
               **extra}
    status, body = call_handler(staff(), "group_create", payload)
    assert status == 200, body
    return MentoringGroup.objects.get(name=name).id


@pytest.fixture
def group_id():
    group_id = create()
    for user_id in (41, 42):
        status, body = call_handler(block_for(user_id), "group_join", {"group_id": group_id, "organisation": "Org X"})
        assert status == 200, body
    return group_id


def test_staff_creates_a_group_with_sessions_and_learners_join_until_full(group_id):
    assert MentoringSession.objects.filter(group_id=group_id).count() == 5
    status, body = call_handler(block_for(43), "group_join", {"group_id": group_id})
    assert status == 409
    assert_error_shape(body, "group_full")
    assert "full" in body["error"]["message"]
    status, body = call_handler(block_for(42), "group_leave", {})
    assert status == 200 and body["message"] == "You left the group."
    status, body = call_handler(block_for(43), "group_join", {"group_id": group_id, "role": "Teacher"})
    assert status == 200
    assert "Progress plan" in body["html"] and "Liisa" in body["html"]


def test_learner_list_shows_target_group_facilitator_seats_and_first_date():
    create(max_size="9")
    html = whole_view(block_for(43))
    assert "New teachers at the start of their career" in html
    assert "Maija" in html and "Seats left: 9 of 9" in html
    assert FIRST.strftime("%Y") in html
    assert "Join this group" in html


def test_a_group_joined_mid_season_shows_its_next_session_and_how_many_remain():
    group_id = create(max_size="9")
    now = timezone.now()
    for number, session in enumerate(MentoringSession.objects.filter(group_id=group_id).order_by("number"), 1):
        session.starts_at = now + datetime.timedelta(weeks=6 * (number - 4), hours=1)
        session.save()
    html = whole_view(block_for(43))
    upcoming = timezone.localtime(now + datetime.timedelta(hours=1))
    assert f"Next session {upcoming.day} " in html and "sessions left: 2" in html


def test_staff_assigned_mode_hides_joining_and_refuses_it():
    group_id = create()
    learner = block_for(43, fields={"enrolment_mode": "staff_assigned"})
    assert "Join this group" not in whole_view(learner)
    rows = count_rows()
    status, body = call_handler(learner, "group_join", {"group_id": group_id})
    assert status == 403
    assert_error_shape(body, "staff_assigned")
    assert count_rows() == rows


def test_organisations_roster_and_plan_are_shown_to_the_group_only(group_id):
    member_html = whole_view(block_for(41))
    outsider_html = whole_view(block_for(99))
    assert "Org X" in member_html and "Mikko" in member_html and "Ground rules" in member_html
    assert "Org X" not in outsider_html and "Mikko" not in outsider_html and "Ground rules" not in outsider_html
    assert "New teachers" in outsider_html  # the public list entry
    status, body = call_handler(block_for(99), "groups_show", {"group_id": group_id})
    assert status == 200 and "Org X" not in body["html"]  # falls back to the outsider's own view


@pytest.mark.parametrize(
    ("handler", "payload", "status", "code", "field"),
    [
        ("group_create", {"name": 5}, 400, "invalid", "name"),
        ("group_create", {"name": "x" * 121}, 400, "too_long", "name"),
        ("group_create", {"name": "X", "target_group": "astronauts"}, 400, "invalid_choice", "target_group"),
        ("group_create", {"name": "X", "first_session_at": "2026-02-30T10:00"}, 400, "invalid_datetime",
         "first_session_at"),
        ("group_create", {"name": "X", "min_size": "many"}, 400, "invalid", "min_size"),
        ("group_create", {"name": "X", "min_size": 8, "max_size": 3}, 400, "invalid", "min_size"),
        ("group_create", {"name": "X", "meeting_url": "javascript:alert(1)"}, 400, "invalid_url", "meeting_url"),
        ("group_create", {"name": "X", "description": "x" * 5001}, 400, "too_long", "description"),
        ("group_update", {"group_id": 999999, "name": "X"}, 404, "not_found", None),
        ("group_update", {"group_id": "abc", "name": "X"}, 400, "invalid", "group_id"),
        ("group_archive", {"group_id": 999999}, 404, "not_found", None),
        ("group_join", {"group_id": "9" * 30}, 400, "too_large", "group_id"),
        ("group_join", {"group_id": True}, 400, "invalid", "group_id"),
        ("plan_save", {"group_id": 1, "base_version": 10**30, "text": "x"}, 400, "too_large", "base_version"),
        ("session_cancel", {"session_id": [1]}, 400, "invalid", "session_id"),
        ("group_archive", {"group_id": 1, "archived": "yes"}, 400, "invalid", "archived"),
        ("member_assign", {"group_id": 999999, "user_id": "41"}, 404, "not_found", None),
        ("member_assign", {"group_id": 1, "user_id": "5"}, 400, "unknown_person", "user_id"),
        ("member_assign", {"group_id": 1, "person": "u99"}, 400, "not_enrolled", "person"),
        ("member_assign", {"group_id": 1, "person": "x" * 64}, 400, "unknown_person", "person"),
        ("member_assign", {"group_id": 1, "user_id": ["5"]}, 400, "invalid", "user_id"),
        ("member_remove", {"group_id": 999999, "user_id": "5"}, 404, "not_found", None),
        ("session_update", {"session_id": 999999, "starts_at": "2026-09-15T13:00", "duration_minutes": 60,
                            "title": "x"}, 404, "not_found", None),
        ("session_update", {"session_id": 1, "starts_at": "15.9.2026", "duration_minutes": 60, "title": "x"}, 400,
         "invalid_datetime", "starts_at"),
        ("session_update", {"session_id": 1, "starts_at": "2026-09-15T13:00", "duration_minutes": 60, "title": "x",
                            "agenda": "soon: coffee"}, 400, "invalid", "agenda"),
        ("session_add", {"group_id": 1, "starts_at": "2026-09-15T13:00", "duration_minutes": 9999, "title": "x"},
         400, "too_large", "duration_minutes"),
        ("attendance_record", {"session_id": 1, "records": "all"}, 400, "invalid", "records"),
        ("attendance_record", {"session_id": 1, "records": [{"user_id": "5", "status": "asleep"}]}, 400,
         "invalid_choice", "status"),
        ("plan_save", {"group_id": 1, "base_version": 0, "text": "x" * 50_001}, 400, "too_long", "text"),
        ("plan_save", {"group_id": 999999, "base_version": 0, "text": "x"}, 404, "not_found", None),
        ("plan_save", {"group_id": 1, "text": "x"}, 400, "required", "base_version"),
    ],
)
def test_refused_input_answers_the_error_shape_and_writes_nothing(handler, payload, status, code, field):
    create()
    rows = count_rows()
    got_status, body = call_handler(staff(), handler, payload)
    assert got_status == status, body
    assert_error_shape(body, code, field)
    assert count_rows() == rows


def test_non_members_cannot_write_anything_in_a_group(group_id):
    session_id = MentoringSession.objects.filter(group_id=group_id).order_by("number").first().id
    rows = count_rows()
    outsider, member = block_for(99), block_for(41)
    session_payload = {"session_id": session_id, "starts_at": "2026-09-15T13:00", "duration_minutes": 60,
                       "title": "Taken over"}
    for block, handler, payload in [
        (outsider, "plan_save", {"group_id": group_id, "base_version": 0, "text": "mine"}),
        (outsider, "session_update", session_payload),
        (member, "session_update", session_payload),
        (member, "session_cancel", {"session_id": session_id}),
        (member, "session_add", {"group_id": group_id, **session_payload}),
        (member, "attendance_record", {"session_id": session_id, "records": [{"user_id": "41", "status": "present"}]}),
        (member, "group_update", {"group_id": group_id, "name": "Mine"}),
        (member, "group_archive", {"group_id": group_id}),
        (member, "member_assign", {"group_id": group_id, "user_id": "99"}),
        (member, "member_remove", {"group_id": group_id, "user_id": "42"}),
        (member, "facilitator_add", {"group_id": group_id, "user_id": "41"}),
        (member, "group_create", {"name": "Mine"}),
        (block_for(20), "group_create", {"name": "Mine"}),
        (block_for(20), "member_remove", {"group_id": group_id, "user_id": "42"}),
    ]:
        status, body = call_handler(block, handler, payload)
        assert status == 403, (handler, body)
        assert_error_shape(body, body["error"]["code"])
    assert count_rows() == rows


def test_facilitator_edits_session_two_and_records_attendance(group_id):
    maija = block_for(20)
    second = MentoringSession.objects.get(group_id=group_id, number=2)
    status, body = call_handler(maija, "session_update", {
        "session_id": second.id, "starts_at": "2027-01-12T09:30", "duration_minutes": "150", "place": "Library",
        "title": "Success stories", "goal": "Strengths", "methods": "Threes", "agenda": "0:00 Check-in\n1:05 Break",
        "notes": "We *met*"})
    assert status == 200, body
    second.refresh_from_db()
    assert timezone.localtime(second.starts_at).strftime("%Y-%m-%d %H:%M") == "2027-01-12 09:30"
    assert second.agenda == [{"minute": 0, "text": "Check-in"}, {"minute": 65, "text": "Break"}]
    first = MentoringSession.objects.get(group_id=group_id, number=1)
    status, body = call_handler(maija, "attendance_record", {"session_id": first.id, "records": [
        {"user_id": "41", "status": "present", "minutes": ""},
        {"user_id": "42", "status": "present", "minutes": "90"}]})
    assert status == 200, body
    assert dict(Attendance.objects.values_list("user_id", "minutes")) == {"41": 180, "42": 90}
    html = whole_view(block_for(42))
    assert "Your attendance:" in html and "1.5 h" in html
    assert maija.runtime.published[-1][0] == "xblock.verme.attendance.recorded"


def test_plan_conflict_answers_409_with_the_current_text(group_id):
    status, _body = call_handler(block_for(41), "plan_save", {"group_id": group_id, "base_version": 0, "text": "A"})
    assert status == 200
    status, body = call_handler(block_for(42), "plan_save", {"group_id": group_id, "base_version": 0, "text": "B"})
    assert status == 409
    assert body["error"]["code"] == "stale_version"
    assert (body["current"]["text"], body["current"]["updated_by"], body["current"]["version"]) == ("A", "Aino", 1)
    assert ProgressPlan.objects.get().text == "A"


def ics(block, query):
    request = Request.blank(f"/?{query}")
    return block.runtime.handle(block, "calendar_ics", request)


def test_members_download_the_calendar_with_stable_uids_and_cancellations(group_id):
    third = MentoringSession.objects.get(group_id=group_id, number=3)
    call_handler(block_for(20), "session_cancel", {"session_id": third.id})
    MentoringGroup.objects.filter(id=group_id).update(name="Uudet opettajat, syksy", place="Room 12")
    response = ics(block_for(41), f"group_id={group_id}")
    assert response.status_code == 200 and response.content_type == "text/calendar"
    assert response.headers["Content-Disposition"] == 'attachment; filename="uudet-opettajat-syksy.ics"'
    assert b"LOCATION:Room 12" in response.body
    calendar = icalendar.Calendar.from_ical(response.body)
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    assert [str(e["STATUS"]) for e in events].count("CANCELLED") == 1
    again = icalendar.Calendar.from_ical(ics(block_for(7, is_staff=True), f"group_id={group_id}").body)
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again.walk("VEVENT")]
    assert len({str(e["UID"]) for e in events}) == 5
    assert ics(block_for(99), f"group_id={group_id}").status_code == 403
    assert ics(block_for(41), "group_id=nope").status_code == 400
    assert ics(block_for(41), "group_id=999999").status_code == 404


def _queries(block):
    with CaptureQueriesContext(connection) as captured:
        block.render("student_view")
    return len(captured)


def test_view_queries_do_not_grow_with_groups_members_and_sessions(group_id, django_capture_on_commit_callbacks):
    maija = block_for(20)
    first = MentoringSession.objects.get(group_id=group_id, number=1)
    call_handler(maija, "attendance_record", {"session_id": first.id, "records": [
        {"user_id": "41", "status": "present"}]})
    call_handler(block_for(41), "plan_save", {"group_id": group_id, "base_version": 0, "text": "Plan"})
    # The very first view also stores the e-mail sender's copy of the settings, and a newcomer's first
    # visit is noted once, and staff's counts are cached once counted: count the views that follow.
    first_view(block_for(41)), _queries(block_for(99)), _queries(staff())
    small = {name: _queries(block) for name, block in
             (("learner", block_for(41)), ("facilitator", maija), ("staff", staff()), ("outsider", block_for(99)))}

    with django_capture_on_commit_callbacks(execute=True):  # the changes committed: staff's counts read again
        for n in range(6):  # more groups, members, sessions, attendance and revisions
            other = create(f"Group {n}", max_size="9", min_size="1")
            for m in range(4):
                Membership.objects.create(block_key=str(KEY), group_id=other, user_id=f"x{n}-{m}", display_name="X")
        MentoringGroup.objects.filter(id=group_id).update(max_size=9)
        for m in range(5):
            Membership.objects.create(block_key=str(KEY), group_id=group_id, user_id=f"y{m}", display_name="Y")
    for number in range(6, 12):
        MentoringSession.objects.create(group_id=group_id, number=number, title="More", starts_at=timezone.now())
    for version in range(1, 6):
        call_handler(block_for(41), "plan_save", {"group_id": group_id, "base_version": version, "text": f"v{version}"})
    assert _queries(staff()) == 5  # the counts read again once after the change, in two queries
    large = {name: _queries(block) for name, block in
             (("learner", block_for(41)), ("facilitator", maija), ("staff", staff()), ("outsider", block_for(99)))}
    assert large == small


def test_times_show_and_are_read_in_the_users_own_time_zone(group_id):
    second = MentoringSession.objects.get(group_id=group_id, number=2)
    new_york = block_for(20, preferences={"time_zone": "America/New_York"})
    status, body = call_handler(new_york, "session_update", {
        "session_id": second.id, "starts_at": "2027-01-12T09:30", "duration_minutes": 180, "title": "Stories"})
    assert status == 200, body
    second.refresh_from_db()
    assert second.starts_at.astimezone(datetime.UTC).strftime("%H:%M") == "14:30"
    assert "09:30–12:30" in body["html"] and "United States (New York) Time" in body["html"]
    assert "America/New_York" not in body["html"]
    helsinki_html = whole_view(block_for(41))  # no preference: the server's zone
    assert "16:30–19:30" in helsinki_html and "Finland Time" in helsinki_html and "Europe/Helsinki" not in helsinki_html
    broken = whole_view(block_for(41, preferences={"time_zone": "Mars/Olympus"}))
    assert "16:30–19:30" in broken


def test_staff_and_members_manage_people_sessions_and_details(group_id):
    sanna = staff()
    status, body = call_handler(sanna, "groups_show", {"group_id": group_id})
    assert status == 200 and "Org X" in body["html"]  # staff see the group's space
    other = create("Counsellors", max_size="9")
    status, body = call_handler(sanna, "member_assign", {"group_id": other, "person": "U42@example.org"})
    assert status == 200 and body["message"] == "Mikko is now in the group."
    assert Membership.objects.get(user_id="42").group_id == other
    assert call_handler(sanna, "member_remove", {"group_id": other, "user_id": "42"})[0] == 200
    johan = {"group_id": other, "person": "u21"}
    assert call_handler(sanna, "facilitator_add", johan)[0] == 200
    assert call_handler(sanna, "facilitator_remove", {"group_id": other, "user_id": "21"})[0] == 200
    assert call_handler(sanna, "group_archive", {"group_id": other, "archived": True})[0] == 200
    assert MentoringGroup.objects.get(id=other).archived
    assert call_handler(sanna, "group_archive", {"group_id": other, "archived": False})[0] == 200
    status, body = call_handler(sanna, "group_update", {
        "group_id": other, "name": "Study counsellors", "target_group": "", "min_size": "", "max_size": ""})
    assert status == 200 and MentoringGroup.objects.get(id=other).max_size == 9

    aino = block_for(41)
    status, body = call_handler(aino, "profile_update", {"organisation": "College Y", "role": "Counsellor"})
    assert status == 200 and "College Y" in body["html"]
    status, body = call_handler(block_for(20), "session_add", {
        "group_id": group_id, "starts_at": "2027-06-01T13:00", "duration_minutes": 90, "title": "Summer extra"})
    assert status == 200 and "Summer extra" in body["html"]
    sixth = MentoringSession.objects.get(group_id=group_id, number=6)
    status, body = call_handler(block_for(20), "session_cancel", {"session_id": sixth.id, "cancelled": True})
    assert status == 200 and "Restore session 6" in body["html"]


def test_a_facilitator_of_two_groups_switches_between_their_spaces(group_id):
    other = create("Counsellors", max_size="9")  # Maija facilitates both
    maija = block_for(20)
    html = whole_view(maija)
    assert "Open the space of Counsellors" in html and "Org X" in html
    status, body = call_handler(maija, "groups_show", {"group_id": other})
    assert status == 200 and "Open the space of New teachers" in body["html"] and "Org X" not in body["html"]


def test_the_public_group_entry_carries_no_user_ids(group_id):
    from verme_xblock.api import groups

    [entry, *_] = [g.as_json() for g in groups.list_groups(str(KEY))]
    assert "facilitators" not in entry and entry["facilitator_names"] == ["Maija"]


def test_an_online_session_links_its_meeting_and_unsafe_places_stay_text(group_id):
    second = MentoringSession.objects.get(group_id=group_id, number=2)
    MentoringSession.objects.filter(id=second.id).update(place="https://meet.example/verme")
    MentoringSession.objects.filter(group_id=group_id, number=3).update(place="javascript:alert(1)")
    html = whole_view(block_for(41))
    assert 'href="https://meet.example/verme"' in html
    assert 'href="javascript' not in html and "javascript:alert(1)" in html


# A member: their group's space only (no list of every group): 8 queries (one of them the sessions'
# action points, all of the group's in one), plus 4 for the season plan (goals, personal goals,
# agreements) and travel, and 1 for the end-of-season feedback (a member's own answers; a facilitator's
# group figures); a facilitator: their own groups and the space; staff: one page of groups (count, page,
# facilitators) and the groups with a free seat; someone in no group: one page of the list to choose
# from (count, page, facilitators). tests/block/test_group_lists.py grows the groups.
@pytest.mark.parametrize(("user_id", "expected"), [(41, 13), (20, 15), (7, 4), (99, 3)])
def test_the_group_section_takes_a_fixed_number_of_queries(group_id, django_assert_num_queries, user_id, expected):
    from verme_xblock import i18n, rendering

    call_handler(block_for(41), "plan_save", {"group_id": group_id, "base_version": 0, "text": "Plan"})
    for n in range(4):
        other = create(f"Group {n}", max_size="9", min_size="1")
        for m in range(3):
            Membership.objects.create(block_key=str(KEY), group_id=other, user_id=f"x{n}-{m}", display_name="X")
    block = block_for(user_id, is_staff=user_id == 7)
    with i18n.active_catalogue("en"):
        viewer = block.viewer()
        with django_assert_num_queries(expected):
            section = block.group_section(viewer)
            rendering.render(section.template, {"ctx": section.context}, block=block)


def test_dates_follow_the_readers_language_and_formatting_keeps_the_catalogue(group_id):
    from django.utils import translation
    from django.utils.translation import trans_real

    from verme_xblock import formatting, i18n

    with i18n.active_catalogue("fi"):
        before = trans_real._active.value  # the translation Django reads
        formatting.format_datetime(timezone.now(), "en")
        assert trans_real._active.value is before
    with translation.override("fi"):
        html = whole_view(block_for(41))
    assert "Seuraava tapaaminen" in html and "Pidetty" in html
    start = timezone.localtime(MentoringSession.objects.get(group_id=group_id, number=1).starts_at)
    assert f"{start.day}.{start.month}.{start.year} {start.hour}.{start.minute:02d}" in html
