"""The block's Studio configuration: fields (travel with course export/import) and a frozen view of them.

A list field left empty means "the Verme defaults", in the language of the current user, so a new
block works before anyone opens the editor. The Studio editor writes every list on the first save,
so from then on the block keeps the author's language (see `defaults.py`).
"""
import copy
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy
from xblock.fields import Float, Integer, List, Scope, String

from .defaults import LIST_SETTINGS, default_list, default_tags
from .mail.kinds import DEFAULT_REMINDER_DAYS, KINDS

SELF_SELECT = "self_select"
STAFF_ASSIGNED = "staff_assigned"
GROUP_ONLY = "group"
COURSE_WIDE = "course"

# The settings the editor and OLX cover, besides the lists of `defaults.LIST_SETTINGS`.
SCALAR_SETTINGS = (
    "display_name", "introduction", "min_group_size", "max_group_size", "enrolment_mode", "session_count",
    "session_length_minutes", "session_interval_weeks", "default_post_visibility", "anonymity_threshold", "weight",
    "travel_currency", "travel_km_rate", "organiser",
    "teamset_id",
    "reminder_days", "message_kinds",
)


def archive(previous, current, archived):
    """The archived items after a save: removed items join the archive, items back in use leave it."""
    in_use = {item["id"] for item in current}
    kept = [dict(item) for item in archived if item["id"] not in in_use]
    known = {item["id"] for item in kept}
    for item in previous:
        if item["id"] not in in_use and item["id"] not in known:
            kept.append(dict(item))
            known.add(item["id"])
    return kept


# Every field config() reads: assigning one of them drops the block's computed configuration.
CONFIG_FIELDS = frozenset((*SCALAR_SETTINGS, *LIST_SETTINGS, "archived_likert_items", "archived_open_prompts"))


