"""The bank's rules: who sees which post, writing, editing, deleting, reading in pages, reactions."""
import datetime

import pytest
from django.utils import timezone

from tests.api.bank_world import make_world, share, titles
from verme_xblock.api import bank, bank_moderation, bank_useful
from verme_xblock.bank_data import Filters
from verme_xblock.errors import Refusal
from verme_xblock.models import MentoringSession, ModerationAction, Post, Reaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def refused(call, *args, **kwargs):
    with pytest.raises(Refusal) as refusal:
        call(*args, **kwargs)
    return refusal.value


def test_author_snapshot_comes_from_membership(world):
    post_id = share(world, "aino", title="Exit tickets", tags=("Assessment", "Networks"), show_organisation=True)
    post = bank.get_post(world.block, world.person("mikko"), post_id)
    assert (post.author_name, post.author_organisation) == ("Aino Virtanen", "Harbour Vocational College")
    assert post.tags == ("Assessment", "Networks")
    assert (post.group_id, post.group_name, post.visibility) == (world.group_a, "New teachers", "course")
    assert not post.edited and post.useful_count == 0 and post.comments == ()


def test_group_only_posts_reach_the_group_its_facilitator_and_staff_only(world):
    share(world, "aino", title="Course-wide", body="shared secret-word")
    share(world, "mikko", title="Group only", body="inner secret-word", visibility="group", tags=("Work wellbeing",))
    group_only = Post.objects.get(title="Group only").id
    everyone = Filters()
    for user_id, expected in (
        ("aino", ["Group only", "Course-wide"]),
        ("maija", ["Group only", "Course-wide"]),
        ("helena", ["Course-wide"]),
        ("johan", ["Course-wide"]),
        ("outsider", ["Course-wide"]),
    ):
        person = world.person(user_id)
        assert titles(bank.list_posts(world.block, person, everyone)) == expected, user_id
        searched = bank.list_posts(world.block, person, Filters(search="secret-word"))
        assert titles(searched) == expected, user_id
        by_tag = titles(bank.list_posts(world.block, person, Filters(tag="Work wellbeing")))
        by_group = titles(bank.list_posts(world.block, person, Filters(group_id=world.group_a)))
        by_org = titles(bank.list_posts(world.block, person, Filters(organisation="Lakeside Vocational Institute")))
        useful = titles(bank.list_posts(world.block, person, Filters(sort="useful")))
        if "Group only" in expected:
            assert (by_tag, by_org) == (["Group only"], ["Group only"])
        else:
            assert by_tag == by_org == [] and by_group == ["Course-wide"] and useful == ["Course-wide"]
            assert refused(bank.get_post, world.block, person, group_only).status == 404
            assert refused(bank_useful.toggle_useful, world.block, person, group_only).status == 404
            assert refused(bank.add_comment, world.block, person, group_only, body="hi").status == 404
            assert refused(bank_moderation.report, world.block, person, group_only, reason="x").status == 404
            orgs = bank.filter_choices(world.block, person)["organisations"]
            assert "Lakeside Vocational Institute" not in orgs
    assert titles(bank.list_posts(world.block, world.staff, everyone)) == ["Group only", "Course-wide"]


def test_group_only_needs_a_group_and_sessions_must_be_the_authors_groups(world):
    assert refused(share, world, "outsider", visibility="group").field == "visibility"
    other = MentoringSession.objects.create(group_id=world.group_b, number=1, title="S1", starts_at=timezone.now())
    own = MentoringSession.objects.create(group_id=world.group_a, number=2, title="Success stories",
                                          starts_at=timezone.now())
    assert refused(share, world, "aino", session_id=other.id).field == "session_id"
    post_id = share(world, "aino", session_id=own.id)
    assert bank.get_post(world.block, world.person("helena"), post_id).session_title == "Success stories"
    assert [s.title for s in bank.session_choices(world.block, world.person("mikko"))] == ["Success stories"]
    assert Post.objects.count() == 1


@pytest.mark.parametrize(("user_id", "changes"), [
    ("aino", {"tags": ["Assessment", "Networks"], "show_organisation": True}),
    ("aino", {"visibility": "group", "with_session": True}),
    ("mikko", {"visibility": "group", "show_organisation": True}),
    ("outsider", {}),
    ("maija", {"tags": []}),
    ("staff", {}),
])
def test_a_new_post_is_answered_as_the_author_reads_it_back(world, user_id, changes):
    # The answer is built from what was written; it must be the post `get_post` shows its author.
    session = MentoringSession.objects.create(group_id=world.group_a, number=1, title="Exit tickets",
                                              starts_at=timezone.now())
    author = world.staff if user_id == "staff" else world.person(user_id)
    fields = {"title": "Exit tickets", "body": "Three **questions**", "tags": ["Networks"], "visibility": "course"}
    changes = dict(changes)  # the parameters are shared between runs
    with_session = changes.pop("with_session", False)
    fields.update(changes, session_id=session.id if with_session else None)
    answered = bank.create_post(world.block, author, **fields)
    assert answered == bank.get_post(world.block, author, answered.id)
    assert answered.is_own and (answered.session_title == "Exit tickets") == with_session


def test_only_the_author_edits_and_the_post_is_marked_edited(world):
    post_id = share(world, "aino", title="Old")
    assert refused(bank.edit_post, world.block, world.person("mikko"), post_id, title="Mine", body="b",
                   tags=[], visibility="course").status == 403
    assert refused(bank.edit_post, world.block, world.staff, post_id, title="Staff", body="b",
                   tags=[], visibility="course").status == 403
    bank.edit_post(world.block, world.person("aino"), post_id, title="New", body="Better", tags=["Digital tools"],
                   visibility="group")
    post = bank.get_post(world.block, world.person("mikko"), post_id)
    assert (post.title, post.body, post.tags, post.visibility, post.edited) == (
        "New", "Better", ("Digital tools",), "group", True)
    assert refused(bank.get_post, world.block, world.person("helena"), post_id).status == 404


