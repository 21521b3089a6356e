"""The two group lists one page at a time: course staff's "Groups and people" and the newcomer's
"Choose a group". Queries stay the same from 3 to 60 groups; search, filters and paging happen in
the database; every write's reply shows the page the person was on; moving someone needs no list
of every group."""
import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.helpers import call_handler, count_rows
from tests.runtimes import course_usage_key, make_block
from verme_xblock.models import Membership, MentoringGroup, MentoringSession

pytestmark = pytest.mark.django_db

KEY = course_usage_key(block="lists1")
COUNSELLORS = "study_counsellors"
NEW_TEACHERS = "new_teachers"


def block_for(user_id, **kwargs):
    return make_block(user_id, username=f"u{user_id}", full_name=f"User {user_id}", usage_key=KEY, **kwargs)


def staff():
    return block_for(7, is_staff=True, enrolled=(41, 42))


@pytest.fixture(autouse=True)
def people():
    for user_id in (41, 42):
        get_user_model().objects.create(id=user_id, username=f"u{user_id}", email=f"u{user_id}@example.org",
                                        first_name=f"Person {user_id}")


def make_groups(count, start=0, **fields):
    """`count` groups named "Group 000".., each with a member, a facilitator and a session to come."""
    now = timezone.now()
    made = []
    for n in range(start, start + count):
        group = MentoringGroup.objects.create(block_key=str(KEY), name=f"Group {n:03d}", max_size=9, min_size=2,
                                              target_group=NEW_TEACHERS if n % 2 else COUNSELLORS, **fields)
        Membership.objects.create(block_key=str(KEY), group=group, user_id=f"m{n}", display_name=f"Member {n}")
        group.facilitators.create(user_id=f"f{n}", display_name=f"Facilitator {n}")
        MentoringSession.objects.create(group=group, number=1, title="One",
                                        starts_at=now + datetime.timedelta(days=n + 1))
        made.append(group.id)
    return made


