"""Settings of the demo and the tests: the XBlock workbench with the Verme app installed.

SQLite under var/ by default; VERME_DATABASE_URL=mysql://user:password@host:port/name switches to
MariaDB/MySQL (as Open edX runs it).
"""
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

os.environ.setdefault("EXCLUDE_SAMPLE_XBLOCKS", "yes")  # only Verme's scenarios in the list

from workbench.settings import *  # noqa: F403 (the workbench's own settings are the base)
from workbench.settings import INSTALLED_APPS, MIDDLEWARE, TEMPLATES

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
VAR.mkdir(exist_ok=True)


def database_from_url(url):
    parts = urlparse(url)
    if parts.scheme in ("mysql", "mariadb"):
        use_pure_python_mysql_driver()
        return {
            "ENGINE": "django.db.backends.mysql",
            "NAME": parts.path.lstrip("/"),
            "USER": unquote(parts.username or "root"),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "127.0.0.1",
            "PORT": str(parts.port or 3306),
            "OPTIONS": {"charset": "utf8mb4", "ssl_disabled": _is_loopback(parts.hostname)},
            "TEST": {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"},
        }
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": parts.path or str(VAR / "demo.db")}


def _is_loopback(host):
    """PyMySQL prefers TLS unless told otherwise, and builds a TLS context for every connection (it
    loads the system's CA bundle, about 15 ms) even when the server has no TLS. A server on this
    machine gains nothing from TLS, and Django opens a connection per request."""
    return (host or "127.0.0.1") in ("127.0.0.1", "localhost", "::1")


def use_pure_python_mysql_driver():
    """PyMySQL stands in for mysqlclient, so a fresh machine needs no C headers to run on MariaDB.

    Django's MySQL backend checks the MySQLdb version it imports; PyMySQL speaks the same protocol
    and reports an older number, so it is told the version Django asks for.
    """
    import pymysql

    pymysql.version_info = (2, 2, 1, "final", 0)
    pymysql.install_as_MySQLdb()


DATABASES = {
    "default": database_from_url(os.environ.get("VERME_DATABASE_URL", f"sqlite://{VAR / 'demo.db'}")),
}

# django-pyfs (the workbench's file-system service) does not run on Django 5; Verme needs no files.
INSTALLED_APPS = [*(app for app in INSTALLED_APPS if app != "djpyfs"), "verme_xblock", "demo"]
WORKBENCH = {**WORKBENCH, "services": {"settings": "workbench.services.SettingsService"}}  # noqa: F405

# The language follows the browser, or ?lang=fi|sv|en (remembered in a cookie).
MIDDLEWARE = [
    *MIDDLEWARE[:2],
    "django.middleware.locale.LocaleMiddleware",
    "demo.middleware.QueryLanguageMiddleware",
    *MIDDLEWARE[2:],
]
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fi", "Suomi"), ("sv", "Svenska")]
TIME_ZONE = "Europe/Helsinki"

# The demo's page template adds the page title and language that the LMS page provides.
TEMPLATES[0]["DIRS"] = [str(ROOT / "demo" / "templates"), *TEMPLATES[0]["DIRS"]]

# Several workbenches (the demo, the tests, the benchmark's workers) may share one checkout: append
# without rotating, which would rename the file under the other processes.
LOGGING["handlers"]["logfile"] = {  # noqa: F405
    "level": "DEBUG",
    "class": "logging.handlers.WatchedFileHandler",
    "filename": str(VAR / "workbench.log"),
}

# Only the workbench (the demo and the tests) reads these; the LMS never does.
VERME_WORKBENCH_STAFF = ["staff_sanna", "staff_erik"]
# The workbench's people directory (username = workbench user id): what the LMS's user table and
# language preference give in a real course. Addresses use the reserved example.org domain.
VERME_WORKBENCH_PEOPLE = {
    "staff_sanna": {"name": "Sanna Lehtinen", "email": "sanna.lehtinen@example.org", "language": "fi"},
    "staff_erik": {"name": "Erik Holm", "email": "erik.holm@example.org", "language": "sv"},
    "facilitator_maija": {"name": "Maija Koskinen", "email": "maija.koskinen@example.org", "language": "fi"},
    "facilitator_johan": {"name": "Johan Berg", "email": "johan.berg@example.org", "language": "sv"},
    "learner_aino": {"name": "Aino Virtanen", "email": "aino.virtanen@example.org", "language": "fi"},
    "learner_mikko": {"name": "Mikko Nieminen", "email": "mikko.nieminen@example.org", "language": "fi"},
    "learner_liisa": {"name": "Liisa Järvinen", "email": "liisa.jarvinen@example.org", "language": "fi"},
    "learner_oskar": {"name": "Oskar Lindqvist", "email": "oskar.lindqvist@example.org", "language": "sv"},
    "learner_helena": {"name": "Helena Salo", "email": "helena.salo@example.org", "language": "fi"},
    "learner_pekka": {"name": "Pekka Heikkinen", "email": "pekka.heikkinen@example.org", "language": "fi"},
    "learner_tuula": {"name": "Tuula Mäkelä", "email": "tuula.makela@example.org", "language": "fi"},
    "learner_ville": {"name": "Ville Laine", "email": "ville.laine@example.org", "language": "fi"},
    "learner_new": {"name": "Noora Uusitalo", "email": "noora.uusitalo@example.org", "language": "fi"},
    "learner_emma": {"name": "Emma Korhonen", "email": "emma.korhonen@example.org", "language": "en"},
    "learner_eetu": {"name": "Eetu Rantanen", "email": "eetu.rantanen@example.org", "language": "fi"},
    "learner_sofia": {"name": "Sofia Ek", "email": "sofia.ek@example.org", "language": "sv"},
    "learner_juha": {"name": "Juha Peltonen", "email": "juha.peltonen@example.org", "language": "fi"},
    "learner_kaisa": {"name": "Kaisa Rinne", "email": "kaisa.rinne@example.org", "language": "fi"},
}
# The workbench's course enrolments: by default every demo person who is not workbench staff.
# VERME_WORKBENCH_ENROLLED = ["learner_aino", ...] names them instead.

XBLOCK_SETTINGS = {"VermeXBlock": {}}

# E-mail: the demo writes each message as a file under var/mail/ (Django's file-based backend);
# `manage.py verme_send_messages` sends what is due. Links in the messages point at the demo.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = str(VAR / "mail")
DEFAULT_FROM_EMAIL = "verme-demo@example.org"
VERME_WORKBENCH_BASE_URL = os.environ.get("VERME_DEMO_BASE_URL", "http://127.0.0.1:8000")

OPENEDX_TELEMETRY = []  # edx-django-utils monitoring (used by edx-ace): no New Relic in the demo
