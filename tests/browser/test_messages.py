"""E-mail choices as a person makes them: keyboard only, announced, kept, and in Finnish too."""
from playwright.sync_api import expect

from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.data import Viewer
from verme_xblock.mail.models import MessageBlock, MessagePreference

STAFF = Viewer("staff_sanna", "Sanna Lehtinen", roles.STAFF, True, None)


def test_a_facilitator_switches_reminders_off_and_the_digest_on(open_block, assert_accessible, scenarios):
    group_id = groups.create_group(scenarios["en"], STAFF, name="New teachers, autumn")
    groups.add_facilitator(scenarios["en"], STAFF, group_id, user_id="facilitator_maija",
                           display_name="Maija Koskinen")
    page = open_block("facilitator_maija", section="messages")
    section = page.get_by_role("region", name="E-mail messages")
    assert_accessible(page)
    reminders = section.get_by_role("checkbox", name="Reminders before sessions")
    digest = section.get_by_role("checkbox", name="Weekly digest of new good practices")
    expect(reminders).to_be_checked()
    expect(section.get_by_role("checkbox", name="Reminder to record attendance (facilitators)")).to_be_checked()
    expect(digest).not_to_be_checked()
    reminders.focus()
    page.keyboard.press("Space")
    digest.focus()
    page.keyboard.press("Space")
    section.get_by_role("button", name="Save my e-mail choices").focus()
    page.keyboard.press("Enter")
    expect(page.locator("[data-verme-live]")).to_have_text("Your e-mail choices are saved.")
    expect(section.get_by_role("heading", name="E-mail messages")).to_be_focused()
    expect(section.get_by_role("checkbox", name="Reminders before sessions")).not_to_be_checked()
    expect(section.get_by_role("checkbox", name="Weekly digest of new good practices")).to_be_checked()
    assert_accessible(page)
    chosen = dict(MessagePreference.objects.filter(user_id="facilitator_maija").values_list("kind", "enabled"))
    assert chosen == {"session_reminder": False, "change_notice": True, "reflection_reminder": True,
                      "attendance_reminder": True, "good_practice_digest": True}
    assert MessageBlock.objects.filter(block_key=scenarios["en"], runtime="workbench").exists()
    page.reload()
    expect(page.get_by_role("region", name="E-mail messages").get_by_role(
        "checkbox", name="Weekly digest of new good practices")).to_be_checked()


def test_the_choices_in_finnish(open_block, assert_accessible):
    page = open_block("learner_tuula", scenario="verme.1", lang="fi", section="messages")
    section = page.get_by_role("region", name="Sähköpostiviestit")
    expect(section.get_by_role("checkbox", name="Muistutukset ennen tapaamisia")).to_be_checked()
    section.get_by_role("button", name="Tallenna sähköpostivalintani").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Sähköpostivalintasi on tallennettu.")
    assert_accessible(page)


def test_the_author_chooses_the_courses_messages_in_studio(open_block, assert_accessible, scenarios):
    page = open_block("staff_sanna", view="studio_view")
    page.evaluate("document.querySelectorAll('[data-verme-studio-form] details').forEach(d => { d.open = true; })")
    editor = page.locator('[data-block-type="verme"]')
    messages = editor.get_by_role("group", name="E-mail messages the course sends")
    expect(messages.get_by_role("checkbox")).to_have_count(5)
    messages.get_by_role("checkbox", name="Weekly digest of new good practices").uncheck()
    days = editor.get_by_label("Reminders, days before each session")
    expect(days).to_have_value("7 1")
    days.fill("seven")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator('[data-error-for="reminder_days"]')).to_have_text(
        "Enter whole numbers of days from 1 to 60, such as 7 1.")
    expect(days).to_be_focused()
    days.fill("3, 14")
    editor.get_by_role("button", name="Save", exact=True).click()
    expect(editor.locator("[data-verme-live]")).to_have_text("Saved.")
    assert_accessible(page)
    page = open_block("staff_sanna", view="studio_view")
    page.evaluate("document.querySelectorAll('[data-verme-studio-form] details').forEach(d => { d.open = true; })")
    editor = page.locator('[data-block-type="verme"]')
    expect(editor.get_by_label("Reminders, days before each session")).to_have_value("14 3")
    expect(editor.get_by_role("checkbox", name="Weekly digest of new good practices")).not_to_be_checked()
    expect(editor.get_by_role("checkbox", name="Reminders before sessions")).to_be_checked()
    page = open_block("learner_aino", section="messages")
    section = page.get_by_role("region", name="E-mail messages")
    expect(section.get_by_text("(not sent in this course)")).to_have_count(1)
    row = MessageBlock.objects.get(block_key=scenarios["en"])  # the learner's view kept the sender's copy
    assert row.reminder_days == [14, 3] and "good_practice_digest" not in row.kinds