class ConfigurationFields:
    """Scope.settings fields of every capability (the editor and OLX cover all of them)."""

    target_groups = List(display_name=gettext_lazy("Target groups"), default=[], scope=Scope.settings)
    min_group_size = Integer(display_name=gettext_lazy("Minimum group size"), default=5, scope=Scope.settings)
    max_group_size = Integer(display_name=gettext_lazy("Maximum group size"), default=9, scope=Scope.settings)
    enrolment_mode = String(
        display_name=gettext_lazy("Enrolment"), default=SELF_SELECT, scope=Scope.settings,
        values=[SELF_SELECT, STAFF_ASSIGNED],
    )
    session_count = Integer(display_name=gettext_lazy("Number of sessions"), default=5, scope=Scope.settings)
    session_length_minutes = Integer(
        display_name=gettext_lazy("Session length (minutes)"), default=180, scope=Scope.settings
    )
    session_interval_weeks = Integer(
        display_name=gettext_lazy("Weeks between sessions"), default=6, scope=Scope.settings
    )
    session_templates = List(display_name=gettext_lazy("Session templates"), default=[], scope=Scope.settings)
    likert_items = List(display_name=gettext_lazy("Reflection statements"), default=[], scope=Scope.settings)
    open_prompts = List(display_name=gettext_lazy("Reflection questions"), default=[], scope=Scope.settings)
    tags = List(display_name=gettext_lazy("Good-practice tags"), default=[], scope=Scope.settings)
    method_cards = List(display_name=gettext_lazy("Method cards"), default=[], scope=Scope.settings)
    feedback_items = List(display_name=gettext_lazy("End-of-season feedback"), default=[], scope=Scope.settings)
    default_post_visibility = String(
        display_name=gettext_lazy("Default visibility of good practices"), default=COURSE_WIDE,
        scope=Scope.settings, values=[GROUP_ONLY, COURSE_WIDE],
    )
    anonymity_threshold = Integer(
        display_name=gettext_lazy("Smallest number of answers shown as group figures"), default=3,
        scope=Scope.settings,
    )
    weight = Float(display_name=gettext_lazy("Problem weight"), default=0.0, scope=Scope.settings)
    organiser = String(display_name=gettext_lazy("Organiser"), default="", scope=Scope.settings)
    travel_currency = String(display_name=gettext_lazy("Currency of travel costs"), default="EUR",
                             scope=Scope.settings)
    # A decimal as text ("0.25"), exact in reports; empty: no per-kilometre rate, amounts only.
    travel_km_rate = String(display_name=gettext_lazy("Travel rate per kilometre"), default="",
                            scope=Scope.settings)
    # A course teamset whose teams are the groups (Open edX Teams); empty: groups are managed in the block.
    teamset_id = String(display_name=gettext_lazy("Groups from a teamset"), default="", scope=Scope.settings)
    # E-mail messages: whole days before a session that reminders go out ("7 1"), and the kinds of
    # message the course sends (space-separated names; people can switch each off for themselves).
    reminder_days = String(
        display_name=gettext_lazy("Reminders, days before each session"),
        default=" ".join(str(day) for day in DEFAULT_REMINDER_DAYS), scope=Scope.settings,
    )
    message_kinds = String(
        display_name=gettext_lazy("E-mail messages the course sends"), default=" ".join(KINDS), scope=Scope.settings,
    )
    # Reflection items an author removed: their answers stay, and reports can still name them.
    archived_likert_items = List(
        display_name=gettext_lazy("Removed reflection statements"), default=[], scope=Scope.settings
    )
    archived_open_prompts = List(
        display_name=gettext_lazy("Removed reflection questions"), default=[], scope=Scope.settings
    )

    def __setattr__(self, name, value):
        if name in CONFIG_FIELDS:  # the next config() and the parts below read the new settings
            self.__dict__.pop("_verme_configs", None)
            self.__dict__.pop("_verme_parts", None)
        super().__setattr__(name, value)

    def config(self, language="en"):
        """The configuration as plain data, defaults filled in for `language`.

        Computed once per block instance and language (the LMS builds a block per request, so once
        per request) and recomputed after any setting is assigned. Not cached across requests: a
        cache round trip costs more than this, and the fields are in memory already.
        """
        configs = self.__dict__.setdefault("_verme_configs", {})
        if language not in configs:
            configs[language] = self._read_config(language)
        return configs[language]

    def _read_config(self, language):
        lists = {name: tuple(getattr(self, name) or default_list(language, name)) for name in LIST_SETTINGS}
        return Config(
            target_groups=lists["target_groups"],
            min_group_size=self.min_group_size,
            max_group_size=self.max_group_size,
            enrolment_mode=self.enrolment_mode,
            session_count=self.session_count,
            session_length_minutes=self.session_length_minutes,
            session_interval_weeks=self.session_interval_weeks,
            session_templates=lists["session_templates"],
            likert_items=lists["likert_items"],
            open_prompts=lists["open_prompts"],
            tags=lists["tags"],
            method_cards=lists["method_cards"],
            feedback_items=lists["feedback_items"],
            default_post_visibility=self.default_post_visibility,
            anonymity_threshold=self.anonymity_threshold,
            weight=self.weight,
            organiser=self.organiser,
            travel_currency=self.travel_currency or "EUR",
            travel_km_rate=Decimal(self.travel_km_rate) if self.travel_km_rate else None,
            archived_likert_items=tuple(self.archived_likert_items),
            archived_open_prompts=tuple(self.archived_open_prompts),
            teamset_id=self.teamset_id,
            reminder_days=self.sender_reminder_days(),
            message_kinds=self.sender_message_kinds(),
        )

    def _settings_part(self, name, language, from_config, read):
        """A few settings that a handler needs, without building the whole configuration: taken
        from the configuration when this request has built it, else read once per block instance
        (like the configuration) and read again after any setting is assigned."""
        config = self.__dict__.get("_verme_configs", {}).get(language)
        if config is not None:
            return from_config(config)
        parts = self.__dict__.setdefault("_verme_parts", {})
        if (name, language) not in parts:
            parts[name, language] = read()
        return parts[name, language]

    def bank_settings(self, language="en"):
        """(tags, default visibility): what the good-practice bank's handlers need (each write
        answers with HTML)."""
        return self._settings_part(
            "bank", language, lambda config: (config.tags, config.default_post_visibility),
            lambda: (tuple(self.tags or default_tags(language)), self.default_post_visibility))

    def reflection_settings(self, language="en"):
        """The reflection statements and questions, defaults filled in: all that a learner's own
        reflections read."""
        def read():
            return ReflectionSettings(tuple(self.likert_items or default_list(language, "likert_items")),
                                      tuple(self.open_prompts or default_list(language, "open_prompts")))

        return self._settings_part(
            "reflections", language, lambda config: ReflectionSettings(config.likert_items, config.open_prompts), read)

    # The two settings the e-mail sender needs: read alone on every view (see views/messages.py),
    # without building the whole configuration.
    def sender_reminder_days(self):
        return tuple(int(day) for day in self.reminder_days.split())

    def sender_message_kinds(self):
        return tuple(kind for kind in self.message_kinds.split() if kind in KINDS)

    def settings_values(self, language="en"):
        """Every editable setting as plain JSON data (the editor's and OLX's shape), defaults filled in."""
        config = self.config(language)
        values = {name: getattr(self, name) for name in SCALAR_SETTINGS}
        values.update({name: [copy.deepcopy(item) for item in getattr(config, name)] for name in LIST_SETTINGS})
        return values

    def store_settings(self, values, language="en"):
        """Write validated settings (see `studio_settings.clean`); removed reflection items are archived.

        The lists are written whole, so the first save keeps the defaults in the author's language.
        """
        previous = self.config(language)
        for name in ("likert_items", "open_prompts"):
            archive_name = f"archived_{name}"
            setattr(self, archive_name, archive(getattr(previous, name), values[name], getattr(self, archive_name)))
        for name in (*SCALAR_SETTINGS, *LIST_SETTINGS):
            setattr(self, name, values[name])

    def archived_ids(self):
        """Ids a new item must not take: those of removed items whose answers are kept."""
        return {
            "likert_items": {item["id"] for item in self.archived_likert_items},
            "open_prompts": {item["id"] for item in self.archived_open_prompts},
        }


