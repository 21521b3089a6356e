"""The good-practice bank: posts, tags and comments, read in keyset pages ("useful" marks: `bank_useful`).

Who sees what is decided in one place, `visible_posts`: course-wide posts for every participant,
group-only posts for that group's members and facilitators and course staff, hidden posts for their
author and their moderators, deleted posts for nobody. Every reader (list, filters, search, one
post, reactions, comments, reports, export) starts from it.
"""
import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..bank_data import CommentView, Filters, PostPage, PostView, SessionChoice
from ..errors import Refusal, forbidden, not_found
from ..models import Comment, Membership, MentoringGroup, MentoringSession, ModerationAction, Post, PostTag, Reaction
from . import bank_organisations as organisations
from .privacy import FORMER_PARTICIPANT

TITLE_MAX = 150
BODY_MAX = 10_000
TAGS_MAX = 5
COMMENT_MAX = 2_000
REASON_MAX = 500
SEARCH_MAX = 100
PAGE_SIZE = 10
SORTS = ("newest", "useful")
# Posts one person may share in a window; XBLOCK_SETTINGS["VermeXBlock"]["POST_RATE_LIMIT"] overrides it.
DEFAULT_RATE_LIMIT = {"posts": 10, "minutes": 10}


def require_participant(viewer):
    if viewer.is_anonymous:
        raise forbidden(_("Sign in to take part."))


def moderated_group_ids(viewer):
    """Groups whose posts the viewer moderates (None: all of them, as course staff)."""
    return None if viewer.is_course_staff else tuple(viewer.facilitated_group_ids)


def can_moderate(viewer, group_id):
    return viewer.is_course_staff or (group_id is not None and group_id in viewer.facilitated_group_ids)


def visible_posts(block_key, viewer):
    """The posts of a block this viewer may read: the one gate every reader goes through."""
    require_participant(viewer)
    posts = Post.objects.filter(block_key=block_key, deleted_at__isnull=True)
    if viewer.is_course_staff:
        return posts
    own_groups = tuple({viewer.group_id, *viewer.facilitated_group_ids} - {None})
    return posts.filter(Q(visibility=Post.COURSE) | Q(group_id__in=own_groups)).filter(
        Q(hidden=False) | Q(author_id=viewer.user_id) | Q(group_id__in=viewer.facilitated_group_ids)
    )


def visible_post(block_key, viewer, post_id, *, lock=False):
    posts = visible_posts(block_key, viewer)
    if lock:
        posts = posts.select_for_update()
    post = posts.filter(id=post_id).first()
    if post is None:
        raise not_found(_("That post does not exist or is not shared with you."))
    return post


def shown_name(name):
    """A name snapshot as shown: the neutral label of a retired account is translated."""
    return _(FORMER_PARTICIPANT) if name == FORMER_PARTICIPANT else name


def _membership(block_key, viewer, lock=False):
    memberships = Membership.objects.filter(block_key=block_key, user_id=viewer.user_id)
    if lock:
        memberships = memberships.select_for_update()
    return memberships.values("id", "group_id", "display_name", "organisation", "shows_organisation").first()


# Writing


def _shown_organisation(membership, visibility, show_organisation):
    """The organisation the post shows; an explicit choice is remembered for the next post."""
    shows = membership.get("shows_organisation", False) if show_organisation is None else show_organisation
    if membership and show_organisation is not None and show_organisation != membership["shows_organisation"]:
        Membership.objects.filter(id=membership["id"]).update(shows_organisation=show_organisation)
    return organisations.on_post(membership.get("organisation", ""), visibility, shows)


def create_post(block_key, viewer, *, title, body, tags, visibility, session_id=None, rate_limit=None,
                show_organisation=None):
    """Share a post; the author's name is the snapshot of their membership, the organisation by choice.

    Returns the new post as its author sees it, built from what was written: a new post has no
    comments or marks yet, so reading it back through `visible_posts` would only repeat it."""
    require_participant(viewer)
    # The viewer carries the membership as read at the start of the request: enough to prepare the
    # organisation's count row (the post itself reads the membership again under its lock).
    shown = organisations.on_post(viewer.organisation, visibility,
                                  viewer.shows_organisation if show_organisation is None else show_organisation)
    organisations.ensure(block_key, organisations.audience(visibility, viewer.group_id), shown)
    post, session_title = _create_post(block_key, viewer, title=title, body=body, tags=tags, visibility=visibility,
                                       session_id=session_id, rate_limit=rate_limit,
                                       show_organisation=show_organisation)
    group_name = ""
    if post.group_id is not None:
        group_name = MentoringGroup.objects.filter(id=post.group_id).values_list("name", flat=True).first() or ""
    return _new_view(post, viewer, tuple(tags), group_name, session_title)


