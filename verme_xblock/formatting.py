"""Dates, times, durations and numbers in the reader's language and time zone.

Finnish and Finland-Swedish write dates as 15.9.2026 and times as 13.00; English here follows the
European course: 15 September 2026, 13:00. Every capability formats through these helpers, so a
page never mixes conventions. `user_time_zone(block)` reads the platform's user preference.
"""
import datetime
import zoneinfo

from django.conf import settings
from django.utils import dateformat, formats, timezone

from .i18n import active_catalogue, supported_language

# Django date format strings per language (month and weekday names come from Django's catalogues).
PATTERNS = {
    "fi": {"date": "j.n.Y", "datetime": r"j.n.Y \k\l\o G.i", "time": "G.i", "clock": "{hours}.{minutes:02d}"},
    "sv": {"date": "j.n.Y", "datetime": r"j.n.Y \k\l. G.i", "time": "G.i", "clock": "{hours}.{minutes:02d}"},
    "en": {"date": "j F Y", "datetime": "j F Y, H:i", "time": "H:i", "clock": "{hours}:{minutes:02d}"},
}
PREFERENCES_KEY = "edx-platform.user_preferences"  # the LMS user service's whitelisted preferences


def _patterns(language):
    return PATTERNS[supported_language(language)]


def user_time_zone(block):
    """The reader's time zone: their platform preference, else the server's TIME_ZONE."""
    service = block.runtime.service(block, "user")
    user = service.get_current_user() if service is not None else None
    preferences = (getattr(user, "opt_attrs", None) or {}).get(PREFERENCES_KEY) or {}
    return time_zone(preferences.get("time_zone"))


def reader_time_zone(block):
    """Make the reader's time zone Django's current one while the block renders or handles a call,
    so dates shown (and dates typed into forms) are in their own zone."""
    return timezone.override(user_time_zone(block))


def time_zone(name):
    try:
        return zoneinfo.ZoneInfo(name) if name else zoneinfo.ZoneInfo(settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _local(value, tz):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value, tz or time_zone(None))
    return value


def format_datetime(value, language, tz=None):
    """'15.9.2026 klo 13.00' (fi), '15.9.2026 kl. 13.00' (sv), '15 September 2026, 13:00' (en)."""
    with active_catalogue(language):
        return dateformat.format(_local(value, tz), _patterns(language)["datetime"])


def format_date(value, language, tz=None):
    with active_catalogue(language):
        return dateformat.format(_local(value, tz), _patterns(language)["date"])


def format_time(value, language, tz=None):
    with active_catalogue(language):
        return dateformat.format(_local(value, tz), _patterns(language)["time"])


def format_number(value, language, decimals=None):
    """'1 234,5' (fi, sv; with a no-break space) or '1,234.5' (en)."""
    with active_catalogue(language):
        return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def format_clock(minutes, language):
    """Minutes from the start of a session as a clock offset: '1.25' (fi, sv) or '1:25' (en)."""
    hours, rest = divmod(int(minutes), 60)
    return _patterns(language)["clock"].format(hours=hours, minutes=rest)


def format_money(value, currency, language):
    """An amount in the reader's language, from CLDR through Babel: '12,50 €' (fi) or '€12.50' (en)."""
    from babel.numbers import format_currency

    return format_currency(value, currency, locale={"fi": "fi_FI", "sv": "sv_FI"}.get(language, "en"))
# CLDR locales through Babel: English as written in Europe, Swedish as written in Finland.
BABEL_LOCALES = {"en": "en_GB", "fi": "fi", "sv": "sv_FI"}


def babel_locale(language):
    return BABEL_LOCALES[supported_language(language)]


def zone_name(tz, language):
    """A readable name of a time zone from CLDR: 'Finland Time', 'Finlandtid', 'Itä-Euroopan aika'.

    The location form ("Finland Time") reads best; where a language only has the bare pattern for it
    ("aikavyöhyke: Suomi"), the zone's own generic name is used instead.
    """
    from babel.dates import get_timezone_location, get_timezone_name

    locale = babel_locale(language)
    location = get_timezone_location(tz, locale=locale, return_city=False)
    if ":" not in location:
        return location
    return get_timezone_name(tz, width="long", locale=locale)


def format_full_date(value, language, tz=None):
    """The weekday and the date written out: 'lauantai 9. tammikuuta 2027', 'Saturday, 9 January 2027'."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(_local(value, tz), "full", locale=babel_locale(language))
