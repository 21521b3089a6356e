"""Queries written out in SQL: only the few that run on every request, where the ORM spent longer
building the statement than the database took to answer it. Plain SQL that SQLite and MariaDB both
read; values always go as parameters."""
from django.db import connection


def table(model):
    return model._meta.db_table  # noqa: SLF001 (Django's documented model metadata)


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def moment(value):
    """An aware datetime as the database stores it (UTC, naive on MariaDB)."""
    return connection.ops.adapt_datetimefield_value(value)