@transaction.atomic
def _create_post(block_key, viewer, *, title, body, tags, visibility, session_id, rate_limit, show_organisation):
    # Locking the member's row makes one person's simultaneous posts wait for each other, so the
    # rate limit below counts them all.
    membership = _membership(block_key, viewer, lock=True) or {}
    group_id = membership.get("group_id")
    session_title = _check_group_choice(group_id, visibility, session_id)
    _check_rate(block_key, viewer, rate_limit or DEFAULT_RATE_LIMIT)
    post = Post.objects.create(
        block_key=block_key,
        author_id=viewer.user_id,
        author_name=membership.get("display_name") or viewer.display_name,
        author_organisation=_shown_organisation(membership, visibility, show_organisation),
        group_id=group_id,
        session_id=session_id,
        visibility=visibility,
        title=title,
        body=body,
    )
    organisations.count_post(post, +1)
    PostTag.objects.bulk_create([PostTag(post=post, tag=tag) for tag in tags])
    return post, session_title


def _check_group_choice(group_id, visibility, session_id):
    """Refuses a choice the author's group does not allow; the chosen session's title, if any."""
    if visibility == Post.GROUP and group_id is None:
        raise Refusal("no_group", _("You can share with your group only once you are in a group."), field="visibility")
    if session_id is None:
        return ""
    title = MentoringSession.objects.filter(id=session_id, group_id=group_id).values_list("title", flat=True).first()
    if title is None:
        raise Refusal("invalid_choice", _("Choose one of your group's sessions."), field="session_id")
    return title


def _check_rate(block_key, viewer, rate_limit):
    """Counted from the rows (deleted posts included), so it holds across processes and machines."""
    since = timezone.now() - datetime.timedelta(minutes=rate_limit["minutes"])
    recent = Post.objects.filter(block_key=block_key, author_id=viewer.user_id, created_at__gte=since).count()
    if recent >= rate_limit["posts"]:
        raise Refusal(
            "rate_limited",
            _("You have shared {count} posts in the last {minutes} minutes. Please wait a while before sharing "
              "another.").format(count=recent, minutes=rate_limit["minutes"]),
            status=429,
        )


def _own_post(block_key, viewer, post_id):
    require_participant(viewer)
    post = (
        Post.objects.select_for_update()
        .filter(block_key=block_key, id=post_id, deleted_at__isnull=True)
        .first()
    )
    if post is None:
        raise not_found(_("That post does not exist or is not shared with you."))
    if post.author_id != viewer.user_id:
        raise forbidden(_("Only the author can change or delete a post."))
    return post


@transaction.atomic
def edit_post(block_key, viewer, post_id, *, title, body, tags, visibility, session_id=None, show_organisation=None):
    """The author edits the text, tags, session, visibility or the organisation shown; marked edited."""
    post = _own_post(block_key, viewer, post_id)
    _check_group_choice(post.group_id, visibility, session_id)
    organisations.count_post(post, -1)
    if visibility == Post.COURSE and post.visibility == Post.GROUP:
        # Comments written for the group alone do not take their organisations course-wide.
        post.comments.exclude(author_organisation="").update(author_organisation="")
    membership = _membership(block_key, viewer) or {}
    post.author_organisation = _shown_organisation(membership, visibility, show_organisation)
    post.title, post.body, post.visibility, post.session_id = title, body, visibility, session_id
    post.edited_at = timezone.now()
    post.save(update_fields=["title", "body", "visibility", "session_id", "edited_at", "author_organisation"])
    organisations.count_post(post, +1)
    PostTag.objects.filter(post=post).delete()
    PostTag.objects.bulk_create([PostTag(post=post, tag=tag) for tag in tags])


@transaction.atomic
def delete_post(block_key, viewer, post_id):
    """Gone from every view; the moderation log keeps that it existed."""
    post = _own_post(block_key, viewer, post_id)
    post.deleted_at = timezone.now()
    post.save(update_fields=["deleted_at"])
    organisations.count_post(post, -1)
    post.reports.filter(resolved_at__isnull=True).update(resolved_at=post.deleted_at)
    ModerationAction.objects.create(
        block_key=block_key, post=post, action=ModerationAction.DELETE,
        actor_id=viewer.user_id, actor_name=post.author_name,
    )
    return post.group_id


@transaction.atomic
def add_comment(block_key, viewer, post_id, *, body):
    post = visible_post(block_key, viewer, post_id)
    membership = _membership(block_key, viewer) or {}
    comment = Comment.objects.create(
        post=post,
        author_id=viewer.user_id,
        author_name=membership.get("display_name") or viewer.display_name,
        author_organisation=organisations.on_comment(post, membership),
        body=body,
    )
    return comment.id


# Reading


def _with_counts(posts, viewer):
    return posts.annotate(
        useful_mine=Exists(Reaction.objects.filter(post=OuterRef("pk"), user_id=viewer.user_id)),
    )


def _comments_for(viewer):
    comments = Comment.objects.order_by("created_at", "id")
    if viewer.is_course_staff:
        return comments
    return comments.filter(
        Q(hidden=False) | Q(author_id=viewer.user_id) | Q(post__group_id__in=viewer.facilitated_group_ids)
    )


def _load(posts, viewer):
    return posts.select_related("group", "session").prefetch_related(
        Prefetch("tags", queryset=PostTag.objects.order_by("id")),
        Prefetch("comments", queryset=_comments_for(viewer)),
    )


