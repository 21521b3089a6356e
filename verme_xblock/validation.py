"""Input validation for handlers: each function returns a clean value or raises a Refusal naming the field."""
import datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from .errors import Refusal

_MISSING = object()


def _get(payload, field, required, default):
    value = payload.get(field, _MISSING)
    if value is _MISSING or value is None:
        if required:
            raise Refusal("required", _("This field is required."), field=field)
        return default, True
    return value, False


def text(payload, field, *, max_length, required=True, default="", allow_blank=False):
    """A string, stripped; whitespace-only counts as empty."""
    value, missing = _get(payload, field, required, default)
    if missing:
        return value
    if not isinstance(value, str):
        raise Refusal("invalid", _("Enter text."), field=field)
    value = value.strip()
    if not value and not allow_blank:
        if required:
            raise Refusal("required", _("This field is required."), field=field)
        return default
    if len(value) > max_length:
        raise Refusal(
            "too_long",
            _("Use at most {limit} characters (now {count}).").format(limit=max_length, count=len(value)),
            field=field,
        )
    return value


def integer(payload, field, *, minimum=None, maximum=None, required=True, default=None):
    value, missing = _get(payload, field, required, default)
    if missing:
        return value
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise Refusal("invalid", _("Enter a whole number."), field=field)
    try:
        number = int(value)
    except ValueError:
        raise Refusal("invalid", _("Enter a whole number."), field=field) from None
    if minimum is not None and number < minimum:
        raise Refusal("too_small", _("Enter {minimum} or more.").format(minimum=minimum), field=field)
    if maximum is not None and number > maximum:
        raise Refusal("too_large", _("Enter {maximum} or less.").format(maximum=maximum), field=field)
    return number


def boolean(payload, field, *, required=False, default=False):
    value, missing = _get(payload, field, required, default)
    if missing:
        return value
    if not isinstance(value, bool):
        raise Refusal("invalid", _("Choose yes or no."), field=field)
    return value


def choice(payload, field, choices, *, required=True, default=None):
    value, missing = _get(payload, field, required, default)
    if missing:
        return value
    if not isinstance(value, str) or value not in choices:
        raise Refusal("invalid_choice", _("Choose one of the options."), field=field)
    return value


def datetime_value(payload, field, *, required=True, default=None):
    """An ISO 8601 date and time; one without a zone is read in the current time zone."""
    value, missing = _get(payload, field, required, default)
    if missing:
        return value
    if not isinstance(value, str):
        raise Refusal("invalid_datetime", _("Enter a date and time such as 2026-09-15 13:00."), field=field)
    try:
        parsed = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        raise Refusal("invalid_datetime", _("Enter a date and time such as 2026-09-15 13:00."), field=field) from None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed)
    return parsed


def decimal_value(payload, field, *, places, maximum, required=False, default=None):
    """A non-negative decimal with at most `places` decimals; "12,5" (a decimal comma) reads as 12.5."""
    value, missing = _get(payload, field, required, default)
    if missing or (isinstance(value, str) and not value.strip() and not required):
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise Refusal("invalid", _("Enter a number such as 12.5."), field=field)
    try:
        number = Decimal(str(value).strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except InvalidOperation:
        raise Refusal("invalid", _("Enter a number such as 12.5."), field=field) from None
    if not number.is_finite() or number.as_tuple().exponent < -places:
        raise Refusal("invalid", _("Enter a number with at most {places} decimals.").format(places=places),
                      field=field)
    if number < 0:
        raise Refusal("too_small", _("Enter {minimum} or more.").format(minimum=0), field=field)
    if number > maximum:
        raise Refusal("too_large", _("Enter {maximum} or less.").format(maximum=maximum), field=field)
    return number
