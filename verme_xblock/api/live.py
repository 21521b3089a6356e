"""Live session mode: the facilitator runs a session from one screen.

The state (agenda position, speaking round, notes, action points) is in the database, so the page
survives a reload and two devices see the same. The notes become the session's minutes: each save
names the version it was based on, and a save based on an old version is refused with the current
text (409), as the progress plan does, so no device overwrites another's text.
"""
import datetime
import random

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden, not_found
from ..group_data import Member
from ..live_data import ActionPointInfo, AgendaItem, LiveState
from ..live_models import ACTION_LENGTH
from ..markup import render_markdown
from ..models import ActionPoint, Attendance, LiveNoteRevision, LiveSession, Membership, MentoringSession
from .sessions import sessions_of

ACTION_MAX = ACTION_LENGTH
ACTIONS_MAX = 50


class NotesConflict(Refusal):
    """Notes saved from another device in between: the answer carries the current text."""

    def __init__(self, live):
        super().__init__("stale_version", _("The notes were saved on another device while you typed. Your text "
                                            "is kept: compare it with the current version, then save again."),
                         field="notes", status=409)
        self.current = {"text": live.notes, "version": live.notes_version, "html": str(render_markdown(live.notes)),
                        "updated_by": live.notes_updated_by_name}

    def as_json(self):
        return {**super().as_json(), "current": self.current}


def _session(block_key, viewer, session_id):
    session = MentoringSession.objects.select_related("group").filter(
        id=session_id, group__block_key=block_key).first()
    if session is None:
        raise not_found(_("That session does not exist in this course component."))
    if not viewer.facilitates(session.group_id):
        raise forbidden(_("Only the group's facilitators and course staff can run its sessions."))
    return session


def _ensure_live(session):
    """Make the live row before any transaction (once the call is known to be valid): two devices
    creating it at once inside locking transactions would deadlock on MySQL's unique-key locks."""
    LiveSession.objects.get_or_create(session=session)


def _live(session, lock=False):
    live = LiveSession.objects.filter(session=session)
    return live.select_for_update().get() if lock else live.get()


def agenda_items(session):
    lines = sorted(session.agenda or (), key=lambda line: int(line["minute"]))
    items = []
    for index, line in enumerate(lines):
        end = int(lines[index + 1]["minute"]) if index + 1 < len(lines) else session.duration_minutes
        minute = int(line["minute"])
        items.append(AgendaItem(index, minute, line["text"],
                                session.starts_at + datetime.timedelta(minutes=minute), max(end - minute, 1)))
    return tuple(items)


def live_state(block_key, viewer, session_id, now=None):
    """The live screen of one session (a fixed number of queries)."""
    session = _session(block_key, viewer, session_id)
    # reading writes nothing (the page opens in Studio and in a masquerade too): a session not yet run
    # shows the live row's defaults; the first action creates it
    live = LiveSession.objects.filter(session=session).first() or LiveSession(session=session)
    info = next(s for s in sessions_of(session.group_id, viewer) if s.id == session.id)
    members = tuple(Member(m.user_id, m.display_name, m.organisation, m.role)
                    for m in Membership.objects.filter(group_id=session.group_id).order_by("display_name", "id"))
    names = {m.user_id: m.display_name for m in members}
    actions = tuple(ActionPointInfo(a.id, a.text, a.owner_id, a.owner_name, a.done)
                    for a in ActionPoint.objects.filter(session=session))
    agenda = agenda_items(session)
    return LiveState(
        session=info, group_id=session.group_id, group_name=session.group.name, agenda=agenda,
        agenda_index=min(live.agenda_index, max(len(agenda) - 1, 0)), item_started_at=live.item_started_at,
        members=members,
        turn_order=tuple((user_id, names[user_id]) for user_id in live.turn_order if user_id in names),
        turn_index=live.turn_index, turn_minutes=live.turn_minutes, turn_started_at=live.turn_started_at,
        notes=live.notes, notes_version=live.notes_version, notes_updated_by=live.notes_updated_by_name,
        actions=actions, now=now or timezone.now(),
    )


