"""The bank's handlers through a runtime with the LMS's services: refusals write nothing, events carry
ids only, the rate limit comes from the settings service, the first view's query count is fixed."""
import json

import pytest
from django.utils import timezone, translation

from tests.api.bank_world import make_world
from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, whole_view
from tests.runtimes import make_block
from verme_xblock.models import MentoringSession, Post

pytestmark = pytest.mark.django_db


def learner(user_id="aino", settings=None, **fields):
    return make_block(user_id, username=user_id, full_name=user_id.title(), settings=settings, fields=fields)


@pytest.fixture
def world():
    return make_world(learner().block_key)


def valid(**changes):
    return {"title": "Exit tickets", "body": "Three questions", "tags": ["Assessment"], "visibility": "course",
            **changes}


def test_share_edit_comment_react_and_events_carry_ids_only(world):
    block = learner()
    status, body = call_handler(block, "bank_create", valid(body="secret text"))
    assert status == 200 and "Exit tickets" in body["html"] and body["message"] == "Your post is shared."
    post_id = body["post_id"]
    status, body = call_handler(block, "bank_edit", valid(post_id=post_id, title="Exit tickets v2"))
    assert status == 200 and "Exit tickets v2" in body["html"] and "edited" in body["html"]
    status, body = call_handler(block, "bank_comment", {"post_id": post_id, "body": "**Nice**"})
    assert status == 200 and "<strong>Nice</strong>" in body["html"]
    other = learner("helena")
    status, body = call_handler(other, "bank_useful", {"post_id": post_id})
    assert (status, body["useful"], body["count"]) == (200, True, 1) and 'aria-pressed="true"' in body["html"]
    assert "(1)" in body["html"] and body["html"].lstrip().startswith("<button")  # the new button alone
    status, body = call_handler(other, "bank_report", {"post_id": post_id, "reason": "Off topic"})
    assert status == 200
    status, _ = call_handler(block, "bank_delete", {"post_id": post_id})
    assert status == 200
    events = block.runtime.published + other.runtime.published
    assert [name for name, _ in events] == [
        "xblock.verme.post.created", "xblock.verme.post.edited", "xblock.verme.comment.created",
        "xblock.verme.post.deleted", "xblock.verme.post.reacted", "xblock.verme.post.reported"]
    text = json.dumps([data for _, data in events])
    for written in ("Exit tickets", "secret", "Nice", "Off topic", "Three questions"):
        assert written not in text
    assert all(data["post_id"] == post_id for _, data in events)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"title": ""}, "required", "title"),
        ({"title": " \n\t "}, "required", "title"),
        ({"title": "x" * 151}, "too_long", "title"),
        ({"title": 5}, "invalid", "title"),
        ({"body": "   "}, "required", "body"),
        ({"body": "x" * 10_001}, "too_long", "body"),
        ({"tags": "Assessment"}, "invalid_choice", "tags"),
        ({"tags": ["Not a configured tag"]}, "invalid_choice", "tags"),
        ({"tags": [1]}, "invalid_choice", "tags"),
        ({"tags": ["Teaching and guidance", "Work-life cooperation", "Special needs support", "Work wellbeing",
                   "Networks", "Assessment"]}, "too_many", "tags"),
        ({"visibility": "public"}, "invalid_choice", "visibility"),
        ({"session_id": "abc"}, "invalid", "session_id"),
        ({"session_id": 999}, "invalid_choice", "session_id"),
    ],
)
def test_refused_posts_answer_the_error_shape_and_write_nothing(world, changes, code, field):
    rows = count_rows()
    status, body = call_handler(learner(), "bank_create", valid(**changes))
    assert status == 400
    assert_error_shape(body, code, field)
    assert count_rows() == rows


