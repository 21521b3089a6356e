"""Staff add people by username or e-mail, pasted or from a CSV file, as a person would click it."""
from playwright.sync_api import expect

from demo.seed import seed
from tests.helpers import count_rows
from verme_xblock.models import Facilitator, Membership, MentoringGroup

BLOCK = '[data-block-type="verme"]'


def test_staff_paste_three_usernames_and_an_unknown_address_then_upload_a_csv(
        open_block, assert_accessible, tmp_path):
    seed()
    page = open_block("staff_sanna", section="people")
    block = page.locator(BLOCK)
    form = block.locator('form[data-people-action="people_add"]')
    counsellors = MentoringGroup.objects.get(name="Study counsellors")

    # Typing a name suggests enrolled learners; "Add to the list" puts the username on a new line.
    find = form.get_by_label("Find a learner by name, username or e-mail")
    find.fill("Sofia")
    expect(block.locator('datalist[data-people-suggestions] option[value="learner_sofia"]')).to_have_count(1)
    find.fill("learner_sofia")
    form.get_by_role("button", name="Add to the list").click()
    lines = form.get_by_label("Usernames or e-mail addresses, one per line")
    expect(lines).to_have_value("learner_sofia")
    lines.fill("learner_juha\nkaisa.rinne@example.org\nnobody@example.org\n" + lines.input_value())
    form.get_by_label("Group").select_option(value=str(counsellors.id))
    before = count_rows()
    form.get_by_role("button", name="Add the people").click()
    errors = form.locator("[data-people-errors]")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("Nothing was changed: correct the lines below and try again.")
    expect(errors.locator("li")).to_have_text(
        ["Line 3, nobody@example.org: Nobody in this course has that username or e-mail address."])
    assert count_rows() == before
    assert_accessible(page)

    lines.fill("learner_juha\nkaisa.rinne@example.org\nlearner_sofia")
    form.get_by_role("button", name="Add the people").click()
    expect(page.locator("[data-verme-live]")).to_have_text(
        "Added (3): Juha Peltonen, Kaisa Rinne, Sofia Ek.")
    assert set(Membership.objects.filter(group=counsellors).values_list("display_name", flat=True)) >= {
        "Juha Peltonen", "Kaisa Rinne", "Sofia Ek"}
    assert count_rows()["Membership"] == before["Membership"] + 3

    # A CSV file (semicolons, as Finnish spreadsheets save it) places people into two groups.
    csv_file = tmp_path / "people.csv"
    csv_file.write_text("Username;Group;Role\nlearner_emma;Study counsellors\nlearner_new;New teachers, autumn\n"
                        "learner_eetu;New teachers, autumn;facilitator\n", encoding="utf-8")
    form = block.locator('form[data-people-action="people_add"]')
    form.get_by_label("Or upload a CSV file").set_input_files(str(csv_file))
    form.get_by_label("Group").select_option(label="The group named in the file")
    form.get_by_role("button", name="Add the people").click()
    expect(page.locator("[data-verme-live]")).to_have_text(
        "Added (3): Emma Korhonen, Noora Uusitalo, Eetu Rantanen.")
    autumn = MentoringGroup.objects.get(name="New teachers, autumn")
    assert Membership.objects.get(user_id="learner_emma").group == counsellors
    assert Membership.objects.get(user_id="learner_new").group == autumn
    assert Facilitator.objects.filter(group=autumn, user_id="learner_eetu").exists()
    expect(block.locator('[data-unplaced="learner_emma"]')).to_have_count(0)  # the waiting list follows
    assert_accessible(page)


def test_the_waiting_list_searches_the_course_and_places_a_learner(open_block, assert_accessible):
    seed()
    page = open_block("staff_sanna", section="dashboard")
    waiting = page.locator(f"{BLOCK} [data-verme-waiting]")
    expect(waiting.locator('[data-unplaced="learner_emma"]')).to_contain_text("first seen")  # opened the block
    expect(waiting.locator('[data-unplaced="learner_kaisa"]')).to_be_visible()  # enrolled, never opened it
    waiting.get_by_label("Search learners by name, username or e-mail").fill("rinne")
    waiting.get_by_role("button", name="Search").click()
    waiting = page.locator(f"{BLOCK} [data-verme-waiting]")
    expect(page.locator(f"{BLOCK} [data-verme-waiting-heading]")).to_be_focused()
    expect(waiting.locator("[data-unplaced]")).to_have_count(1)
    expect(page.locator("[data-verme-live]")).to_have_text("Learners not yet in a group: 1.")
    waiting.get_by_label("Place Kaisa Rinne in").select_option(label="Study counsellors (2 / 9)")
    waiting.get_by_role("button", name="Place").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Kaisa Rinne is now in the group.")
    assert Membership.objects.get(user_id="learner_kaisa").group.name == "Study counsellors"
    assert_accessible(page)
