"""Benchmark settings: the demo's, on a throwaway database named by VERME_BENCH_DB (a path or a mysql:// URL)."""
import os

from demo.settings import *  # noqa: F403
from demo.settings import VAR, database_from_url

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
_url = os.environ.get("VERME_BENCH_DB", f"sqlite://{VAR / 'bench' / 'bench.db'}")
DATABASES = {"default": database_from_url(_url)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several server processes write at once: WAL lets readers go on; IMMEDIATE takes the write lock up front.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
LOGGING = {"version": 1, "disable_existing_loggers": False}