def test_refusals_of_the_other_handlers_write_nothing(world):
    post_id = call_handler(learner(), "bank_create", valid())[1]["post_id"]
    other_session = MentoringSession.objects.create(group_id=world.group_b, number=1, title="S",
                                                    starts_at=timezone.now())
    rows = count_rows()
    cases = [
        (learner("outsider"), "bank_create", valid(visibility="group"), 400, "no_group", "visibility"),
        (learner(), "bank_create", valid(session_id=other_session.id), 400, "invalid_choice", "session_id"),
        (learner("mikko"), "bank_edit", valid(post_id=post_id), 403, "forbidden", None),
        (learner("mikko"), "bank_delete", {"post_id": post_id}, 403, "forbidden", None),
        (learner(), "bank_delete", {"post_id": 0}, 400, "too_small", "post_id"),
        (learner(), "bank_comment", {"post_id": post_id, "body": "  "}, 400, "required", "body"),
        (learner(), "bank_comment", {"post_id": post_id, "body": "x" * 2001}, 400, "too_long", "body"),
        (learner(), "bank_comment", {"post_id": 99_999, "body": "Hi"}, 404, "not_found", None),
        (learner("helena"), "bank_report", {"post_id": post_id, "reason": ""}, 400, "required", "reason"),
        (learner("helena"), "bank_moderate", {"post_id": post_id, "action": "hide", "reason": "x"}, 403,
         "forbidden", None),
        (learner("maija"), "bank_moderate", {"post_id": post_id, "action": "erase", "reason": "x"}, 400,
         "invalid_choice", "action"),
        (learner("maija"), "bank_moderate", {"post_id": post_id, "action": "hide", "reason": " "}, 400,
         "required", "reason"),
        (learner(), "bank_list", {"cursor": "abc"}, 400, "invalid", "cursor"),
        (learner(), "bank_list", {"sort": "random"}, 400, "invalid_choice", "sort"),
        (learner(), "bank_list", {"tag": "Unknown"}, 400, "invalid_choice", "tag"),
        (learner(), "bank_list", {"search": "x" * 101}, 400, "too_long", "search"),
        (make_block(None), "bank_create", valid(), 403, "forbidden", None),
        (make_block(None), "bank_list", {}, 403, "forbidden", None),
    ]
    for block, handler, payload, status, code, field in cases:
        answer = call_handler(block, handler, payload)
        assert answer[0] == status, (handler, payload, answer)
        assert_error_shape(answer[1], code, field)
    assert count_rows() == rows


def test_burst_of_posts_is_throttled_by_the_settings_bucket(world):
    settings = {"VermeXBlock": {"POST_RATE_LIMIT": {"posts": 2, "minutes": 5}}}
    block = learner(settings=settings)
    assert block.bank_rate_limit() == {"posts": 2, "minutes": 5}
    for index in range(2):
        assert call_handler(block, "bank_create", valid(title=f"P{index}"))[0] == 200
    rows = count_rows()
    status, body = call_handler(block, "bank_create", valid(title="One too many"))
    assert status == 429
    assert_error_shape(body, "rate_limited")
    assert body["error"]["message"] == ("You have shared 2 posts in the last 5 minutes. "
                                        "Please wait a while before sharing another.")
    assert count_rows() == rows
    with translation.override("fi"):
        assert "minuutin aikana" in call_handler(block, "bank_create", valid(tags=[]))[1]["error"]["message"]


def test_rate_limit_defaults_and_bad_settings_fall_back():
    assert learner().bank_rate_limit() == {"posts": 10, "minutes": 10}
    bad = learner(settings={"VermeXBlock": {"POST_RATE_LIMIT": {"posts": "many", "minutes": -1}}})
    assert bad.bank_rate_limit() == {"posts": 10, "minutes": 10}
    assert learner(settings={"VermeXBlock": {"POST_RATE_LIMIT": 5}}).bank_rate_limit() == {"posts": 10, "minutes": 10}


def test_list_filters_and_pages_through_the_handler(world):
    block = learner(settings={"VermeXBlock": {"POST_RATE_LIMIT": {"posts": 50, "minutes": 1}}})
    for index in range(12):
        call_handler(block, "bank_create", valid(title=f"Practice {index}", tags=["Networks"] if index % 2 else []))
    status, body = call_handler(block, "bank_list", {"sort": "newest"})
    assert status == 200 and body["html"].count("<article") == 10 and body["next_cursor"]
    status, body = call_handler(block, "bank_list", {"cursor": body["next_cursor"]})
    assert body["html"].count("<article") == 2 and body["next_cursor"] == ""
    status, body = call_handler(block, "bank_list", {"tag": "Networks", "search": "Practice 1", "group_id": ""})
    assert [f"Practice {n}" in body["html"] for n in (11, 1)] == [True, True] and body["html"].count("<article") == 2
    status, body = call_handler(block, "bank_list", {"search": "nothing like this"})
    assert body["summary"] == "No posts match." and "No posts to show." in body["html"]


