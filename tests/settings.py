"""Test settings: the demo's settings with a throwaway database (SQLite in memory, or MariaDB)."""
import os

os.environ.setdefault("VERME_DATABASE_URL", "sqlite://:memory:")

from demo.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
