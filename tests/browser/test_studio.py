"""The Studio editor as an author uses it: every kind of setting, field errors, keyboard-only list
editing, reset to the defaults, the author view, in English and Finnish, with axe scans."""
from playwright.sync_api import expect


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
    save(page)
    maximum = editor.get_by_label("Maximum group size")
    expect(maximum).to_be_visible()
    expect(maximum).to_be_focused()
    expect(editor.locator('[data-error-for="max_group_size"]')).not_to_be_empty()
