"""The home view and its sections as people use them: by keyboard, by link, with the back button;
every section scanned for accessibility in three languages at phone and desktop width, measured
against the size targets, and photographed under var/screenshots/ for anyone to look at."""
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from demo.seed import seed

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
FIRST_VIEW_MAX_BYTES = 60 * 1024
SCREEN = 800  # the height of a 1280×800 screen
SECTION_MAX_SCREENS = 3
ROLES = {
    "en": ("verme.0", ("learner_aino", "learner_new", "facilitator_maija", "staff_sanna")),
    "fi": ("verme.1", ("learner_tuula", "learner_new", "facilitator_maija", "staff_sanna")),
    "sv": ("verme.0", ("learner_aino", "learner_new", "facilitator_maija", "staff_sanna")),
}
CASES = [(lang, student, width) for lang, (_scenario, students) in ROLES.items() for student in students
         for width in (320, 375, 1280) if width != 375 or lang != "sv"]


def sections_of(page):
    return page.locator("[data-verme-nav] a[data-section]").evaluate_all(
        "links => links.map(link => [link.dataset.section, link.textContent.trim()])")


def open_section(page, name, label):
    page.get_by_role("navigation").get_by_role("link", name=label, exact=True).click()
    page.wait_for_selector(f'[data-verme-panel="{name}"]:not([aria-busy])')
    expect(page.locator("[data-verme-live]")).to_have_text(f"{label} {opened(page)}")


def opened(page):
    return {"en": "opened.", "fi": "avattu.", "sv": "öppnad."}[page.locator("[data-verme-root]").get_attribute("lang")]


@pytest.mark.parametrize(("lang", "student", "width"), CASES)
def test_every_section_is_accessible_small_enough_and_photographed(
        open_block, assert_accessible, page, lang, student, width):
    seed()
    page.set_viewport_size({"width": width, "height": SCREEN})
    scenario = ROLES[lang][0]
    page = open_block(student, scenario=scenario, lang=lang)
    html = page.locator('[data-block-type="verme"]').evaluate("node => node.outerHTML")
    assert len(html.encode("utf-8")) <= FIRST_VIEW_MAX_BYTES
    photograph = width in (375, 1280) and lang in ("en", "fi")
    for name, label in sections_of(page):
        if name != "home":
            open_section(page, name, label)
        if width == 375:
            pass  # phone screenshots only: the scans run at 320
        else:
            assert_accessible(page)
        if width == 320:
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at 320px"
        if width == 1280:
            height = page.evaluate("document.documentElement.scrollHeight")
            assert height <= SECTION_MAX_SCREENS * SCREEN, f"{name} is {height}px tall at 1280px"
        if photograph:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{lang}-{student}-{name}-{width}.png"), full_page=True)


def test_sections_by_keyboard_deep_link_and_back_button(open_block, assert_accessible, page):
    seed()
    page = open_block("learner_aino")
    nav = page.get_by_role("navigation", name="Sections of this component")
    expect(nav.get_by_role("link", name="Home")).to_have_attribute("aria-current", "page")
    assert [name for name, _label in sections_of(page)] == [
        "home", "group", "season", "plan", "bank", "reflections", "directory", "messages"]
    expect(page.get_by_role("heading", name="Next session")).to_be_visible()
    expect(page.get_by_role("heading", name="To do")).to_be_visible()
    # A task on the home opens its section; opening it clears that news from the home.
    page.get_by_role("link", name=re.compile("New good practices since your last visit")).click()
    page.wait_for_selector('[data-verme-panel="bank"]:not([aria-busy])')
    nav.get_by_role("link", name="Home").click()
    page.wait_for_selector('[data-verme-panel="home"]:not([aria-busy])')
    expect(page.locator('[data-task="practices"]')).to_have_count(0)
    # Keyboard: focus a menu link, press Enter; focus lands on the section's heading, which is announced.
    nav.get_by_role("link", name="My group and sessions").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-verme-panel="group"]:not([aria-busy])')
    expect(page.locator("[data-verme-live]")).to_have_text("My group and sessions opened.")
    expect(page.get_by_role("heading", name="Your mentoring group")).to_be_focused()
    expect(nav.get_by_role("link", name="My group and sessions")).to_have_attribute("aria-current", "page")
    assert page.url.endswith("#verme-group")
    page.keyboard.press("Shift+Tab")  # from the heading back into the menu, by keyboard alone
    expect(nav.get_by_role("link", name="E-mail messages")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(nav.get_by_role("link", name="Participant directory")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(nav.get_by_role("link", name="My reflections")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(nav.get_by_role("link", name="Good practices")).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_selector('[data-verme-panel="bank"]:not([aria-busy])')
    expect(page.get_by_role("heading", name="Good-practice bank")).to_be_focused()
    # Back returns to the group section, then to the home; forward to the group again.
    page.go_back()
    page.wait_for_selector('[data-verme-panel="group"]:not([aria-busy])')
    page.go_back()
    page.wait_for_selector('[data-verme-panel="home"]:not([aria-busy])')
    page.go_forward()
    page.wait_for_selector('[data-verme-panel="group"]:not([aria-busy])')
    # A deep link opens the section it names, in a fresh page too.
    page = open_block("learner_aino", section="plan")
    expect(page.get_by_role("heading", name="Progress plan", exact=True)).to_be_visible()
    assert_accessible(page)


def test_staff_open_a_group_from_the_dashboard_in_groups_and_people(open_block, page):
    seed()
    page = open_block("staff_sanna", section="dashboard")
    page.locator("[data-open-group]").first.click()
    page.wait_for_selector('[data-verme-panel="people"]:not([aria-busy])')
    assert page.url.endswith("#verme-people")
    expect(page.locator("[data-group-space]")).to_have_count(1)
    page.go_back()
    page.wait_for_selector('[data-verme-panel="dashboard"]:not([aria-busy])')
