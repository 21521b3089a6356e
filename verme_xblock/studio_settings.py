"""The Studio settings: one schema for the editor and for OLX import, checked on the server.

`clean(payload, archived_ids)` turns the editor's (or OLX's) raw values into the values the fields
store, or raises `SettingsInvalid` listing every problem with the field it concerns, as a path:
`max_group_size`, `tags.3`, `session_templates.1.agenda.2.minute`. Nothing is written while any
problem remains. `advice(config)` lists settings that are allowed but unwise (Studio shows them
as `validate()` warnings).

Items of the lists keep stable ids: an item sent without an id is new and gets one made from its
text, never reusing an id in use or archived, so answers given to an item always stay with it.
"""
import re

from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import validation
from .config import COURSE_WIDE, GROUP_ONLY, SELF_SELECT, STAFF_ASSIGNED
from .errors import Refusal
from .studio_values import currency, km_rate, message_kinds, reminder_days, weight

LIMITS = {
    "display_name": 200,
    "introduction": 10_000,
    "label": 200,
    "title": 200,
    "goal": 1_000,
    "methods": 2_000,
    "agenda_text": 200,
    "item_text": 500,
    "tag": 80,
    "id": 60,
    "purpose": 1_000,
    "card_line": 500,
    "teamset_id": 100,
}
MAX_ITEMS = {
    "target_groups": 30,
    "session_templates": 20,
    "agenda": 30,
    "likert_items": 30,
    "open_prompts": 20,
    "tags": 50,
    "method_cards": 40,
    "feedback_items": 20,
    "card_lines": 15,
}
# (minimum, maximum) of the whole-number settings.
NUMBER_BOUNDS = {
    "min_group_size": (1, 100),
    "max_group_size": (1, 100),
    "session_count": (1, 30),
    "session_length_minutes": (15, 600),
    "session_interval_weeks": (1, 52),
    "anonymity_threshold": (1, 100),
}
CHOICES = {
    "enrolment_mode": (SELF_SELECT, STAFF_ASSIGNED),
    "default_post_visibility": (GROUP_ONLY, COURSE_WIDE),
}
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# Thresholds of the advice (allowed, but unwise).
LARGE_GROUP = 12
FEW_SESSIONS = 3
SMALL_THRESHOLD = 3


class SettingsInvalid(Refusal):
    """Every problem of a save at once: `errors` is a list of {"field", "code", "message"}.

    The answer keeps the handler contract: `error` describes the first problem; when there are more,
    `error.errors` lists them all, so the editor marks every field in one round.
    """

    def __init__(self, errors):
        first = errors[0]
        super().__init__(first["code"], first["message"], field=first["field"])
        self.errors = errors

    def as_json(self):
        data = super().as_json()
        if len(self.errors) > 1:
            data["error"]["errors"] = self.errors
        return data


class _Errors:
    def __init__(self):
        self.items = []

    def add(self, field, code, message):
        self.items.append({"field": field, "code": code, "message": str(message)})

    def check(self, path, function, payload, key, **options):
        """Run a `validation` function on payload[key]; record its refusal under `path`."""
        try:
            return function(payload, key, **options)
        except Refusal as refusal:
            self.add(path, refusal.code, refusal.message)
            return None


