"""The settings schema: every rule, each error naming its field."""
import copy

import pytest

from verme_xblock import studio_settings
from verme_xblock.config import Config
from verme_xblock.defaults import defaults_for
from verme_xblock.studio_settings import SettingsInvalid, clean


def valid_payload(language="en"):
    payload = {
        "display_name": "Mentoring", "introduction": "", "min_group_size": "5", "max_group_size": "9",
        "enrolment_mode": "self_select", "session_count": "5", "session_length_minutes": "180",
        "session_interval_weeks": "6", "default_post_visibility": "course", "anonymity_threshold": "3",
        "weight": "0", "reminder_days": "7 1", "message_kinds": ["session_reminder", "change_notice",
                                                                 "reflection_reminder", "attendance_reminder",
                                                                 "good_practice_digest"],
    }
    payload.update(defaults_for(language))
    return payload


def errors_of(payload, archived=None):
    with pytest.raises(SettingsInvalid) as caught:
        clean(payload, archived)
    return {error["field"]: error["code"] for error in caught.value.errors}


def test_the_defaults_are_valid_and_keep_their_ids():
    values = clean(valid_payload("fi"))
    assert values["min_group_size"] == 5 and values["weight"] == 0.0
    assert values["likert_items"] == defaults_for("fi")["likert_items"]
    assert values["session_templates"] == defaults_for("fi")["session_templates"]


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"display_name": "  "}, "display_name", "required"),
    ({"display_name": "x" * 201}, "display_name", "too_long"),
    ({"min_group_size": "7", "max_group_size": "6"}, "max_group_size", "min_above_max"),
    ({"session_count": "0"}, "session_count", "too_small"),
    ({"session_count": "many"}, "session_count", "invalid"),
    ({"session_length_minutes": "5"}, "session_length_minutes", "too_small"),
    ({"enrolment_mode": "lottery"}, "enrolment_mode", "invalid_choice"),
    ({"default_post_visibility": "public"}, "default_post_visibility", "invalid_choice"),
    ({"anonymity_threshold": "0"}, "anonymity_threshold", "too_small"),
    ({"weight": "-1"}, "weight", "too_small"),
    ({"weight": "heavy"}, "weight", "invalid"),
    ({"weight": ""}, "weight", "required"),
    ({"tags": []}, "tags", "empty"),
    ({"tags": "a,b"}, "tags", "invalid"),
    ({"target_groups": [{"id": "a", "label": ""}]}, "target_groups.0.label", "required"),
    ({"likert_items": [{"id": "Bad Id!", "text": "x"}]}, "likert_items.0.id", "invalid_id"),
    ({"open_prompts": [{"id": "a", "text": "x" * 501}]}, "open_prompts.0.text", "too_long"),
    ({"likert_items": [{"id": "a", "text": "x"}] * 31}, "likert_items", "too_many"),
])
def test_each_rule_names_its_field(change, field, code):
    payload = valid_payload()
    payload.update(change)
    assert errors_of(payload)[field] == code


def test_duplicates_are_named_at_the_second_occurrence():
    payload = valid_payload()
    payload["tags"] = ["Networks", "Assessment", "networks "]
    payload["likert_items"] = [{"id": "a", "text": "One"}, {"id": "a", "text": "Two"}]
    assert errors_of(payload) == {"tags.2": "duplicate", "likert_items.1.id": "duplicate_id"}


def test_agenda_lines_must_be_in_order_and_within_the_session():
    payload = valid_payload()
    agenda = payload["session_templates"][1]["agenda"]
    agenda[2]["minute"] = 10  # before the line above it (15)
    agenda[6]["minute"] = 180  # the session ends at 180
    agenda[3]["text"] = ""
    assert errors_of(payload) == {
        "session_templates.1.agenda.2.minute": "out_of_order",
        "session_templates.1.agenda.6.minute": "beyond_session",
        "session_templates.1.agenda.3.text": "required",
    }


