"""The workbench's WSGI app with its scenarios loaded once, before gunicorn forks its workers.

(The workbench loads scenarios lazily and rewrites their rows on first use; several workers doing
that at once collide on MySQL. That is the workbench's set-up, not a request the product serves.)
"""
from workbench.wsgi import application  # sets Django up


def _load_scenarios():
    from django.db import connections
    from workbench.scenarios import get_scenarios

    get_scenarios()
    connections.close_all()  # each worker opens its own connection


_load_scenarios()

__all__ = ["application"]
