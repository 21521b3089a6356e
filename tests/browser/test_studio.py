"""The Studio editor as an author uses it: every kind of setting, field errors, keyboard-only list
editing, reset to the defaults, the author view, in English and Finnish, with axe scans; the
compact agenda table with its method cards, and the editor's height with every group open."""
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def block_of(page):
    return page.locator('[data-block-type="verme"]')


def open_all(page):
    """Open every group and session template of the editor (they start collapsed, Basics open)."""
    page.evaluate("document.querySelectorAll('[data-verme-studio-form] details').forEach(d => { d.open = true; })")
    return page


def save(page):
    page.get_by_role("button", name="Save", exact=True).click()


def test_editor_and_author_view_are_accessible(open_block, assert_accessible):
    page = open_block("staff_sanna", view="studio_view")
    open_all(page)
    expect(page.locator('[data-list="session_templates"] > [data-items] > li')).to_have_count(5)
    assert_accessible(page)
    page = open_block("staff_sanna", view="author_view")
    expect(block_of(page).get_by_role("heading", name="Case clinic")).to_be_visible()
    assert_accessible(page)


def session(page, number):
    return page.get_by_role("group", name=f"Session {number}", exact=True)


def test_author_edits_every_kind_of_setting_sees_field_errors_and_the_change_shows(open_block, assert_accessible):
    page = open_block("staff_sanna", view="studio_view")
    open_all(page)
    editor = block_of(page)
    editor.get_by_label("Display name").fill("Mentoring, spring season")
    editor.get_by_label("Introduction").fill("Meet **five times** with colleagues.")
    editor.get_by_role("button", name="Show a preview").click()
    expect(editor.get_by_role("region", name="Preview").locator("strong")).to_have_text("five times")

    editor.get_by_role("button", name="Add a target group").click()
    new_group = editor.get_by_label("Target group 6", exact=True)
    expect(new_group).to_be_focused()
    new_group.fill("Student welfare staff")

    # Bad values everywhere, then one save.
    editor.get_by_label("Minimum group size").fill("6")
    editor.get_by_label("Maximum group size").fill("5")
    editor.get_by_label("Number of sessions").fill("0")
    editor.get_by_label("Problem weight").fill("-1")
    session(page, 2).get_by_label("Title").fill("")
    session(page, 1).get_by_role("group", name="Agenda line 3").get_by_label("Starts at minute").fill("10")
    editor.get_by_label("Tag 2", exact=True).fill("teaching AND GUIDANCE")
    save(page)

    maximum = editor.get_by_label("Maximum group size")
    expect(editor.locator('[data-error-for="max_group_size"]')).to_have_text(
        "The maximum group size must be at least the minimum (6).")
    expect(maximum).to_have_attribute("aria-invalid", "true")
    expect(editor.get_by_label("Problem weight")).to_be_focused()  # the first error on the page, in Basics
    expect(editor.locator('[data-error-for="session_count"]')).to_have_text("Enter 1 or more.")
    expect(editor.locator('[data-error-for="weight"]')).to_have_text("Enter 0 or more.")
    expect(editor.locator('[data-error-for="session_templates.1.title"]')).to_have_text("This field is required.")
    expect(editor.locator('[data-error-for="session_templates.0.agenda.2.minute"]')).to_have_text(
        "Each agenda line must start later than the one before it.")
    expect(editor.locator('[data-error-for="tags.1"]')).to_have_text("This tag is already in the list.")
    expect(editor.locator("[data-verme-live]")).to_have_text("Not saved: 6 fields need attention.")
    assert_accessible(page)

    # Fix them, and edit the lists with the keyboard only.
    maximum.fill("8")
    editor.get_by_label("Number of sessions").fill("4")
    editor.get_by_label("Problem weight").fill("1,5")
    session(page, 2).get_by_label("Title").fill("Success stories and strengths")
    session(page, 1).get_by_role("group", name="Agenda line 3").get_by_label("Starts at minute").fill("25")
    editor.get_by_label("Tag 2", exact=True).fill("Mentoring at work")
    remove_fifth = editor.get_by_role("button", name="Remove: Session 5")
    remove_fifth.focus()
    page.keyboard.press("Enter")
    expect(editor.locator('[data-list="session_templates"] > [data-items] > li')).to_have_count(4)
    expect(editor.get_by_role("button", name="Remove: Session 4")).to_be_focused()
    move_up = editor.get_by_role("button", name="Move up: Statement 8")
    move_up.focus()
    page.keyboard.press("Enter")
    expect(editor.get_by_label("Statement 7", exact=True)).to_have_value("Everyone's voice is heard.")
    expect(editor.get_by_role("button", name="Move up: Statement 7")).to_be_focused()
    expect(editor.locator("[data-verme-live]")).to_have_text("Moved to position 7.")
    first = session(page, 1)
    first.get_by_role("button", name="Add an agenda line").click()
    first.get_by_role("group", name="Agenda line 8").get_by_label("Starts at minute").fill("175")
    first.get_by_role("group", name="Agenda line 8").get_by_label("What happens").fill("Coffee together")
    editor.get_by_role("button", name="Add a question").click()
    editor.get_by_label("Question 5", exact=True).fill("What surprised you?")
    editor.get_by_role("button", name="Remove: Tag 8").click()
    editor.get_by_label("Course staff place participants in groups").check()
    editor.get_by_label("Visible to the author's group only").check()
    editor.get_by_label("Smallest number of answers shown as group figures").fill("4")
    editor.get_by_label("Weeks between sessions").fill("5")
    editor.get_by_label("Session length (minutes)").fill("200")
    save(page)
    expect(editor.locator("[data-verme-live]")).to_have_text("Saved.")
    expect(editor.locator("[aria-invalid]")).to_have_count(0)
    assert_accessible(page)

    page = open_block("staff_sanna", view="author_view")
    overview = block_of(page)
    expect(overview.get_by_role("heading", name="Mentoring, spring season")).to_be_visible()
    expect(overview).to_contain_text("Student welfare staff")
    expect(overview).to_contain_text("6–8 people")
    expect(overview.locator("dd", has_text="200")).to_be_visible()
    expect(overview.get_by_role("heading", name="Success stories and strengths")).to_be_visible()
    expect(overview).to_contain_text("2:55 Coffee together")
    expect(overview).to_contain_text("What surprised you?")
    expect(overview).to_contain_text("Mentoring at work")
    expect(overview).not_to_contain_text("Induction of new staff")
    expect(overview).to_contain_text("Course staff place participants in groups")
    expect(overview).to_contain_text("1.5")
    assert_accessible(page)

    page = open_block("learner_aino")
    expect(block_of(page).get_by_role("heading", name="Mentoring, spring season")).to_be_visible()
    expect(block_of(page).locator("strong", has_text="five times")).to_be_visible()


