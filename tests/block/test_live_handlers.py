"""Live session mode through an LMS-shaped runtime: the page, refused input writing nothing, the
facilitator-only rule, and every XSS payload through notes and action points rendering inert."""
import pytest
from webob import Request

from tests.block.test_groups_handlers import block_for, create, people  # noqa: F401 (autouse: the LMS users)
from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, whole_view
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock.models import ActionPoint, MentoringSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def session_id():
    group_id = create(max_size="9")
    for user_id in (41, 42):
        assert call_handler(block_for(user_id), "group_join", {"group_id": group_id})[0] == 200
    return MentoringSession.objects.get(group_id=group_id, number=1).id


def live_page(block, session_id):
    request = Request.blank(f"/?session_id={session_id}", method="GET")
    response = block.runtime.handle(block, "session_live", request)
    return response.status_code, response.body.decode()


def test_the_facilitator_opens_the_page_and_others_are_refused(session_id):
    status, html = live_page(block_for(20), session_id)
    assert status == 200 and "Start the session" in html and "Dialogue rules" in html
    assert html.startswith("<!DOCTYPE html>") and "Shuffle and start a round" in html
    assert "Europe/Helsinki" not in html and "Finland Time" in html  # the zone by its readable name
    assert 'href="' in whole_view(block_for(20))
    assert "Run session 1" in whole_view(block_for(20))
    assert "Run session 1" not in whole_view(block_for(41))
    for user_id in (41, 99):
        status, body = live_page(block_for(user_id), session_id)
        assert status == 403 and '"forbidden"' in body


@pytest.mark.parametrize(("handler", "payload", "status", "code", "field"), [
    ("live_item", {"index": 99}, 400, "invalid", "index"),
    ("live_item", {"index": "x"}, 400, "invalid", "index"),
    ("live_round", {"minutes": 0}, 400, "too_small", "minutes"),
    ("live_round", {"minutes": 31}, 400, "too_large", "minutes"),
    ("live_next_speaker", {}, 400, "no_round", None),
    ("live_notes", {"base_version": 0, "notes": "x" * 20_001}, 400, "too_long", "notes"),
    ("live_notes", {"notes": "x"}, 400, "required", "base_version"),
    ("live_action_add", {"text": " ", "owner_id": "41"}, 400, "required", "text"),
    ("live_action_add", {"text": "x", "owner_id": "99"}, 400, "not_member", "owner_id"),
    ("live_action_done", {"action_id": 999999}, 404, "not_found", None),
    ("live_attendance", {"records": []}, 400, "invalid", "records"),
])
def test_refused_input_writes_nothing(session_id, handler, payload, status, code, field):
    rows = count_rows()
    got, body = call_handler(block_for(20), handler, {"session_id": session_id, **payload})
    assert (got, body["error"]["code"]) == (status, code), body
    assert_error_shape(body, code, field)
    assert count_rows() == rows


def test_members_cannot_run_the_session(session_id):
    rows = count_rows()
    for handler, payload in [("live_item", {"index": 0}), ("live_round", {"minutes": 3}),
                             ("live_notes", {"base_version": 0, "notes": "x"}),
                             ("live_action_add", {"text": "x", "owner_id": "41"})]:
        status, body = call_handler(block_for(41), handler, {"session_id": session_id, **payload})
        assert status == 403, (handler, body)
    assert count_rows() == rows


def test_every_payload_in_notes_and_action_points_renders_inert(session_id):
    facilitator = block_for(20)
    version = 0
    for index, payload in enumerate(PAYLOADS):
        status, body = call_handler(facilitator, "live_notes",
                                    {"session_id": session_id, "base_version": version, "notes": payload})
        assert status == 200, body
        version = body["version"]
        status, body = call_handler(facilitator, "live_action_add",
                                    {"session_id": session_id, "text": payload[:500], "owner_id": "41"})
        assert status == 200 and dangerous_parts(body["html"]) == [], payload
        status, html = live_page(facilitator, session_id)
        main = html[html.index("<main"):html.index("</main>")]  # the page's own head and script aside
        assert dangerous_parts(main) == [], payload
        ActionPoint.objects.all().delete()
        if index % 5 == 0:  # the notes become the minutes that members see
            assert dangerous_parts(whole_view(block_for(41))) == [], payload


def templates_with_cards(**cards_by_minute):
    """The English default templates, the first one's agenda lines linked to cards by minute ("m0": id)."""
    from verme_xblock.defaults import defaults_for

    templates = defaults_for("en")["session_templates"]
    for line in templates[0]["agenda"]:
        line["card"] = cards_by_minute.get(f"m{line['minute']}", "")
    return templates


def test_the_card_of_the_current_agenda_line_comes_first_and_open(session_id):
    fields = {"session_templates": templates_with_cards(m0="scaling", m15="reflecting_team")}
    status, html = live_page(block_for(20, fields=fields), session_id)
    assert status == 200
    assert "Method card for this part: Scaling 0–10 (15 min)" in html  # the first line, before the start too
    assert 'data-live-card="scaling"' in html and "Other method cards of this session" in html
    others = html.split("Other method cards of this session", 1)[1]
    assert "Dialogue rules" in others and "Scaling 0–10" not in others  # the template's others, folded

    status, body = call_handler(block_for(20, fields=fields), "live_item", {"session_id": session_id, "index": 1})
    assert status == 200, body
    assert "Method card for this part: Reflecting team" in body["html"]  # a card of another template too
    assert 'data-live-card="scaling"' not in body["html"]


def test_the_default_templates_link_the_check_in_round_to_scaling(session_id):
    status, html = live_page(block_for(20), session_id)
    assert status == 200 and "Method card for this part: Scaling 0–10" in html


def test_without_a_card_for_the_current_line_the_template_cards_stay_folded(session_id):
    for fields in ({"session_templates": templates_with_cards()},
                   {"session_templates": templates_with_cards(m0="no_such_card")}):
        status, html = live_page(block_for(20, fields=fields), session_id)
        assert status == 200
        assert "Method card for this part" not in html and "Other method cards" not in html
        assert '<details class="verme-live-card"><summary>Dialogue rules' in html
