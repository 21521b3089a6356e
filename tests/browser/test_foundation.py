"""The first views as people use them: learner, staff, the Studio editor, three languages."""
from playwright.sync_api import expect

from demo.seed import seed


def test_learner_sees_introduction_role_and_group_state(open_block, assert_accessible, scenarios):
    seed()
    page = open_block("learner_aino")
    block = page.locator('[data-block-type="verme"]')
    expect(block.get_by_role("heading", name="Peer-group mentoring, autumn season")).to_be_visible()
    expect(block).to_contain_text("Signed in as Aino Virtanen · Participant")
    expect(block.locator("strong", has_text="peer-group mentoring")).to_be_visible()  # the introduction, on the home
    assert_accessible(page)
    page = open_block("learner_aino", section="group")
    block = page.locator('[data-block-type="verme"]')
    expect(block.get_by_role("heading", name="New teachers, autumn")).to_be_visible()
    assert_accessible(page)


def test_newcomer_and_staff_views(open_block, assert_accessible):
    page = open_block("learner_new", section="group")
    expect(page.locator('[data-block-type="verme"]')).to_contain_text("You are not in a mentoring group yet.")
    assert_accessible(page)
    page = open_block("staff_sanna")
    expect(page.locator('[data-block-type="verme"]')).to_contain_text("Course staff")
    assert_accessible(page)


def test_finnish_and_swedish_ui(open_block, assert_accessible):
    page = open_block("learner_tuula", scenario="verme.1", lang="fi", section="group")
    block = page.locator('[data-block-type="verme"]')
    expect(block).to_contain_text("Kirjautuneena: Tuula Mäkelä · Osallistuja")
    expect(block.get_by_role("heading", name="Valitse ryhmä")).to_be_visible()  # not in a group yet
    assert page.locator("html").get_attribute("lang") == "fi"
    assert_accessible(page)
    page = open_block("learner_aino", lang="sv", section="group")
    expect(page.locator('[data-block-type="verme"]')).to_contain_text("Välj en grupp")
    assert_accessible(page)


def test_author_edits_settings_sees_field_errors_and_learner_sees_the_change(open_block, assert_accessible):
    page = open_block("staff_sanna", view="studio_view")
    assert_accessible(page)
    name = page.get_by_label("Display name")
    name.fill("   ")
    page.get_by_role("button", name="Save").click()
    error = page.locator('[data-error-for="display_name"]')
    expect(error).to_have_text("This field is required.")
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_be_focused()
    assert_accessible(page)

    name.fill("Mentoring season 2026")
    page.get_by_label("Introduction").fill("Meet **five times**.")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Saved.")

    page = open_block("learner_aino")
    block = page.locator('[data-block-type="verme"]')
    expect(block.get_by_role("heading", name="Mentoring season 2026")).to_be_visible()
    expect(block.locator("strong", has_text="five times")).to_be_visible()


def test_learner_cannot_save_studio_settings(open_block):
    page = open_block("learner_aino", view="studio_view")
    page.get_by_label("Display name").fill("Hijacked")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("[data-verme-live]")).to_have_text("You do not have permission to change this component.")
    page = open_block("learner_aino")
    expect(page.locator('[data-block-type="verme"]')).not_to_contain_text("Hijacked")


def test_the_accessibility_scan_catches_a_violation(open_block, assert_accessible):
    page = open_block("learner_aino")
    page.evaluate("""document.querySelector('[data-verme-root]').insertAdjacentHTML(
        'beforeend', '<input type="text"><img src="x.png">')""")
    try:
        assert_accessible(page)
    except AssertionError as failure:
        assert "image-alt" in str(failure) and "label" in str(failure)
    else:
        raise AssertionError("the scan missed an unlabelled input and an image without alt text")