def clean(payload, archived_ids=None):
    """The validated settings, ready to store; raises SettingsInvalid naming each bad field."""
    archived_ids = archived_ids or {}
    errors = _Errors()
    if not isinstance(payload, dict):
        raise SettingsInvalid([{"field": None, "code": "invalid", "message": _("Enter a list.")}])
    values = {
        "display_name": errors.check("display_name", validation.text, payload, "display_name",
                                     max_length=LIMITS["display_name"]),
        "introduction": errors.check("introduction", validation.text, payload, "introduction",
                                     max_length=LIMITS["introduction"], required=False, allow_blank=True),
    }
    for name, (minimum, maximum) in NUMBER_BOUNDS.items():
        values[name] = errors.check(name, validation.integer, payload, name, minimum=minimum, maximum=maximum)
    for name, choices in CHOICES.items():
        values[name] = errors.check(name, validation.choice, payload, name, choices=choices)
    values["weight"] = weight(payload, errors)
    values["organiser"] = errors.check("organiser", validation.text, payload, "organiser",
                                       max_length=LIMITS["display_name"], required=False, allow_blank=True)
    values["travel_currency"] = currency(payload, errors)
    values["travel_km_rate"] = km_rate(payload, errors)
    values["teamset_id"] = errors.check("teamset_id", validation.text, payload, "teamset_id",
                                        max_length=LIMITS["teamset_id"], required=False, allow_blank=True) or ""
    values["reminder_days"] = reminder_days(payload, errors)
    values["message_kinds"] = message_kinds(payload, errors)
    if values["min_group_size"] and values["max_group_size"] and values["min_group_size"] > values["max_group_size"]:
        errors.add("max_group_size", "min_above_max",
                   _("The maximum group size must be at least the minimum ({minimum}).").format(
                       minimum=values["min_group_size"]))

    values["target_groups"] = _id_list(payload, "target_groups", errors, "label", LIMITS["label"], archived_ids)
    values["likert_items"] = _id_list(payload, "likert_items", errors, "text", LIMITS["item_text"], archived_ids)
    values["open_prompts"] = _id_list(payload, "open_prompts", errors, "text", LIMITS["item_text"], archived_ids)
    values["tags"] = _tags(payload, errors)
    values["session_templates"] = _templates(payload, errors, values["session_length_minutes"], archived_ids,
                                             _library_ids(payload))
    values["method_cards"] = _cards(payload, errors, archived_ids)
    values["feedback_items"] = _id_list(payload, "feedback_items", errors, "text", LIMITS["item_text"], archived_ids)
    if errors.items:
        raise SettingsInvalid(errors.items)
    return values


def _list(payload, name, errors, path=None):
    path = path or name
    items = payload.get(name)
    if not isinstance(items, list):
        errors.add(path, "invalid", _("Enter a list."))
        return None
    if not items:
        errors.add(path, "empty", _("Add at least one item, or reset the list to the defaults."))
        return None
    limit = MAX_ITEMS[name]
    if len(items) > limit:
        errors.add(path, "too_many", _("Use at most {limit} items.").format(limit=limit))
        return None
    return items


def _item(raw, path, errors):
    if not isinstance(raw, dict):
        errors.add(path, "invalid", _("Enter text."))
        return None
    return raw


def _clean_id(raw, path, errors):
    """An item's id as sent: None for a new item, or a valid existing id."""
    value = raw.get("id")
    if value in (None, ""):
        return None
    if not isinstance(value, str) or len(value) > LIMITS["id"] or not ID_PATTERN.match(value):
        errors.add(f"{path}.id", "invalid_id", _("Use lowercase letters, digits, - and _ only."))
        return None
    return value


def _assign_ids(items, paths, errors, reserved, source_key):
    """Check that ids are unique, then give new items ids made from their text."""
    seen = set()
    for item, path in zip(items, paths, strict=True):
        if item["id"] is None:
            continue
        if item["id"] in seen:
            errors.add(f"{path}.id", "duplicate_id", _("Another item already uses this id."))
        seen.add(item["id"])
    taken = seen | set(reserved)
    for item in items:
        if item["id"] is None:
            item["id"] = new_id(item[source_key], taken)
            taken.add(item["id"])


def new_id(text, taken):
    """A readable id from the text, unique among `taken`: 'wellbeing', 'wellbeing_2', …"""
    base = slugify(text or "").replace("-", "_")[:30].strip("_") or "item"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def _id_list(payload, name, errors, text_key, max_length, archived_ids):
    items = _list(payload, name, errors)
    if items is None:
        return None
    cleaned, paths = [], []
    for index, entry in enumerate(items):
        path = f"{name}.{index}"
        raw = _item(entry, path, errors)
        if raw is None:
            continue
        text = errors.check(f"{path}.{text_key}", validation.text, raw, text_key, max_length=max_length)
        cleaned.append({"id": _clean_id(raw, path, errors), text_key: text})
        paths.append(path)
    _assign_ids(cleaned, paths, errors, archived_ids.get(name, ()), text_key)
    return cleaned


