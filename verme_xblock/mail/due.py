"""What is due in one block at a moment: each message kind's rule, as `Due` items.

A `Due` names the kind, what it is about (`subject`, part of the exactly-once key), its recipients,
and how to fill the templates for one reader. Every rule reads a bounded window of sessions, so a
run stays small however long a course has run.
"""
import datetime
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from ..models import (
    Attendance,
    Facilitator,
    Membership,
    MentoringSession,
    Reflection,
)
from . import kinds
from .models import SessionAnnouncement

DAY = datetime.timedelta(days=1)
# Windows: how long after the moment a message became due it may still go out (a run missed for
# a while catches up; old sessions never produce mail when the feature is switched on).
CHANGE_WINDOW = 7 * DAY
REFLECTION_AFTER, REFLECTION_UNTIL = 1 * DAY, 8 * DAY
ATTENDANCE_AFTER, ATTENDANCE_UNTIL = 2 * DAY, 14 * DAY


@dataclass(frozen=True)
class GroupView:
    id: int
    name: str
    place: str
    meeting_url: str


@dataclass(frozen=True)
class SessionView:
    id: int
    number: int
    title: str
    theme: str  # the theme the group chose for this session in its season plan
    goal: str
    methods: str
    starts_at: datetime.datetime
    duration_minutes: int
    place: str
    cancelled: bool
    group: GroupView

    @property
    def ends_at(self):
        return self.starts_at + datetime.timedelta(minutes=self.duration_minutes)

    @property
    def location(self):
        return self.place or self.group.place


@dataclass(frozen=True)
class Due:
    kind: str
    subject: str
    user_ids: tuple
    session: SessionView | None = None
    sequence: int = 0  # the session's iCalendar SEQUENCE
    extra: dict = field(default_factory=dict)


def _view(session):
    group = session.group
    return SessionView(session.id, session.number, session.title, session.theme, session.goal, session.methods,
                       session.starts_at,
                       session.duration_minutes, session.place, session.cancelled,
                       GroupView(group.id, group.name, group.place, group.meeting_url))


def _sessions(block_key, **window):
    rows = MentoringSession.objects.filter(group__block_key=block_key, group__archived=False, **window)
    return [_view(session) for session in rows.select_related("group").order_by("starts_at", "id")]


def _people(group_ids):
    """({group id: member ids}, {group id: facilitator ids}) in two queries."""
    members, facilitators = {}, {}
    for group_id, user_id in Membership.objects.filter(group_id__in=group_ids).values_list("group_id", "user_id"):
        members.setdefault(group_id, []).append(user_id)
    for group_id, user_id in Facilitator.objects.filter(group_id__in=group_ids).values_list("group_id", "user_id"):
        facilitators.setdefault(group_id, []).append(user_id)
    return members, facilitators


def _everyone(session, members, facilitators):
    return tuple(dict.fromkeys([*members.get(session.group.id, ()), *facilitators.get(session.group.id, ())]))


def session_messages(block, now):
    """Change notices and reminders for sessions that start in the future (or have just moved)."""
    days = sorted({int(day) for day in block.reminder_days if int(day) > 0})
    sessions = _sessions(block.block_key, starts_at__gt=now - CHANGE_WINDOW)
    announcements = announce(block, sessions, now)
    members, facilitators = _people({session.group.id for session in sessions})
    for session in sessions:
        recipients = _everyone(session, members, facilitators)
        announcement = announcements[session.id]
        if _notice_due(announcement, session, now):
            yield Due(kinds.CHANGE_NOTICE, f"s{session.id}-v{announcement.sequence}", recipients, session,
                      announcement.sequence, {"previous_starts_at": announcement.previous_starts_at})
        due_days = [day for day in days if session.starts_at - day * DAY <= now]
        if due_days and not session.cancelled and session.starts_at > now:
            yield Due(kinds.SESSION_REMINDER, f"s{session.id}-d{min(due_days)}", recipients, session,
                      announcement.sequence, {"days": min(due_days)})


