"""The directory handlers: opt in, search, withdraw; refused input writes nothing; XSS payloads in every
field of a card (and in the name shown) render inert; a post's author links to their card."""
import pytest

from tests.block.test_groups_handlers import block_for, create, people  # noqa: F401 (autouse: the LMS users)
from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, whole_view
from tests.runtimes import make_block
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock.models import DirectoryCard

pytestmark = pytest.mark.django_db


def test_a_member_opts_in_another_groups_member_finds_them_and_posts_link_the_card():
    north, south = create("North", max_size="9"), create("South", max_size="9")
    assert call_handler(block_for(41), "group_join", {"group_id": north, "organisation": "Omnia"})[0] == 200
    assert call_handler(block_for(42), "group_join", {"group_id": south})[0] == 200
    aino = block_for(41)
    assert "Add your card to the directory" in whole_view(aino)
    status, body = call_handler(aino, "directory_opt_in", {"organisation": "Omnia", "role": "Teacher",
                                                            "expertise": "Welding safety", "contact": "Tue 14–16"})
    assert status == 200 and body["message"] == "Your card is in the directory."
    status, body = call_handler(block_for(42), "directory_search", {"q": "welding"})
    assert status == 200 and "Aino" in body["html"] and "Tue 14–16" in body["html"]
    assert body["message"] == "Participants found: 1."
    assert call_handler(aino, "bank_create", {"title": "Checklist", "body": "Text", "tags": [],
                                              "visibility": "course"})[0] == 200
    assert DirectoryCard.objects.count() == 1
    html = whole_view(block_for(42))
    assert 'href="#verme-directory" data-author-card' in html  # the author's name opens the directory
    status, body = call_handler(aino, "directory_withdraw", {})
    assert status == 200 and "Nobody has added a card yet." in body["html"]
    assert "data-author-card" not in whole_view(block_for(42))


@pytest.mark.parametrize(("payload", "code", "field"), [
    ({"organisation": "x" * 201}, "too_long", "organisation"),
    ({"expertise": "x" * 501}, "too_long", "expertise"),
    ({"contact": ["x"]}, "invalid", "contact"),
])
def test_refused_cards_write_nothing(payload, code, field):
    rows = count_rows()
    status, body = call_handler(block_for(41), "directory_opt_in", payload)
    assert status == 400
    assert_error_shape(body, code, field)
    assert count_rows() == rows


def test_every_payload_renders_inert():
    for index, payload in enumerate(PAYLOADS):
        writer = make_block("writer", username="writer", full_name=payload[:200])
        status, body = call_handler(writer, "directory_opt_in", {
            "organisation": payload[:200], "role": payload[:200], "expertise": payload[:500], "contact": payload[:500]})
        assert status == 200 and dangerous_parts(body["html"]) == [], payload
        status, body = call_handler(block_for(42), "directory_search", {"q": payload[:100]})
        assert status == 200 and dangerous_parts(body["html"]) == [], payload
        if index % 6 == 0:
            assert dangerous_parts(whole_view(block_for(42))) == [], payload
