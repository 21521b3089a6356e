"""The dashboard, report downloads and the printable plan through an LMS-shaped runtime."""
import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from webob import Request

from tests.api.reports_world import make_group, post, record
from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, first_view, whole_view
from tests.runtimes import course_usage_key, make_block
from verme_xblock import formatting
from verme_xblock.models import Attendance, Membership, MentoringSession, Visitor

pytestmark = pytest.mark.django_db

KEY = course_usage_key(block="reports1")
REPORTS = ("report_hours_csv", "report_groups_csv", "report_practices_csv")


def block_for(user_id, **kwargs):
    return make_block(user_id, username=f"u{user_id}", full_name=f"User {user_id}", usage_key=KEY, **kwargs)


@pytest.fixture
def groups(monkeypatch):
    monkeypatch.setattr("tests.api.reports_world.KEY", str(KEY))
    north = make_group("North", [("41", "Äijälä Åsa", "Omnia"), ("42", "=cmd|' /C calc'!A0", "Varia")])
    south = make_group("South", [("51", "Björn", "Omnia")], facilitator_id="21")
    record(north, 1, "41", Attendance.PRESENT)
    record(south, 1, "51", Attendance.PRESENT)
    post(north, "Peer observation")
    return north, south


def download(block, handler, query=""):
    request = Request.blank(f"/?{query}", method="GET")
    return block.runtime.handle(block, handler, request)


def table(response):
    assert response.status_code == 200 and response.content_type == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    body = b"".join(response.app_iter)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_staff_downloads_the_three_reports(groups):
    staff = block_for("7", is_staff=True)
    hours = table(download(staff, "report_hours_csv"))
    assert hours[0][:3] == ["Name", "Organisation", "Role"]
    assert {row[0] for row in hours[1:3]} == {"Äijälä Åsa", "'=cmd|' /C calc'!A0"}
    assert ["Omnia", "2", "2", "6"] in [row[:4] for row in hours]
    assert ["Omnia", "2", "2", "6", "0", "0", "0"] in hours  # no travel recorded
    assert hours[1][4] == "New teachers at the start of their career"  # the label, not the id
    groups_csv = table(download(staff, "report_groups_csv"))
    assert [row[0] for row in groups_csv[1:]] == ["North", "South"]
    practices = table(download(staff, "report_practices_csv"))
    assert practices[1][0] == "Peer observation"
    assert practices[1][9].startswith("http://localhost/#verme-post-")  # the component's page, absolute


def test_the_practices_link_is_the_platforms_permanent_link_to_the_component(groups, settings):
    settings.LMS_ROOT_URL = "https://lms.example.org"
    north, _south = groups
    post(north, "Peer observation")
    practices = table(download(block_for("7", is_staff=True), "report_practices_csv"))
    assert practices[1][9].startswith(
        "https://lms.example.org/courses/course-v1:Verme+Demo+2026/jump_to/"
        "block-v1:Verme+Demo+2026+type@verme+block@reports1#verme-post-")


def test_facilitator_downloads_the_hours_of_their_group_only(groups):
    facilitator = block_for("21")
    hours = table(download(facilitator, "report_hours_csv"))
    assert [row[3] for row in hours[1:] if row and row[0] == "Björn"] == ["South"]
    assert not any(row and row[0] == "Äijälä Åsa" for row in hours)
    for handler in ("report_groups_csv", "report_practices_csv"):
        response = download(facilitator, handler)
        assert response.status_code == 403


@pytest.mark.parametrize("handler", REPORTS)
def test_a_learner_gets_403_with_the_error_shape(groups, handler):
    before = count_rows()
    response = download(block_for("41"), handler)
    assert response.status_code == 403
    assert_error_shape(response.json, "forbidden")
    assert count_rows() == before


def test_views_per_role(groups):
    _north, _south = groups
    staff_html = whole_view(block_for("7", is_staff=True))
    assert "Dashboard of all groups" in staff_html and 'aria-sort="ascending"' in staff_html
    assert "below the minimum of 5" in staff_html
    facilitator_html = whole_view(block_for("21"))
    assert "Your groups at a glance" in facilitator_html
    assert 'data-facilitated-group="South"' in facilitator_html
    assert 'data-facilitated-group="North"' not in facilitator_html
    learner_html = whole_view(block_for("41"))
    assert "data-verme-dashboard" not in learner_html and "report_hours_csv" not in learner_html
    assert "session_print" in learner_html  # members print their session plans too


def test_my_groups_opens_each_card_with_the_next_session_when_where_and_how_many_are_left(groups):
    _north, south = groups
    south.place, south.meeting_url = "Room 12, Harbour campus", "https://meet.example/south"
    south.save()
    html = block_for("21").render("student_view", {"section": "mygroups"}).body_html()
    card = html.split('data-facilitated-group="South"', 1)[1]
    top = card[:card.index('<dl class="verme-facts">')]  # above the group's figures
    assert "Next session 3: Session 3" in top and "Sessions after this one: 0." in top
    assert "Place: Room 12, Harbour campus" in top and 'href="https://meet.example/south"' in top
    assert "Finland Time" in top and "Europe/Helsinki" not in top
    MentoringSession.objects.filter(group=south, number=3).update(place="https://meet.example/third")
    html = block_for("21").render("student_view", {"section": "mygroups"}).body_html()
    top = html.split('data-facilitated-group="South"', 1)[1].split('<dl class="verme-facts">', 1)[0]
    assert 'href="https://meet.example/third"' in top and "join the meeting" in top and "Place:" not in top


