"""Point the benchmark settings at a fresh, empty database for one size."""
import os
from pathlib import Path
from urllib.parse import urlparse

import pymysql

VAR = Path(__file__).resolve().parent.parent / "var" / "bench"
MYSQL_URL = os.environ.get("VERME_BENCH_MYSQL", "mysql://root@127.0.0.1:3306")


def prepare_database(kind, size):
    if kind == "sqlite":
        VAR.mkdir(parents=True, exist_ok=True)
        path = VAR / f"{size}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.environ["VERME_BENCH_DB"] = f"sqlite://{path}"
        return
    name = f"verme_bench_{size}"
    url = urlparse(MYSQL_URL)
    connection = pymysql.connect(host=url.hostname or "127.0.0.1", port=url.port or 3306, user=url.username or "root",
                                 password=url.password or "", charset="utf8mb4")
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {name}")
        cursor.execute(f"CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    connection.close()
    os.environ["VERME_BENCH_DB"] = f"{MYSQL_URL}/{name}"
