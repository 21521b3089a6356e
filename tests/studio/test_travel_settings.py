"""The travel settings: a currency code and an optional per-kilometre rate, checked like every setting."""
from decimal import Decimal

import pytest

from tests.runtimes import make_block
from tests.studio.test_settings import errors_of, valid_payload
from verme_xblock.studio_settings import clean


@pytest.mark.parametrize(("given", "stored"), [
    ({}, ("EUR", "")),
    ({"travel_currency": " sek ", "travel_km_rate": "0,25"}, ("SEK", "0.25")),
    ({"travel_currency": "", "travel_km_rate": "0.530"}, ("EUR", "0.53")),
    ({"travel_km_rate": "10"}, ("EUR", "10")),
])
def test_currency_and_rate_are_stored_cleanly(given, stored):
    values = clean({**valid_payload(), **given})
    assert (values["travel_currency"], values["travel_km_rate"]) == stored


@pytest.mark.parametrize(("change", "field", "code"), [
    ({"travel_currency": "EURO"}, "travel_currency", "invalid"),
    ({"travel_currency": "XYZ"}, "travel_currency", "invalid"),
    ({"travel_currency": 5}, "travel_currency", "invalid"),
    ({"travel_km_rate": "abc"}, "travel_km_rate", "invalid"),
    ({"travel_km_rate": "0.1234"}, "travel_km_rate", "invalid"),
    ({"travel_km_rate": "-1"}, "travel_km_rate", "too_small"),
    ({"travel_km_rate": "101"}, "travel_km_rate", "too_large"),
    ({"travel_km_rate": "NaN"}, "travel_km_rate", "invalid"),
])
def test_bad_travel_settings_name_their_field(change, field, code):
    assert errors_of({**valid_payload(), **change}) == {field: code}


@pytest.mark.django_db
def test_the_config_reads_the_rate_as_a_decimal():
    block = make_block("author", fields={"travel_currency": "SEK", "travel_km_rate": "2.5"})
    config = block.config("en")
    assert (config.travel_currency, config.travel_km_rate) == ("SEK", Decimal("2.5"))
    assert make_block("author").config("en").travel_km_rate is None


def test_method_cards_are_checked_and_lines_split():
    cards = [{"title": "Walk", "purpose": "", "minutes": "30", "steps": "One\n\nTwo ", "questions": ["Why?"],
              "templates": "start, case_clinic"}]
    payload = valid_payload()
    for template in payload["session_templates"]:  # a new library: the agendas name none of the default cards
        template["agenda"] = [{"minute": line["minute"], "text": line["text"]} for line in template["agenda"]]
    values = clean({**payload, "method_cards": cards})
    assert values["method_cards"] == [{"id": "walk", "title": "Walk", "purpose": "", "minutes": 30,
                                       "steps": ["One", "Two"], "questions": ["Why?"],
                                       "templates": ["start", "case_clinic"]}]
    bad = [{"title": "", "minutes": "0", "steps": ["x" * 501], "templates": "Not An Id"}]
    assert errors_of({**payload, "method_cards": bad}) == {
        "method_cards.0.title": "required", "method_cards.0.minutes": "too_small",
        "method_cards.0.steps": "too_long", "method_cards.0.templates": "invalid_id"}
    assert errors_of({**valid_payload(), "method_cards": []}) == {"method_cards": "empty"}


def test_the_default_cards_are_the_same_in_three_languages():
    from verme_xblock.defaults import defaults_for

    english, finnish, swedish = (defaults_for(language)["method_cards"] for language in ("en", "fi", "sv"))
    assert [c["id"] for c in english] == [c["id"] for c in finnish] == [c["id"] for c in swedish]
    assert {"dialogue_rules", "success_stories", "miracle_question", "scaling", "reflecting_team",
            "resource_map", "case_consultation"} == {c["id"] for c in english}
    for cards in (english, finnish, swedish):
        assert all(c["title"] and c["purpose"] and c["steps"] and c["questions"] and c["templates"] for c in cards)
    assert clean({**valid_payload("fi"), "method_cards": finnish})["method_cards"] == finnish