def _tags(payload, errors):
    items = _list(payload, "tags", errors)
    if items is None:
        return None
    cleaned, seen = [], set()
    for index, raw in enumerate(items):
        path = f"tags.{index}"
        tag = errors.check(path, validation.text, {"tag": raw}, "tag", max_length=LIMITS["tag"])
        if tag is None:
            continue
        if tag.casefold() in seen:
            errors.add(path, "duplicate", _("This tag is already in the list."))
        seen.add(tag.casefold())
        cleaned.append(tag)
    return cleaned


def _library_ids(payload):
    """The ids of the method cards being saved, which agenda lines may name; None when the library
    itself is refused (its own error says why, so the lines are not checked against it)."""
    cards = payload.get("method_cards")
    if not isinstance(cards, list) or not cards:
        return None
    return {card["id"] for card in cards if isinstance(card, dict) and isinstance(card.get("id"), str)}


def _templates(payload, errors, session_length, archived_ids, card_ids):
    items = _list(payload, "session_templates", errors)
    if items is None:
        return None
    cleaned, paths = [], []
    for index, entry in enumerate(items):
        path = f"session_templates.{index}"
        raw = _item(entry, path, errors)
        if raw is None:
            continue
        template = {"id": _clean_id(raw, path, errors)}
        template["title"] = errors.check(f"{path}.title", validation.text, raw, "title", max_length=LIMITS["title"])
        for key in ("goal", "methods"):
            template[key] = errors.check(f"{path}.{key}", validation.text, raw, key, max_length=LIMITS[key],
                                         required=False, allow_blank=True)
        template["agenda"] = _agenda(raw, path, errors, session_length, card_ids)
        cleaned.append(template)
        paths.append(path)
    _assign_ids(cleaned, paths, errors, archived_ids.get("session_templates", ()), "title")
    return cleaned


def _agenda(template, path, errors, session_length, card_ids):
    """Timed lines, in order, each starting within the session, each with at most one method card of
    the library (`card_ids`); an empty agenda is allowed. A line without a card has no "card" key."""
    lines = template.get("agenda", [])
    if not isinstance(lines, list):
        errors.add(f"{path}.agenda", "invalid", _("Enter a list."))
        return []
    if len(lines) > MAX_ITEMS["agenda"]:
        errors.add(f"{path}.agenda", "too_many", _("Use at most {limit} items.").format(limit=MAX_ITEMS["agenda"]))
        return []
    cleaned, previous = [], None
    for index, entry in enumerate(lines):
        line_path = f"{path}.agenda.{index}"
        raw = _item(entry, line_path, errors)
        if raw is None:
            continue
        minute = errors.check(f"{line_path}.minute", validation.integer, raw, "minute", minimum=0, maximum=24 * 60)
        text = errors.check(f"{line_path}.text", validation.text, raw, "text", max_length=LIMITS["agenda_text"])
        if minute is not None:
            if previous is not None and minute <= previous:
                errors.add(f"{line_path}.minute", "out_of_order",
                           _("Each agenda line must start later than the one before it."))
            elif session_length and minute >= session_length:
                errors.add(f"{line_path}.minute", "beyond_session",
                           _("An agenda line must start before the session ends ({minutes} min).").format(
                               minutes=session_length))
            previous = minute
        line = {"minute": minute, "text": text}
        card = _agenda_card(raw.get("card"), f"{line_path}.card", errors, card_ids)
        if card:
            line["card"] = card
        cleaned.append(line)
    return cleaned


