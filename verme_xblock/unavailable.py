"""A database that is down or times out: every handler answers 503 JSON, and never after a commit.

`{"error": {"code": "unavailable", "message": …, "field": null}}` with `Retry-After`, for JSON
handlers and downloads alike. A write that committed before the database went away (while the
answer was being built) answers 200 with `reload: true` instead, so a retry never repeats a change
that was made: the browser reloads and shows it.
"""
import contextlib
import logging

from django.db import InterfaceError, OperationalError, connection, transaction
from django.utils.translation import gettext as _

from .errors import Refusal

log = logging.getLogger(__name__)

OUTAGES = (OperationalError, InterfaceError)  # connection lost, server gone, lock wait timeout …
RETRY_AFTER_SECONDS = 10
WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def refusal():
    return Refusal(
        "unavailable",
        _("The service is not available just now. What you wrote is kept here: try again in a moment."),
        status=503,
    )


def headers():
    return {"Retry-After": str(RETRY_AFTER_SECONDS)}


def saved_message():
    return _("Your change was saved. The page reloads to show it.")


class CommitWatch:
    """Whether a write of this request has been committed.

    Each write statement registers a `transaction.on_commit` callback: Django runs it at once in
    autocommit, and when the outermost transaction commits otherwise (never when it rolls back).
    """

    def __init__(self):
        self.committed = False

    def _mark(self):
        self.committed = True

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith(WRITES):
            transaction.on_commit(self._mark, using=context["connection"].alias)
        return result


@contextlib.contextmanager
def watch_commits():
    watch = CommitWatch()
    with connection.execute_wrapper(watch):
        yield watch
