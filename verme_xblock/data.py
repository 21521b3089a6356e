"""Frozen data objects that `api` hands to the block, its templates and its JSON answers."""
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Viewer:
    """The caller as the product sees them in one block: identity plus role and group."""

    user_id: str | None
    display_name: str
    role: str  # one of roles.ANONYMOUS, LEARNER, FACILITATOR, STAFF
    is_course_staff: bool
    group_id: int | None  # the group the caller is a member of, if any
    facilitated_group_ids: tuple[int, ...] = ()
    organisation: str = ""  # from the member's group profile; shown outside the group only by choice
    shows_organisation: bool = False  # their last choice for posts the whole course reads
    read_only: str | None = None  # roles.MASQUERADE or roles.PREVIEW: this request writes nothing
    retired: bool = False  # the account was retired: requests still in flight write nothing

    @property
    def is_anonymous(self):
        return self.user_id is None

    def can_see_group(self, group_id):
        """Group-internal content is for its members, its facilitators and course staff only."""
        return self.is_course_staff or group_id == self.group_id or group_id in self.facilitated_group_ids

    def facilitates(self, group_id):
        return self.is_course_staff or group_id in self.facilitated_group_ids


@dataclass(frozen=True)
class GroupSummary:
    """What anyone in the course may see of a group: the public list entry."""

    id: int
    name: str
    target_group: str
    facilitator_names: tuple[str, ...]
    member_count: int
    min_size: int
    max_size: int
    archived: bool
    description: str = ""
    place: str = ""
    meeting_url: str = ""
    first_session_at: object = None  # an aware datetime, or None before sessions are planned
    next_session_at: object = None  # the next session still to come, None when none is left
    sessions_left: int = 0  # sessions still to come (not cancelled)
    facilitators: tuple = ()  # (user id, name) pairs, for course staff's tools; not in `as_json`

    @property
    def seats_left(self):
        return max(self.max_size - self.member_count, 0)

    @property
    def below_minimum(self):
        return self.member_count < self.min_size

    def as_json(self):
        data = asdict(self)
        data.pop("facilitators")
        data["facilitator_names"] = list(self.facilitator_names)
        data["seats_left"] = self.seats_left
        data["first_session_at"] = self.first_session_at.isoformat() if self.first_session_at else None
        data["next_session_at"] = self.next_session_at.isoformat() if self.next_session_at else None
        return data