def test_an_emptied_list_is_refused_until_reset_to_the_defaults(open_block, assert_accessible):
    page = open_block("staff_sanna", view="studio_view")
    open_all(page)
    editor = block_of(page)
    for _ in range(8):
        editor.get_by_role("button", name="Remove: Tag 1", exact=True).click()
    expect(editor.get_by_role("button", name="Add a tag")).to_be_focused()
    save(page)
    expect(editor.locator('[data-error-for="tags"]')).to_have_text(
        "Add at least one item, or reset the list to the defaults.")
    expect(editor.locator('[data-error-for="tags"]')).to_be_focused()
    editor.get_by_role("button", name="Reset to the defaults: Good-practice tags").click()
    expect(editor.get_by_label("Tag 8", exact=True)).to_have_value("Induction of new staff")
    expect(editor.get_by_label("Tag 1", exact=True)).to_be_focused()
    save(page)
    expect(editor.locator("[data-verme-live]")).to_have_text("Saved.")
    assert_accessible(page)


def test_the_same_flow_in_finnish(open_block, assert_accessible):
    page = open_block("staff_sanna", view="studio_view", scenario="verme.1", lang="fi")
    open_all(page)
    editor = block_of(page)
    expect(editor.get_by_role("heading", name="Vertaisryhmämentoroinnin asetukset")).to_be_visible()
    expect(editor.get_by_label("Asiasana 8", exact=True)).to_have_value("Perehdytys")
    assert_accessible(page)

    editor.get_by_label("Näyttönimi").fill("Vertaismentorointi, kevät")
    editor.get_by_label("Ryhmän vähimmäiskoko").fill("7")
    editor.get_by_label("Ryhmän enimmäiskoko").fill("6")
    editor.get_by_label("Asiasana 3", exact=True).fill("")
    editor.get_by_role("group", name="Tapaaminen 3", exact=True).get_by_label("Otsikko").fill("Tapausklinikka")
    editor.get_by_role("button", name="Tallenna", exact=True).click()
    expect(editor.locator('[data-error-for="max_group_size"]')).to_have_text(
        "Ryhmän enimmäiskoon on oltava vähintään vähimmäiskoko (7).")
    expect(editor.locator('[data-error-for="tags.2"]')).to_have_text("Tämä kenttä on pakollinen.")
    expect(editor.locator("[data-verme-live]")).to_have_text("Ei tallennettu: 2 kenttää vaatii korjausta.")
    assert_accessible(page)

    editor.get_by_label("Ryhmän enimmäiskoko").fill("13")
    editor.get_by_role("button", name="Poista: Asiasana 3").click()
    editor.get_by_role("button", name="Siirrä ylös: Väittämä 2").click()
    expect(editor.locator("[data-verme-live]")).to_have_text("Siirretty kohtaan 1.")
    editor.get_by_role("button", name="Tallenna", exact=True).click()
    expect(editor.locator("[data-verme-live]")).to_have_text("Tallennettu.")
    expect(editor.locator("[data-verme-advice]")).to_contain_text("Yli 12 hengen ryhmä")
    assert_accessible(page)

    page = open_block("staff_sanna", view="author_view", scenario="verme.1", lang="fi")
    overview = block_of(page)
    expect(overview.get_by_role("heading", name="Vertaismentorointi, kevät")).to_be_visible()
    expect(overview.get_by_role("heading", name="Tapausklinikka")).to_be_visible()
    expect(overview).to_contain_text("7–13 henkeä")
    expect(overview).not_to_contain_text("Erityinen tuki")
    expect(overview.locator("ol").nth(1).locator("li").first).to_have_text(
        "Olen kokeillut työssäni jotakin ryhmässä käsiteltyä.")
    expect(overview).to_contain_text("Tarkista nämä asetukset")
    assert_accessible(page)

    page = open_block("learner_tuula", scenario="verme.1", lang="fi")
    expect(block_of(page).get_by_role("heading", name="Vertaismentorointi, kevät")).to_be_visible()


