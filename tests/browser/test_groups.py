"""Groups, sessions, attendance, the progress plan and the calendar, as people click them."""
import datetime
from pathlib import Path

import icalendar
from django.utils import timezone
from playwright.sync_api import expect

from demo.seed import seed

BLOCK = '[data-block-type="verme"]'


def open_every_panel(page):
    """Open every <details> so the accessibility scan also covers the forms inside them."""
    page.evaluate("document.querySelectorAll('[data-verme-root] details').forEach(d => { d.open = true; })")


def open_as(browser, live_server, student, lang="en"):
    """A second person's browser window on the English scenario."""
    page = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-US").new_page()
    page.goto(f"{live_server.url}/scenario/verme.0/?student={student}&lang={lang}#verme-group")
    page.wait_for_selector('[data-verme-panel="group"]:not([aria-busy])')
    return page


def create_group(page, name, maximum, first_session=""):
    form = page.locator('form[data-action="group_create"]')
    if not form.is_visible():
        page.get_by_text("Create a group", exact=True).click()
    form.get_by_label("Group name").fill(name)
    form.get_by_label("Target group").select_option(label="New teachers at the start of their career")
    form.get_by_label("Minimum size").fill("1")
    form.get_by_label("Maximum size").fill(str(maximum))
    if first_session:
        form.get_by_label("First session (date and time)").fill(first_session)
    form.get_by_label("Facilitator's username or e-mail (optional)").fill("facilitator_maija")
    form.get_by_role("button", name="Create the group").click()
    expect(page.locator("[data-verme-live]")).to_have_text(f"Group {name} created.")


def card(page, name):
    return page.locator("[data-group-card]").filter(has=page.get_by_role("heading", name=name, exact=True))


def join(page, name):
    card(page, name).get_by_role("button", name="Join this group").click()


def test_staff_creates_two_groups_and_three_learners_join_one_refused(
        open_block, assert_accessible, browser, live_server):
    first = (timezone.localtime() - datetime.timedelta(weeks=7)).strftime("%Y-%m-%dT13:00")
    page = open_block("staff_sanna", section="people")
    assert_accessible(page)
    create_group(page, "Welders' circle", 2, first)
    create_group(page, "Counsellors' corner", 9)
    block = page.locator(BLOCK)
    expect(block.locator("[data-manage-group]")).to_have_count(2)
    expect(block).to_contain_text("below the minimum size")
    assert_accessible(page)
    page.get_by_role("button", name="Open the space of Welders' circle").click()
    expect(block.get_by_role("heading", name="Next session")).to_be_visible()
    open_every_panel(page)
    assert_accessible(page)

    late = open_as(browser, live_server, "learner_liisa")  # Liisa opens the list while seats are left
    expect(late.locator(BLOCK)).to_contain_text("Seats left: 2 of 2")

    page = open_block("learner_aino", section="group")
    join(page, "Welders' circle")
    expect(page.locator("[data-verme-live]")).to_have_text("You joined the group.")
    expect(page.get_by_role("heading", name="Next session")).to_be_visible()
    assert_accessible(page)
    page = open_block("learner_mikko", section="group")
    join(page, "Welders' circle")
    expect(page.locator("[data-verme-live]")).to_have_text("You joined the group.")

    join(late, "Welders' circle")
    expect(card(late, "Welders' circle").locator("[data-form-error]")).to_have_text(
        "This group is full. Choose another group.")
    expect(late.locator("[data-verme-live]")).to_have_text("This group is full. Choose another group.")
    assert_accessible(late)
    late.reload()
    late.wait_for_selector('[data-verme-panel="group"]:not([aria-busy])')
    expect(card(late, "Welders' circle")).to_contain_text("Full")
    expect(card(late, "Welders' circle").get_by_role("button", name="Join this group")).to_have_count(0)
    join(late, "Counsellors' corner")
    expect(late.locator("[data-verme-live]")).to_have_text("You joined the group.")
    late.context.close()


def test_facilitator_edits_session_two_and_records_attendance(open_block, assert_accessible):
    seed()
    page = open_block("facilitator_maija", section="group")
    block = page.locator(BLOCK)
    assert_accessible(page)
    block.get_by_role("button", name="Edit session 2 or record attendance").click()  # one session at a time
    expect(block.get_by_role("heading", name="Edit session 2")).to_be_focused()
    form = block.locator('[data-session="2"] form[data-action="session_update"]')
    form.get_by_label("Place or meeting link").fill("Library, room 2")
    form.get_by_label("Length (minutes)").fill("150")
    form.get_by_role("button", name="Save session 2").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Session saved.")
    expect(block.locator('[data-session="2"]')).to_contain_text("Library, room 2")
    expect(block.get_by_role("button", name="Save session 2")).to_be_focused()  # focus stays where they were

    block.get_by_role("button", name="Edit session 1 or record attendance").click()
    expect(block.locator('[data-session="2"] form[data-action="session_update"]')).to_have_count(0)
    attendance = block.locator('[data-session="1"] form[data-action="attendance_record"]')
    aino = attendance.get_by_role("group", name="Aino Virtanen")
    aino.get_by_label("Present").check()
    aino.get_by_label("Minutes").fill("120")
    attendance.get_by_role("group", name="Oskar Lindqvist").get_by_label("Absent").check()
    attendance.get_by_role("button", name="Save attendance of session 1").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Attendance saved.")
    open_every_panel(page)
    assert_accessible(page)

    page = open_block("learner_aino", section="group")
    expect(page.locator('[data-session="1"]')).to_contain_text("Your attendance: Present, 2 h")
    assert_accessible(page)


