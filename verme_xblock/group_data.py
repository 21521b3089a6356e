"""Frozen objects of a group's own space: roster, sessions, attendance and the progress plan.

Only `api` builds them, and only for people who may see the group (members, facilitators, staff).
"""
from dataclasses import dataclass, field

from django.utils import timezone

HELD = "held"
NEXT = "next"
LATER = "later"
CANCELLED = "cancelled"
ATTENDANCE_STATUSES = ("present", "absent", "excused")  # as stored in models.Attendance


@dataclass(frozen=True)
class Member:
    user_id: str
    display_name: str
    organisation: str
    role: str


@dataclass(frozen=True)
class AttendanceRecord:
    user_id: str
    display_name: str
    status: str  # present, absent or excused
    minutes: int

    @property
    def hours(self):
        """Attended hours: 3 or 1.5 (a whole number shows without decimals)."""
        value = round(self.minutes / 60, 2)
        return int(value) if value == int(value) else value


@dataclass(frozen=True)
class SessionInfo:
    id: int
    number: int
    title: str
    goal: str
    methods: str
    agenda: tuple  # of {"minute": int, "text": str}
    starts_at: object  # aware datetime
    duration_minutes: int
    place: str
    cancelled: bool
    notes: str
    state: str  # HELD, NEXT, LATER or CANCELLED
    attendance: tuple = ()  # AttendanceRecords the viewer may see
    theme: str = ""  # chosen by the group at session 1 (season plan)

    @property
    def ends_at(self):
        return self.starts_at + timezone.timedelta(minutes=self.duration_minutes)

    @property
    def attendance_open(self):
        """Attendance is recorded only for a session that has started and was not cancelled."""
        return not self.cancelled and self.starts_at <= timezone.now()

    @property
    def place_is_link(self):
        """A session held online names its meeting link as its place."""
        return self.place.lower().startswith(("https://", "http://"))

    @property
    def local_input(self):
        """The start as a value for <input type="datetime-local"> in the current time zone."""
        return timezone.localtime(self.starts_at).strftime("%Y-%m-%dT%H:%M")

    @property
    def agenda_lines(self):
        """(clock, text) pairs: ("0:15", "Recap and today's goal")."""
        return tuple(
            (f"{int(line['minute']) // 60}:{int(line['minute']) % 60:02d}", line["text"]) for line in self.agenda
        )

    @property
    def agenda_text(self):
        """The agenda as editable lines: "0:15 Recap and today's goal"."""
        return "\n".join(f"{clock} {text}" for clock, text in self.agenda_lines)

    @property
    def attendance_by_user(self):
        return {record.user_id: record for record in self.attendance}


@dataclass(frozen=True)
class PlanRevisionInfo:
    version: int
    author_name: str
    created_at: object
    text: str


@dataclass(frozen=True)
class PlanInfo:
    text: str
    version: int
    updated_by_name: str
    updated_at: object
    revisions: tuple = ()  # PlanRevisionInfo, newest first


@dataclass(frozen=True)
class GroupSpace:
    """Everything group-internal that the viewer may see of one group."""

    summary: object  # data.GroupSummary
    members: tuple  # of Member
    sessions: tuple  # of SessionInfo, in time order
    plan: PlanInfo
    is_member: bool
    can_facilitate: bool
    actions: dict = field(default_factory=dict)  # session id -> (live_data.ActionPointInfo, …)

    @property
    def next_session(self):
        return next((session for session in self.sessions if session.state == NEXT), None)
