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
    session_id: int = 0
    goal: str = ""

    @property
    def ends_at(self):
        return self.starts_at + timezone.timedelta(minutes=self.duration_minutes)

    @property
    def place_is_link(self):
        return self.place.lower().startswith(("https://", "http://"))


COUNT_SHOWN_MAX = 99  # larger counts read "99+": counting further would read rows nobody looks at


def next_session_of(session, remaining):
    """The NextSession of a MentoringSession read with its group (`select_related("group")`)."""
    group = session.group
    return NextSession(
        group_id=group.id, group_name=group.name, number=session.number, title=session.title,
        methods=session.methods, starts_at=session.starts_at, duration_minutes=session.duration_minutes,
        place=session.place or group.place, meeting_url=group.meeting_url, remaining=remaining,
        session_id=session.id, goal=session.goal,
    )


@dataclass(frozen=True)
class Task:
    """One thing to do now: `kind` names it (templates word it), `section` is where it is done."""

    kind: str  # reflection, actions, plan, practices, attendance, reports, below_minimum, waiting, choose_group
    section: str
    count: int = 1
    label: str = ""  # a session or group name the task is about

    @property
    def shown_count(self):
        return f"{COUNT_SHOWN_MAX}+" if self.count > COUNT_SHOWN_MAX else self.count


@dataclass(frozen=True)
class Home:
    next_sessions: tuple  # NextSession per group the person is in or facilitates (at most one each)
    tasks: tuple  # Task
