"""The messages seen from the block: its sender settings, and each person's choice of messages.

`register_block` keeps `MessageBlock` in step with the block's Studio settings (the sender runs
outside any request and cannot read XBlock fields). The home view only checks that the copy exists,
once per process (a copy is never deleted); opening a section compares it and writes only when a
setting changed, so page views never queue behind each other for a write lock.
Preferences are one row per person, block and kind; no row means the kind's default (everything
on but the weekly digest, which is opt-in).
"""
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.translation import gettext as _

from ..errors import forbidden
from ..mail import kinds
from ..mail.models import MessageBlock, MessagePreference
from . import sql


@dataclass(frozen=True)
class BlockSettings:
    block_key: str
    course_key: str
    runtime: str  # "lms" or "workbench"
    display_name: str
    url: str
    reminder_days: tuple
    kinds: tuple


@dataclass(frozen=True)
class Choice:
    kind: str
    label: str
    enabled: bool
    course_off: bool  # switched off for the whole course in Studio


# Blocks this process has seen a sender copy of. A copy is never deleted, only updated, so once
# seen it stays true, and the home view asks the database once per block and process.
_KNOWN_COPIES = set()


def is_registered(block_key):
    """Whether the sender has a copy: asked on every first view, so written out (see `sql`)."""
    if block_key in _KNOWN_COPIES:
        return True
    if sql.rows(f"SELECT 1 FROM {sql.table(MessageBlock)} WHERE block_key = %s", [block_key]):  # noqa: S608
        _KNOWN_COPIES.add(block_key)
        return True
    return False


def forget_known_copies():
    """For a database that is emptied while the process lives on (the tests)."""
    _KNOWN_COPIES.clear()


STORED_FIELDS = ("course_key", "runtime", "title", "url", "reminder_days", "kinds")


def register_block(settings):
    """Store the sender's copy of the block's settings: one read; an upsert only when it differs
    (two views racing to write the same change both succeed, the unique key keeps one row)."""
    row = MessageBlock(
        block_key=settings.block_key, course_key=settings.course_key, runtime=settings.runtime,
        title=settings.display_name[:255], url=settings.url[:500],
        reminder_days=list(settings.reminder_days), kinds=list(settings.kinds),
    )
    wanted = tuple(getattr(row, name) for name in STORED_FIELDS)
    if MessageBlock.objects.filter(block_key=settings.block_key).values_list(*STORED_FIELDS).first() == wanted:
        return
    by_target = connection.features.supports_update_conflicts_with_target  # MySQL has ON DUPLICATE KEY only
    MessageBlock.objects.bulk_create(
        [row], update_conflicts=True, unique_fields=["block_key"] if by_target else None,
        update_fields=list(STORED_FIELDS),
    )
    transaction.on_commit(lambda: _KNOWN_COPIES.add(settings.block_key))


def kinds_for(viewer):
    """The kinds a person can receive: attendance reminders only go to facilitators."""
    return tuple(kind for kind in kinds.KINDS
                 if kind != kinds.ATTENDANCE_REMINDER or viewer.facilitated_group_ids)


def choices(block_key, viewer, course_kinds):
    """The viewer's choice for each kind they can receive (one query)."""
    chosen = dict(MessagePreference.objects.filter(block_key=block_key, user_id=viewer.user_id)
                  .values_list("kind", "enabled"))
    return tuple(
        Choice(kind, str(kinds.LABELS[kind]), chosen.get(kind, kinds.PERSONAL_DEFAULTS[kind]), kind not in course_kinds)
        for kind in kinds_for(viewer)
    )


def save_choices(block_key, course_key, viewer, enabled_kinds):
    """Store the viewer's choice for every kind they can receive: those in `enabled_kinds` on, others off."""
    if viewer.is_anonymous:
        raise forbidden(_("Sign in to take part."))
    with transaction.atomic():
        for kind in kinds_for(viewer):
            MessagePreference.objects.update_or_create(
                block_key=block_key, user_id=viewer.user_id, kind=kind,
                defaults={"enabled": kind in enabled_kinds, "course_key": course_key},
            )
