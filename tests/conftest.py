"""Shared fixtures. In CI (CI=true) a skipped test counts as a failure: nothing may go unchecked."""
import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the Django calls the tests make
# from that thread are synchronous all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped:
        report.outcome = "failed"
        report.longrepr = f"Skipped in CI, which must run every check: {report.longrepr}"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as it starts with an empty database."""
    from django.core.cache import cache

    from verme_xblock.api import messages

    cache.clear()
    messages.forget_known_copies()
