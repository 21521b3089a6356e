"""The season in depth, as people click it: the plan written at session 1 and travel costs.

Screenshots go to var/screenshots/ (English and Finnish, phone and desktop width).
"""
import csv
import io
from pathlib import Path

from playwright.sync_api import expect

from demo.seed import seed
from tests.browser.test_groups import open_as, open_every_panel
from tests.browser.test_home import open_section

BLOCK = '[data-block-type="verme"]'
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def shoot(page, name, selector="[data-season-plan]"):
    """Desktop (1280 px) and phone (375 px) screenshots of the part of the page the test is about."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator(selector).first.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"))
    page.set_viewport_size({"width": 1100, "height": 900})


def test_members_write_the_season_plan_agree_to_the_rules_and_the_group_sees_it(
        open_block, assert_accessible, browser, live_server):
    seed()
    page = open_block("learner_mikko")
    open_section(page, "season", "Our season plan")
    plan = page.locator("[data-season-plan]")
    expect(plan).to_contain_text("1 of 4 members have agreed to the ground rules.")
    expect(plan).to_contain_text("Calmer starts to my lessons")  # Aino's personal goal, seen by the group
    plan.get_by_role("button", name="I agree to the ground rules").click()
    expect(page.locator("[data-verme-live]")).to_have_text("You agreed to the ground rules.")
    expect(plan).to_contain_text("2 of 4 members have agreed to the ground rules.")
    expect(plan.get_by_role("list", name="Who has agreed to the ground rules")).to_contain_text(
        "Mikko Nieminen: ✓ agreed")

    plan.get_by_label("Your personal goal for the season").fill("Give feedback that students can use")
    plan.get_by_role("button", name="Save your personal goal").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your personal goal was saved.")
    plan.get_by_label("A goal for the group").fill("Visit each other's lessons once")
    plan.get_by_role("button", name="Add the goal").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Goal added.")
    plan.get_by_label("Theme of session 3 (Case clinic)").fill("A hard conversation with a student")
    plan.get_by_role("button", name="Save the theme of session 3").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Theme saved.")
    expect(page.get_by_role("button", name="Save the theme of session 3")).to_be_focused()
    assert_accessible(page)
    shoot(page, "season-plan-member-en")
    # The theme shows in the session list of the group's section.
    open_section(page, "group", "My group and sessions")
    expect(page.locator('[data-session="3"]')).to_contain_text("Theme: A hard conversation with a student")

    other = open_as(browser, live_server, "learner_liisa")
    expect(other.locator('[data-session="3"]')).to_contain_text("A hard conversation with a student")
    open_section(other, "season", "Our season plan")
    other_plan = other.locator("[data-season-plan]")
    expect(other_plan).to_contain_text("Mikko Nieminen: Give feedback that students can use")
    expect(other_plan).to_contain_text("Visit each other's lessons once")
    expect(other_plan.get_by_role("button", name="I agree to the ground rules")).to_be_visible()
    other.context.close()

    page = open_block("facilitator_maija")
    open_section(page, "season", "Our season plan")
    expect(page.locator("[data-season-plan]")).to_contain_text("2 of 4 members have agreed to the ground rules.")
    agree = page.locator("[data-season-plan]").get_by_role("button", name="I agree to the ground rules")
    expect(agree).to_have_count(0)
    assert_accessible(page)
    shoot(page, "season-plan-facilitator-en")


def test_finnish_members_agree_and_write_their_goals(open_block, assert_accessible):
    seed()
    page = open_block("learner_ville", scenario="verme.1", lang="fi")
    open_section(page, "season", "Kauden suunnitelmamme")
    plan = page.locator("[data-season-plan]")
    expect(plan.get_by_role("heading", name="Kauden suunnitelmamme")).to_be_visible()
    plan.get_by_role("button", name="Hyväksyn pelisäännöt").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Hyväksyit pelisäännöt.")
    expect(plan).to_contain_text("2/2 jäsenestä on hyväksynyt pelisäännöt.")
    plan.get_by_label("Oma tavoitteesi tälle kaudelle").fill("Opin rauhoittamaan ryhmän alun")
    plan.get_by_role("button", name="Tallenna oma tavoitteesi").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Oma tavoitteesi tallennettiin.")
    expect(plan).to_contain_text("Ville Laine: Opin rauhoittamaan ryhmän alun")
    open_every_panel(page)
    assert_accessible(page)
    shoot(page, "season-plan-member-fi")


def hours_csv(page):
    with page.expect_download() as download:
        page.locator('a[data-report="hours"]').click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_a_member_records_travel_and_the_report_adds_it_up(open_block, assert_accessible):
    seed()
    page = open_block("learner_liisa")
    open_section(page, "group", "My group and sessions")
    session = page.locator('[data-session="1"]')
    session.get_by_text("Your travel to session 1", exact=True).click()
    session.get_by_label("Kilometres").fill("42.5")
    session.get_by_label("Amount (EUR)").fill("6.40")
    session.get_by_label("Note (optional)").fill("Bus ticket and car to the station")
    session.get_by_role("button", name="Save travel to session 1").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Travel saved.")
    expect(session).to_contain_text("Your travel to session 1: 42.5 km, €6.40")
    session2 = page.locator('[data-session="2"]')
    session2.get_by_text("Your travel to session 2", exact=True).click()
    session2.get_by_label("Kilometres").fill("many")
    session2.get_by_role("button", name="Save travel to session 2").click()
    expect(session2.locator('[data-error-for="kilometres"]')).to_have_text("Enter a number such as 12.5.")
    open_every_panel(page)
    assert_accessible(page)
    shoot(page, "travel-member-en", '[data-session="1"]')

    page = open_block("staff_sanna")
    open_section(page, "dashboard", "Dashboard")
    table = hours_csv(page)
    header = table[0]
    liisa = next(row for row in table if row and row[0] == "Liisa Järvinen")
    assert liisa[header.index("Kilometres travelled")] == "42.5"
    assert liisa[header.index("Travel amounts (EUR)")] == "6.4"
    totals = table[table.index([]):]
    harbour = next(row for row in totals if row and row[0] == "Harbour Vocational College")
    org_header = next(row for row in totals if row and row[0] == "Organisation")
    # Aino's 24 km from the demo data and Liisa's 42.5 km: the same college
    assert harbour[org_header.index("Kilometres travelled")] == "66.5"
    assert harbour[org_header.index("Travel amounts (EUR)")] == "6.4"