def test_the_editor_in_swedish(open_block, assert_accessible):
    page = open_block("staff_erik", view="studio_view", lang="sv")
    open_all(page)
    editor = block_of(page)
    expect(editor.get_by_role("heading", name="Inställningar för kamratmentorskap i grupp")).to_be_visible()
    expect(editor.get_by_label("Tagg 1", exact=True)).to_have_value("Undervisning och handledning")
    editor.get_by_role("button", name="Lägg till en tagg").click()
    expect(editor.locator("[data-verme-live]")).to_have_text("Tillagd. Fyll i den nya punkten.")
    assert_accessible(page)


def test_editor_and_author_view_fit_a_phone_screen(open_block, page):
    page.set_viewport_size({"width": 320, "height": 800})
    for view in ("studio_view", "author_view"):
        open_block("staff_sanna", view=view, lang="fi")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{view} scrolls sideways"


def test_the_editor_is_grouped_short_and_opens_by_keyboard(open_block, assert_accessible):
    page = open_block("staff_sanna", view="studio_view")
    page.set_viewport_size({"width": 1280, "height": 800})
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= 4000, f"the editor is {height}px tall at 1280px"
    editor = block_of(page)
    expect(editor.get_by_label("Display name")).to_be_visible()  # Basics is open
    expect(editor.get_by_label("Minimum group size")).to_be_hidden()
    sessions = editor.locator('[data-studio-group="sessions"] > summary')
    sessions.focus()
    page.keyboard.press("Enter")
    expect(editor.get_by_label("Number of sessions")).to_be_visible()
    first = editor.locator('[data-list="session_templates"] [data-item-details] > summary').first
    expect(first).to_have_text("Getting started and a shared direction")
    expect(editor.get_by_role("group", name="Session 1", exact=True)).to_be_hidden()  # collapsed to its title
    first.focus()
    page.keyboard.press("Enter")
    expect(editor.get_by_role("group", name="Session 1", exact=True)).to_be_visible()
    assert_accessible(page)
    # An error in a closed group opens it and lands beside its field.
    page.evaluate("document.querySelectorAll('[data-verme-studio-form] details').forEach(d => { d.open = false; })")
    page.evaluate("document.querySelector('[name=\"max_group_size\"]').value = '0'")
    page.evaluate("document.querySelector('[name=\"travel_currency\"]').value = 'XYZ'")  # in "Travel costs"
    save(page)
    maximum = editor.get_by_label("Maximum group size")
    expect(maximum).to_be_visible()
    expect(maximum).to_be_focused()
    expect(editor.locator('[data-error-for="max_group_size"]')).not_to_be_empty()
    currency = editor.get_by_label("Currency (ISO code)")
    expect(currency).to_be_visible()  # its closed group opened too
    expect(currency).to_have_attribute("aria-invalid", "true")
    expect(editor.locator('[data-error-for="travel_currency"]')).to_be_visible()
    expect(editor.locator('[data-studio-group="messages"]')).not_to_have_attribute("open", "")  # no error there


