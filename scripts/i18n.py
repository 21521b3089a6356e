"""Translation catalogues: `extract` updates the .po files, `compile` writes the .mo and JS catalogues.

    python scripts/i18n.py extract   # needs GNU gettext (xgettext, msgmerge, msgcat)
    python scripts/i18n.py compile   # pure Python (polib)
    python scripts/i18n.py adopt REV [REV …]   # fill untranslated entries from the catalogues at git REVs

`adopt` settles a merge of two branches that both added strings: take either side's catalogues,
run `extract`, then `adopt HEAD MERGE_HEAD` copies each side's translations of the new strings.

One catalogue per language, `verme_xblock/translations/<lang>/LC_MESSAGES/text.po`, holds the
strings of Python, templates and JavaScript; the JS catalogue `static/js/translations/<lang>/text.js`
holds the entries that JavaScript uses.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "verme_xblock"
TRANSLATIONS = PACKAGE / "translations"
JS_CATALOGUES = ROOT / "static" / "js" / "translations"
LANGUAGES = ("fi", "sv")


def po_path(language):
    return TRANSLATIONS / language / "LC_MESSAGES" / "text.po"


def build_template(work):
    """Collect every marked string (Python, templates, JavaScript) into `work`/text.pot; returns its path."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "demo.settings", "PYTHONPATH": str(ROOT)}
    locale = PACKAGE / "locale"
    locale.mkdir(exist_ok=True)
    try:
        for domain in ("django", "djangojs"):
            subprocess.run(
                [sys.executable, "-m", "django", "makemessages", "-l", "en", "-d", domain, "--symlinks",
                 "--add-location=file", "--no-wrap", "-i", "locale", "-i", "migrations", "-i", "translations",
                 "-i", "static/js/translations/*"],
                cwd=PACKAGE, env=env, check=True, capture_output=True,
            )
            shutil.move(locale / "en" / "LC_MESSAGES" / f"{domain}.po", Path(work) / f"{domain}.pot")
    finally:
        shutil.rmtree(locale)
    template = Path(work) / "text.pot"
    subprocess.run(["msgcat", "--no-wrap", "-o", template, Path(work) / "django.pot", Path(work) / "djangojs.pot"],
                   check=True)
    return template


def marked_msgids():
    """The msgids the code marks for translation now."""
    with tempfile.TemporaryDirectory() as work:
        return {entry.msgid for entry in polib.pofile(str(build_template(work))) if entry.msgid}


def extract():
    """Merge the strings the code marks into each language's catalogue."""
    with tempfile.TemporaryDirectory() as work:
        template = build_template(work)
        for language in ("en", *LANGUAGES):
            target = po_path(language)
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                subprocess.run(["msgmerge", "--quiet", "--no-wrap", "--no-fuzzy-matching", "--update", "--backup=none",
                                target, template], check=True)
            else:
                shutil.copy(template, target)
            catalogue = polib.pofile(str(target))
            catalogue.metadata["Language"] = language
            catalogue.metadata["Content-Type"] = "text/plain; charset=UTF-8"
            catalogue.save()


def adopt(revisions):
    """Fill untranslated entries of each catalogue from the same catalogue at the given git revisions."""
    for language in ("en", *LANGUAGES):
        target = po_path(language)
        catalogue = polib.pofile(str(target))
        known = {}
        for revision in revisions:
            relative = target.relative_to(ROOT).as_posix()
            shown = subprocess.run(
                ["git", "show", f"{revision}:{relative}"], cwd=ROOT, capture_output=True, text=True, check=False,
            )
            if shown.returncode != 0:
                continue
            for entry in polib.pofile(shown.stdout):
                if entry.msgstr or any(entry.msgstr_plural.values()):
                    known.setdefault(entry.msgid, entry)
        for entry in catalogue:
            source = known.get(entry.msgid)
            if source is None or entry.translated():
                continue
            entry.msgstr = source.msgstr
            if source.msgstr_plural:
                entry.msgstr_plural = dict(source.msgstr_plural)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save()


def compile_catalogues():
    """Write text.mo next to each text.po and the JavaScript catalogue of each language."""
    for language in ("en", *LANGUAGES):
        catalogue = polib.pofile(str(po_path(language)))
        catalogue.save_as_mofile(str(po_path(language).with_suffix(".mo")))
        js_strings = {
            entry.msgid: entry.msgstr
            for entry in catalogue.translated_entries()
            if any(occurrence.endswith(".js") for occurrence, _ in entry.occurrences)
        }
        target = JS_CATALOGUES / language / "text.js"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(js_catalogue(js_strings), encoding="utf-8")


# The shape of the catalogue Open edX compiles for an XBlock with `i18n_js_namespace` (Django's
# JavaScript catalogue under the block's own global name), without touching the page's globals.
JS_NAMESPACE = "VermeI18N"
JS_TEMPLATE = """/* Generated by scripts/i18n.py compile: the Verme strings used in JavaScript. */
(function (globals) {
  "use strict";
  var catalog = %(catalog)s;
  var i18n = globals.%(namespace)s || (globals.%(namespace)s = {});
  i18n.catalog = i18n.catalog || {};
  Object.keys(catalog).forEach(function (key) { i18n.catalog[key] = catalog[key]; });
  i18n.pluralidx = function (n) { return n === 1 ? 0 : 1; };
  i18n.gettext = function (msgid) {
    var value = i18n.catalog[msgid];
    if (typeof value === "undefined" || value === "") { return msgid; }
    return typeof value === "string" ? value : value[0];
  };
  i18n.ngettext = function (singular, plural, count) {
    var value = i18n.catalog[singular];
    if (typeof value === "undefined" || typeof value === "string") {
      return count === 1 ? i18n.gettext(singular) : plural;
    }
    return value[i18n.pluralidx(count)];
  };
}(this));
"""


def js_catalogue(strings):
    return JS_TEMPLATE % {
        "catalog": json.dumps(strings, ensure_ascii=False, sort_keys=True, indent=2),
        "namespace": JS_NAMESPACE,
    }


def read_js_catalogue(text):
    """The strings of a generated JavaScript catalogue (for the tests)."""
    start = text.index("var catalog = ") + len("var catalog = ")
    return json.JSONDecoder().raw_decode(text, start)[0]


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "extract":
        extract()
    elif command == "compile":
        compile_catalogues()
    elif command == "adopt" and len(sys.argv) > 2:
        adopt(sys.argv[2:])
    else:
        sys.exit(__doc__)
