"""Frozen data objects of reflections: a participant's own answers, their trend, group figures."""
from dataclasses import dataclass
from datetime import datetime

NONE = "none"  # no reflection written yet for the slot (the others are Reflection.DRAFT/SUBMITTED)


@dataclass(frozen=True)
class Slot:
    """What a reflection is about: a session, or the baseline before the first (session_id None)."""

    session_id: int | None
    number: int  # 0 for the baseline
    title: str
    starts_at: datetime | None
    label: str = ""  # "Baseline" or "Session 2", translated when the slot is made

    @property
    def key(self):
        """A value for forms and DOM ids: "baseline" or the session id."""
        return "baseline" if self.session_id is None else str(self.session_id)

    @property
    def is_baseline(self):
        return self.session_id is None


@dataclass(frozen=True)
class Answer:
    """One item of a reflection with the author's answer; `archived` items were removed from the form later."""

    item_id: str
    kind: str  # ReflectionAnswer.LIKERT or .OPEN
    prompt: str
    value: int | None = None
    text: str = ""
    archived: bool = False


@dataclass(frozen=True)
class ReflectionView:
    slot: Slot
    reflection_id: int | None
    status: str  # NONE, "draft" or "submitted"
    shared: bool
    submitted_at: datetime | None
    updated_at: datetime | None
    likert: tuple[Answer, ...]
    open: tuple[Answer, ...]
    archived: tuple[Answer, ...]
    author_name: str = ""

    @property
    def is_submitted(self):
        return self.status == "submitted"

    @property
    def edited_after_submit(self):
        return bool(self.submitted_at and self.updated_at and (self.updated_at - self.submitted_at).total_seconds() > 1)


@dataclass(frozen=True)
class TrendPoint:
    label: str
    value: int


@dataclass(frozen=True)
class TrendSeries:
    """One Likert item's submitted answers across the season, with a sentence that says how they moved."""

    item_id: str
    prompt: str
    points: tuple[TrendPoint, ...]
    summary: str


@dataclass(frozen=True)
class LearnerReflections:
    in_group: bool
    reflections: tuple[ReflectionView, ...]  # baseline first, then the sessions held so far
    trend: tuple[TrendSeries, ...]
    trend_labels: tuple[str, ...]  # the slots that have a submitted reflection, in order


@dataclass(frozen=True)
class ItemFigure:
    """A Likert item's mean and distribution (counts of 1..5) in one group and session, or withheld."""

    item_id: str
    prompt: str
    answered: int
    shown: bool
    mean: float | None
    distribution: tuple[int, ...]


@dataclass(frozen=True)
class SessionFigures:
    slot: Slot
    submitted: int
    items: tuple[ItemFigure, ...]

    @property
    def any_shown(self):
        return any(item.shown for item in self.items)


@dataclass(frozen=True)
class MemberStatus:
    """Whether one member submitted a reflection for each slot: never what it says."""

    display_name: str
    submitted: tuple[bool, ...]


@dataclass(frozen=True)
class GroupFigures:
    group_id: int
    name: str
    member_count: int
    threshold: int
    slots: tuple[Slot, ...]
    sessions: tuple[SessionFigures, ...]
    members: tuple[MemberStatus, ...]
    shared: tuple[ReflectionView, ...]  # submitted reflections their authors shared with the facilitators
    reads_shared: bool = False  # the viewer facilitates this group (course staff alone never read text)


@dataclass(frozen=True)
class SaveResult:
    reflection: ReflectionView
    newly_submitted: bool
