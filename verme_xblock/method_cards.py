"""The method card library: dialogue and solution-focused exercises (purpose, time, steps, questions).

The defaults are data, one file per language (`method_cards/<language>.json`); ids are the same in
every language, and each card names the session templates it belongs to (by template id). A block
keeps its own edited library in the `method_cards` setting (Studio, OLX); empty means these defaults.
"""
import copy
import functools
import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "method_cards"
LANGUAGES = ("en", "fi", "sv")


@functools.cache
def _load(language):
    with open(FOLDER / f"{language}.json", encoding="utf-8") as data:
        return tuple(json.load(data))


def cards_in(language):
    """A fresh copy of the default library in `language` (English when the language is not one of ours)."""
    return copy.deepcopy(list(_load(language if language in LANGUAGES else "en")))


def cards_for_template(cards, template_id):
    """The cards linked to one session template, in library order."""
    return tuple(card for card in cards if template_id and template_id in card.get("templates", ()))


def linked_card_id(template, minute):
    """The card id that the template's agenda line starting at `minute` names ("" when none).

    The line is found by its minute, not its position: a facilitator who edits a session's agenda
    keeps the template's link for the part that starts at the same time."""
    for line in (template or {}).get("agenda", ()):
        try:
            if int(line.get("minute")) == minute:
                return str(line.get("card") or "")
        except (TypeError, ValueError):
            continue
    return ""


def cards_for_part(cards, template, minute):
    """(the card linked to the agenda line at `minute`, or None; the template's other cards)."""
    card_id = linked_card_id(template, minute) if minute is not None else ""
    current = next((card for card in cards if card_id and card.get("id") == card_id), None)
    others = tuple(card for card in cards_for_template(cards, (template or {}).get("id", "")) if card is not current)
    return current, others


@functools.cache
def _load_feedback(language):
    with open(FOLDER.parent / "feedback_items" / f"{language}.json", encoding="utf-8") as data:
        return tuple(json.load(data))


def feedback_items_in(language):
    """The default end-of-season feedback statements (scale 1–5) in `language`, from their data file."""
    return copy.deepcopy(list(_load_feedback(language if language in LANGUAGES else "en")))
