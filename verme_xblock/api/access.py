"""Roles inside one block: course staff, a group's facilitator, a learner, or anonymous."""
from .. import roles
from ..data import Viewer
from ..models import Facilitator, Membership


def viewer_for(block_key, caller):
    """The Viewer for a runtime Caller in one block (two indexed queries at most)."""
    if caller.is_anonymous:
        return Viewer(None, "", roles.ANONYMOUS, False, None, read_only=caller.read_only)
    group_id, organisation, shows_organisation = (
        Membership.objects.filter(block_key=block_key, user_id=caller.user_id)
        .values_list("group_id", "organisation", "shows_organisation")
        .first()
    ) or (None, "", False)
    facilitated = tuple(
        Facilitator.objects.filter(group__block_key=block_key, user_id=caller.user_id)
        .order_by("group_id")
        .values_list("group_id", flat=True)
    )
    if caller.is_course_staff:
        role = roles.STAFF
    elif facilitated:
        role = roles.FACILITATOR
    else:
        role = roles.LEARNER
    return Viewer(
        user_id=caller.user_id,
        display_name=caller.display_name,
        role=role,
        is_course_staff=caller.is_course_staff,
        group_id=group_id,
        facilitated_group_ids=facilitated,
        organisation=organisation,
        shows_organisation=shows_organisation,
        read_only=caller.read_only,
    )
