"""Browser tests: headless Debian Chromium (Playwright) against the workbench on a loopback port.

`live_server` (pytest-django) serves the workbench from the test database; every page a test opens
is scanned with axe-core (WCAG 2.1 A/AA), scoped to the Verme block.
"""
import os
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("VERME_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def scenarios(transactional_db):
    """Load the workbench scenarios into this test's database, with the same ids as the demo."""
    from workbench.runtime import ID_MANAGER
    from workbench.scenarios import get_scenarios, init_scenarios

    ID_MANAGER.clear()
    init_scenarios()
    get_scenarios.initialized = True
    return {
        "en": "verme-peer-group-mentoring-english.verme.d0.u0",
        "fi": "verme-vertaisryhmamentorointi-suomi.verme.d0.u0",
    }


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-US")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: dialog.accept())  # destructive actions ask first; the person agrees
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Scan the Verme block(s) on the current page; fail with the list of violations."""

    def check(page, selector='[data-block-type="verme"]'):
        page.wait_for_selector(selector)
        results = axe.run(page, context=selector, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        summary = [(v["id"], v["impact"], [node["target"] for node in v["nodes"]][:3]) for v in violations]
        assert not violations, f"Accessibility violations: {summary}"

    return check


@pytest.fixture
def open_block(live_server, page, scenarios):
    """Open a scenario's block view as a workbench user: open_block('learner_aino', lang='fi'); with
    `section`, the link to that section of the component (its URL fragment), e.g. section="bank"."""

    def go(student, view="", scenario="verme.0", lang="en", section=""):
        path = f"/scenario/{scenario}/{view + '/' if view else ''}"
        fragment = f"#verme-{section}" if section else ""
        url = f"{live_server.url}{path}?student={student}&lang={lang}"
        same_document = page.url.split("#")[0] == url
        page.goto(url + fragment)
        if same_document:  # only the fragment changed: load the page anew, as a person opening the link would
            page.reload()
        page.wait_for_selector('[data-block-type="verme"]')
        if section:
            page.wait_for_selector(f'[data-verme-panel="{section}"]:not([aria-busy])')
        return page

    return go