@dataclass(frozen=True)
class ReflectionSettings:
    likert_items: tuple
    open_prompts: tuple


@dataclass(frozen=True)
class Config:
    target_groups: tuple  # of {"id", "label"}
    min_group_size: int
    max_group_size: int
    enrolment_mode: str
    session_count: int
    session_length_minutes: int
    session_interval_weeks: int
    # of {"id", "title", "goal", "methods", "agenda": [{"minute", "text", "card"?}]}; an agenda line's
    # "card" is a method card id of `method_cards`, absent (older agendas) or "" when the line has none
    session_templates: tuple
    likert_items: tuple  # of {"id", "text"}
    open_prompts: tuple  # of {"id", "text"}
    tags: tuple  # of str
    default_post_visibility: str
    anonymity_threshold: int
    weight: float
    method_cards: tuple = ()  # of {"id", "title", "purpose", "minutes", "steps", "questions", "templates"}
    feedback_items: tuple = ()  # of {"id", "text"}: end-of-season statements on a scale of 1–5
    organiser: str = ""  # named on participation certificates
    travel_currency: str = "EUR"
    travel_km_rate: object = None  # Decimal, or None when the course pays amounts only
    archived_likert_items: tuple = ()  # of {"id", "text"}: removed items whose answers are kept
    archived_open_prompts: tuple = ()  # of {"id", "text"}
    teamset_id: str = ""  # groups follow this teamset's teams (Open edX Teams) when set
    reminder_days: tuple = DEFAULT_REMINDER_DAYS  # of int: days before a session
    message_kinds: tuple = KINDS  # of mail.kinds names the course sends