def test_two_members_edit_the_plan_at_once_and_the_second_keeps_their_text(
        open_block, assert_accessible, browser, live_server):
    seed()
    aino = open_block("learner_aino", section="plan")
    mikko = open_as(browser, live_server, "learner_mikko")
    mikko.get_by_role("navigation").get_by_role("link", name="Progress plan").click()
    mikko.wait_for_selector('[data-verme-panel="plan"]:not([aria-busy])')
    aino.get_by_label("Edit the progress plan (Markdown)").fill("## Goals\n\n- Aino's goal")
    mikko.get_by_label("Edit the progress plan (Markdown)").fill("## Goals\n\n- Mikko's goal")
    aino.get_by_role("button", name="Save the plan").click()
    expect(aino.locator("[data-verme-live]")).to_have_text("Progress plan saved.")
    mikko.get_by_role("button", name="Save the plan").click()
    expect(mikko.locator("[data-plan-conflict]")).to_be_visible()
    expect(mikko.locator("[data-plan-conflict]")).to_contain_text("Saved by Aino Virtanen")
    expect(mikko.locator("[data-plan-conflict]")).to_contain_text("Aino's goal")
    expect(mikko.get_by_label("Edit the progress plan (Markdown)")).to_have_value("## Goals\n\n- Mikko's goal")
    assert_accessible(mikko)
    mikko.get_by_label("Edit the progress plan (Markdown)").fill("## Goals\n\n- Aino's goal\n- Mikko's goal")
    mikko.get_by_role("button", name="Save the plan").click()
    expect(mikko.locator("[data-verme-live]")).to_have_text("Progress plan saved.")
    mikko.get_by_text("Earlier versions", exact=True).click()
    expect(mikko.locator(".verme-revisions > li")).to_have_count(3)
    assert_accessible(mikko)
    mikko.context.close()


def test_member_downloads_the_calendar_and_it_parses(open_block, assert_accessible):
    seed()
    page = open_block("learner_aino", section="group")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the sessions to your calendar (.ics)").click()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    assert all(str(event["UID"]).endswith("@verme-xblock") for event in events)
    assert_accessible(page)


def test_outsider_sees_the_list_only_and_the_finnish_group_space(open_block, assert_accessible):
    seed()
    page = open_block("learner_new", section="group")
    section = page.locator(f"{BLOCK} [data-verme-groups]")  # the bank shows organisations by design
    expect(section).to_contain_text("New teachers, autumn")
    expect(section).not_to_contain_text("Harbour Vocational College")
    assert_accessible(page)
    page = open_block("learner_tuula", scenario="verme.1", lang="fi")
    expect(page.locator(BLOCK)).to_contain_text("Ryhmässä jaettu jää ryhmään.")  # the introduction, on the home
    page = open_block("learner_tuula", scenario="verme.1", lang="fi", section="group")
    block = page.locator(BLOCK)
    expect(block.get_by_role("heading", name="Kokeneet konkarit")).to_be_visible()
    assert_accessible(page)


def test_staff_manage_one_groups_people_at_a_time(open_block, assert_accessible):
    seed()
    page = open_block("staff_sanna", section="people")
    block = page.locator(BLOCK)
    expect(block.locator('form[data-action="member_assign"]')).to_have_count(0)  # no roster forms until asked
    block.get_by_role("button", name="Manage the members and facilitators of Study counsellors").click()
    people = block.locator('[data-manage-people="Study counsellors"]')  # above the list, on any page
    expect(people.get_by_role("button", name="Remove Helena Salo")).to_be_visible()
    expect(block.get_by_role("button", name="Manage the members and facilitators of New teachers, autumn")
           ).to_be_visible()
    form = people.locator('form[data-action="member_assign"]').last
    form.get_by_label("Member's username or e-mail").fill("noora.uusitalo@example.org")
    form.get_by_role("button", name="Add the member").click()
    expect(people).to_contain_text("Noora Uusitalo")
    assert_accessible(page)
