"""Roles inside one block: course staff, a group's facilitator, a learner, or anonymous."""
from .. import roles
from ..data import Viewer
from ..models import Facilitator, Membership, MentoringGroup, RetiredUser
from . import sql

MEMBER, FACILITATOR, RETIRED = "m", "f", "r"


# The person's membership, facilitator seats and whether the account was retired, side by side,
# each along its own index (every request starts here).
SEATS_SQL = f"""
SELECT m.group_id, m.organisation, m.shows_organisation, '{MEMBER}' FROM {sql.table(Membership)} m
WHERE m.block_key = %s AND m.user_id = %s
UNION ALL
SELECT f.group_id, '', 0, '{FACILITATOR}' FROM {sql.table(Facilitator)} f
JOIN {sql.table(MentoringGroup)} g ON g.id = f.group_id
WHERE g.block_key = %s AND f.user_id = %s
UNION ALL
SELECT NULL, '', 0, '{RETIRED}' FROM {sql.table(RetiredUser)} r WHERE r.user_id = %s
"""  # noqa: S608 (table names and constants; the values go as parameters)


def viewer_for(block_key, caller):
    """The Viewer for a runtime Caller in one block: one query, the person's membership, their
    facilitator seats and whether the account was retired, since every request starts here."""
    if caller.is_anonymous:
        return Viewer(None, "", roles.ANONYMOUS, False, None, read_only=caller.read_only)
    rows = sql.rows(SEATS_SQL, [block_key, caller.user_id, block_key, caller.user_id, caller.user_id])
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
        retired=any(row[3] == RETIRED for row in rows),
    )
