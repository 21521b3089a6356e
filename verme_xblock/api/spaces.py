"""A group's own space: roster, sessions, attendance, action points and plan, for the people allowed
to see it.

"What is shared in the group stays in the group": members, the group's facilitators and course
staff only (a session's action points too, each with its owner's name). A constant number of
queries, whatever the size of the group or its season."""
from django.utils.translation import gettext as _

from ..errors import forbidden, not_found
from ..group_data import GroupSpace, Member
from ..models import MentoringGroup
from . import action_points
from .groups import summary_of, with_summary_data
from .plans import plan_of
from .sessions import sessions_of


def group_space(block_key, viewer, group_id, now=None):
    group = (
        with_summary_data(MentoringGroup.objects.filter(block_key=block_key, id=group_id))
        .prefetch_related("memberships")
        .first()
    )
    if group is None:
        raise not_found(_("That group does not exist in this course component."))
    if not viewer.can_see_group(group.id):
        raise forbidden(_("Only the group's members, its facilitators and course staff can see this group."))
    members = tuple(
        Member(m.user_id, m.display_name, m.organisation, m.role)
        for m in sorted(group.memberships.all(), key=lambda m: (m.display_name.lower(), m.id))
    )
    return GroupSpace(
        summary=summary_of(group),
        members=members,
        sessions=sessions_of(group.id, viewer, now=now),
        plan=plan_of(group.id, viewer),
        is_member=viewer.group_id == group.id,
        can_facilitate=viewer.facilitates(group.id),
        actions=action_points.of_group(group.id),
    )