def test_a_learner_without_group_is_listed_and_staff_place_them(groups):
    north, _south = groups
    get_user_model().objects.create(id=77, username="u77", first_name="User", last_name="77")
    block_for("77").render("student_view")
    assert Visitor.objects.filter(user_id="77").exists()
    staff = block_for("7", is_staff=True, enrolled=[77])
    assert 'data-unplaced="77"' in whole_view(staff)
    before = count_rows()
    status, body = call_handler(block_for("41"), "dashboard_assign", {"group_id": north.id, "user_id": "77"})
    assert status == 403 and count_rows() == before
    assert_error_shape(body, "forbidden")
    status, body = call_handler(staff, "dashboard_assign", {"group_id": north.id, "user_id": "77"})
    assert status == 200, body
    assert Membership.objects.get(user_id="77").group_id == north.id
    assert 'data-unplaced="77"' not in body["html"]


def test_printable_session_plan(groups):
    north, _south = groups
    session = MentoringSession.objects.get(group=north, number=1)
    session.agenda = [{"minute": 15, "text": "<script>alert(1)</script> Recap"}]
    session.methods = "Pair work"
    session.save()
    response = download(block_for("20"), "session_print", f"session_id={session.id}")
    assert response.status_code == 200 and response.content_type == "text/html"
    page = response.body.decode()
    clock = formatting.format_time(session.starts_at + datetime.timedelta(minutes=15), "en")
    assert "@media print" in page and f"<td>{clock}</td>" in page and "Pair work" in page
    assert "<script>alert(1)" not in page
    assert download(block_for("41"), "session_print", f"session_id={session.id}").status_code == 200
    refused = download(block_for("51"), "session_print", f"session_id={session.id}")
    assert refused.status_code == 403
    assert_error_shape(refused.json, "forbidden")
    assert download(block_for("41"), "session_print", "session_id=x").status_code == 400


def view_queries(block):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        block.render("student_view")
    return len(queries.captured_queries)


def test_the_dashboard_queries_do_not_grow_with_groups_or_members(monkeypatch):
    monkeypatch.setattr("tests.api.reports_world.KEY", str(KEY))
    first = make_group("First", [("41", "Aino", "Omnia")], facilitator_id="21")
    staff, facilitator = block_for("7", is_staff=True), block_for("21")
    record(first, 1, "41", Attendance.PRESENT)
    post(first, "First post")  # the bank's own queries differ between no posts and some
    first_view(staff)
    few_staff, few_facilitator = view_queries(staff), view_queries(facilitator)
    for index in range(5):
        group = make_group(f"Group {index}", [(f"{index}-{n}", f"Member {n}", "Varia") for n in range(8)],
                           facilitator_id="21")
        record(group, 1, f"{index}-1", Attendance.PRESENT)
        post(group, f"Post {index}")
    assert view_queries(staff) == few_staff
    assert view_queries(facilitator) == few_facilitator
    print(f"student_view queries: staff {few_staff}, facilitator of six groups {few_facilitator}")


def test_staff_page_and_sort_the_groups_on_the_server(monkeypatch):
    monkeypatch.setattr("tests.api.reports_world.KEY", str(KEY))
    monkeypatch.setattr("verme_xblock.api.dashboard_pages.PAGE_SIZE", 2)
    for index, size in enumerate((3, 1, 2, 5, 4)):
        make_group(f"Group {index}", [(f"{index}-{n}", f"M {n}", "Org") for n in range(size)])
    staff = block_for("7", is_staff=True)
    html = staff.render("student_view", {"section": "dashboard"}).body_html()
    assert "Page 1 of 3. Groups: 5." in html and 'data-page-to="2"' in html
    assert html.count("data-dashboard-group=") == 2
    status, body = call_handler(staff, "dashboard_groups", {"sort": "members", "descending": True, "page": 1})
    assert status == 200 and body["message"] == "Page 1 of 3. Groups: 5."
    assert body["html"].index('"Group 3"') < body["html"].index('"Group 4"')  # 5 members, then 4
    assert 'aria-sort="descending"' in body["html"]
    status, body = call_handler(staff, "dashboard_groups", {"sort": "members", "page": 3})
    assert status == 200 and '"Group 3"' in body["html"] and body["html"].count("data-dashboard-group=") == 1
    assert 'data-page-to="2"' in body["html"] and 'data-page-to="4"' not in body["html"]
    for bad in ({"sort": "email"}, {"page": 0}, {"page": "x"}, {"descending": "maybe"}):
        status, body = call_handler(staff, "dashboard_groups", bad)
        assert status == 400, bad
        assert body["error"]["field"] == next(iter(bad)) and body["error"]["message"]
    status, body = call_handler(block_for("41"), "dashboard_groups", {})
    assert status == 403
    assert_error_shape(body, "forbidden")


def test_staff_view_queries_do_not_grow_beyond_the_first_page(monkeypatch):
    monkeypatch.setattr("tests.api.reports_world.KEY", str(KEY))
    monkeypatch.setattr("verme_xblock.api.dashboard_pages.PAGE_SIZE", 2)
    staff = block_for("7", is_staff=True)
    for index in range(3):
        make_group(f"Group {index}", [(f"{index}-{n}", f"M {n}", "Org") for n in range(3)])
    first_view(staff)  # the component's very first view also stores the e-mail sender's copy of its settings
    few = view_queries(staff)
    for index in range(3, 9):
        make_group(f"Group {index}", [(f"{index}-{n}", f"M {n}", "Org") for n in range(3)])
    assert view_queries(staff) == few