def apply_filters(posts, viewer, filters):
    if filters.tag:
        posts = posts.filter(tags__tag=filters.tag)
    if filters.group_id:
        posts = posts.filter(group_id=filters.group_id)
    if filters.organisation:
        posts = posts.filter(author_organisation=filters.organisation)
    if filters.author:
        posts = posts.filter(author_id=viewer.user_id if filters.author == "me" else filters.author)
    if filters.search:
        posts = posts.filter(Q(title__icontains=filters.search) | Q(body__icontains=filters.search))
    return posts


def list_posts(block_key, viewer, filters=None, cursor="", page_size=PAGE_SIZE):
    """One page of posts, newest or most useful first: three queries whatever the amount of data."""
    filters = filters or Filters()
    posts = _with_counts(apply_filters(visible_posts(block_key, viewer), viewer, filters), viewer)
    after = parse_cursor(cursor, filters.sort)
    if filters.sort == "useful":
        if after:
            useful, last_id = after
            posts = posts.filter(Q(useful_count__lt=useful) | Q(useful_count=useful, id__lt=last_id))
        posts = posts.order_by("-useful_count", "-id")  # carried by the index verme_post_block_useful
    else:
        if after:
            posts = posts.filter(id__lt=after[0])
        posts = posts.order_by("-id")
    rows = list(_load(posts, viewer)[: page_size + 1])
    more = len(rows) > page_size
    rows = rows[:page_size]
    next_cursor = _cursor(rows[-1], filters.sort) if more else ""
    return PostPage(posts=tuple(_view(post, viewer) for post in rows), next_cursor=next_cursor)


def get_post(block_key, viewer, post_id):
    post = _load(_with_counts(visible_posts(block_key, viewer).filter(id=post_id), viewer), viewer).first()
    if post is None:
        raise not_found(_("That post does not exist or is not shared with you."))
    return _view(post, viewer)


def _cursor(post, sort):
    return f"{post.useful_count}.{post.id}" if sort == "useful" else str(post.id)


def parse_cursor(cursor, sort):
    """`"<id>"` (newest) or `"<useful>.<id>"` (most useful); a malformed cursor is refused."""
    if not cursor:
        return None
    parts = cursor.split(".")
    if len(parts) != (2 if sort == "useful" else 1) or not all(part.isdigit() and len(part) < 19 for part in parts):
        raise Refusal("invalid", _("The list could not be continued. Reload the page."), field="cursor")
    return tuple(int(part) for part in parts)


def _view(post, viewer):
    return PostView(
        id=post.id,
        title=post.title,
        body=post.body,
        tags=tuple(tag.tag for tag in post.tags.all()),
        author_name=shown_name(post.author_name),
        author_organisation=post.author_organisation,
        author_id=post.author_id,
        group_id=post.group_id,
        group_name=post.group.name if post.group else "",
        session_id=post.session_id,
        session_title=post.session.title if post.session else "",
        visibility=post.visibility,
        created_at=post.created_at,
        edited=post.edited_at is not None,
        hidden=post.hidden,
        hidden_reason=post.hidden_reason,
        useful_count=post.useful_count,
        useful_by_viewer=post.useful_mine,
        comments=tuple(
            CommentView(
                id=comment.id,
                author_name=shown_name(comment.author_name),
                author_organisation=comment.author_organisation,
                body=comment.body,
                created_at=comment.created_at,
                hidden=comment.hidden,
                hidden_reason=comment.hidden_reason,
                is_own=comment.author_id == viewer.user_id,
            )
            for comment in post.comments.all()
        ),
        is_own=post.author_id == viewer.user_id,
        can_moderate=can_moderate(viewer, post.group_id),
    )


def _new_view(post, viewer, tags, group_name, session_title):
    """A post just shared, as `_view` shows it to its author: no comments and no marks yet."""
    return PostView(
        id=post.id, title=post.title, body=post.body, tags=tags,
        author_name=shown_name(post.author_name), author_organisation=post.author_organisation,
        author_id=post.author_id, group_id=post.group_id, group_name=group_name,
        session_id=post.session_id, session_title=session_title, visibility=post.visibility,
        created_at=post.created_at, edited=False, hidden=False, hidden_reason="",
        useful_count=0, useful_by_viewer=False, comments=(),
        is_own=True, can_moderate=can_moderate(viewer, post.group_id),
    )


# What the forms offer


def session_choices(block_key, viewer):
    """The sessions of the viewer's own group, for "the session this came from"."""
    if viewer.group_id is None:
        return ()
    sessions = MentoringSession.objects.filter(group_id=viewer.group_id, group__block_key=block_key)
    return tuple(SessionChoice(*row) for row in sessions.order_by("number").values_list("id", "number", "title"))


def filter_choices(block_key, viewer):
    """Groups and organisations to filter by (two queries)."""
    require_participant(viewer)
    groups = tuple(MentoringGroup.objects.filter(block_key=block_key).order_by("name").values_list("id", "name"))
    return {"groups": groups, "organisations": organisations.filter_choices(block_key, viewer)}
