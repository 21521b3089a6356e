"""The season's close as people click it: a participant's certificate shows the right hours, the
facilitator prints the whole group's, and the method kit prints."""
from playwright.sync_api import expect

from demo.seed import seed
from tests.browser.test_home import open_section
from tests.browser.test_live import shoot_page


def open_link(page, live_server, name):
    url = page.get_by_role("link", name=name).get_attribute("href")
    page.goto(live_server.url + url if url.startswith("/") else url)


def test_the_certificate_shows_the_right_hours_and_the_method_kit_prints(open_block, assert_accessible, live_server):
    seed()  # Aino attended the three sessions held so far, three hours each
    page = open_block("learner_aino")
    open_section(page, "season", "Our season plan")  # the end-of-season links are in the season plan
    open_link(page, live_server, "Your participation certificate (printable, opens in a new tab)")
    expect(page.get_by_role("heading", name="Certificate of participation")).to_be_visible()
    expect(page.locator("[data-total-hours]")).to_have_text("9")
    expect(page.get_by_role("table", name="Sessions attended").locator("tbody tr")).to_have_count(3)
    expect(page.locator("main")).to_contain_text("Maija Koskinen")
    assert_accessible(page, "main")
    shoot_page(page, "certificate-en")

    page = open_block("facilitator_maija")
    open_section(page, "season", "Our season plan")
    open_link(page, live_server, "Participation certificates of the whole group (printable, opens in a new tab)")
    expect(page.get_by_role("heading", name="Certificate of participation")).to_have_count(4)

    page = open_block("learner_aino")
    open_section(page, "season", "Our season plan")
    open_link(page, live_server, "A method kit to take home (printable, opens in a new tab)")
    expect(page.get_by_role("heading", name="Peer-group mentoring: a method kit to take home")).to_be_visible()
    expect(page.get_by_role("heading", name="The miracle question (20 min)")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("button", name="Print")).to_be_hidden()  # the print stylesheet applies
    pdf = page.pdf()  # Chromium prints it
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.emulate_media(media="screen")
    assert_accessible(page, "main")


def test_the_finnish_certificate_and_kit(open_block, assert_accessible, live_server):
    seed()
    page = open_block("learner_tuula", scenario="verme.1", lang="fi")
    open_section(page, "season", "Kauden suunnitelmamme")
    open_link(page, live_server, "Osallistumistodistuksesi (tulostettava, avautuu uuteen välilehteen)")
    expect(page.get_by_role("heading", name="Osallistumistodistus")).to_be_visible()
    expect(page.locator("[data-total-hours]")).to_have_text("9")
    assert_accessible(page, "main")
    shoot_page(page, "certificate-fi")
    page = open_block("learner_tuula", scenario="verme.1", lang="fi")
    open_section(page, "season", "Kauden suunnitelmamme")
    open_link(page, live_server, "Menetelmäpakki mukaan omaan työhön (tulostettava, avautuu uuteen välilehteen)")
    expect(page.get_by_role("heading", name="Ihmekysymys (20 min)")).to_be_visible()
    assert_accessible(page, "main")
    shoot_page(page, "method-kit-fi")
