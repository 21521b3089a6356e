"""Every XSS payload through titles, bodies, tags, comments, names, organisations, reasons and search
terms: nothing that could run survives in the HTML the bank sends."""
import html

import pytest

from tests.api.bank_world import make_world
from tests.helpers import call_handler, whole_view
from tests.runtimes import make_block
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock import roles
from verme_xblock.api import access, bank_moderation, groups
from verme_xblock.markup import render_markdown

pytestmark = pytest.mark.django_db

TAGS = [payload[:100] for payload in PAYLOADS]
LIMITS = {"VermeXBlock": {"POST_RATE_LIMIT": {"posts": 1000, "minutes": 1}}}


def block_for(user_id, staff=False):
    return make_block(user_id, username=user_id, full_name=PAYLOADS[0] if user_id == "writer" else user_id,
                      is_staff=staff, fields={"tags": TAGS}, settings=LIMITS)


def test_markdown_renderer_alone_keeps_nothing_dangerous():
    for payload in PAYLOADS:
        assert dangerous_parts(str(render_markdown(payload))) == [], payload


def test_markdown_links_open_in_a_new_tab_without_referrer():
    rendered = str(render_markdown("[tool](https://example.org/tool) and <https://example.org/autolink>"))
    assert rendered.count('target="_blank"') == 2
    assert rendered.count('rel="noopener noreferrer nofollow"') == 2


def test_payloads_everywhere_in_the_bank_render_inert():
    writer = block_for("writer")
    world = make_world(writer.block_key)
    staff_viewer = access.viewer_for(world.block, roles.Caller("staff", "staff", "Staff", True, "lms"))
    groups.assign_member(world.block, staff_viewer, world.group_a, user_id="writer", display_name=PAYLOADS[1],
                         organisation=PAYLOADS[2])
    reader, staff = block_for("helena"), block_for("staff", staff=True)
    post_ids = []
    for index, payload in enumerate(PAYLOADS):
        status, body = call_handler(writer, "bank_create", {
            "title": payload[:150], "body": payload, "tags": [TAGS[index]],
            "visibility": "group" if index % 5 == 0 else "course"})
        assert status == 200, (payload, body)
        assert dangerous_parts(body["html"]) == [], payload
        post_id = body["post_id"]
        post_ids.append(post_id)
        status, body = call_handler(reader if index % 5 else writer, "bank_comment",
                                    {"post_id": post_id, "body": payload})
        assert status == 200 and dangerous_parts(body["html"]) == [], payload
        if index % 5:
            assert call_handler(reader, "bank_report", {"post_id": post_id, "reason": payload})[0] == 200
        if index % 3 == 0:
            status, body = call_handler(staff, "bank_moderate",
                                        {"post_id": post_id, "action": "hide", "reason": payload})
            assert status == 200, body
            assert dangerous_parts(body["html"] + body["queue_html"]) == [], payload

    # The first paint of every role, and every page of the list for each of them.
    pages = []
    for block in (writer, reader, staff):
        pages.append(whole_view(block))
        cursor, seen = "", 0
        while True:
            status, body = call_handler(block, "bank_list", {"cursor": cursor})
            assert status == 200
            pages.append(body["html"])
            seen += body["html"].count("<article")
            cursor = body["next_cursor"]
            if not cursor:
                break
        assert seen > 0
    for payload in PAYLOADS:
        for block in (writer, reader):
            status, body = call_handler(block, "bank_list", {"search": payload[:100]})
            assert status == 200
            pages.append(body["html"])
            status, body = call_handler(block, "bank_list", {"tag": payload[:100]})
            assert status == 200
            pages.append(body["html"])
    pages.append(whole_view(staff))
    for page in pages:
        assert dangerous_parts(page) == []

    # The text people wrote is still there, shown as text.
    writer_view = whole_view(writer)
    assert html.escape(PAYLOADS[1], quote=False) in writer_view or html.escape(PAYLOADS[1]) in writer_view
    assert len(bank_moderation.log(world.block, staff_viewer)) == len(range(0, len(PAYLOADS), 3))
    assert len(post_ids) == len(PAYLOADS) >= 80


def test_the_check_itself_catches_the_raw_payloads():
    caught = [payload for payload in PAYLOADS if dangerous_parts(payload)]
    assert len(caught) >= 45
    assert dangerous_parts('<a href="https://x" target="_blank">x</a>') == ["<a target=_blank rel=''>"]
