"""Fill msgstr entries from a JSON file: {"msgid": {"fi": "...", "sv": "..."}}; existing ones are replaced.
A plural entry takes a list: {"%(counter)s post": {"fi": ["%(counter)s kirjoitus", "%(counter)s kirjoitusta"]}}.

    python scripts/fill_translations.py translations.json
"""
import json
import sys
from pathlib import Path

import polib

TRANSLATIONS = Path(__file__).resolve().parent.parent / "verme_xblock" / "translations"


def fill(source):
    texts = json.loads(Path(source).read_text(encoding="utf-8"))
    for language in ("fi", "sv"):
        path = TRANSLATIONS / language / "LC_MESSAGES" / "text.po"
        catalogue = polib.pofile(str(path))
        for entry in catalogue:
            if entry.msgid in texts and language in texts[entry.msgid]:
                text = texts[entry.msgid][language]
                if isinstance(text, list):
                    entry.msgstr_plural = dict(enumerate(text))
                else:
                    entry.msgstr = text
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        catalogue.save()
        missing = [entry.msgid for entry in catalogue if not entry.obsolete
                   and not (entry.msgstr or (entry.msgstr_plural and all(entry.msgstr_plural.values())))]
        print(f"{language}: {len(catalogue.translated_entries())} translated, {len(missing)} missing")
        for msgid in missing:
            print(f"  missing: {msgid!r}")


if __name__ == "__main__":
    fill(sys.argv[1])
