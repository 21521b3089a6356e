"""Adding people, name suggestions and the waiting list through an LMS-shaped runtime (with the
platform's `enrollments` service double) and a Studio one (which has none)."""
import pytest
from django.contrib.auth import get_user_model

from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, first_view, whole_view
from tests.runtimes import course_usage_key, make_block
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock.models import Membership, MentoringGroup

pytestmark = pytest.mark.django_db

KEY = course_usage_key(block="people1")
NAMES = {11: ("aino", "Aino Virtanen"), 12: ("mikko", "Mikko Nieminen"), 13: ("liisa", "Liisa Järvinen"),
         14: ("oskar", "Oskar Lindqvist"), 15: ("helena", "Helena Salo")}


@pytest.fixture
def course():
    for user_id, (username, name) in NAMES.items():
        first, last = name.split()
        get_user_model().objects.create(id=user_id, username=username, email=f"{username}@example.org",
                                        first_name=first, last_name=last)
    staff = make_block(7, username="sanna", full_name="Sanna", is_staff=True, usage_key=KEY, enrolled=list(NAMES))
    for name in ("North", "South"):
        assert call_handler(staff, "group_create", {"name": name})[0] == 200
    return staff, {g.name: g.id for g in MentoringGroup.objects.all()}


def test_three_usernames_and_one_unknown_address_change_nothing_then_three_are_placed(course):
    staff, groups = course
    before = count_rows()
    pasted = "aino\nmikko\nnobody@example.org\nLIISA@example.org"
    status, body = call_handler(staff, "people_add", {"people": pasted, "group_id": groups["North"], "role": "member"})
    assert status == 400 and count_rows() == before
    assert_error_shape(body, "people_unresolved", "people")
    assert body["error"]["lines"] == [{"line": 3, "text": "nobody@example.org",
                                       "message": "Nobody in this course has that username or e-mail address."}]
    status, body = call_handler(staff, "people_add", {"people": "aino\nmikko\nLIISA@example.org",
                                                      "group_id": groups["North"]})
    assert status == 200, body
    assert body["message"] == "Added (3): Aino Virtanen, Mikko Nieminen, Liisa Järvinen."
    assert "Liisa Järvinen" in body["html"] and 'value="13"' in body["html"]
    assert sorted(Membership.objects.values_list("user_id", flat=True)) == ["11", "12", "13"]
    assert staff.runtime.published[-1] == ("xblock.verme.people.added",
                                           {"user_ids": ["11", "12", "13"], "group_ids": [groups["North"]]})


def test_a_csv_file_places_people_into_two_groups(course):
    staff, groups = course
    csv_text = "Username;Group;Role\naino;North\nmikko;South\noskar@example.org;South;facilitator\n"
    status, body = call_handler(staff, "people_add", {"csv": csv_text, "group_id": ""})
    assert status == 200, body
    assert dict(Membership.objects.values_list("user_id", "group_id")) == {"11": groups["North"], "12": groups["South"]}
    assert MentoringGroup.objects.get(name="South").facilitators.get().display_name == "Oskar Lindqvist"
    status, body = call_handler(staff, "people_add", {"csv": csv_text, "people": "aino"})
    assert status == 400 and body["error"]["field"] == "people"


def test_refusals_and_who_may_add(course):
    staff, groups = course
    learner = make_block(11, username="aino", usage_key=KEY, enrolled=list(NAMES))
    before = count_rows()
    for block, payload, status, code, field in [
        (learner, {"people": "mikko", "group_id": groups["North"]}, 403, "forbidden", None),
        (staff, {"people": "", "group_id": groups["North"]}, 400, "required", "people"),
        (staff, {"people": "aino", "group_id": "x"}, 400, "invalid", "group_id"),
        (staff, {"people": "aino", "group_id": groups["North"], "role": "boss"}, 400, "invalid_choice", "role"),
        (staff, {"people": ["aino"]}, 400, "invalid", "people"),
        (staff, {"people": "aino", "group_id": 999999}, 404, "not_found", None),
    ]:
        got, body = call_handler(block, "people_add", payload)
        assert got == status, (payload, body)
        assert_error_shape(body, code, field)
    studio = make_block(7, is_staff=True, usage_key=KEY, studio_writable=[KEY.context_key])
    got, body = call_handler(studio, "people_add", {"people": "aino", "group_id": groups["North"]})
    assert got == 403 and body["error"]["code"] == "read_only"  # Studio writes no rows
    assert count_rows() == before


def test_suggestions_show_enrolled_learners_by_name_to_staff_only(course):
    staff, _groups = course
    assert call_handler(staff, "people_search", {"q": "virta"}) == (
        200, {"people": [{"username": "aino", "name": "Aino Virtanen"}]})
    assert call_handler(staff, "people_search", {"q": "a"}) == (200, {"people": []})
    learner = make_block(11, username="aino", usage_key=KEY, enrolled=list(NAMES))
    assert call_handler(learner, "people_search", {"q": "virta"})[0] == 403


def test_the_waiting_list_pages_and_searches_enrolled_learners(course):
    staff, groups = course
    call_handler(staff, "people_add", {"people": "aino", "group_id": groups["North"]})
    html = whole_view(staff)
    assert "Mikko Nieminen" in html and 'data-unplaced="11"' not in html
    status, body = call_handler(staff, "waiting_list_page", {"q": "lind", "page": 1})
    assert status == 200 and "Oskar Lindqvist" in body["html"] and "Mikko" not in body["html"]
    assert body["message"] == "Learners not yet in a group: 1."
    for payload in PAYLOADS:
        status, body = call_handler(staff, "waiting_list_page", {"q": payload[:100]})
        assert status == 200 and not dangerous_parts(body["html"]), payload


def test_pasted_payloads_are_refused_line_by_line_and_never_written(course):
    staff, groups = course
    before = count_rows()
    pasted = "\n".join(PAYLOADS)
    status, body = call_handler(staff, "people_add", {"people": pasted, "group_id": groups["North"]})
    assert status == 400 and count_rows() == before
    assert {line["text"] for line in body["error"]["lines"]} == {line.strip() for line in pasted.splitlines()
                                                                  if line.strip()}


def test_the_staff_view_takes_the_same_queries_for_few_or_many_enrolled_learners(course):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _staff, _groups = course

    def staff_view(enrolled):
        return make_block(7, username="sanna", full_name="Sanna", is_staff=True, usage_key=KEY, enrolled=enrolled)

    def queries(enrolled):
        with CaptureQueriesContext(connection) as captured:
            staff_view(enrolled).render("student_view")
        return len(captured)

    first_view(staff_view(list(NAMES)))  # the very first view also stores the e-mail sender's copy of the settings
    few = queries(list(NAMES))
    for user_id in range(100, 160):
        get_user_model().objects.create(id=user_id, username=f"learner{user_id}", first_name="Learner")
    assert queries([*NAMES, *range(100, 160)]) == few