def test_a_mark_answers_with_its_button_in_a_handful_of_queries(world, django_assert_num_queries):
    post_id = call_handler(learner(), "bank_create", valid())[1]["post_id"]
    marker = learner("helena")
    # who is calling (with whether the account was retired), then the transaction (its savepoint and
    # release, inside the test's own transaction): lock the post, remove the mark (none), add it,
    # move the count.
    with django_assert_num_queries(7):
        status, body = call_handler(marker, "bank_useful", {"post_id": post_id})
    assert (status, body["count"]) == (200, 1)
    status, body = call_handler(learner("helena"), "bank_useful", {"post_id": post_id})
    assert (status, body["useful"], body["count"]) == (200, False, 0) and 'aria-pressed="false"' in body["html"]


def test_a_share_answers_with_its_card_without_reading_the_post_back(world, django_assert_num_queries):
    call_handler(learner(), "bank_create", valid(title="Warm-up"))
    # who is calling (with whether the account was retired), then the transaction (its savepoint and
    # release): lock the membership, count recent posts, insert the post and its tag; then the group's
    # name, the sessions to choose from and the author's directory card for the card's edit form.
    with django_assert_num_queries(10):
        status, body = call_handler(learner(), "bank_create", valid())
    assert status == 200 and "Exit tickets" in body["html"] and "Group only" not in body["html"]
    status, body = call_handler(learner(), "bank_create", valid(title="Inner circle", visibility="group"))
    assert status == 200 and "Group only: New teachers" in body["html"]


def test_first_view_query_count_does_not_grow(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.api.test_bank_moderation import _bulk_data

    block = learner("helena")
    staff = make_block("staff", username="staff", full_name="Staff", is_staff=True)
    views, sections = [], []
    block.render("student_view")  # the block's first view ever also stores the e-mail sender's copy
    staff.render("student_view")  # and staff's first counts the groups below the minimum and people waiting
    for size in (20, 2000):
        _bulk_data(world, posts=size, per_post=1 if size == 20 else 3)
        for viewer_block in (block, staff):
            with CaptureQueriesContext(connection) as captured:
                viewer_block.render("student_view")
            views.append(len(captured.captured_queries))
            viewer = viewer_block.viewer()
            with CaptureQueriesContext(connection) as captured:
                viewer_block.bank_section(viewer)
            sections.append(len(captured.captured_queries))
    assert views[:2] == views[2:], views
    # The bank's part: sessions 1, page 3, filter choices 2, authors' directory cards 1;
    # staff: no own sessions, queue 1, log 1.
    assert sections == [7, 8, 7, 8], sections
    assert Post.objects.count() == 2020


def test_bank_speaks_finnish_and_swedish(world):
    block = learner("helena")
    call_handler(learner(), "bank_create", valid())
    with translation.override("fi"):
        html = whole_view(block)
        assert "Hyvien käytäntöjen pankki" in html and "Kommentit (0)" in html
        assert call_handler(block, "bank_comment", {"post_id": 1_000_000, "body": "x"})[1]["error"]["message"] == (
            "Julkaisua ei ole, tai sitä ei ole jaettu sinulle.")
    with translation.override("sv"):
        assert "Banken för goda exempel" in whole_view(block)


def test_default_visibility_comes_from_the_studio_setting(world):
    grouped = make_block("aino", username="aino", fields={"default_post_visibility": "group"})
    status, body = call_handler(grouped, "bank_create", {"title": "T", "body": "B"})
    assert status == 200 and Post.objects.get(id=body["post_id"]).visibility == "group"
    assert 'value="group" checked' in whole_view(grouped)
    outsider = make_block("nobody", username="nobody", fields={"default_post_visibility": "group"})
    status, body = call_handler(outsider, "bank_create", {"title": "T", "body": "B"})
    assert status == 200 and Post.objects.get(id=body["post_id"]).visibility == "course"


def test_the_author_chooses_in_the_form_whether_their_organisation_is_shown(world):
    block = learner()
    html = whole_view(block)
    assert "Show your organisation (Harbour Vocational College) with this post" in html
    assert 'name="show_organisation" value="no" checked' in html
    before = count_rows()
    status, body = call_handler(block, "bank_create", valid(show_organisation="maybe"))
    assert (status, body["error"]["field"]) == (400, "show_organisation") and count_rows() == before
    status, body = call_handler(block, "bank_create", valid(show_organisation="yes"))
    assert status == 200 and "Aino Virtanen, Harbour Vocational College" in body["html"]
    assert 'name="show_organisation" value="yes" checked' in whole_view(learner())
    status, body = call_handler(block, "bank_create", valid(title="Quiet", show_organisation="no"))
    assert status == 200 and "Aino Virtanen, Harbour" not in body["html"]
