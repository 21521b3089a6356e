"""Live session mode as a facilitator runs session 1: the agenda timer, a speaking round, notes on two
devices, an action point and attendance on one screen, surviving a reload."""
from playwright.sync_api import expect
from workbench.runtime import WorkbenchRuntime

from demo.seed import seed
from tests.browser.test_home import open_section
from tests.browser.test_season import SCREENSHOTS
from verme_xblock.defaults import defaults_for

LIVE = "[data-live-root]"


def live_url(page, number):
    link = page.get_by_role("link", name=f"Run session {number} (opens in a new tab)")
    return link.get_attribute("href")


def link_cards(usage_id, language, **cards_by_minute):
    """Link session 1's agenda lines to method cards ("m0": card id) in the block's session templates,
    as Studio saves them."""
    templates = defaults_for(language)["session_templates"]
    for line in templates[0]["agenda"]:
        line["card"] = cards_by_minute.get(f"m{line['minute']}", "")
    block = WorkbenchRuntime("staff_sanna").get_block(usage_id)
    block.session_templates = templates
    block.save()


def shoot_page(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_facilitator_runs_session_one(open_block, assert_accessible, browser, live_server, scenarios):
    seed()
    link_cards(scenarios["en"], "en", m0="scaling", m15="dialogue_rules")
    page = open_block("facilitator_maija")
    open_section(page, "group", "My group and sessions")  # the sessions, each with its live-mode link
    url = live_url(page, 1)
    page.goto(live_server.url + url if url.startswith("/") else url)
    live = page.locator(LIVE)
    assert_accessible(page, LIVE)
    announce = live.locator("[data-live-announce]")

    cards = live.get_by_role("region", name="Method cards")
    live.get_by_role("button", name="Start the session").click()
    expect(announce).to_have_text("Agenda item started.")
    expect(live.locator("[data-live-current]")).to_have_text("Check-in round (scale 0–10)")
    now_card = cards.get_by_role("article")
    expect(now_card.get_by_role("heading", level=3)).to_have_text("Method card for this part: Scaling 0–10 (15 min)")
    expect(now_card.get_by_role("heading", name="Steps")).to_be_visible()  # open, not folded
    others = cards.locator("details.verme-live-others")
    expect(others.locator("> summary")).to_have_text("Other method cards of this session")
    expect(others.get_by_text("Dialogue rules (15 min)")).to_be_hidden()  # folded until opened
    timer = live.locator('[data-live-panel="agenda"] [data-timer]')
    expect(timer).to_contain_text("left")
    first_reading = timer.text_content()
    page.wait_for_timeout(1600)
    assert timer.text_content() != first_reading  # the timer runs
    live.get_by_role("button", name="Next item").click()
    expect(live.locator("[data-live-current]")).to_have_text("Recap and today's goal")
    expect(now_card.get_by_role("heading", level=3)).to_have_text("Method card for this part: Dialogue rules (15 min)")
    cards.get_by_text("Other method cards of this session").click()
    expect(cards.get_by_text("Scaling 0–10 (15 min)")).to_be_visible()

    live.get_by_label("Minutes per speaker").fill("2")
    live.get_by_role("button", name="Shuffle and start a round").click()
    expect(announce).to_have_text("A new round started in a shuffled order.")
    order = live.get_by_role("list", name="Speaking order").locator("li").all_text_contents()
    assert sorted(order) == ["Aino Virtanen", "Liisa Järvinen", "Mikko Nieminen", "Oskar Lindqvist"]
    expect(live.locator("[data-live-speaker]")).to_have_text(order[0])
    live.get_by_role("button", name="Next speaker").click()
    expect(live.locator("[data-live-speaker]")).to_have_text(order[1])

    notes = live.get_by_label("Notes, saved as you type (Markdown)")
    notes.fill("Check-in: everyone at 6 or above.")
    expect(live.locator("[data-notes-status]")).to_have_text("Saved.")

    second = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-US").new_page()
    second.goto(f"{live_server.url}/scenario/verme.0/?student=facilitator_maija")  # the course first, as in the LMS
    second.goto(page.url)
    other_notes = second.get_by_label("Notes, saved as you type (Markdown)")
    expect(other_notes).to_have_value("Check-in: everyone at 6 or above.")  # reloaded on a second device
    other_notes.fill("Check-in: everyone at 6 or above.\nAino: a hard week.")
    expect(second.locator("[data-notes-status]")).to_have_text("Saved.")
    notes.fill("Check-in: everyone at 6 or above.\nMikko: new course starts.")  # the first device is behind
    expect(live.locator("[data-notes-conflict]")).to_be_visible()
    expect(live.locator("[data-notes-conflict-html]")).to_contain_text("Aino: a hard week.")
    expect(notes).to_have_value("Check-in: everyone at 6 or above.\nMikko: new course starts.")  # nothing lost
    notes.fill("Check-in: everyone at 6 or above.\nAino: a hard week.\nMikko: new course starts.")
    live.get_by_role("button", name="Save the notes").click()
    expect(live.locator("[data-notes-status]")).to_have_text("Saved.")
    second.context.close()

    live.get_by_label("Action point", exact=True).fill("Try exit tickets in two lessons")
    live.get_by_label("Owner").select_option(label="Aino Virtanen")
    live.get_by_role("button", name="Add the action point").click()
    expect(announce).to_have_text("Action point added.")
    actions = live.locator('[data-live-panel="actions"]')
    expect(actions).to_contain_text("Try exit tickets in two lessons — Aino Virtanen")

    live.get_by_role("group", name="Oskar Lindqvist").get_by_label("Absent").check()
    live.get_by_role("button", name="Save attendance").click()
    expect(announce).to_have_text("Attendance saved.")

    page.reload()
    expect(live.locator("[data-live-current]")).to_have_text("Recap and today's goal")
    expect(now_card.get_by_role("heading", level=3)).to_contain_text("Dialogue rules")  # the card survives a reload
    expect(notes).to_have_value("Check-in: everyone at 6 or above.\nAino: a hard week.\nMikko: new course starts.")
    expect(live.get_by_role("group", name="Oskar Lindqvist").get_by_label("Absent")).to_be_checked()
    page.keyboard.press("Tab")  # keyboard: the first control takes focus visibly
    page.evaluate("document.querySelectorAll('[data-live-root] details').forEach(d => { d.open = true; })")
    assert_accessible(page, LIVE)
    shoot_page(page, "live-session-en")

    page = open_block("learner_aino")
    open_section(page, "group", "My group and sessions")
    expect(page.locator('[data-session="1"]')).to_contain_text("Mikko: new course starts.")  # the minutes


def test_the_live_page_in_finnish(open_block, assert_accessible, live_server, scenarios):
    seed()
    link_cards(scenarios["fi"], "fi", m0="scaling")
    page = open_block("facilitator_maija", scenario="verme.1", lang="fi")
    open_section(page, "group", "Oma ryhmä ja tapaamiset")
    url = page.get_by_role("link", name="Vedä tapaaminen 1 (avautuu uuteen välilehteen)").get_attribute("href")
    page.goto(live_server.url + url if url.startswith("/") else url)
    live = page.locator(LIVE)
    live.get_by_role("button", name="Aloita tapaaminen").click()
    expect(live.locator("[data-live-announce]")).to_have_text("Asialistan kohta aloitettu.")
    expect(live.locator('[data-live-panel="agenda"] [data-timer]')).to_contain_text("jäljellä")
    expect(live.get_by_role("article")).to_contain_text("Tämän kohdan menetelmäkortti")
    page.evaluate("document.querySelectorAll('[data-live-root] details').forEach(d => { d.open = true; })")
    assert_accessible(page, LIVE)
    shoot_page(page, "live-session-fi")


def test_a_member_finds_her_action_point_and_marks_it_done(open_block, assert_accessible):
    seed()
    from demo.seed import STAFF
    from verme_xblock.api import live
    from verme_xblock.models import MentoringSession

    session = MentoringSession.objects.get(group__name="New teachers, autumn", number=1)
    for text, owner in (("Try exit tickets in two lessons", "learner_aino"), ("Share the rubric", "learner_mikko")):
        live.add_action(session.group.block_key, STAFF, session.id, text=text, owner_id=owner)
    page = open_block("learner_aino")
    page.get_by_role("link", name="Your open action points: 1.").click()  # a task on the home view
    page.wait_for_selector('[data-verme-panel="group"]:not([aria-busy])')
    details = page.locator('[data-session="1"]')
    details.get_by_text("Plan of session 1", exact=True).click()
    mine = details.get_by_role("listitem").filter(has_text="Try exit tickets in two lessons")
    expect(mine).to_contain_text("Aino Virtanen (you)")
    others = details.get_by_role("listitem").filter(has_text="Share the rubric")
    expect(others).to_contain_text("Mikko Nieminen")
    expect(others.get_by_role("button")).to_have_count(0)  # only the owner and the facilitators mark it
    assert_accessible(page)
    mine.get_by_role("button", name="Mark done: Try exit tickets in two lessons").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Action point marked done.")
    mine = page.locator('[data-session="1"]').get_by_role("listitem").filter(has_text="Try exit tickets")
    expect(mine).to_contain_text("(done)")
    expect(mine.get_by_role("button", name="Reopen: Try exit tickets in two lessons")).to_be_focused()
    open_section(page, "home", "Home")
    expect(page.locator('[data-task="actions"]')).to_have_count(0)
