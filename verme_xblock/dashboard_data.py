"""Frozen objects of the staff dashboard, the facilitator's overview and the reports."""
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class GroupFigures:
    """One group's row of the dashboard and of the group summary report (counts only, no content)."""

    id: int
    name: str
    target_group: str
    archived: bool
    facilitator_names: tuple
    member_count: int
    min_size: int
    max_size: int
    sessions_held: int
    sessions_planned: int  # sessions not cancelled, held or not
    next_session_at: object  # aware datetime or None
    attendance_present: int
    attendance_recorded: int
    reflections_submitted: int
    reflections_expected: int  # members × sessions held
    posts: int
    open_reports: int

    @property
    def below_minimum(self):
        return not self.archived and self.member_count < self.min_size

    @property
    def attendance_rate(self):
        """Present records out of all recorded (present, absent, excused), in per cent; None before any."""
        return round(100 * self.attendance_present / self.attendance_recorded) if self.attendance_recorded else None

    @property
    def reflection_rate(self):
        if not self.reflections_expected:
            return None
        return min(100, round(100 * self.reflections_submitted / self.reflections_expected))


@dataclass(frozen=True)
class ParticipantHours:
    """One row of the participation-hours report: a participant in one group."""

    name: str
    organisation: str
    role: str
    group: str
    target_group: str
    attended: int
    excused: int
    minutes: int
    dates: tuple  # aware datetimes of the sessions attended, in time order
    kilometres: object = Decimal(0)  # travel to the sessions attended
    travel_amount: object = Decimal(0)


@dataclass(frozen=True)
class OrganisationHours:
    organisation: str
    participants: int
    attended: int
    minutes: int
    kilometres: object = Decimal(0)
    travel_amount: object = Decimal(0)


@dataclass(frozen=True)
class PracticeRow:
    id: int
    title: str
    tags: tuple
    author_name: str
    author_organisation: str
    group: str
    visibility: str
    created_at: object
    reactions: int
    comments: int
    hidden: bool
    deleted: bool


@dataclass(frozen=True)
class UnplacedLearner:
    user_id: str
    display_name: str
    last_seen: object


@dataclass(frozen=True)
class SessionCount:
    number: int
    title: str
    starts_at: object
    submitted: int


@dataclass(frozen=True)
class FacilitatedGroup:
    """A facilitator's overview of one group: its figures, the next session and what changed."""

    figures: GroupFigures
    next_session: object  # home_data.NextSession (when, where, sessions after it) or None
    plan_updated_at: object  # aware datetime or None before the first save
    last_held_at: object  # start of the last session held, or None
    reflections: tuple  # SessionCount per session held, in time order
    members: tuple = ()  # group_data.Member, by name

    @property
    def plan_updated_since_last_session(self):
        if self.last_held_at is None or self.plan_updated_at is None:
            return False
        return self.plan_updated_at >= self.last_held_at


@dataclass(frozen=True)
class PrintablePlan:
    group_name: str
    place: str
    session: object  # group_data.SessionInfo
    plan_text: str


@dataclass(frozen=True)
class WaitingList:
    """Learners in no group: who opened the component (longest waiting first), then one page of the
    course's other active enrolments (by name); `enrolments_known` is False where the runtime cannot
    list enrolments (Studio), and then only the visitors are shown."""

    visitors: tuple  # UnplacedLearner
    people: tuple  # people.Person
    total: int
    page: int
    pages: int
    query: str
    enrolments_known: bool
