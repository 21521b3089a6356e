"""Translations bundled with the package, loaded as Open edX loads a third-party XBlock's.

The catalogues live in `translations/<locale>/LC_MESSAGES/text.mo` (domain "text"). While the block
renders or handles a call, `active_catalogue()` makes that catalogue Django's active translation, so
`gettext` in Python and `{% trans %}` in templates both read it; anything missing falls back to
the platform's own catalogue for that language (dates, month names).
"""
import contextlib
import functools
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import trans_real

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
DOMAIN = "text"
LANGUAGES = ("en", "fi", "sv")


def supported_language(language):
    """The shipped language closest to a Django language code ('fi-fi' -> 'fi'); English otherwise."""
    code = (language or settings.LANGUAGE_CODE or "en").lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else "en"


@functools.cache
def catalogue(language):
    """The package's catalogue for a language, chained to Django's catalogue for the same language.

    Cached per process like Django's own catalogues: the files are read-only package data.
    """
    ours = trans_real.DjangoTranslation(language, domain=DOMAIN, localedirs=[str(TRANSLATIONS_DIR)])
    ours.add_fallback(trans_real.translation(language))
    return ours


@contextlib.contextmanager
def active_catalogue(language=None):
    """Translate with the package's catalogue for the current (or given) language inside the block."""
    language = supported_language(language or translation.get_language())
    active = trans_real._active  # noqa: SLF001 (Django keeps the active translation per thread here)
    previous = getattr(active, "value", None)
    active.value = catalogue(language)
    try:
        yield language
    finally:
        if previous is None:
            del active.value
        else:
            active.value = previous
