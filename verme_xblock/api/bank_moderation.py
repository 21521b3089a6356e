"""Moderation of the bank: reports from any participant, hide and restore by facilitators (their
group's posts) and course staff, and the log of every action (who, when, what, why)."""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..bank_data import LogEntry, ReportView
from ..errors import Refusal, conflict, forbidden, not_found
from ..models import Comment, ModerationAction, Report
from .bank import can_moderate, moderated_group_ids, require_participant, shown_name, visible_post

ACTIONS = (ModerationAction.HIDE, ModerationAction.RESTORE, ModerationAction.DISMISS)
QUEUE_LIMIT = 50
LOG_LIMIT = 50


def _target_comment(post, viewer, comment_id):
    if comment_id is None:
        return None
    comment = Comment.objects.filter(post=post, id=comment_id).first()
    visible = comment is not None and (
        not comment.hidden or comment.author_id == viewer.user_id or can_moderate(viewer, post.group_id)
    )
    if not visible:
        raise not_found(_("That comment does not exist or is not shared with you."))
    return comment


@transaction.atomic
def report(block_key, viewer, post_id, *, reason, comment_id=None):
    """Any participant who can read a post or comment reports it; it goes to the moderation queue."""
    post = visible_post(block_key, viewer, post_id)
    comment = _target_comment(post, viewer, comment_id)
    already = Report.objects.filter(
        post=post, comment=comment, reporter_id=viewer.user_id, resolved_at__isnull=True
    ).exists()
    if already:
        raise conflict(_("You have already reported this. A moderator will look at it."), code="already_reported")
    return Report.objects.create(
        post=post, comment=comment, reporter_id=viewer.user_id, reporter_name=viewer.display_name, reason=reason
    ).id


@transaction.atomic
def moderate(block_key, viewer, post_id, *, action, reason, comment_id=None):
    """Hide, restore, or dismiss the reports of a post or comment; logged, and its open reports closed."""
    post = visible_post(block_key, viewer, post_id, lock=True)
    if not can_moderate(viewer, post.group_id):
        raise forbidden(_("Only the group's facilitators and course staff can moderate this post."))
    if action == ModerationAction.HIDE and not reason:
        raise Refusal("required", _("Tell the author why it is hidden."), field="reason")
    target = _target_comment(post, viewer, comment_id) or post
    if action == ModerationAction.HIDE:
        target.hidden, target.hidden_reason = True, reason
    elif action == ModerationAction.RESTORE:
        target.hidden, target.hidden_reason = False, ""
    target.save(update_fields=["hidden", "hidden_reason"])
    now = timezone.now()
    Report.objects.filter(post=post, comment_id=comment_id, resolved_at__isnull=True).update(resolved_at=now)
    ModerationAction.objects.create(
        block_key=block_key, post=post, comment_id=comment_id, action=action,
        actor_id=viewer.user_id, actor_name=viewer.display_name, reason=reason,
    )
    return post.group_id


def _moderated(queryset, viewer, field="post__group_id"):
    groups = moderated_group_ids(viewer)
    return queryset if groups is None else queryset.filter(**{f"{field}__in": groups})


def queue(block_key, viewer):
    """Open reports on the posts and comments this viewer moderates, oldest first (one query)."""
    require_participant(viewer)
    if not (viewer.is_course_staff or viewer.facilitated_group_ids):
        raise forbidden(_("Only facilitators and course staff can see the moderation queue."))
    reports = _moderated(
        Report.objects.filter(post__block_key=block_key, post__deleted_at__isnull=True, resolved_at__isnull=True),
        viewer,
    ).select_related("post", "comment")[:QUEUE_LIMIT]
    return tuple(
        ReportView(
            id=item.id,
            post_id=item.post_id,
            comment_id=item.comment_id,
            post_title=item.post.title,
            excerpt=(item.comment.body if item.comment else item.post.body)[:200],
            reason=item.reason,
            reporter_name=shown_name(item.reporter_name),
            created_at=item.created_at,
            target_hidden=(item.comment or item.post).hidden,
        )
        for item in reports
    )


def log(block_key, viewer):
    """The latest moderation actions, deletions by authors included (one query)."""
    require_participant(viewer)
    if not (viewer.is_course_staff or viewer.facilitated_group_ids):
        raise forbidden(_("Only facilitators and course staff can see the moderation log."))
    actions = _moderated(ModerationAction.objects.filter(block_key=block_key), viewer).select_related("post")
    return tuple(
        LogEntry(
            action=entry.action,
            post_id=entry.post_id,
            comment_id=entry.comment_id,
            post_title=entry.post.title,
            actor_name=shown_name(entry.actor_name),
            reason=entry.reason,
            created_at=entry.created_at,
        )
        for entry in actions.order_by("-created_at", "-id")[:LOG_LIMIT]
    )
