"""Reports, hiding and restoring, the queue and the log; query counts that do not grow with data."""
import pytest

from tests.api.bank_world import make_world, share, titles
from verme_xblock.api import bank, bank_moderation, bank_useful
from verme_xblock.bank_data import Filters
from verme_xblock.errors import Refusal
from verme_xblock.models import Comment, ModerationAction, Post, PostTag, Reaction

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def refused(call, *args, **kwargs):
    with pytest.raises(Refusal) as refusal:
        call(*args, **kwargs)
    return refusal.value


def test_report_hide_with_reason_author_sees_why_restore_and_log(world):
    post_id = share(world, "aino", title="Contested")
    helena, aino, maija, johan = (world.person(u) for u in ("helena", "aino", "maija", "johan"))
    bank_moderation.report(world.block, helena, post_id, reason="Names a student")
    assert refused(bank_moderation.report, world.block, helena, post_id, reason="Again").code == "already_reported"
    assert refused(bank_moderation.queue, world.block, helena).status == 403
    assert bank_moderation.queue(world.block, johan) == ()  # not his group's post
    [item] = bank_moderation.queue(world.block, maija)
    assert (item.post_title, item.reason, item.reporter_name, item.target_hidden) == (
        "Contested", "Names a student", "helena", False)

    assert refused(bank_moderation.moderate, world.block, johan, post_id, action="hide", reason="x").status == 403
    assert refused(bank_moderation.moderate, world.block, maija, post_id, action="hide", reason="").field == "reason"
    bank_moderation.moderate(world.block, maija, post_id, action="hide", reason="Please remove the student's name.")
    assert titles(bank.list_posts(world.block, helena)) == []
    assert refused(bank.get_post, world.block, helena, post_id).status == 404
    mine = bank.get_post(world.block, aino, post_id)
    assert (mine.hidden, mine.hidden_reason) == (True, "Please remove the student's name.")
    assert bank.get_post(world.block, world.staff, post_id).can_moderate
    assert bank_moderation.queue(world.block, maija) == ()

    bank_moderation.moderate(world.block, world.staff, post_id, action="restore", reason="Fixed")
    assert titles(bank.list_posts(world.block, helena)) == ["Contested"]
    log = bank_moderation.log(world.block, world.staff)
    assert [(e.action, e.actor_name, e.reason) for e in log] == [
        ("restore", "Sanna Staff", "Fixed"), ("hide", "maija", "Please remove the student's name.")]
    assert [e.action for e in bank_moderation.log(world.block, maija)] == ["restore", "hide"]
    assert bank_moderation.log(world.block, johan) == ()


def test_comments_are_reported_hidden_and_shown_to_their_author_only(world):
    post_id = share(world, "helena", title="Counselling")
    comment_id = bank.add_comment(world.block, world.person("aino"), post_id, body="Rude words")
    bank_moderation.report(world.block, world.person("mikko"), post_id, comment_id=comment_id, reason="Rude")
    [item] = bank_moderation.queue(world.block, world.person("johan"))
    assert (item.comment_id, item.excerpt) == (comment_id, "Rude words")
    bank_moderation.moderate(world.block, world.person("johan"), post_id, comment_id=comment_id, action="hide",
                             reason="Keep it kind")
    assert bank.get_post(world.block, world.person("mikko"), post_id).comments == ()
    [own] = bank.get_post(world.block, world.person("aino"), post_id).comments
    assert (own.hidden, own.hidden_reason) == (True, "Keep it kind")
    assert bank.get_post(world.block, world.person("johan"), post_id).comments[0].hidden
    assert refused(bank_moderation.report, world.block, world.person("mikko"), post_id, comment_id=comment_id,
                   reason="x").status == 404
    assert refused(bank_moderation.report, world.block, world.person("mikko"), post_id, comment_id=999_999,
                   reason="x").status == 404


def test_dismissing_reports_keeps_the_post_and_is_logged(world):
    post_id = share(world, "aino")
    bank_moderation.report(world.block, world.person("helena"), post_id, reason="Meh")
    bank_moderation.moderate(world.block, world.staff, post_id, action="dismiss", reason="")
    assert bank_moderation.queue(world.block, world.staff) == ()
    assert not Post.objects.get(id=post_id).hidden
    assert ModerationAction.objects.get().action == "dismiss"


def _bulk_data(world, posts=2000, per_post=3):
    """Thousands of posts, tags, comments and reactions, written in bulk."""
    kinds = ("course", "group")
    rows = [
        Post(block_key=world.block, author_id=f"u{i % 40}", author_name=f"Person {i % 40}",
             author_organisation=f"Org {i % 7}", group_id=(world.group_a, world.group_b)[i % 2],
             visibility=kinds[i % 2], title=f"Practice {i}", body=f"Body {i} searchable" * 3)
        for i in range(posts)
    ]
    Post.objects.bulk_create(rows, batch_size=500)
    ids = list(Post.objects.filter(block_key=world.block, title__startswith="Practice ", tags=None)
               .values_list("id", flat=True))
    PostTag.objects.bulk_create([PostTag(post_id=i, tag=tag) for i in ids for tag in ("Networks", "Assessment")],
                                batch_size=1000)
    Comment.objects.bulk_create([Comment(post_id=i, author_id=f"c{n}", author_name="C", body="Nice")
                                 for i in ids for n in range(per_post)], batch_size=1000)
    Reaction.objects.bulk_create([Reaction(post_id=i, user_id=f"r{n}") for i in ids for n in range(per_post)],
                                 batch_size=1000)
    bank_useful.recount_useful(Post.objects.filter(id__in=ids))


@pytest.mark.parametrize(
    "filters",
    [Filters(), Filters(sort="useful"), Filters(tag="Networks", search="searchable", organisation="Org 3"),
     Filters(author="me", sort="useful")],
    ids=["newest", "useful", "filtered", "mine"],
)
def test_page_query_count_does_not_grow_with_data(world, filters, django_assert_num_queries):
    helena, staff = world.person("helena"), world.staff
    share(world, "helena", title="Mine", body="searchable", tags=("Networks",))
    _bulk_data(world, posts=20, per_post=1)
    with django_assert_num_queries(3):
        bank.list_posts(world.block, helena, filters)
    _bulk_data(world, posts=3000)
    with django_assert_num_queries(3):
        page = bank.list_posts(world.block, helena, filters)
    assert (page.posts and page.next_cursor) or filters.author
    with django_assert_num_queries(3):
        bank.list_posts(world.block, helena, filters, cursor=page.next_cursor)
    assert all(p.visibility == "course" or p.group_id == world.group_b for p in page.posts)
    with django_assert_num_queries(3):
        bank.get_post(world.block, helena, page.posts[0].id)
    with django_assert_num_queries(1):
        bank_moderation.queue(world.block, staff)
    with django_assert_num_queries(2):
        bank.filter_choices(world.block, helena)
