"""The good-practice bank as people use it: share, read across groups, comment, react, filter,
search, report, moderate; an axe scan of every view."""
from playwright.sync_api import expect

from demo.seed import ENGLISH_GROUPS, seed_groups


def bank_of(page):
    return page.locator('[data-block-type="verme"] [data-verme-bank]')


def post_titled(page, title):
    return bank_of(page).locator("article.verme-post", has=page.get_by_role("heading", name=title, exact=True))


def share(page, title, body, tags, visibility="The whole course", organisation=None):
    bank = bank_of(page)
    compose = bank.locator("[data-bank-compose]")
    if not compose.evaluate("details => details.open"):
        bank.get_by_text("Share a good practice").click()
    compose.get_by_label("Title").fill(title)
    compose.get_by_label("What did you do, and what did you learn?").fill(body)
    for tag in tags:
        compose.get_by_label(tag).check()
    compose.get_by_label(visibility).check()
    if organisation:
        compose.get_by_label(organisation).check()
    compose.get_by_role("button", name="Share").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your post is shared.")
    expect(post_titled(page, title)).to_be_focused()


def test_two_organisations_share_a_third_reads_comments_reacts_reports_and_staff_hide(
    open_block, assert_accessible, scenarios
):
    seed_groups(scenarios["en"], ENGLISH_GROUPS)

    page = open_block("learner_aino", section="bank")
    assert_accessible(page)
    share(page, "Exit tickets after each lesson",
          "Three questions on a slip:\n\n- what did I learn\n- what was hard\n\n"
          "[The template](https://example.org/exit-ticket)", ["Assessment", "Teaching and guidance"],
          organisation="Yes, show my organisation")
    post = post_titled(page, "Exit tickets after each lesson")
    expect(post).to_contain_text("Aino Virtanen, Harbour Vocational College")
    link = post.get_by_role("link", name="The template")
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener noreferrer nofollow")
    assert_accessible(page)

    page = open_block("learner_mikko", section="bank")
    share(page, "Our coffee-break check-in", "We *name one thing* that went well.", ["Work wellbeing"],
          visibility="My group only")
    expect(post_titled(page, "Our coffee-break check-in")).to_contain_text("Group only: New teachers, autumn")
    expect(post_titled(page, "Exit tickets after each lesson")).to_be_visible()
    assert_accessible(page)

    page = open_block("learner_helena", section="bank")
    bank = bank_of(page)
    expect(post_titled(page, "Exit tickets after each lesson")).to_be_visible()
    expect(bank).not_to_contain_text("coffee-break")
    post = post_titled(page, "Exit tickets after each lesson")
    post.get_by_text("Write a comment", exact=True).click()  # the comment form opens from one control
    post.get_by_label("Your comment").fill("We tried this in counselling too — it works.")
    post.get_by_role("button", name="Comment").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your comment is added.")
    post = post_titled(page, "Exit tickets after each lesson")
    expect(post.get_by_role("heading", name="Comments (1)")).to_be_focused()
    # A comment on a course-wide post never carries the commenter's organisation.
    expect(post.locator(".verme-comment")).to_contain_text("Helena Salo")
    expect(post).not_to_contain_text("Lakeside Vocational Institute")
    post.get_by_role("button", name="Useful").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Marked as useful.")
    useful = post_titled(page, "Exit tickets after each lesson").get_by_role("button", name="Useful")
    expect(useful).to_have_attribute("aria-pressed", "true")
    expect(useful).to_contain_text("(1)")
    expect(useful).to_be_focused()

    bank.get_by_text("Find posts", exact=True).click()  # the filters open from one control
    filters = bank.locator("[data-bank-filters]")
    filters.get_by_label("Tag").select_option("Work wellbeing")
    filters.get_by_role("button", name="Show posts").click()
    expect(page.locator("[data-verme-live]")).to_have_text("No posts match.")
    expect(bank.locator("[data-bank-list]")).to_contain_text("No posts to show.")
    filters.get_by_label("Tag").select_option("Assessment")
    filters.get_by_role("button", name="Show posts").click()
    expect(post_titled(page, "Exit tickets after each lesson")).to_be_visible()
    filters.get_by_label("Tag").select_option("")
    filters.get_by_label("Search in titles and texts").fill("coffee")
    filters.get_by_role("button", name="Show posts").click()
    expect(bank.locator("[data-bank-list]")).to_contain_text("No posts to show.")
    filters.get_by_label("Search in titles and texts").fill("slip")
    filters.get_by_role("button", name="Show posts").click()
    expect(post_titled(page, "Exit tickets after each lesson")).to_be_visible()
    assert_accessible(page)

    post = post_titled(page, "Exit tickets after each lesson")
    post.locator("summary", has_text="Report").first.click()
    post.get_by_label("Why should a moderator look at this?").fill("The link points to a paid service.")
    post.get_by_role("button", name="Send report").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Thank you. A moderator will look at it.")

    page = open_block("staff_sanna", section="bank")
    bank = bank_of(page)
    bank.get_by_text("Moderation queue").click()
    queue = bank.locator("[data-bank-queue]")
    expect(queue).to_contain_text("Helena Salo reported: The link points to a paid service.")
    assert_accessible(page)
    queue.get_by_label("Reason (shown to the author)").fill("Please link to a free version of the template.")
    queue.get_by_role("button", name="Hide").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Hidden. The author sees your reason.")
    expect(queue).to_contain_text("Open reports (0)")
    expect(queue).to_contain_text("Hid the post")
    expect(post_titled(page, "Exit tickets after each lesson")).to_contain_text("Hidden by a moderator")
    assert_accessible(page)

    page = open_block("learner_aino", section="bank")
    post = post_titled(page, "Exit tickets after each lesson")
    expect(post).to_contain_text("Hidden by a moderator — only you and the moderators see it.")
    expect(post).to_contain_text("Reason: Please link to a free version of the template.")
    assert_accessible(page)

    page = open_block("learner_helena", section="bank")
    expect(bank_of(page)).not_to_contain_text("Exit tickets")


