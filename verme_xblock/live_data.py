"""Frozen objects of live session mode."""
import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class AgendaItem:
    index: int
    minute: int  # from the start of the session
    text: str
    starts_at: object  # aware datetime: the session's start plus `minute`
    minutes: int  # until the next line (or the end of the session)


@dataclass(frozen=True)
class ActionPointInfo:
    id: int
    text: str
    owner_id: str
    owner_name: str
    done: bool


@dataclass(frozen=True)
class LiveState:
    """Everything the facilitator's live screen shows of one session."""

    session: object  # group_data.SessionInfo
    group_id: int
    group_name: str
    agenda: tuple  # of AgendaItem
    agenda_index: int
    item_started_at: object  # aware datetime, or None before the start
    members: tuple  # of group_data.Member
    turn_order: tuple  # of (user id, name)
    turn_index: int
    turn_minutes: int
    turn_started_at: object
    notes: str
    notes_version: int
    notes_updated_by: str
    actions: tuple  # of ActionPointInfo
    now: object

    @property
    def current(self):
        return self.agenda[self.agenda_index] if self.agenda_index < len(self.agenda) else None

    @property
    def next(self):
        return self.agenda[self.agenda_index + 1] if self.agenda_index + 1 < len(self.agenda) else None

    @property
    def item_ends_at(self):
        if self.item_started_at is None or self.current is None:
            return None
        return self.item_started_at + datetime.timedelta(minutes=self.current.minutes)

    @property
    def speaker(self):
        if self.turn_started_at is None or self.turn_index >= len(self.turn_order):
            return None
        return self.turn_order[self.turn_index]

    @property
    def next_speaker(self):
        if self.turn_started_at is None or self.turn_index + 1 >= len(self.turn_order):
            return None
        return self.turn_order[self.turn_index + 1]

    @property
    def turn_ends_at(self):
        if self.speaker is None:
            return None
        return self.turn_started_at + datetime.timedelta(minutes=self.turn_minutes)
