"""Frozen objects of the home view: the next session and the open tasks of one person."""
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class NextSession:
    group_id: int
    group_name: str
    number: int
    title: str
    methods: str  # what to prepare and how the group works
    starts_at: object  # aware datetime
    duration_minutes: int
    place: str  # the session's place, else the group's
    meeting_url: str  # a link to the online meeting, when the group has one
    remaining: int  # sessions still to come after this one

    @property
    def ends_at(self):
        return self.starts_at + timezone.timedelta(minutes=self.duration_minutes)

    @property
    def place_is_link(self):
        return self.place.lower().startswith(("https://", "http://"))


@dataclass(frozen=True)
class Task:
    """One thing to do now: `kind` names it (templates word it), `section` is where it is done."""

    kind: str  # reflection, actions, plan, practices, attendance, reports, below_minimum, waiting, choose_group
    section: str
    count: int = 1
    label: str = ""  # a session or group name the task is about


@dataclass(frozen=True)
class Home:
    next_sessions: tuple  # NextSession per group the person is in or facilitates (at most one each)
    tasks: tuple  # Task