def test_author_edits_and_deletes_and_errors_are_shown_by_the_fields(open_block, assert_accessible, scenarios):
    seed_groups(scenarios["en"], ENGLISH_GROUPS)
    page = open_block("learner_oskar", section="bank")
    bank = bank_of(page)
    bank.get_by_text("Share a good practice").click()
    compose = bank.locator("[data-bank-compose]")
    compose.get_by_label("Title").fill("   ")
    compose.get_by_role("button", name="Share").click()
    title = compose.get_by_label("Title")
    expect(compose.locator('[data-error-for="title"]')).to_have_text("This field is required.")
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_be_focused()
    assert_accessible(page)
    share(page, "Route planning game", "Learners plan a delivery route.", ["Digital tools"])

    post = post_titled(page, "Route planning game")
    post.locator("summary", has_text="Edit").click()
    post.get_by_label("Title").fill("Route planning game for logistics")
    post.get_by_role("button", name="Save changes").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your changes are saved.")
    post = post_titled(page, "Route planning game for logistics")
    expect(post).to_be_focused()
    expect(post).to_contain_text("edited")

    post.locator("summary", has_text="Delete").click()
    post.get_by_role("button", name="Delete this post").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Your post is deleted.")
    expect(bank.get_by_role("heading", name="Good-practice bank")).to_be_focused()
    page = open_block("learner_oskar", section="bank")
    expect(bank_of(page)).not_to_contain_text("Route planning")


def test_more_posts_load_in_pages_and_most_useful_first(open_block, assert_accessible, scenarios):
    from tests.api.bank_world import viewer
    from verme_xblock.api import bank

    seed_groups(scenarios["en"], ENGLISH_GROUPS)
    for index in range(12):
        bank.create_post(scenarios["en"], viewer("learner_liisa", block=scenarios["en"]), title=f"Practice {index}",
                         body="Text", tags=[], visibility="course", rate_limit={"posts": 99, "minutes": 1})
    page = open_block("learner_pekka", section="bank")
    bank_section = bank_of(page)
    expect(bank_section.locator("article.verme-post")).to_have_count(10)
    bank_section.get_by_role("button", name="Show more posts").click()
    expect(bank_section.locator("article.verme-post")).to_have_count(12)
    expect(post_titled(page, "Practice 1")).to_be_focused()
    expect(bank_section.get_by_role("button", name="Show more posts")).to_be_hidden()

    post_titled(page, "Practice 3").get_by_role("button", name="Useful").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Marked as useful.")
    bank_section.get_by_text("Find posts", exact=True).click()
    bank_section.get_by_label("Order").select_option("useful")
    bank_section.get_by_role("button", name="Show posts").click()
    expect(bank_section.locator("article.verme-post").first).to_contain_text("Practice 3")
    assert_accessible(page)


