"""The weekly good-practice digest: last week's new posts that the reader may read.

Who may read what is decided by the bank's one gate, `bank.visible_posts`, for the reader as a
participant (never as course staff: a digest is not a moderation tool), minus hidden posts and the
reader's own. A week without such posts sends nothing.
"""
import datetime
from dataclasses import dataclass

from django.utils import timezone

from .. import roles
from ..api import access, bank
from . import kinds
from .due import Due
from .models import MessagePreference

POSTS_MAX = 20


@dataclass(frozen=True)
class DigestPost:
    title: str
    author: str


def last_week(now):
    """(start, end, subject) of the ISO week before `now`, in the server's time zone."""
    local = timezone.localtime(now)
    monday = (local - datetime.timedelta(days=local.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    start = monday - datetime.timedelta(days=7)
    year, week, _weekday = start.isocalendar()
    return start, monday, f"{year}-W{week:02d}"


def subscribers(block_key):
    return tuple(MessagePreference.objects.filter(block_key=block_key, kind=kinds.DIGEST, enabled=True)
                 .order_by("user_id").values_list("user_id", flat=True))


def posts_for(block_key, user_id, start, end):
    caller = roles.Caller(user_id, "", "", False, "mail")
    viewer = access.viewer_for(block_key, caller)
    posts = (bank.visible_posts(block_key, viewer)
             .filter(created_at__gte=start, created_at__lt=end, hidden=False)
             .exclude(author_id=user_id).order_by("-id")[:POSTS_MAX])
    return tuple(DigestPost(post.title, post.author_name) for post in posts)


def digest_messages(block, now):
    start, end, subject = last_week(now)
    for user_id in subscribers(block.block_key):
        posts = posts_for(block.block_key, user_id, start, end)
        if posts:
            yield Due(kinds.DIGEST, subject, (user_id,), extra={"posts": posts})
