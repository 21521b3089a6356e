"""English, Finnish and Swedish are shipped complete, compiled, and in step with the code."""
import gettext
import shutil
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import i18n as catalogues  # noqa: E402

LANGUAGES = ("fi", "sv")


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    catalogue = polib.pofile(str(catalogues.po_path(language)))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert (untranslated, fuzzy) == ([], [])
    assert len(catalogue) > 30


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language):
    for entry in polib.pofile(str(catalogues.po_path(language))).translated_entries():
        for mark in ("{", "%("):
            assert entry.msgid.count(mark) == entry.msgstr.count(mark), (entry.msgid, entry.msgstr)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogues_match_the_po_files(language):
    po = catalogues.po_path(language)
    with po.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalogue = polib.pofile(str(po))
    for entry in catalogue.translated_entries():
        assert compiled.gettext(entry.msgid) == entry.msgstr, f"run `make messages`: {entry.msgid!r} is stale"
    js_file = catalogues.JS_CATALOGUES / language / "text.js"
    js = catalogues.read_js_catalogue(js_file.read_text(encoding="utf-8"))
    assert js, "the JavaScript catalogue is empty"
    for msgid, msgstr in js.items():
        assert catalogue.find(msgid).msgstr == msgstr


def test_every_marked_string_is_in_the_catalogues():
    if not shutil.which("xgettext"):
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    marked = catalogues.marked_msgids()
    for language in ("en", *LANGUAGES):
        known = {entry.msgid for entry in polib.pofile(str(catalogues.po_path(language))) if not entry.obsolete}
        assert marked - known == set(), f"run `make messages` and translate: {sorted(marked - known)}"
