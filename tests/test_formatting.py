"""Dates, times and numbers in Finnish, Swedish and English, in the reader's time zone."""
import datetime
import zoneinfo

import pytest

from tests.runtimes import make_block
from verme_xblock import formatting

MOMENT = datetime.datetime(2026, 9, 15, 10, 0, tzinfo=datetime.UTC)  # 13.00 in Helsinki


@pytest.mark.parametrize(("language", "expected"), [
    ("fi", "15.9.2026 klo 13.00"),
    ("sv", "15.9.2026 kl. 13.00"),
    ("en", "15 September 2026, 13:00"),
    ("fi-fi", "15.9.2026 klo 13.00"),
])
def test_datetime_in_helsinki(language, expected):
    assert formatting.format_datetime(MOMENT, language, zoneinfo.ZoneInfo("Europe/Helsinki")) == expected


def test_time_zone_changes_the_clock():
    stockholm = zoneinfo.ZoneInfo("Europe/Stockholm")
    assert formatting.format_time(MOMENT, "sv", stockholm) == "12.00"
    assert formatting.format_time(MOMENT, "en", zoneinfo.ZoneInfo("UTC")) == "10:00"


def test_dates_and_month_names():
    assert formatting.format_date(MOMENT, "fi") == "15.9.2026"
    assert formatting.format_date(MOMENT, "en") == "15 September 2026"
    assert formatting.format_date(datetime.date(2026, 12, 6), "sv") == "6.12.2026"


@pytest.mark.parametrize(("language", "expected"), [("fi", "1\xa0234,5"), ("sv", "1\xa0234,5"), ("en", "1,234.5")])
def test_numbers(language, expected):
    assert formatting.format_number(1234.5, language, decimals=1) == expected


def test_session_clock_offsets():
    assert formatting.format_clock(85, "fi") == "1.25"
    assert formatting.format_clock(0, "sv") == "0.00"
    assert formatting.format_clock(170, "en") == "2:50"


def test_user_time_zone_comes_from_the_platform_preference():
    block = make_block(5, username="u", preferences={"time_zone": "America/New_York"})
    assert str(formatting.user_time_zone(block)) == "America/New_York"
    block = make_block(5, username="u", preferences={"time_zone": "Not/AZone"})
    assert str(formatting.user_time_zone(block)) == "Europe/Helsinki"
    assert str(formatting.user_time_zone(make_block(6))) == "Europe/Helsinki"
