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