def _notice_due(announcement, session, now):
    if not announcement.sequence or announcement.changed_at is None or announcement.changed_at < now - CHANGE_WINDOW:
        return False
    # A change to a session long past is no news; a session moved from the future still is.
    return max(announcement.previous_starts_at or session.starts_at, session.starts_at) > now


def _fingerprint(session):
    return (session.starts_at, session.duration_minutes, session.location, session.group.meeting_url,
            session.cancelled)


def _stored(announcement):
    return (announcement.starts_at, announcement.duration_minutes, announcement.place, announcement.url,
            announcement.cancelled)


def announce(block, sessions, now):
    """{session id: SessionAnnouncement}, with each changed session's sequence raised once.

    The first sight of a session records it (nothing to notify); a later difference raises the
    sequence under a row lock, so two overlapping runs raise it once between them.
    """
    found = {row.session_id: row for row in SessionAnnouncement.objects.filter(session_id__in=[s.id for s in sessions])}
    for session in sessions:
        row = found.get(session.id)
        if row is None:
            found[session.id] = _first_sight(block, session)
        elif _stored(row) != _fingerprint(session):
            found[session.id] = _record_change(row.id, session, now)
    return found


def _first_sight(block, session):
    starts_at, duration, place, url, cancelled = _fingerprint(session)
    try:
        with transaction.atomic():
            return SessionAnnouncement.objects.create(
                session_id=session.id, block_key=block.block_key, course_key=block.course_key, starts_at=starts_at,
                duration_minutes=duration, place=place[:255], url=url[:500], cancelled=cancelled,
            )
    except IntegrityError:  # another run recorded it first
        return SessionAnnouncement.objects.get(session_id=session.id)


def _record_change(row_id, session, now):
    with transaction.atomic():
        row = SessionAnnouncement.objects.select_for_update().get(id=row_id)
        if _stored(row) != _fingerprint(session):
            row.previous_starts_at = row.starts_at
            row.starts_at, row.duration_minutes, place, url, row.cancelled = _fingerprint(session)
            row.place, row.url = place[:255], url[:500]
            row.sequence += 1
            row.changed_at = now
            row.save()
        return row


def reflection_messages(block, now):
    """The day after a held session: its members who have not submitted a reflection."""
    sessions = [s for s in _sessions(block.block_key, cancelled=False, starts_at__gt=now - REFLECTION_UNTIL - DAY,
                                     starts_at__lte=now - REFLECTION_AFTER)
                if s.ends_at + REFLECTION_AFTER <= now < s.ends_at + REFLECTION_UNTIL]
    if not sessions:
        return
    members, _facilitators = _people({session.group.id for session in sessions})
    submitted = set(Reflection.objects.filter(block_key=block.block_key, session_id__in=[s.id for s in sessions],
                                              status=Reflection.SUBMITTED).values_list("session_id", "user_id"))
    for session in sessions:
        waiting = tuple(user_id for user_id in members.get(session.group.id, ())
                        if (session.id, user_id) not in submitted)
        if waiting:
            yield Due(kinds.REFLECTION_REMINDER, f"s{session.id}", waiting, session)


def attendance_messages(block, now):
    """Two days after a held session with no attendance recorded: its facilitators."""
    sessions = [s for s in _sessions(block.block_key, cancelled=False, starts_at__gt=now - ATTENDANCE_UNTIL - DAY,
                                     starts_at__lte=now - ATTENDANCE_AFTER)
                if s.ends_at + ATTENDANCE_AFTER <= now < s.ends_at + ATTENDANCE_UNTIL]
    if not sessions:
        return
    recorded = set(Attendance.objects.filter(session_id__in=[s.id for s in sessions]).values_list("session_id",
                                                                                                  flat=True))
    _members, facilitators = _people({session.group.id for session in sessions})
    for session in sessions:
        if session.id not in recorded and facilitators.get(session.group.id):
            yield Due(kinds.ATTENDANCE_REMINDER, f"s{session.id}", tuple(facilitators[session.group.id]), session)
