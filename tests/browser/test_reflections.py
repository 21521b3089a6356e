"""Reflections as people use them: a member reflects on three sessions and shares one; the
facilitator, staff and a non-member see only what they may."""
import datetime

from django.utils import timezone
from playwright.sync_api import expect

from tests.runtimes import make_block
from verme_xblock import roles
from verme_xblock.api import groups, reflections
from verme_xblock.data import Viewer

STAFF = Viewer("staff_sanna", "Sanna Lehtinen", roles.STAFF, True, None)
MEMBERS = {"learner_aino": "Aino Virtanen", "learner_mikko": "Mikko Nieminen",
           "learner_liisa": "Liisa Järvinen", "learner_oskar": "Oskar Lindqvist"}


def set_up(block_key):
    group_id = groups.create_group(block_key, STAFF, name="New teachers, autumn")
    groups.add_facilitator(block_key, STAFF, group_id, user_id="facilitator_maija", display_name="Maija Koskinen")
    for user_id, name in MEMBERS.items():
        groups.assign_member(block_key, STAFF, group_id, user_id=user_id, display_name=name)
    now = timezone.now()
    sessions = [
        reflections.ensure_session(group_id, number, title=title, starts_at=now - datetime.timedelta(weeks=12 - 6 * i))
        for i, (number, title) in enumerate(((1, "Getting started"), (2, "Success stories"), (3, "Case clinic")))
    ]
    return group_id, sessions


def submit_for(block_key, group_id, user_id, session_id, value=4):
    config = make_block(user_id).config("en")
    viewer = Viewer(user_id, MEMBERS[user_id], roles.LEARNER, False, group_id)
    answers = {item["id"]: value for item in config.likert_items}
    reflections.save_reflection(block_key, viewer, config, session_id, answers,
                                {"went_well": f"Words of {user_id}"}, submit=True)


def figures_table(page, label):
    return page.get_by_role("table", name=f"Answers in {label}: number, mean and how many chose each value")


def slot(page, session_id):
    return page.locator(f'[data-slot="{session_id}"]')


def open_slot(page, session_id):
    """Only the reflection being filled has its form on the page: "Fill in" loads another one."""
    holder = slot(page, session_id)
    opener = holder.locator("[data-reflection-open]")
    if opener.count():
        opener.click()
        expect(slot(page, session_id).locator("[data-reflection-heading]")).to_be_focused()
    return slot(page, session_id)


def open_every_panel(page):
    page.evaluate("document.querySelectorAll('[data-verme-root] details').forEach(d => { d.open = true; })")


def answer_all(details, value):
    fieldsets = details.locator("fieldset")
    for index in range(fieldsets.count()):
        fieldsets.nth(index).get_by_role("radio", name=str(value), exact=True).check()