def _agenda_card(value, path, errors, card_ids):
    """An agenda line's method card: "" or None for none, else the id of a card in the library being saved."""
    if value in (None, ""):
        return ""
    if not isinstance(value, str) or (card_ids is not None and value not in card_ids):
        errors.add(path, "unknown_card", _("This method card is not in the library. Choose another card or none."))
        return ""
    return value


def _lines(raw, path, errors):
    """Steps or questions: a list of texts, or one text with a line each (as the editor sends them)."""
    if isinstance(raw, str):
        raw = raw.splitlines()
    if not isinstance(raw, list):
        errors.add(path, "invalid", _("Enter a list."))
        return []
    lines = [line.strip() for line in raw if isinstance(line, str) and line.strip()]
    if len(lines) > MAX_ITEMS["card_lines"]:
        errors.add(path, "too_many", _("Use at most {limit} items.").format(limit=MAX_ITEMS["card_lines"]))
        return []
    if any(len(line) > LIMITS["card_line"] for line in lines):
        errors.add(path, "too_long", _("Use at most {limit} characters (now {count}).").format(
            limit=LIMITS["card_line"], count=max(len(line) for line in lines)))
        return []
    return lines


def _template_ids(raw, path, errors):
    """The session templates a card belongs to: ids as a list, or separated by commas or spaces."""
    if isinstance(raw, str):
        raw = re.split(r"[\s,]+", raw)
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(value, str) for value in raw):
        errors.add(path, "invalid", _("Enter a list."))
        return []
    ids = [value.strip() for value in raw if value.strip()]
    if any(len(value) > LIMITS["id"] or not ID_PATTERN.match(value) for value in ids):
        errors.add(path, "invalid_id", _("Use lowercase letters, digits, - and _ only."))
        return []
    return ids


def _cards(payload, errors, archived_ids):
    """The method card library: title, purpose, minutes, steps, questions and the templates it belongs to."""
    items = _list(payload, "method_cards", errors)
    if items is None:
        return None
    cleaned, paths = [], []
    for index, entry in enumerate(items):
        path = f"method_cards.{index}"
        raw = _item(entry, path, errors)
        if raw is None:
            continue
        card = {"id": _clean_id(raw, path, errors)}
        card["title"] = errors.check(f"{path}.title", validation.text, raw, "title", max_length=LIMITS["title"])
        card["purpose"] = errors.check(f"{path}.purpose", validation.text, raw, "purpose",
                                       max_length=LIMITS["purpose"], required=False, allow_blank=True)
        card["minutes"] = errors.check(f"{path}.minutes", validation.integer, raw, "minutes", minimum=1,
                                       maximum=600)
        card["steps"] = _lines(raw.get("steps", []), f"{path}.steps", errors)
        card["questions"] = _lines(raw.get("questions", []), f"{path}.questions", errors)
        card["templates"] = _template_ids(raw.get("templates"), f"{path}.templates", errors)
        cleaned.append(card)
        paths.append(path)
    _assign_ids(cleaned, paths, errors, archived_ids.get("method_cards", ()), "title")
    return cleaned


def advice(config):
    """Warnings for settings that are allowed but unwise, as translated texts."""
    messages = []
    if config.max_group_size > LARGE_GROUP:
        messages.append(_("Groups of more than {limit} are large for peer mentoring: not every voice gets heard. "
                          "The Verme model recommends 5–9.").format(limit=LARGE_GROUP))
    if config.session_count < FEW_SESSIONS:
        messages.append(_("With fewer than {limit} sessions a group has little time to build trust. "
                          "The Verme model plans 5.").format(limit=FEW_SESSIONS))
    if config.anonymity_threshold < SMALL_THRESHOLD:
        messages.append(_("With fewer than {limit} answers, group figures can reveal what one person "
                          "answered.").format(limit=SMALL_THRESHOLD))
    if len(config.session_templates) != config.session_count:
        messages.append(_("There are {templates} session templates for {sessions} sessions.").format(
            templates=len(config.session_templates), sessions=config.session_count))
    return messages