def test_no_payload_runs_in_the_browser(open_block, assert_accessible, scenarios, live_server):
    from tests.api.bank_world import viewer
    from tests.xss_payloads import PAYLOADS
    from verme_xblock.api import bank, bank_moderation, groups

    block_key = scenarios["en"]
    seed_groups(block_key, ENGLISH_GROUPS)
    staff = viewer("staff_sanna", "Sanna", staff=True, block=block_key)
    groups.assign_member(block_key, staff, groups.list_groups(block_key)[0].id, user_id="learner_aino",
                         display_name=PAYLOADS[10], organisation=PAYLOADS[23])
    aino, helena = viewer("learner_aino", block=block_key), viewer("learner_helena", block=block_key)
    for index, payload in enumerate(PAYLOADS):
        post_id = bank.create_post(block_key, aino, title=payload[:150], body=payload, tags=[],
                                   visibility="course", rate_limit={"posts": 1000, "minutes": 1},
                                   show_organisation=True).id
        bank.add_comment(block_key, helena, post_id, body=payload)
        if index % 4 == 0:
            bank_moderation.report(block_key, helena, post_id, reason=payload)
        if index % 8 == 0:
            bank_moderation.moderate(block_key, staff, post_id, action="hide", reason=payload)

    dialogs = []
    for student in ("learner_aino", "learner_helena", "staff_sanna"):
        page = open_block(student, section="bank")
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        bank_section = bank_of(page)
        more = bank_section.get_by_role("button", name="Show more posts")
        while more.is_visible():
            count = bank_section.locator("article.verme-post").count()
            more.click()
            expect(bank_section.locator("article.verme-post")).not_to_have_count(count)
        expect(bank_section.locator("article.verme-post")).to_have_count(
            len(PAYLOADS) if student != "learner_helena" else len(PAYLOADS) - len(range(0, len(PAYLOADS), 8)))
        page.evaluate("document.querySelectorAll('[data-verme-bank] details').forEach(d => { d.open = true; })")
        bank_section.locator("article.verme-post").first.hover()
        for payload in PAYLOADS[:20]:
            bank_section.get_by_label("Search in titles and texts").fill(payload[:100])
            bank_section.get_by_role("button", name="Show posts").click()
            expect(page.locator("[data-verme-live]")).not_to_be_empty()
        page.wait_for_timeout(300)
        assert page.evaluate("window.__xss") is None, student
        assert page.evaluate("parent.__xss") is None, student
    assert dialogs == []
    assert_accessible(page)


def test_demo_seed_adds_good_practices_once_and_the_demo_shows_them(open_block, assert_accessible, scenarios):
    from demo.seed import seed
    from tests.helpers import count_rows
    from verme_xblock.models import Comment, Post, Reaction, Report

    assert len(seed()) == 2
    rows = count_rows()
    assert seed() == []
    assert count_rows() == rows
    assert Post.objects.filter(visibility="group").count() == 2
    assert (Comment.objects.count(), Reaction.objects.count(), Report.objects.count()) == (3, 7, 1)

    page = open_block("learner_tuula", scenario="verme.1", lang="fi", section="bank")
    expect(post_titled(page, "Hiljaisen tiedon kartta")).to_contain_text("Koulutuskeskus Ranta")
    page = open_block("learner_helena", section="bank")
    expect(post_titled(page, "Exit tickets after every lesson")).to_be_visible()
    expect(bank_of(page)).not_to_contain_text("five-minute check-in")
    page = open_block("facilitator_maija", section="bank")
    expect(post_titled(page, "Our five-minute check-in")).to_be_visible()
    assert_accessible(page)


def test_facilitator_hides_a_reported_comment_and_shows_it_again(open_block, assert_accessible, scenarios):
    from tests.api.bank_world import viewer
    from verme_xblock.api import bank

    block_key = scenarios["en"]
    seed_groups(block_key, ENGLISH_GROUPS)
    post_id = bank.create_post(block_key, viewer("learner_aino", block=block_key), title="Peer observation",
                               body="We visit each other's lessons.", tags=[], visibility="group").id
    bank.add_comment(block_key, viewer("learner_mikko", block=block_key), post_id, body="Only if my boss pays.")

    page = open_block("learner_liisa", section="bank")
    post = post_titled(page, "Peer observation")
    post.locator("summary", has_text="Report comment").click()
    post.get_by_label("Why should a moderator look at this comment?").fill("Off topic")
    post.get_by_role("button", name="Send report").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Thank you. A moderator will look at it.")

    page = open_block("facilitator_maija", section="bank")
    post = post_titled(page, "Peer observation")
    post.locator("summary", has_text="Moderate comment").click()
    post.locator(".verme-comment").get_by_label("Reason (shown to the author)").fill("Please keep to the practice.")
    post.locator(".verme-comment").get_by_role("button", name="Hide").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Hidden. The author sees your reason.")
    post = post_titled(page, "Peer observation")
    expect(post).to_be_focused()
    expect(post.locator(".verme-comment")).to_contain_text("Hidden by a moderator")
    assert_accessible(page)

    page = open_block("learner_mikko", section="bank")
    expect(post_titled(page, "Peer observation")).to_contain_text("Reason: Please keep to the practice.")
    page = open_block("learner_liisa", section="bank")
    expect(post_titled(page, "Peer observation")).not_to_contain_text("Only if my boss pays.")

    page = open_block("facilitator_maija", section="bank")
    post = post_titled(page, "Peer observation")
    post.locator("summary", has_text="Moderate comment").click()
    post.locator(".verme-comment").get_by_role("button", name="Show again").click()
    expect(page.locator("[data-verme-live]")).to_have_text("Shown again.")
    page = open_block("learner_liisa", section="bank")
    expect(post_titled(page, "Peer observation")).to_contain_text("Only if my boss pays.")