GROUPS = ("basics", "groups", "sessions", "reflection", "practices", "close", "travel", "messages")
EDITOR_MAX_HEIGHT = 4000


def open_only(page, names):
    """Open exactly these groups of the editor (items inside stay as they are); the editor's height."""
    page.evaluate("""names => document.querySelectorAll('[data-studio-group]').forEach(group => {
        group.open = names.includes(group.dataset.studioGroup); })""", list(names))
    return round(block_of(page).bounding_box()["height"])


@pytest.mark.parametrize(("lang", "scenario"), [("en", "verme.0"), ("fi", "verme.1")])
def test_every_group_open_fits_four_thousand_pixels(open_block, page, lang, scenario):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_block("staff_sanna", view="studio_view", scenario=scenario, lang=lang)
    expect(page.locator("[data-studio-group]")).to_have_count(len(GROUPS))
    heights = {"all closed": open_only(page, ())}
    heights.update({name: open_only(page, (name,)) for name in GROUPS})
    heights["all open"] = open_only(page, GROUPS)
    expect(page.locator("[data-item-details][open]")).to_have_count(0)  # items load folded to their titles
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"studio-heights-{lang}.json").write_text(json.dumps(heights, indent=1), encoding="utf-8")
    page.screenshot(path=SCREENSHOTS / f"studio-all-open-{lang}-1280.png", full_page=True)
    assert heights["all open"] <= EDITOR_MAX_HEIGHT, f"the editor is {heights} px tall at 1280 px"
    assert heights["all closed"] < heights["basics"] < heights["all open"]


def agenda_line(page, session_number, line_number):
    return session(page, session_number).get_by_role("group", name=f"Agenda line {line_number}", exact=True)