def test_deleted_posts_leave_every_view_but_stay_in_the_moderation_log(world):
    post_id = share(world, "aino", title="Soon gone")
    bank_moderation.report(world.block, world.person("helena"), post_id, reason="Spam")
    assert refused(bank.delete_post, world.block, world.person("mikko"), post_id).status == 403
    bank.delete_post(world.block, world.person("aino"), post_id)
    for person in (world.person("aino"), world.staff, world.person("maija")):
        assert titles(bank.list_posts(world.block, person)) == []
        assert refused(bank.get_post, world.block, person, post_id).status == 404
    assert bank_moderation.queue(world.block, world.staff) == ()
    entry = bank_moderation.log(world.block, world.staff)[0]
    assert (entry.action, entry.post_title, entry.actor_name) == ("delete", "Soon gone", "Aino Virtanen")
    assert refused(bank.delete_post, world.block, world.person("aino"), post_id).status == 404


def test_a_burst_of_posts_is_throttled_from_the_rows(world):
    limit = {"posts": 3, "minutes": 10}
    for index in range(3):
        share(world, "aino", title=f"P{index}", rate_limit=limit)
    bank.delete_post(world.block, world.person("aino"), Post.objects.first().id)  # deleting frees nothing
    refusal = refused(share, world, "aino", title="One more", rate_limit=limit)
    assert (refusal.status, refusal.code) == (429, "rate_limited")
    assert "3 posts in the last 10 minutes" in refusal.message
    share(world, "mikko", rate_limit=limit)  # others are not affected
    Post.objects.filter(author_id="aino").update(created_at=timezone.now() - datetime.timedelta(minutes=11))
    share(world, "aino", title="Later", rate_limit=limit)


def test_useful_is_one_per_person_and_toggles(world):
    post_id = share(world, "aino")
    assert bank_useful.toggle_useful(world.block, world.person("mikko"), post_id) is True
    assert bank_useful.toggle_useful(world.block, world.person("helena"), post_id) is True
    post = bank.get_post(world.block, world.person("mikko"), post_id)
    assert (post.useful_count, post.useful_by_viewer) == (2, True)
    assert bank_useful.toggle_useful(world.block, world.person("mikko"), post_id) is False
    post = bank.get_post(world.block, world.person("mikko"), post_id)
    assert (post.useful_count, post.useful_by_viewer) == (1, False)
    assert Reaction.objects.count() == 1


def test_comments_are_in_time_order_with_author_snapshots(world):
    post_id = share(world, "aino")
    bank.add_comment(world.block, world.person("helena"), post_id, body="First")
    bank.add_comment(world.block, world.person("outsider"), post_id, body="Second")
    comments = bank.get_post(world.block, world.person("aino"), post_id).comments
    # A course-wide post's comments never carry the commenter's organisation.
    assert [(c.body, c.author_name, c.author_organisation) for c in comments] == [
        ("First", "Helena Salo", ""), ("Second", "outsider", "")]


@pytest.mark.parametrize("sort", ["newest", "useful"])
def test_keyset_pages_cover_every_post_once_in_order(world, sort):
    ids = [share(world, "aino" if i % 2 else "mikko", title=f"P{i}", rate_limit={"posts": 99, "minutes": 1})
           for i in range(23)]
    for index, post_id in enumerate(ids):
        Reaction.objects.bulk_create([Reaction(post_id=post_id, user_id=f"u{n}") for n in range(index % 4)])
    bank_useful.recount_useful(Post.objects.filter(id__in=ids))  # bulk inserts skip toggle_useful's count
    seen, cursor = [], ""
    while True:
        page = bank.list_posts(world.block, world.person("helena"), Filters(sort=sort), cursor=cursor, page_size=5)
        seen.extend(page.posts)
        cursor = page.next_cursor
        if not cursor:
            break
    assert sorted(p.id for p in seen) == sorted(ids) and len(seen) == 23
    if sort == "useful":
        assert [(p.useful_count, p.id) for p in seen] == sorted(((p.useful_count, p.id) for p in seen), reverse=True)
    else:
        assert [p.id for p in seen] == sorted(ids, reverse=True)


def test_malformed_cursors_are_refused(world):
    for cursor, sort in (("x", "newest"), ("1.2", "newest"), ("3", "useful"), ("-1", "newest"), ("9" * 30, "newest")):
        assert refused(bank.list_posts, world.block, world.person("aino"), Filters(sort=sort), cursor).code == "invalid"


def test_anonymous_reads_and_writes_nothing(world):
    from verme_xblock import roles
    from verme_xblock.data import Viewer

    anonymous = Viewer(None, "", roles.ANONYMOUS, False, None)
    assert refused(bank.list_posts, world.block, anonymous).status == 403
    assert refused(bank.create_post, world.block, anonymous, title="t", body="b", tags=[],
                   visibility="course").status == 403


def test_author_filter_and_posts_of_other_blocks(world):
    share(world, "aino", title="Mine")
    share(world, "mikko", title="Theirs")
    other = make_world(block="block-v1:Verme+Demo+2026+type@verme+block@other")
    share(other, "aino", title="Elsewhere")
    assert titles(bank.list_posts(world.block, world.person("aino"), Filters(author="me"))) == ["Mine"]
    assert titles(bank.list_posts(world.block, world.person("aino"), Filters(author="mikko"))) == ["Theirs"]
    assert ModerationAction.objects.count() == 0