def go_to_item(block_key, viewer, session_id, index):
    """Start an agenda line now (the first start, "next item", or jumping to any line)."""
    session = _session(block_key, viewer, session_id)
    if not 0 <= index < len(agenda_items(session)):
        raise Refusal("invalid", _("That agenda line does not exist."), field="index")
    _ensure_live(session)
    with transaction.atomic():
        live = _live(session, lock=True)
        live.agenda_index, live.item_started_at = index, timezone.now()
        live.save(update_fields=["agenda_index", "item_started_at", "updated_at"])


def start_round(block_key, viewer, session_id, minutes, shuffle=True):
    """A speaking round over the members present (everyone before attendance is taken), shuffled."""
    session = _session(block_key, viewer, session_id)
    members = list(Membership.objects.filter(group_id=session.group_id).order_by("display_name", "id")
                   .values_list("user_id", flat=True))
    absent = set(Attendance.objects.filter(session=session).exclude(status=Attendance.PRESENT)
                 .values_list("user_id", flat=True))
    order = [user_id for user_id in members if user_id not in absent]
    if not order:
        raise Refusal("no_members", _("Nobody is present for a round."), field="minutes")
    if shuffle:
        random.SystemRandom().shuffle(order)
    _ensure_live(session)
    with transaction.atomic():
        live = _live(session, lock=True)
        live.turn_order, live.turn_index, live.turn_minutes = order, 0, minutes
        live.turn_started_at = timezone.now()
        live.save()


def next_speaker(block_key, viewer, session_id):
    """The next member speaks; after the last one the round ends."""
    session = _session(block_key, viewer, session_id)
    if not LiveSession.objects.filter(session=session, turn_started_at__isnull=False).exists():
        raise Refusal("no_round", _("Start a round first."))
    with transaction.atomic():
        live = _live(session, lock=True)
        if live.turn_started_at is None:
            raise Refusal("no_round", _("Start a round first."))
        live.turn_index += 1
        live.turn_started_at = timezone.now() if live.turn_index < len(live.turn_order) else None
        live.save()


def save_notes(block_key, viewer, session_id, *, text, base_version):
    """Save the notes if nobody saved since `base_version`; they become the session's minutes."""
    session = _session(block_key, viewer, session_id)
    _ensure_live(session)
    with transaction.atomic():
        live = _live(session, lock=True)
        if live.notes_version != base_version:
            raise NotesConflict(live)
        live.notes, live.notes_version = text, live.notes_version + 1
        live.notes_updated_by_id, live.notes_updated_by_name = viewer.user_id, viewer.display_name
        live.save()
        LiveNoteRevision.objects.create(live=live, version=live.notes_version, text=text,
                                        author_id=viewer.user_id, author_name=viewer.display_name)
        MentoringSession.objects.filter(id=session.id).update(notes=text)
    return live.notes_version


def add_action(block_key, viewer, session_id, *, text, owner_id):
    session = _session(block_key, viewer, session_id)
    owner = Membership.objects.filter(group_id=session.group_id, user_id=owner_id).first()
    if owner is None:
        raise Refusal("not_member", _("Choose a member of the group as the owner."), field="owner_id")
    if ActionPoint.objects.filter(session=session).count() >= ACTIONS_MAX:
        raise Refusal("too_many", _("A session can have at most {limit} action points.").format(limit=ACTIONS_MAX),
                      field="text")
    ActionPoint.objects.create(session=session, text=text, owner_id=owner.user_id, owner_name=owner.display_name,
                               created_by=viewer.user_id)


def set_action_done(block_key, viewer, action_id, done):
    action = ActionPoint.objects.filter(id=action_id, session__group__block_key=block_key).first()
    if action is None:
        raise not_found(_("That action point does not exist."))
    _session(block_key, viewer, action.session_id)
    ActionPoint.objects.filter(id=action.id).update(done=done)
    return action.session_id
