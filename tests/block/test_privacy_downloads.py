"""A participant downloads their own data; staff export one participant; others are refused."""
import json

import pytest
from webob import Request

from tests.helpers import call_handler, whole_view
from tests.runtimes import make_block
from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.data import Viewer

pytestmark = pytest.mark.django_db

STAFF = Viewer("1", "Staff", roles.STAFF, True, None)


def download(block, handler, query=""):
    response = block.runtime.handle(block, handler, Request.blank(f"/?{query}"))
    return response.status_code, response


def member_block(user_id=42, **kwargs):
    block = make_block(user_id, username=f"u{user_id}", full_name=f"Person {user_id}", **kwargs)
    return block


def test_participant_downloads_only_their_own_data_in_this_block():
    block = member_block(42)
    group_id = groups.create_group(block.block_key, STAFF, name="G")
    groups.assign_member(block.block_key, STAFF, group_id, user_id="42", display_name="Aino", organisation="Harbour")
    groups.assign_member(block.block_key, STAFF, group_id, user_id="43", display_name="Mikko", organisation="Lake")
    status, response = download(block, "download_my_data")
    assert status == 200
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.body)
    assert data["user_id"] == "42"
    assert [(m["display_name"], m["organisation"]) for m in data["memberships"]] == [("Aino", "Harbour")]
    assert "Mikko" not in response.body.decode()
    assert 'href="/handler/' in whole_view(block)


def test_anonymous_cannot_download():
    status, response = download(make_block(None), "download_my_data")
    assert status == 403
    assert json.loads(response.body)["error"]["code"] == "forbidden"


def test_staff_export_one_participant_and_learners_are_refused():
    staff_block = member_block(7, is_staff=True)
    group_id = groups.create_group(staff_block.block_key, STAFF, name="G")
    groups.assign_member(staff_block.block_key, STAFF, group_id, user_id="42", display_name="Aino")
    status, response = download(staff_block, "export_user_data", "user_id=42")
    assert status == 200
    assert json.loads(response.body)["memberships"][0]["display_name"] == "Aino"
    status, response = download(staff_block, "export_user_data")
    assert (status, json.loads(response.body)["error"]["field"]) == (400, "user_id")
    status, response = download(member_block(43), "export_user_data", "user_id=42")
    assert status == 403
    assert "Aino" not in response.body.decode()


def test_json_handlers_are_not_downloads():
    status, _ = call_handler(member_block(42), "download_my_data", method="GET")
    assert status == 200


def test_staff_export_holds_no_reflection_text_and_no_drafts():
    from tests.reflection_setup import all_items, make_season
    from verme_xblock.api import reflections

    staff_block = member_block(7, is_staff=True)
    season = make_season(staff_block.block_key)
    config = staff_block.config("en")
    reflections.save_reflection(season.block_key, season.member("m1"), config, season.sessions[0],
                                all_items(config, 4), {"went_well": "Submitted private words"}, submit=True)
    reflections.set_shared(season.block_key, season.member("m1"), season.sessions[0], True)
    reflections.save_reflection(season.block_key, season.member("m1"), config, season.sessions[1],
                                all_items(config, 2), {"went_well": "Draft private words"}, submit=False)
    status, response = download(staff_block, "export_user_data", "user_id=m1")
    assert status == 200
    body = response.body.decode()
    assert "private words" not in body
    data = json.loads(body)
    assert [(row["session__number"], row["session__title"]) for row in data["reflections"]] == [
        (1, "Session title 1")]
    assert "answers" not in body and "reactions" not in data
    # The person's own download keeps everything.
    own = download(make_block("m1", username="m1"), "download_my_data")[1].body.decode()
    assert "Submitted private words" in own and "Draft private words" in own