def test_member_reflects_shares_and_others_see_only_what_they_may(open_block, assert_accessible, scenarios):
    block_key = scenarios["en"]
    group_id, sessions = set_up(block_key)
    for user_id in ("learner_mikko", "learner_liisa"):
        submit_for(block_key, group_id, user_id, sessions[1])

    page = open_block("learner_aino", section="reflections")
    live = page.locator("[data-verme-live]")
    expect(page.get_by_role("heading", name="My reflections", exact=True)).to_be_visible()
    expect(page.get_by_text("Your trend appears here once you have submitted a reflection.")).to_be_visible()
    assert_accessible(page)

    # Session 1: a draft first, a refused submission, then the full submission.
    details = open_slot(page, sessions[0])
    details.locator("fieldset").first.get_by_role("radio", name="2", exact=True).check()
    details.get_by_label("What has gone well since last time, and what made it possible?").fill("Private session one")
    details.get_by_role("button", name="Save draft").click()
    expect(live).to_have_text("Your draft was saved.")
    details = slot(page, sessions[0])
    expect(details.locator(".verme-reflection-head")).to_contain_text("Draft")
    details.get_by_role("button", name="Submit reflection").click()
    error = details.locator('[data-error-for="answers.tried"]')
    expect(error).to_have_text("Answer every statement before you submit.")
    expect(details.locator('[name="answers.tried"]').first).to_be_focused()
    assert_accessible(page)
    answer_all(details, 2)
    details.get_by_role("button", name="Submit reflection").click()
    expect(slot(page, sessions[0]).locator(".verme-reflection-head")).to_contain_text("Submitted")
    expect(live).to_have_text("Your reflection was submitted.")

    for session_id, value, text in ((sessions[1], 3, "Shared session two"), (sessions[2], 4, "")):
        details = open_slot(page, session_id)
        answer_all(details, value)
        if text:
            details.get_by_label("What has gone well since last time, and what made it possible?").fill(text)
        details.get_by_role("button", name="Submit reflection").click()
        # The section is rendered anew: wait for this session's badge, not only the announcement.
        expect(slot(page, session_id).locator(".verme-reflection-head")).to_contain_text("Submitted")
        expect(live).to_have_text("Your reflection was submitted.")

    block = page.locator('[data-block-type="verme"]')
    block.get_by_text("My trend over the season").click()
    expect(block.locator("svg.verme-chart")).to_have_count(8)
    expect(block).to_contain_text("Your answer to “Taking part supports my work wellbeing.” rose from 2 to 4.")
    table = block.get_by_role("table", name="My answers by session (1 = strongly disagree, 5 = strongly agree)")
    expect(table.get_by_role("row", name="Taking part supports my work wellbeing. 2 3 4")).to_be_visible()
    assert_accessible(page)

    # Before anything is shared, staff see who submitted but no text.
    page = open_block("staff_sanna", section="figures")
    block = page.locator('[data-block-type="verme"]')
    expect(block.get_by_role("heading", name="Reflections in the groups")).to_be_visible()
    expect(block).to_contain_text("3 of 4 members submitted a reflection.")
    for words in ("Private session one", "Shared session two", "Words of learner_mikko"):
        expect(block).not_to_contain_text(words)
    assert_accessible(page)

    # Aino shares session 2 with the facilitators.
    page = open_block("learner_aino", section="reflections")
    details = open_slot(page, sessions[1])
    details.get_by_label("Share this reflection with my group's facilitators").check()
    shared_message = "Your reflection is now shared with your group's facilitators."
    expect(page.locator("[data-verme-live]")).to_have_text(shared_message)
    expect(slot(page, sessions[1]).locator(".verme-reflection-head")).to_contain_text("Shared with facilitators")
    expect(slot(page, sessions[1]).get_by_label("Share this reflection with my group's facilitators")).to_be_focused()

    # The facilitator sees the shared text; session 2's figures wait for k answers besides it.
    page = open_block("facilitator_maija", section="mygroups")
    block = page.locator('[data-block-type="verme"]')
    shared = block.locator("[data-shared-reflection]")
    expect(shared).to_have_count(1)
    expect(shared).to_contain_text("Aino Virtanen · Session 2: Success stories")
    expect(shared).to_contain_text("Shared session two")
    expect(block).not_to_contain_text("Private session one")
    expect(block).not_to_contain_text("Words of learner_mikko")
    expect(figures_table(page, "Session 2")).to_have_count(0)
    assert_accessible(page)

    submit_for(block_key, group_id, "learner_oskar", sessions[1], value=5)
    page = open_block("facilitator_maija", section="mygroups")
    open_every_panel(page)
    figures = figures_table(page, "Session 2")
    expect(figures).to_be_visible()
    expect(figures.get_by_role("row", name="Taking part supports my work wellbeing. 4 4.0 0 0 1 2 1")).to_be_visible()
    expect(figures_table(page, "Session 1")).to_have_count(0)
    assert_accessible(page)

    # A non-member sees no reflection text and no figures; staff see no text at all, shared or not.
    page = open_block("learner_new")
    block = page.locator('[data-block-type="verme"]')
    expect(block).not_to_contain_text("Shared session two")
    expect(block.get_by_role("heading", name="Reflections in the groups")).to_have_count(0)
    expect(block.get_by_role("heading", name="My reflections", exact=True)).to_have_count(0)
    assert_accessible(page)
    page = open_block("staff_sanna", section="figures")
    block = page.locator('[data-block-type="verme"]')
    expect(block).not_to_contain_text("Private session one")
    expect(block).not_to_contain_text("Shared session two")
    expect(block.locator("[data-shared-reflection]")).to_have_count(0)
    expect(block).to_contain_text("course staff never see what a reflection says")
    assert_accessible(page)


def test_finnish_reflection_view_and_trend(open_block, assert_accessible, scenarios):
    block_key = scenarios["fi"]
    group_id = groups.create_group(block_key, STAFF, name="Kokeneet konkarit")
    groups.assign_member(block_key, STAFF, group_id, user_id="learner_tuula", display_name="Tuula Mäkelä")
    now = timezone.now()
    first = reflections.ensure_session(group_id, 1, title="Aloitus", starts_at=now - datetime.timedelta(weeks=6))
    second = reflections.ensure_session(group_id, 2, title="Onnistumistarinat",
                                        starts_at=now - datetime.timedelta(days=1))
    config = make_block("learner_tuula").config("fi")
    viewer = Viewer("learner_tuula", "Tuula Mäkelä", roles.LEARNER, False, group_id)
    for session_id, value in ((first, 2), (second, 4)):
        reflections.save_reflection(block_key, viewer, config, session_id,
                                    {item["id"]: value for item in config.likert_items}, {}, submit=True)
    page = open_block("learner_tuula", scenario="verme.1", lang="fi", section="reflections")
    block = page.locator('[data-block-type="verme"]')
    expect(block.get_by_role("heading", name="Omat reflektioni", exact=True)).to_be_visible()
    # The statements come from the block's configuration in the course language.
    wellbeing = next(item["text"] for item in config.likert_items if item["id"] == "wellbeing")
    expect(block).to_contain_text(f"Vastauksesi väittämään ”{wellbeing}” nousi arvosta 2 arvoon 4.")
    open_every_panel(page)
    caption = "Vastaukseni tapaamisittain (1 = täysin eri mieltä, 5 = täysin samaa mieltä)"
    expect(block.get_by_role("table", name=caption)).to_be_visible()
    assert_accessible(page)
