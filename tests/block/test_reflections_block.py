"""Reflections through the block: handlers, refusals, what is published, downloads, views, queries."""
import csv
import io

import pytest
from webob import Request

from tests.helpers import call_handler, count_rows, whole_view
from tests.reflection_setup import all_items, make_season, member_block
from tests.runtimes import make_block
from verme_xblock.api import reflections
from verme_xblock.exports_reflections import neutralise
from verme_xblock.models import Reflection

pytestmark = pytest.mark.django_db


@pytest.fixture
def season():
    return make_season(make_block("m1").block_key)


def submit_payload(block, session_id, value=3, **answers):
    return {"session_id": session_id, "answers": {**all_items(block.config("en"), value), **answers}, "submit": True}


def assert_error(body, code, field=None):
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "field"}
    assert body["error"]["code"] == code and body["error"]["field"] == field and body["error"]["message"]


def test_submit_returns_the_re_rendered_section_and_publishes_ids_and_completion(season):
    block = member_block("m1")
    status, body = call_handler(block, "reflection_save", submit_payload(block, season.sessions[0]))
    assert status == 200 and body["status"] == "submitted"
    assert body["message"] == "Your reflection was submitted."
    assert "data-verme-reflections" in body["html"]
    reflection_id = Reflection.objects.get().id
    assert block.runtime.published == [
        ("xblock.verme.reflection.submitted",
         {"reflection_id": reflection_id, "session_id": season.sessions[0], "group_id": season.group_id}),
        ("completion", {"completion": pytest.approx(1 / 3)}),
    ]
    # An edit publishes nothing new: the count did not change.
    status, body = call_handler(block, "reflection_save", submit_payload(block, season.sessions[0], value=4))
    assert status == 200 and body["message"] == "Your changes were saved."
    assert len(block.runtime.published) == 2


def test_a_draft_answers_with_its_own_reflection_alone(season, django_assert_num_queries):
    block = member_block("m1")
    call_handler(block, "reflection_save", submit_payload(block, season.sessions[0]))
    published = len(block.runtime.published)
    payload = {**submit_payload(block, season.sessions[1], value=4), "submit": False}
    # Who is calling, with whether the account was retired (1); in the transaction (with its
    # savepoints, 4) the session, the new row and its lock (4), the save (3) and the reflection read
    # back with its answers (2): nothing more for the rest of the section.
    with django_assert_num_queries(14):
        status, body = call_handler(block, "reflection_save", payload)
    assert status == 200 and body["status"] == "draft" and body["message"] == "Your draft was saved."
    assert "html" not in body
    slot = body["slot_html"]
    assert f'data-slot="{season.sessions[1]}"' in slot and "Draft saved" in slot and "data-reflection-form" in slot
    assert "data-verme-reflections" not in slot and f'data-slot="{season.sessions[0]}"' not in slot
    assert "<svg" not in slot  # the trend stays as it was
    assert slot.count('value="4" checked') == len(block.config("en").likert_items)  # the saved answers
    assert len(block.runtime.published) == published  # a draft is not a submission


def test_graded_block_publishes_the_grade_and_ungraded_does_not(season):
    ungraded = member_block("m1")
    assert not ungraded.has_score
    call_handler(ungraded, "reflection_save", submit_payload(ungraded, season.sessions[0]))
    assert all(event != "grade" for event, _data in ungraded.runtime.published)

    graded = member_block("m2", fields={"weight": 1.0, "session_count": 5})
    assert graded.has_score and graded.max_score() == 5.0 and graded.has_custom_completion
    call_handler(graded, "reflection_save", submit_payload(graded, season.sessions[0]))
    call_handler(graded, "reflection_save", submit_payload(graded, season.sessions[1]))
    grades = [data for event, data in graded.runtime.published if event == "grade"]
    assert grades == [{"value": 1.0, "max_value": 5.0}, {"value": 2.0, "max_value": 5.0}]
    completions = [data["completion"] for event, data in graded.runtime.published if event == "completion"]
    assert completions == [pytest.approx(1 / 3), pytest.approx(2 / 3)]


def test_baseline_submission_publishes_no_grade(season):
    block = member_block("m1", fields={"weight": 2.0})
    call_handler(block, "reflection_save", submit_payload(block, None))
    events = [event for event, _data in block.runtime.published]
    assert events == ["xblock.verme.reflection.submitted", "completion"]


@pytest.mark.parametrize(("change", "status", "code", "field"), [
    ({"answers": {"learned": 6}}, 400, "too_large", "answers.learned"),
    ({"answers": {"unknown_item": 3}}, 400, "unknown_item", "answers.unknown_item"),
    ({"answers": {"went_well": "x" * 4001}}, 400, "too_long", "answers.went_well"),
    ({"answers": "learned=3"}, 400, "invalid", "answers"),
    ({"session_id": "other"}, 403, "not_your_group", None),
    ({"session_id": "future"}, 409, "session_not_held", None),
    ({"session_id": 0}, 400, "too_small", "session_id"),
    ({"submit": "yes"}, 400, "invalid", "submit"),
    ({"answers": {"learned": None}}, 400, "incomplete", "answers.learned"),
])
def test_refused_inputs_answer_the_error_shape_and_write_nothing(season, change, status, code, field):
    block = member_block("m1")
    payload = submit_payload(block, season.sessions[0])
    if "answers" in change and isinstance(change["answers"], dict):
        payload["answers"].update(change["answers"])
    else:
        payload.update(change)
    if payload["session_id"] == "other":
        payload["session_id"] = season.other_session
    if payload["session_id"] == "future":
        payload["session_id"] = season.sessions[-1]
    rows = count_rows()
    got_status, body = call_handler(block, "reflection_save", payload)
    assert got_status == status
    assert_error(body, code, field)
    assert count_rows() == rows
    assert block.runtime.published == []


