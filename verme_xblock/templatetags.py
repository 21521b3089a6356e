"""Template filters of the package (loaded with `{% load verme %}`)."""
from django import template

from .markup import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """User-written Markdown as sanitised HTML."""
    return render_markdown(text)


@register.filter(name="dict_get")
def dict_get(mapping, key):
    """mapping[key] in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter(name="with_number")
def with_number(label_format, number):
    """'Statement {number}' with the number filled in (the same format the editor's JS fills)."""
    return str(label_format).replace("{number}", str(number))


@register.filter(name="join_path")
def join_path(path, part):
    """A field path of the editor: 'tags' + 3 -> 'tags.3' (errors name fields by these paths)."""
    return f"{path}.{part}"


@register.filter(name="dom_path")
def dom_path(path):
    """A field path as it appears in HTML ids: 'tags.3' -> 'tags-3'."""
    return str(path).replace(".", "-")


@register.filter(name="clock")
def clock_filter(minutes, language):
    """Minutes from the start of a session as '1.25' (fi, sv) or '1:25' (en)."""
    from .formatting import format_clock

    return format_clock(minutes, language)


@register.filter(name="number")
def number_filter(value, language):
    """A number in the reader's language: '0,5' (fi, sv) or '0.5' (en)."""
    from .formatting import format_number

    return format_number(value, language)


def _in_current_zone(format_function, value, language):
    from django.utils import timezone

    return format_function(value, language, timezone.get_current_timezone()) if value else ""


@register.filter(name="local_date")
def local_date_filter(value, language):
    """A date in the reader's language and time zone: '15.9.2026' (fi, sv), '15 September 2026' (en)."""
    from .formatting import format_date

    return _in_current_zone(format_date, value, language)


@register.filter(name="local_time")
def local_time_filter(value, language):
    """A time in the reader's language and time zone: '13.00' (fi, sv), '13:00' (en)."""
    from .formatting import format_time

    return _in_current_zone(format_time, value, language)


@register.filter(name="local_datetime")
def local_datetime_filter(value, language):
    """A date and time in the reader's language and time zone."""
    from .formatting import format_datetime

    return _in_current_zone(format_datetime, value, language)


@register.filter(name="money")
def money_filter(value, currency_and_language):
    """`amount|money:"EUR fi"`: an amount of that currency in the reader's language."""
    from .formatting import format_money

    currency, _, language = str(currency_and_language).partition(" ")
    return format_money(value, currency, language or "en")


@register.filter(name="lines")
def lines_filter(values):
    """A list of texts as the lines of a textarea."""
    return "\n".join(str(value) for value in values or ())


@register.filter(name="hours")
def hours_filter(minutes, language):
    """Minutes as hours in the reader's language: 180 -> '3', 90 -> '1,5' (fi, sv) or '1.5' (en)."""
    from .formatting import format_number

    value = round(int(minutes or 0) / 60, 2)
    return format_number(int(value) if value == int(value) else value, language)
@register.filter(name="full_date")
def full_date_filter(value, language):
    """The weekday and date in the reader's language and time zone: 'lauantai 9. tammikuuta 2027'."""
    from .formatting import format_full_date

    return _in_current_zone(format_full_date, value, language)


@register.filter(name="at_minute")
def at_minute_filter(start, minutes):
    """The clock time `minutes` after `start` (an agenda line of a session): a datetime to format."""
    import datetime

    return start + datetime.timedelta(minutes=int(minutes)) if start else start