def test_agenda_lines_link_method_cards_in_a_compact_table(open_block, assert_accessible, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_block("staff_sanna", view="studio_view")
    editor = block_of(page)
    editor.locator('[data-studio-group="sessions"] > summary').click()
    cards = editor.locator('[data-list="method_cards"] [data-item-details] > summary')
    expect(cards.first).to_have_text("Dialogue rules")  # each card folded to its title
    expect(editor.get_by_role("group", name="Method card 1", exact=True)).to_be_hidden()
    editor.locator("[data-list=session_templates] summary", has_text="Case clinic").click()
    third = session(page, 3)
    head = third.locator(".verme-agenda-head")
    expect(head).to_be_visible()
    expect(head).to_have_text(re.compile(r"Starts at minute\s*What happens\s*Method card"))
    line = agenda_line(page, 3, 5)
    card = line.get_by_label("Method card")
    expect(card).to_have_value("reflecting_team")
    expect(card.locator("option")).to_have_text(
        ["— none —", "Dialogue rules", "Success stories", "The miracle question", "Scaling 0–10",
         "Reflecting team", "Resource map", "Case consultation"])
    expect(agenda_line(page, 3, 1).get_by_label("Method card")).to_have_value("scaling")
    expect(agenda_line(page, 3, 2).get_by_label("Method card")).to_have_value("")
    # One row a line: the minute, the text, the card and the buttons side by side, labels for screen readers only.
    boxes = [line.get_by_label(name).bounding_box() for name in ("Starts at minute", "What happens", "Method card")]
    boxes.append(third.get_by_role("button", name="Remove: Agenda line 5").bounding_box())
    assert len({round(box["y"]) for box in boxes}) == 1 and sorted(box["x"] for box in boxes) == [b["x"] for b in boxes]
    expect(line.locator("label", has_text="What happens")).to_have_css("position", "absolute")
    assert_accessible(page)

    # By keyboard: a new line gets a card, moves up, and an unknown card is refused beside its select.
    add = third.get_by_role("button", name="Add an agenda line")
    add.focus()
    page.keyboard.press("Enter")
    new = agenda_line(page, 3, 8)
    expect(new.get_by_label("Starts at minute")).to_be_focused()
    page.keyboard.type("175")
    page.keyboard.press("Tab")
    page.keyboard.type("Coffee and a case")
    page.keyboard.press("Tab")
    expect(new.get_by_label("Method card")).to_be_focused()
    new.get_by_label("Method card").select_option(label="Case consultation")
    page.keyboard.press("Tab")
    expect(third.get_by_role("button", name="Move up: Agenda line 8")).to_be_focused()
    page.keyboard.press("Enter")
    expect(agenda_line(page, 3, 7).get_by_label("What happens")).to_have_value("Coffee and a case")
    expect(editor.locator("[data-verme-live]")).to_have_text("Moved to position 7.")
    agenda_line(page, 3, 8).get_by_label("Method card").evaluate(  # a card that is not in the library
        "select => { select.add(new Option('Gone', 'gone_card')); select.value = 'gone_card'; }")
    agenda_line(page, 3, 7).get_by_label("Starts at minute").fill("168")
    editor.locator('[data-studio-group="sessions"]').evaluate("group => { group.open = false; }")
    save(page)
    refused = agenda_line(page, 3, 8).get_by_label("Method card")
    expect(refused).to_be_focused()
    expect(refused).to_have_attribute("aria-invalid", "true")
    expect(editor.locator('[data-error-for="session_templates.2.agenda.7.card"]')).to_have_text(
        "This method card is not in the library. Choose another card or none.")
    assert_accessible(page)
    refused.select_option(label="— none —")
    agenda_line(page, 3, 3).get_by_label("Method card").select_option(label="Resource map")
    save(page)
    expect(editor.locator("[data-verme-live]")).to_have_text("Saved.")

    page = open_block("staff_sanna", view="studio_view")
    open_all(page)
    assert [agenda_line(page, 3, number).get_by_label("Method card").input_value() for number in range(1, 9)] == [
        "scaling", "", "resource_map", "", "reflecting_team", "", "case_consultation", ""]
    assert_accessible(page)


def test_the_agenda_rows_wrap_on_a_phone_with_their_labels_in_view(open_block, page):
    page.set_viewport_size({"width": 320, "height": 800})
    open_block("staff_sanna", view="studio_view", scenario="verme.1", lang="fi")
    open_all(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    first = page.get_by_role("group", name="Tapaaminen 1", exact=True)
    line = first.get_by_role("group", name="Ohjelman kohta 1", exact=True)
    expect(line.get_by_text("Menetelmäkortti", exact=True)).to_be_visible()
    expect(first.locator(".verme-agenda-head")).to_be_hidden()


def test_a_method_card_names_its_session_templates_by_their_titles(open_block, assert_accessible):
    page = open_block("staff_sanna", view="studio_view")
    open_all(page)
    editor = block_of(page)
    card = editor.get_by_role("group", name="Method card 4", exact=True)  # Scaling 0–10
    used = card.get_by_role("group", name="Used in these session templates")
    expect(used.get_by_role("checkbox")).to_have_count(5)
    expect(used.get_by_role("checkbox", name="Getting started and a shared direction")).to_be_checked()
    expect(used.get_by_role("checkbox", name="Case clinic")).not_to_be_checked()
    used.get_by_role("checkbox", name="Case clinic").check()
    used.get_by_role("checkbox", name="Remembering the future and closing").uncheck()
    editor.get_by_role("button", name="Move up: Method card 4").click()  # the checkboxes move with their card
    assert_accessible(page)
    save(page)
    expect(editor.locator("[data-verme-live]")).to_have_text("Saved.")
    page = open_block("staff_sanna", view="studio_view")
    open_all(page)
    used = block_of(page).get_by_role("group", name="Method card 3", exact=True).get_by_role(
        "group", name="Used in these session templates")
    checked = used.get_by_role("checkbox").evaluate_all("boxes => boxes.filter(b => b.checked).map(b => b.value)")
    assert checked == ["start", "case_clinic", "wellbeing"]
