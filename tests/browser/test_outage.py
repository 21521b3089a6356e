"""A database outage while sharing: the person's text stays in the form, they are told to try again,
and the same click works once the database is back."""
from django.db import OperationalError
from playwright.sync_api import expect

from demo.seed import ENGLISH_GROUPS, seed_groups
from tests.browser.test_bank import bank_of, post_titled
from tests.browser.test_home import open_section
from verme_xblock.api import bank


def test_an_outage_keeps_the_text_and_says_to_try_again(open_block, assert_accessible, scenarios, monkeypatch):
    seed_groups(scenarios["en"], ENGLISH_GROUPS)
    page = open_block("learner_aino")
    share = bank.create_post

    def database_gone(*args, **kwargs):
        raise OperationalError(2006, "MySQL server has gone away")

    monkeypatch.setattr(bank, "create_post", database_gone)
    open_section(page, "bank", "Good practices")
    section = bank_of(page)
    section.get_by_text("Share a good practice").click()
    compose = section.locator("[data-bank-compose]")
    compose.get_by_label("Title").fill("Walking meetings")
    compose.get_by_label("What did you do, and what did you learn?").fill("We talk while we walk.")
    compose.get_by_role("button", name="Share").click()
    error = compose.locator("[data-form-error]")
    expect(error).to_have_text(
        "The service is not available just now. What you wrote is kept here: try again in a moment.")
    expect(error).to_be_focused()
    expect(compose.get_by_label("Title")).to_have_value("Walking meetings")
    expect(compose.get_by_label("What did you do, and what did you learn?")).to_have_value("We talk while we walk.")
    assert_accessible(page)

    monkeypatch.setattr(bank, "create_post", share)
    compose.get_by_role("button", name="Share").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your post is shared.")
    expect(post_titled(page, "Walking meetings")).to_be_visible()