def own_queries(call):
    """The queries a call makes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


# Staff: the viewer (1), one page of groups (count, page, facilitators) and the groups with a free
# seat (1); a newcomer: the viewer (1), one page (count, page, facilitators). Both the handler and the
# view that open a section also read the e-mail sender's copy of the settings (1). The same for 3 and
# for 60 groups.
@pytest.mark.parametrize(("user_id", "section", "handler_queries", "view_queries"), [
    (7, "people", 6, 6),
    (99, "group", 5, 5),
])
def test_both_lists_read_the_same_number_of_queries_for_3_and_60_groups(user_id, section, handler_queries,
                                                                       view_queries):
    def handler():
        status, body = call_handler(block_for(user_id, is_staff=user_id == 7), "section_show", {"section": section})
        assert status == 200, body

    def first_view():
        block_for(user_id, is_staff=user_id == 7).render("student_view", {"section": section})

    make_groups(3)
    handler()  # the first call of a person notes their visit: measure the calls after it
    first_view()
    small = (own_queries(handler), own_queries(first_view))
    make_groups(57, start=3)
    large = (own_queries(handler), own_queries(first_view))
    assert small == large == (handler_queries, view_queries)


def test_the_paging_handler_reads_the_same_for_3_and_60_groups():
    make_groups(3)

    def page_two():
        call_handler(staff(), "groups_page", {"list_page": 2, "list_status": "active"})
        call_handler(block_for(99), "groups_page", {"list_page": 2, "list_target": COUNSELLORS})

    small = own_queries(page_two)
    make_groups(57, start=3)
    assert own_queries(page_two) == small == 2 * 4  # each: who is calling (1), count, page, facilitators


def test_staff_page_search_and_filter_in_the_database():
    make_groups(45)
    status, body = call_handler(staff(), "section_show", {"section": "people"})
    assert status == 200
    assert body["html"].count("data-manage-group=") == 20 and "Page 1 of 3. Groups: 45." in body["html"]
    assert 'data-manage-group="Group 019"' in body["html"] and 'data-manage-group="Group 020"' not in body["html"]

    status, body = call_handler(staff(), "groups_page", {"list_page": 3})
    assert status == 200 and body["message"] == "Page 3 of 3. Groups: 45."
    assert body["html"].count("data-manage-group=") == 5 and 'data-manage-group="Group 044"' in body["html"]

    status, body = call_handler(staff(), "groups_page", {"list_query": "group 01"})  # every word
    assert body["message"] == "Page 1 of 1. Groups: 11."  # 001 and 010 to 019
    status, body = call_handler(staff(), "groups_page", {"list_target": COUNSELLORS, "list_page": 2})
    assert body["message"] == "Page 2 of 2. Groups: 23." and 'data-manage-group="Group 042"' in body["html"]

    MentoringGroup.objects.filter(name="Group 004").update(archived=True)
    status, body = call_handler(staff(), "groups_page", {"list_status": "archived"})
    assert body["message"] == "Page 1 of 1. Groups: 1." and "Restore Group 004" in body["html"]
    status, body = call_handler(staff(), "groups_page", {"list_status": "below_minimum", "list_query": "00"})
    assert body["message"] == "Page 1 of 1. Groups: 9."  # one member of two; the archived one left out
    status, body = call_handler(staff(), "groups_page", {"list_query": "nothing like it"})
    assert "No group matches the search." in body["html"]


@pytest.mark.parametrize("bad", [{"list_page": 0}, {"list_page": "x"}, {"list_status": "gone"},
                                 {"list_target": "Astronauts"}, {"list_query": "x" * 101}])
def test_bad_list_input_is_refused_in_words(bad):
    make_groups(2)
    for block in (staff(), block_for(99)):
        status, body = call_handler(block, "groups_page", bad)
        assert status == 400 and body["error"]["message"], bad


def test_a_member_has_no_list_to_page():
    [group_id] = make_groups(1)
    Membership.objects.create(block_key=str(KEY), group_id=group_id, user_id="41", display_name="Aino")
    status, body = call_handler(block_for(41), "groups_page", {})
    assert status == 409 and body["error"]["code"] == "no_list"


def test_a_write_returns_the_page_the_person_was_on():
    ids = make_groups(45)
    state = {"list_page": 2, "list_query": "group", "list_status": "all"}
    status, body = call_handler(staff(), "group_archive", {"group_id": ids[25], "archived": True, **state})
    assert status == 200 and body["message"] == "Group archived."
    assert 'data-list-page="2"' in body["html"] and "Restore Group 025" in body["html"]
    status, body = call_handler(staff(), "group_update", {"group_id": ids[30], "name": "Group 030b", **state})
    assert status == 200 and 'data-manage-group="Group 030b"' in body["html"]
    # A group opened from another page keeps its people panel above the list.
    status, body = call_handler(staff(), "groups_show", {"group_id": ids[44], "list_page": 1})
    assert 'data-manage-people="Group 044"' in body["html"] and 'data-manage-group="Group 044"' not in body["html"]
    # A page beyond the last (the list got shorter) shows the last page; a bad hint the first.
    status, body = call_handler(staff(), "groups_show", {"group_id": ids[0], "list_page": 9})
    assert 'data-list-page="3"' in body["html"]
    status, body = call_handler(staff(), "groups_show", {"group_id": ids[0], "list_page": "x"})
    assert status == 200 and 'data-list-page="1"' in body["html"]


def test_the_newcomer_sees_free_seats_and_the_nearest_session_first_ten_a_page():
    ids = make_groups(25)
    MentoringGroup.objects.filter(id=ids[0]).update(min_size=1, max_size=1)  # full: last of all
    MentoringSession.objects.filter(group_id=ids[3]).update(starts_at=timezone.now() + datetime.timedelta(hours=2))
    MentoringSession.objects.filter(group_id=ids[5]).delete()  # nothing planned: after those with a session
    status, body = call_handler(block_for(99), "section_show", {"section": "group"})
    html = body["html"]
    assert html.count("data-group-card=") == 10 and "Page 1 of 3. Groups: 25." in html
    assert html.index("Group 003") < html.index("Group 001") < html.index("Group 002")
    assert html.count("Join this group") == 10
    status, body = call_handler(block_for(99), "groups_page", {"list_page": 3})
    assert status == 200 and body["message"] == "Page 3 of 3. Groups: 25."
    assert body["html"].index("Group 005") < body["html"].index("Group 000")
    assert "Join this group" in body["html"] and body["html"].count("Join this group") == 4
    _status, body = call_handler(block_for(99), "groups_page", {"list_target": NEW_TEACHERS})
    assert body["message"] == "Page 1 of 2. Groups: 12." and "Group 002" not in body["html"]


def test_moving_someone_among_many_groups_takes_a_typed_name_with_suggestions():
    ids = make_groups(30)
    status, body = call_handler(staff(), "groups_show", {"group_id": ids[0]})
    html = body["html"]
    assert 'name="group_name"' in html and "data-group-suggestions" in html  # 29 free groups: no select
    status, body = call_handler(staff(), "group_search", {"q": "group 02"})
    assert status == 200 and [g["name"] for g in body["groups"]][:2] == ["Group 002", "Group 020"]
    assert len(body["groups"]) == 10 and body["groups"][0]["label"] == "1 / 9"
    before = count_rows()
    status, body = call_handler(staff(), "member_assign", {"user_id": "41", "group_name": "No such group"})
    assert status == 400 and body["error"]["field"] == "group_name" and count_rows() == before
    status, body = call_handler(staff(), "member_assign", {"user_id": "41", "group_name": "Group 017"})
    assert status == 200, body
    assert Membership.objects.get(user_id="41").group_id == ids[17]
    status, body = call_handler(block_for(41), "group_search", {"q": "group"})
    assert status == 403


def test_a_few_groups_keep_a_select_of_those_with_a_free_seat():
    ids = make_groups(3)
    MentoringGroup.objects.filter(id=ids[2]).update(min_size=1, max_size=1)  # full: not offered
    status, body = call_handler(staff(), "groups_show", {"group_id": ids[0]})
    assert status == 200
    html = body["html"]
    assert 'name="group_name"' not in html
    move = html[html.index("Move Member 0 to"):]
    move = move[:move.index("</select>")]
    assert "Group 001 (1 / 9)" in move and "Group 000" not in move and "Group 002" not in move
