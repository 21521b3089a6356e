"""The staff dashboard, the facilitator's overview, report downloads and the printable plan, as people click them."""
import csv
import io
import re
from pathlib import Path

from playwright.sync_api import expect

from demo.seed import seed
from verme_xblock.models import MentoringGroup

BLOCK = '[data-block-type="verme"]'


def read_download(download):
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_staff_sees_every_group_sorts_downloads_and_places_a_learner(open_block, assert_accessible):
    seed()
    page = open_block("staff_sanna", section="dashboard")
    dashboard = page.locator("[data-verme-dashboard]")
    expect(dashboard.locator("[data-dashboard-group]")).to_have_count(2)
    expect(dashboard).to_contain_text("below the minimum of 5")
    assert_accessible(page)

    header = dashboard.locator("th[data-sort-key=members]")
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(dashboard.locator("[data-dashboard-group]").first).to_have_attribute(
        "data-dashboard-group", "Study counsellors")
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    expect(dashboard.locator("[data-dashboard-group]").first).to_have_attribute(
        "data-dashboard-group", "New teachers, autumn")
    expect(page.locator("[data-verme-live]")).to_contain_text("descending")

    for report, first_header, expected in (("hours", "Name", "Aino Virtanen"),
                                           ("groups", "Group", "New teachers, autumn"),
                                           ("practices", "Title", "Exit tickets after every lesson")):
        with page.expect_download() as info:
            dashboard.locator(f'a[data-report="{report}"]').click()
        rows = read_download(info.value)
        assert rows[0][0] == first_header
        assert any(row and row[0] == expected for row in rows), rows[:4]
        assert info.value.suggested_filename.endswith(".csv")

    dashboard.get_by_role("button", name="Open Study counsellors").click()
    page.wait_for_selector('[data-verme-panel="people"]:not([aria-busy])')
    expect(page.locator('[data-group-space]')).to_contain_text("Study counsellors")
    page.go_back()  # back to the dashboard
    page.wait_for_selector('[data-verme-panel="dashboard"]:not([aria-busy])')

    dashboard = page.locator("[data-verme-dashboard]")
    unplaced = dashboard.locator('[data-unplaced="learner_emma"]')
    unplaced.get_by_label("Place Emma Korhonen in").select_option(label="Study counsellors (2 / 9)")
    unplaced.get_by_role("button", name="Place").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Emma Korhonen is now in the group.")
    expect(dashboard.locator('[data-unplaced="learner_emma"]')).to_have_count(0)
    assert_accessible(page)


def test_facilitator_sees_only_their_own_group_and_prints_the_next_session(open_block, assert_accessible):
    seed()
    MentoringGroup.objects.filter(name="Study counsellors").update(
        place="Room 12, Harbour campus", meeting_url="https://meet.example/counsellors")
    page = open_block("facilitator_johan", section="mygroups")
    dashboard = page.locator("[data-verme-dashboard]")
    expect(dashboard.locator("[data-facilitated-group]")).to_have_count(1)
    expect(dashboard.locator('[data-facilitated-group="Study counsellors"]')).to_be_visible()
    expect(dashboard).not_to_contain_text("New teachers, autumn")
    expect(page.locator("[data-group-space]")).to_have_count(0)  # the group's space is its own section
    expect(dashboard.locator('a[data-report="groups"]')).to_have_count(0)
    assert_accessible(page)
    with page.expect_download() as info:
        dashboard.locator('a[data-report="hours"]').click()
    rows = read_download(info.value)
    participants = rows[1:rows.index([])]
    assert {row[3] for row in participants} == {"Study counsellors"} and len(participants) == 2

    # Each group's card opens with its next session: when, where, and how many sessions follow it.
    card = dashboard.get_by_role("article", name="Study counsellors")
    next_session = card.get_by_role("region", name=re.compile(r"^Next session 4: "))
    expect(next_session).to_contain_text("Place: Room 12, Harbour campus")
    expect(next_session).to_contain_text("Sessions after this one: 1.")
    expect(next_session.get_by_role("link", name="Online meeting link")).to_have_attribute(
        "href", "https://meet.example/counsellors")
    expect(card.get_by_role("heading", level=5).first).to_have_text(re.compile(r"^Next session 4: "))  # at the top
    first = dashboard.locator("[data-print-next]")
    with page.context.expect_page() as popup:
        first.click()
    printable = popup.value
    printable.wait_for_load_state()
    expect(printable.locator("h1")).to_contain_text("Study counsellors")
    assert_accessible(printable, selector="main")


def test_a_learner_sees_no_dashboard_and_is_refused_the_staff_handlers(open_block, live_server, page):
    seed()
    staff_page = open_block("staff_sanna", section="dashboard")
    urls = {report: staff_page.locator(f'a[data-report="{report}"]').get_attribute("href")
            for report in ("hours", "groups", "practices")}
    page = open_block("learner_aino")
    expect(page.locator("[data-verme-dashboard]")).to_have_count(0)
    for url in urls.values():
        learner_url = url.replace("staff_sanna", "learner_aino")
        response = page.request.get(f"{live_server.url}{learner_url}" if url.startswith("/") else learner_url)
        assert response.status == 403, (url, response.status)
        assert response.json()["error"]["code"] == "forbidden"


def test_finnish_dashboard_and_overview_are_translated_and_accessible(open_block, assert_accessible):
    seed()
    page = open_block("staff_sanna", scenario="verme.1", lang="fi", section="dashboard")
    dashboard = page.locator("[data-verme-dashboard]")
    expect(dashboard).to_contain_text("Kaikkien ryhmien tilannekuva")
    expect(dashboard.locator('[data-unplaced="learner_eetu"]')).to_be_visible()
    with page.expect_download() as info:
        dashboard.locator('a[data-report="hours"]').click()
    data = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(data), delimiter=";"))
    assert rows[0][0] == "Nimi" and any(row and row[0] == "Tuula Mäkelä" for row in rows)
    assert_accessible(page)
    page = open_block("facilitator_maija", scenario="verme.1", lang="fi", section="mygroups")
    expect(page.locator('[data-facilitated-group="Kokeneet konkarit"]')).to_contain_text("Seuraava tapaaminen")
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})  # phone width
    assert_accessible(page, selector="[data-verme-dashboard]")
    page = open_block("staff_sanna", scenario="verme.1", lang="fi", section="dashboard")
    page.set_viewport_size({"width": 375, "height": 800})
    assert_accessible(page, selector="[data-verme-dashboard]")
