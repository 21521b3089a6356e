"""The method card library: dialogue and solution-focused exercises (purpose, time, steps, questions).

The defaults are data, one file per language (`method_cards/<language>.json`); ids are the same in
every language, and each card names the session templates it belongs to.
"""
import functools
import json
from pathlib import Path

from .i18n import supported_language

FOLDER = Path(__file__).resolve().parent / "method_cards"


@functools.cache
def _load(language):
    with open(FOLDER / f"{language}.json", encoding="utf-8") as data:
        return tuple(json.load(data))


def default_cards(language):
    """The library in `language` (English when the language is not one of ours)."""
    return _load(supported_language(language))


def cards_for_template(cards, template_id):
    """The cards linked to one session template, in library order."""
    return tuple(card for card in cards if template_id in card.get("templates", ()))
