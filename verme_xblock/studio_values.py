"""Single values of the Studio settings that need more than a bound: the weight, the travel currency
and rate, the reminder days and the message kinds. Each records its refusal in the editor's errors."""
import re
from decimal import Decimal, InvalidOperation

from babel.numbers import is_currency
from django.utils.translation import gettext as _

from .mail.kinds import KINDS

WEIGHT_MAX = 1000
KM_RATE_MAX = 100
REMINDER_DAYS_MAX = 60  # (minimum 1) whole days before a session
REMINDERS_MAX = 5


def weight(payload, errors):
    raw = payload.get("weight")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        errors.add("weight", "required", _("This field is required."))
        return None
    try:
        # Finnish and Swedish write decimals with a comma.
        number = Decimal(str(raw).strip().replace(",", ".")) if not isinstance(raw, bool) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        errors.add("weight", "invalid", _("Enter a number such as 1 or 0.5."))
        return None
    if number < 0:
        errors.add("weight", "too_small", _("Enter {minimum} or more.").format(minimum=0))
        return None
    if number > WEIGHT_MAX:
        errors.add("weight", "too_large", _("Enter {maximum} or less.").format(maximum=WEIGHT_MAX))
        return None
    return float(number)


def currency(payload, errors):
    """An ISO 4217 code such as EUR or SEK (Babel knows them); empty means the default, EUR."""
    raw = payload.get("travel_currency")
    code = raw.strip().upper() if isinstance(raw, str) else ""
    if raw is not None and not isinstance(raw, str):
        errors.add("travel_currency", "invalid", _("Enter a currency code such as EUR."))
        return None
    if not code:
        return "EUR"
    if not is_currency(code):
        errors.add("travel_currency", "invalid", _("Enter a currency code such as EUR."))
        return None
    return code


def km_rate(payload, errors):
    """An optional amount per kilometre, up to three decimals (a decimal comma is accepted); '' for none."""
    raw = payload.get("travel_km_rate")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ""
    try:
        number = Decimal(str(raw).strip().replace(",", ".")) if not isinstance(raw, bool) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number.as_tuple().exponent < -3:
        errors.add("travel_km_rate", "invalid", _("Enter an amount such as 0.25, or leave it empty."))
        return None
    if number < 0:
        errors.add("travel_km_rate", "too_small", _("Enter {minimum} or more.").format(minimum=0))
        return None
    if number > KM_RATE_MAX:
        errors.add("travel_km_rate", "too_large", _("Enter {maximum} or less.").format(maximum=KM_RATE_MAX))
        return None
    return format(number.normalize(), "f")


def _words(raw):
    """A list (the editor) or a text of words separated by spaces or commas (OLX), as strings."""
    if isinstance(raw, list):
        return [str(item).strip() for item in raw if str(item).strip()] if all(
            isinstance(item, (str, int)) and not isinstance(item, bool) for item in raw) else None
    if isinstance(raw, str):
        return [word for word in re.split(r"[\s,;]+", raw) if word]
    return None


def reminder_days(payload, errors):
    """Whole days before a session, e.g. "7 1": stored largest first, each once; none is allowed."""
    if payload.get("reminder_days") is None:
        errors.add("reminder_days", "required", _("This field is required."))
        return None
    words = _words(payload["reminder_days"])
    message = _("Enter whole numbers of days from 1 to {maximum}, such as 7 1.").format(maximum=REMINDER_DAYS_MAX)
    if words is None or not all(word.isdigit() and 1 <= int(word) <= REMINDER_DAYS_MAX for word in words):
        errors.add("reminder_days", "invalid", message)
        return None
    days = sorted({int(word) for word in words}, reverse=True)
    if len(days) > REMINDERS_MAX:
        errors.add("reminder_days", "too_many", _("Use at most {limit} items.").format(limit=REMINDERS_MAX))
        return None
    return " ".join(str(day) for day in days)


def message_kinds(payload, errors):
    """The kinds of message the course sends, in their fixed order."""
    if payload.get("message_kinds") is None:
        errors.add("message_kinds", "required", _("This field is required."))
        return None
    words = _words(payload["message_kinds"])
    if words is None or not set(words) <= set(KINDS):
        errors.add("message_kinds", "invalid_choice", _("Choose one of the options."))
        return None
    return " ".join(kind for kind in KINDS if kind in words)
