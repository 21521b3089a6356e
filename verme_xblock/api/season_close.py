"""The season's close: participation certificates and the method kit to take home.

A certificate lists the sessions a participant attended with their dates and hours, the group, its
facilitators and the organiser. The participant gets their own; the group's facilitators and
course staff get any member's, or the whole group's at once.
"""
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from ..errors import forbidden, not_found
from ..models import Attendance, Facilitator, Membership, MentoringGroup
from .bank import shown_name


@dataclass(frozen=True)
class AttendedSession:
    number: int
    title: str
    starts_at: object
    minutes: int


@dataclass(frozen=True)
class Certificate:
    name: str
    organisation: str
    group_name: str
    facilitators: tuple
    sessions: tuple  # of AttendedSession, in time order

    @property
    def minutes(self):
        return sum(session.minutes for session in self.sessions)


def certificates(block_key, viewer, group_id, user_id=None):
    """The certificates of one member (`user_id`) or of the whole group (three queries)."""
    group = MentoringGroup.objects.filter(block_key=block_key, id=group_id).first()
    if group is None:
        raise not_found(_("That group does not exist in this course component."))
    own = user_id is not None and user_id == viewer.user_id and viewer.group_id == group.id
    if not (own or viewer.facilitates(group.id)):
        raise forbidden(_("Participants get their own certificate; the group's facilitators and course staff "
                          "get everyone's."))
    members = Membership.objects.filter(group=group).order_by("display_name", "id")
    if user_id is not None:
        members = members.filter(user_id=user_id)
    members = list(members)
    if user_id is not None and not members:
        raise not_found(_("That person is not a member of the group."))
    facilitators = tuple(Facilitator.objects.filter(group=group).values_list("display_name", flat=True))
    attended = {}
    records = (Attendance.objects.filter(Q(session__group=group), status=Attendance.PRESENT,
                                         user_id__in=[m.user_id for m in members], session__cancelled=False)
               .select_related("session").order_by("session__starts_at", "session__number"))
    for record in records:
        attended.setdefault(record.user_id, []).append(AttendedSession(
            record.session.number, record.session.title, record.session.starts_at, record.minutes))
    return tuple(
        Certificate(shown_name(m.display_name), m.organisation, group.name, facilitators,
                    tuple(attended.get(m.user_id, ())))
        for m in members
    )
