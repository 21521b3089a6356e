"""Frozen objects of the good-practice bank, handed by `api.bank` to templates and JSON answers."""
import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class CommentView:
    id: int
    author_name: str
    author_organisation: str
    body: str
    created_at: datetime.datetime
    hidden: bool
    hidden_reason: str
    is_own: bool


@dataclass(frozen=True)
class PostView:
    """A post as one viewer may see it, with its counts and what the viewer may do with it."""

    id: int
    title: str
    body: str
    tags: tuple[str, ...]
    author_name: str
    author_organisation: str
    group_id: int | None
    group_name: str
    session_title: str
    visibility: str
    created_at: datetime.datetime
    edited: bool
    hidden: bool
    hidden_reason: str
    useful_count: int
    useful_by_viewer: bool
    comments: tuple[CommentView, ...]
    session_id: int | None = None
    is_own: bool = False
    can_moderate: bool = False
    author_id: str = ""  # links the author's directory card when they opted in

    @property
    def comment_count(self):
        return len(self.comments)


@dataclass(frozen=True)
class Filters:
    """What the reader asked for: sort order, filters and search text (all optional)."""

    sort: str = "newest"  # or "useful"
    tag: str = ""
    group_id: int | None = None
    organisation: str = ""
    author: str = ""  # "me" or an author's user id
    search: str = ""

    @property
    def active(self):
        return bool(self.tag or self.group_id or self.organisation or self.author or self.search)


@dataclass(frozen=True)
class PostPage:
    posts: tuple[PostView, ...]
    next_cursor: str  # "" when this is the last page


@dataclass(frozen=True)
class SessionChoice:
    id: int
    number: int
    title: str


@dataclass(frozen=True)
class ReportView:
    """An open report in the moderation queue."""

    id: int
    post_id: int
    comment_id: int | None
    post_title: str
    excerpt: str
    reason: str
    reporter_name: str
    created_at: datetime.datetime
    target_hidden: bool


@dataclass(frozen=True)
class LogEntry:
    """One line of the moderation log."""

    action: str
    post_id: int
    comment_id: int | None
    post_title: str
    actor_name: str
    reason: str
    created_at: datetime.datetime
