"""The block's configuration is computed once per block instance (the LMS builds one per request)
and follows every change of a setting at once."""
import pytest

from tests.runtimes import make_block
from verme_xblock import config as config_module
from verme_xblock.api import groups
from verme_xblock.data import Viewer

pytestmark = pytest.mark.django_db


def counting_reads(monkeypatch):
    reads = []
    original = config_module.ConfigurationFields._read_config

    def read(block, language):
        reads.append(language)
        return original(block, language)

    monkeypatch.setattr(config_module.ConfigurationFields, "_read_config", read)
    return reads


@pytest.mark.parametrize("user_id", [42, 20, 7])
def test_a_view_reads_the_configuration_at_most_once(monkeypatch, user_id):
    block = make_block(user_id, username="u", is_staff=user_id == 7)
    staff = Viewer("7", "Staff", "staff", True, None)
    group_id = groups.create_group(block.block_key, staff, name="Night owls")
    groups.add_facilitator(block.block_key, staff, group_id, user_id="20", display_name="Maija")
    groups.assign_member(block.block_key, staff, group_id, user_id="42", display_name="Aino")
    reads = counting_reads(monkeypatch)
    block.render("student_view")
    assert reads == []  # the home needs none of it: only the two settings of the e-mail sender
    section = "people" if user_id == 7 else "group"
    block.render("student_view", {"section": section})
    assert reads == ["en"]
    block.render("student_view", {"section": section})  # the same instance: still the one configuration
    assert reads == ["en"]


def test_a_changed_setting_is_seen_at_once(monkeypatch):
    block = make_block(42, username="u")
    reads = counting_reads(monkeypatch)
    assert block.config("en").tags[0] == "Teaching and guidance"
    assert block.config("fi").tags[0] == "Opetus ja ohjaus"
    block.tags = ["Mentoring"]
    assert block.config("en").tags == ("Mentoring",) == block.config("fi").tags
    block.max_group_size = 12
    assert block.config("en").max_group_size == 12
    values = block.settings_values("en")
    values["tags"] = ["Mentoring", "Wellbeing"]
    block.store_settings(values, "en")
    assert block.config("en").tags == ("Mentoring", "Wellbeing")
    assert reads == ["en", "fi", "en", "fi", "en", "en"]


def test_the_settings_a_handler_reads_alone_follow_a_change_at_once():
    block = make_block(42, username="u")
    config = block.config("en")
    assert block.bank_settings("en") == (config.tags, config.default_post_visibility)
    fresh = make_block(42, username="u")
    assert fresh.bank_settings("fi")[0][0] == "Opetus ja ohjaus"
    # Read once per block instance, as the configuration is: the same answer, not read again.
    assert fresh.bank_settings("fi") is fresh.bank_settings("fi")
    assert fresh.reflection_settings("fi") is fresh.reflection_settings("fi")
    fresh.tags = ["Mentoring"]
    fresh.default_post_visibility = "group"
    fresh.likert_items = [{"id": "calm", "text": "I felt calm."}]
    assert fresh.bank_settings("fi") == (("Mentoring",), "group")
    assert fresh.reflection_settings("fi").likert_items == ({"id": "calm", "text": "I felt calm."},)


def test_the_banks_writes_answer_without_building_the_configuration(monkeypatch):
    from django.utils import translation

    from tests.helpers import call_handler

    staff = Viewer("7", "Staff", "staff", True, None)
    block = make_block(42, username="u")
    group_id = groups.create_group(block.block_key, staff, name="Night owls")
    groups.assign_member(block.block_key, staff, group_id, user_id="42", display_name="Aino")
    reads = counting_reads(monkeypatch)
    with translation.override("fi"):
        status, body = call_handler(make_block(42, username="u"), "bank_create", {
            "title": "Exit tickets", "body": "Works.", "tags": ["Opetus ja ohjaus"], "visibility": "course"})
        assert status == 200, body
        status, body = call_handler(make_block(42, username="u"), "bank_create", {
            "title": "Exit tickets", "body": "Works.", "tags": ["Teaching and guidance"], "visibility": "course"})
        assert status == 400 and body["error"]["field"] == "tags"  # the Finnish defaults are the choices
    status, _body = call_handler(make_block(42, username="u", fields={"tags": ["Mentoring"]}), "bank_create", {
        "title": "Pairs", "body": "Works.", "tags": ["Mentoring"], "visibility": "course"})
    assert status == 200
    assert reads == []


def test_a_reflection_draft_answers_without_building_the_configuration(monkeypatch):
    from django.utils import translation

    from tests.helpers import call_handler

    staff = Viewer("7", "Staff", "staff", True, None)
    block = make_block(42, username="u")
    group_id = groups.create_group(block.block_key, staff, name="Night owls")
    groups.assign_member(block.block_key, staff, group_id, user_id="42", display_name="Aino")
    finnish = make_block(42, username="u").config("fi")
    reads = counting_reads(monkeypatch)
    with translation.override("fi"):
        draft = make_block(42, username="u")
        assert draft.reflection_settings("fi") == config_module.ReflectionSettings(finnish.likert_items,
                                                                                   finnish.open_prompts)
        item = finnish.likert_items[0]["id"]
        status, body = call_handler(draft, "reflection_save", {"submit": False, "answers": {item: 4}})
        assert status == 200, body
        assert finnish.likert_items[0]["text"] in body["slot_html"]  # the Finnish defaults are the questions
    custom = [{"id": "calm", "text": "I felt calm."}]
    status, body = call_handler(make_block(42, username="u", fields={"likert_items": custom}), "reflection_save",
                                {"submit": False, "answers": {"calm": 5}})
    assert status == 200 and "I felt calm." in body["slot_html"]
    assert reads == []