def test_share_handler_and_its_refusals(season):
    block = member_block("m1")
    status, body = call_handler(block, "reflection_share", {"session_id": season.sessions[0], "shared": True})
    assert status == 404
    assert_error(body, "not_found")
    call_handler(block, "reflection_save", submit_payload(block, season.sessions[0]))
    status, body = call_handler(block, "reflection_share", {"session_id": season.sessions[0], "shared": "yes"})
    assert status == 400
    status, body = call_handler(block, "reflection_share", {"session_id": season.sessions[0], "shared": True})
    assert status == 200 and body["shared"] is True
    assert "Shared with facilitators" in body["html"]


def test_anonymous_and_non_members_cannot_save(season):
    for block in (make_block(None), member_block("outsider-without-group")):
        rows = count_rows()
        status, body = call_handler(block, "reflection_save", submit_payload(block, season.sessions[0]))
        assert status == 403
        assert_error(body, "forbidden")
        assert count_rows() == rows


def test_learner_view_shows_form_trend_chart_table_and_downloads(season):
    block = member_block("m1")
    for index, value in enumerate((2, 3, 4)):
        call_handler(block, "reflection_save", submit_payload(block, season.sessions[index], value=value))
    html = whole_view(member_block("m1"))
    # Only the reflection being filled has its form on the page; the others are a line with a button.
    assert "My reflections" in html and "data-reflection-form" not in html and html.count("data-reflection-open=") == 3
    status, body = call_handler(member_block("m1"), "section_show",
                                {"section": "reflections", "open": str(season.sessions[2])})
    assert status == 200 and "<legend>Taking part supports my work wellbeing.</legend>" in body["html"]
    assert body["html"].count("<legend>") == 8 and body["html"].count("data-reflection-form") == 1
    assert html.count('<svg class="verme-chart" role="img"') == 8
    assert "Your answer to “Taking part supports my work wellbeing.” rose from 2 to 4." in html
    assert '<th scope="col">Session 3</th>' in html
    assert "reflection_download/csv" in html and "reflection_download/md" in html
    assert "Reflections in the groups" not in html


def test_user_text_is_escaped_everywhere(season):
    block = member_block("m1")
    evil = '<script>alert(1)</script>'
    call_handler(block, "reflection_save", submit_payload(block, season.sessions[0], went_well=evil))
    reflections.set_shared(season.block_key, season.member("m1"), season.sessions[0], True)
    block.likert_items = [{"id": "learned", "text": evil}]
    learner_html = whole_view(block)
    facilitator_html = whole_view(make_block("fac"))
    for html in (learner_html, facilitator_html):
        assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_facilitator_sees_figures_panel_and_staff_no_unshared_text(season):
    member = member_block("m1")
    call_handler(member, "reflection_save", submit_payload(member, season.sessions[0], went_well="Only mine"))
    for block in (make_block("fac"), make_block("staff", is_staff=True)):
        html = whole_view(block)
        assert "Reflections in the groups" in html and "Only mine" not in html
        assert "1 of 5 members submitted a reflection." in html
    assert "Reflections in the groups" not in whole_view(make_block("x1"))


def download(block, suffix):
    request = Request.blank("/", method="GET")
    return block.runtime.handle(block, "reflection_download", request, suffix)


def test_csv_download_has_bom_and_neutralised_cells(season):
    block = member_block("m1")
    call_handler(block, "reflection_save", submit_payload(block, season.sessions[0], went_well="=HYPERLINK(1)"))
    call_handler(block, "reflection_save", {"session_id": None, "answers": {"next_step": "@me"}, "submit": False})
    response = download(block, "csv")
    assert response.status_code == 200 and response.content_type == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.body.decode("utf-8-sig"))))
    assert rows[0][0] == "Session"
    assert rows[1][:3] == ["Baseline", "Before the first session", "Draft"] and rows[1][-1] == "'@me"
    assert any(row[-1] == "'=HYPERLINK(1)" for row in rows)
    assert len(rows) == 1 + 1 + 9


def test_markdown_download_is_readable_and_escapes_markup(season):
    block = member_block("m1")
    call_handler(block, "reflection_save", submit_payload(block, season.sessions[0], went_well="# not a heading"))
    text = download(block, "md").body.decode("utf-8")
    assert text.startswith("# My reflections")
    assert "## Session 1: Session title 1" in text
    assert "- Taking part supports my work wellbeing. — **3** / 5" in text
    assert "\\# not a heading" in text


def test_download_refuses_anonymous():
    response = download(make_block(None), "csv")
    assert response.status_code == 403


@pytest.mark.parametrize(("value", "expected"), [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM", "'@SUM"), ("\tx", "'\tx"), ("ok", "ok"), (3, "3"),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_translated_view(season):
    from django.utils import translation

    block = member_block("m1")
    call_handler(block, "reflection_save", submit_payload(block, season.sessions[0]))
    with translation.override("fi"):
        html = whole_view(member_block("m1"))
    assert "Omat reflektioni" in html


def test_archived_answers_are_shown_as_archived(season):
    block = member_block("m1")
    call_handler(block, "reflection_save", submit_payload(block, season.sessions[0], next_step="Old question"))
    changed = member_block("m1", fields={"open_prompts": [{"id": "went_well", "text": "What went well?"}]})
    html = changed.render("student_view", {"section": "reflections"}).body_html()
    assert "Answers to questions that are no longer asked" not in html  # not open yet
    html = call_handler(changed, "section_show", {"section": "reflections", "open": str(season.sessions[0])})[1]["html"]
    assert "Answers to questions that are no longer asked" in html
    assert "Archived question (next_step): Old question" in html
