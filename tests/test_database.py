"""The tests run on the database the environment names (CI runs them on SQLite and on MariaDB)."""
import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_named_database_is_the_one_in_use():
    url = os.environ.get("VERME_DATABASE_URL", "sqlite://")
    expected = "mysql" if url.startswith(("mysql", "mariadb")) else "sqlite"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1
