"""Roles inside one block: course staff, a group's facilitator, a learner, or anonymous."""
from django.db.models import BooleanField, CharField, Value

from .. import roles
from ..data import Viewer
from ..models import Facilitator, Membership

MEMBER, FACILITATOR = "m", "f"


def viewer_for(block_key, caller):
    """The Viewer for a runtime Caller in one block: one query, the person's membership and their
    facilitator seats side by side (each along its own index), since every request starts here."""
    if caller.is_anonymous:
        return Viewer(None, "", roles.ANONYMOUS, False, None, read_only=caller.read_only)
    membership = (Membership.objects.filter(block_key=block_key, user_id=caller.user_id).order_by()
                  .values_list("group_id", "organisation", "shows_organisation",
                               Value(MEMBER, output_field=CharField())))
    seats = (Facilitator.objects.filter(group__block_key=block_key, user_id=caller.user_id).order_by()
             .values_list("group_id", Value("", output_field=CharField()), Value(False, output_field=BooleanField()),
                          Value(FACILITATOR, output_field=CharField())))
    rows = list(membership.union(seats, all=True))
    group_id, organisation, shows_organisation = next(
        ((row[0], row[1], bool(row[2])) for row in rows if row[3] == MEMBER), (None, "", False))
    facilitated = tuple(sorted(row[0] for row in rows if row[3] == FACILITATOR))
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
