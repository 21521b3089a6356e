"""Networking across groups: a member opts into the directory and a member of another group finds them."""
import re

from playwright.sync_api import expect

from demo.seed import seed
from tests.browser.test_home import open_section
from tests.browser.test_season import shoot


def test_a_member_opts_in_and_another_groups_member_finds_them(open_block, assert_accessible):
    seed()
    page = open_block("learner_aino")
    open_section(page, "directory", "Participant directory")
    directory = page.locator("[data-verme-directory]")
    directory.get_by_text("Add your card to the directory", exact=True).click()
    expect(directory.get_by_label("Organisation")).to_have_value("Harbour Vocational College")  # from her group
    directory.get_by_label("Themes of expertise").fill("Welding safety, work-life periods")
    directory.get_by_label("How to reach me", exact=True).fill("aino.virtanen@example.org, Tuesdays 14–16")
    directory.get_by_role("button", name="Add my card to the directory").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your card is in the directory.")
    expect(directory.get_by_role("list", name="Participants in the directory")).to_contain_text("Aino Virtanen")
    assert_accessible(page)
    shoot(page, "directory-member-en", "[data-verme-directory]")

    page = open_block("learner_helena")  # Study counsellors, another group
    open_section(page, "directory", "Participant directory")
    directory = page.locator("[data-verme-directory]")
    directory.get_by_label("Search the directory").fill("welding")
    directory.get_by_role("button", name="Search").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Participants found: 1.")
    cards = directory.get_by_role("list", name="Participants in the directory")
    expect(cards).to_contain_text("Aino Virtanen — Teacher of welding, Harbour Vocational College")
    expect(cards).to_contain_text("Group: New teachers, autumn")
    expect(cards).to_contain_text("aino.virtanen@example.org, Tuesdays 14–16")
    open_section(page, "bank", "Good practices")
    page.locator("[data-author-card]").first.click()  # a post's author links to the card
    expect(page).to_have_url(re.compile(r"#verme-directory$"))
    page.wait_for_selector('[data-verme-panel="directory"]:not([aria-busy])')
    expect(directory).to_be_visible()  # the link opened the directory section
    assert_accessible(page)

    page = open_block("learner_aino")
    open_section(page, "directory", "Participant directory")
    directory = page.locator("[data-verme-directory]")
    directory.get_by_text("Your card in the directory", exact=True).click()
    directory.get_by_role("button", name="Remove my card from the directory").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your card was removed from the directory.")
    expect(directory).to_contain_text("Nobody has added a card yet.")


def test_the_directory_in_finnish(open_block, assert_accessible):
    seed()
    page = open_block("learner_ville", scenario="verme.1", lang="fi")
    open_section(page, "directory", "Osallistujahakemisto")
    directory = page.locator("[data-verme-directory]")
    directory.get_by_text("Lisää korttisi hakemistoon", exact=True).click()
    directory.get_by_label("Osaamisen teemat").fill("Erityinen tuki, rauhalliset aloitukset")
    directory.get_by_role("button", name="Lisää korttini hakemistoon").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Korttisi on hakemistossa.")
    assert_accessible(page)
    shoot(page, "directory-member-fi", "[data-verme-directory]")