def test_an_agenda_line_names_a_card_of_the_library_being_saved_or_none():
    payload = valid_payload()
    agenda = payload["session_templates"][2]["agenda"]
    agenda[1]["card"] = "reflecting_team"
    agenda[3]["card"] = ""
    values = clean(payload)
    lines = values["session_templates"][2]["agenda"]
    assert lines[1] == {"minute": 15, "text": "Recap and today's goal", "card": "reflecting_team"}
    assert "card" not in lines[3]  # "" is no card, stored without the key
    assert [line.get("card") for line in lines] == [
        "scaling", "reflecting_team", "dialogue_rules", None, "reflecting_team", None, None]


@pytest.mark.parametrize("card", ["walk", 7, ["scaling"]])
def test_a_card_outside_the_library_is_refused_beside_its_line(card):
    payload = valid_payload()
    payload["session_templates"][0]["agenda"][5]["card"] = card
    assert errors_of(payload) == {"session_templates.0.agenda.5.card": "unknown_card"}


def test_a_card_removed_from_the_library_in_the_same_save_is_refused_where_it_is_used():
    payload = valid_payload()
    payload["method_cards"] = [card for card in payload["method_cards"] if card["id"] != "reflecting_team"]
    assert errors_of(payload) == {"session_templates.2.agenda.4.card": "unknown_card"}
    payload["method_cards"] = []  # the library's own error says it all
    assert errors_of(payload) == {"method_cards": "empty"}


def test_a_template_needs_a_title_but_may_leave_goal_methods_and_agenda_empty():
    payload = valid_payload()
    payload["session_templates"] = [{"title": "", "goal": "", "methods": "", "agenda": []}]
    assert errors_of(payload) == {"session_templates.0.title": "required"}
    payload["session_templates"][0]["title"] = "Open session"
    assert clean(payload)["session_templates"] == [
        {"id": "open_session", "title": "Open session", "goal": "", "methods": "", "agenda": []}
    ]


def test_every_error_is_reported_at_once():
    payload = valid_payload()
    payload.update(display_name="", session_count="0", weight="-2", tags=[])
    assert set(errors_of(payload)) == {"display_name", "session_count", "weight", "tags"}


def test_new_items_get_unique_readable_ids_that_never_reuse_archived_ones():
    payload = valid_payload()
    payload["likert_items"] = [
        {"id": "learned", "text": "Kept"},
        {"id": "", "text": "Työhyvinvointi paranee"},
        {"text": "Työhyvinvointi paranee!"},
        {"id": None, "text": "Learned"},
    ]
    values = clean(payload, {"likert_items": {"learned_2"}})
    assert [item["id"] for item in values["likert_items"]] == [
        "learned", "tyohyvinvointi_paranee", "tyohyvinvointi_paranee_2", "learned_3",
    ]


def test_decimal_comma_in_the_weight():
    payload = valid_payload()
    payload["weight"] = "1,5"
    assert clean(payload)["weight"] == 1.5


def test_the_error_answer_keeps_the_handler_contract():
    payload = valid_payload()
    payload.update(display_name="", weight="x")
    with pytest.raises(SettingsInvalid) as caught:
        clean(payload)
    answer = caught.value.as_json()["error"]
    assert answer["code"] == "required" and answer["field"] == "display_name"
    assert answer["message"] == "This field is required."
    assert [error["field"] for error in answer["errors"]] == ["display_name", "weight"]
    payload["weight"] = "1"
    with pytest.raises(SettingsInvalid) as caught:
        clean(payload)
    assert "errors" not in caught.value.as_json()["error"]  # one problem: exactly the contract's shape


def config(**changes):
    values = clean(valid_payload())
    values = {key: value for key, value in values.items() if key not in ("display_name", "introduction")}
    values.update(changes)
    return Config(**{key: tuple(value) if isinstance(value, list) else value for key, value in values.items()})


def test_advice_for_allowed_but_unwise_settings():
    assert studio_settings.advice(config()) == []
    texts = studio_settings.advice(config(max_group_size=13, session_count=2, anonymity_threshold=2))
    assert len(texts) == 4  # large groups, few sessions, small threshold, 5 templates for 2 sessions
    assert "more than 12" in texts[0]
    assert studio_settings.advice(config(max_group_size=12, anonymity_threshold=3)) == []


def test_payload_is_not_changed_by_cleaning():
    payload = valid_payload()
    before = copy.deepcopy(payload)
    clean(payload)
    assert payload == before
