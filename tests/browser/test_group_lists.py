"""The group lists one page at a time, as people click them: course staff page, search and filter
"Groups and people" and move someone by typing a group's name; a person in no group pages and
filters "Choose a group" and joins a group from the second page."""
import datetime

from django.utils import timezone
from playwright.sync_api import expect

from demo.seed import seed
from verme_xblock.models import Membership, MentoringGroup, MentoringSession

BLOCK = '[data-block-type="verme"]'


def add_circles(count):
    """`count` more groups, "Circle 01".., in the English scenario's block, each with one member and a
    session to come; odd ones for study counsellors."""
    block_key = MentoringGroup.objects.get(name="Study counsellors").block_key
    now = timezone.now()
    for n in range(1, count + 1):
        group = MentoringGroup.objects.create(
            block_key=block_key, name=f"Circle {n:02d}", min_size=2, max_size=6,
            target_group="study_counsellors" if n % 2 else "new_teachers")
        Membership.objects.create(block_key=block_key, group=group, user_id=f"circle{n}", display_name=f"Person {n}")
        MentoringSession.objects.create(group=group, number=1, title="One",
                                        starts_at=now + datetime.timedelta(hours=n))


def live(page):
    return page.locator("[data-verme-live]")


def test_staff_page_search_filter_and_move_someone_by_a_typed_group_name(open_block, assert_accessible):
    seed()
    add_circles(30)  # 32 groups: two pages of 20; 31 with a free seat, more than a select offers
    page = open_block("staff_sanna", section="people")
    block = page.locator(BLOCK)
    pager = block.get_by_role("navigation", name="Pages of the list of groups")
    expect(pager).to_contain_text("Page 1 of 2. Groups: 32.")
    expect(block.locator("[data-manage-group]")).to_have_count(20)
    assert_accessible(page)

    pager.get_by_role("button", name="Next page").click()
    expect(block.get_by_role("heading", name="All groups")).to_be_focused()
    expect(live(page)).to_have_text("Page 2 of 2. Groups: 32.")
    expect(block.locator("[data-manage-group]")).to_have_count(12)
    # A write answers with the page the person was on.
    block.get_by_role("button", name="Archive Circle 25").click()
    expect(live(page)).to_have_text("Group archived.")
    expect(block.get_by_role("button", name="Restore Circle 25")).to_be_visible()
    expect(block.get_by_role("navigation", name="Pages of the list of groups")).to_contain_text("Page 2 of 2.")

    search = block.get_by_role("search", name="Find groups")
    search.get_by_label("Status").select_option(label="Archived")
    search.get_by_role("button", name="Show groups").click()
    expect(live(page)).to_have_text("Page 1 of 1. Groups: 1.")
    expect(block.locator("[data-manage-group]")).to_have_count(1)
    search = block.get_by_role("search", name="Find groups")
    search.get_by_label("Status").select_option(label="Active and archived")
    search.get_by_label("Target group").select_option(label="Study counsellors")
    search.get_by_label("Group name contains").fill("counsellors")
    search.get_by_role("button", name="Show groups").click()
    expect(live(page)).to_have_text("Page 1 of 1. Groups: 1.")
    expect(block.locator('[data-manage-group="Study counsellors"]')).to_be_visible()
    assert_accessible(page)

    # Too many groups with a free seat for a select: the group is typed, with suggestions.
    block.get_by_role("button", name="Manage the members and facilitators of Study counsellors").click()
    people = block.locator('[data-manage-people="Study counsellors"]')
    move = people.get_by_role("combobox", name="Move Helena Salo to")
    move.fill("Circle 0")
    expect(people.locator("datalist[data-group-suggestions] option[value='Circle 07']")).to_have_count(1)
    move.fill("Circle 07")
    move.press("Enter")
    expect(live(page)).to_have_text("Helena Salo is now in the group.")
    assert Membership.objects.get(user_id="learner_helena").group.name == "Circle 07"
    expect(block.locator("[data-manage-group]")).to_have_count(1)  # still the search they made
    assert_accessible(page)


def test_a_newcomer_pages_filters_and_joins_from_the_second_page(open_block, assert_accessible):
    seed()
    add_circles(14)  # 16 open groups: two pages of 10
    page = open_block("learner_new", section="group")
    block = page.locator(BLOCK)
    cards = block.locator("[data-group-card]")
    expect(cards).to_have_count(10)
    expect(cards.first).to_contain_text("Circle 01")  # the nearest session with a free seat first
    assert_accessible(page)

    block.get_by_role("navigation", name="Pages of the list of groups").get_by_role("button", name="Next page").click()
    expect(block.get_by_role("heading", name="Mentoring groups")).to_be_focused()
    expect(live(page)).to_have_text("Page 2 of 2. Groups: 16.")
    expect(cards).to_have_count(6)

    search = block.get_by_role("search", name="Find groups")
    search.get_by_label("Target group").select_option(label="Study counsellors")
    search.get_by_role("button", name="Show groups").click()
    expect(live(page)).to_have_text("Page 1 of 1. Groups: 8.")
    expect(cards).to_have_count(8)
    for text in cards.all_inner_texts():
        assert "Study counsellors" in text
    card = cards.filter(has=page.get_by_role("heading", name="Circle 13", exact=True))
    card.get_by_role("button", name="Join this group").click()
    expect(live(page)).to_have_text("You joined the group.")
    assert Membership.objects.get(user_id="learner_new").group.name == "Circle 13"
    assert_accessible(page)
