"""Action points agreed in a session, as the group sees them after it.

An action point is shared in the group like the session's minutes: its members, its facilitators and
course staff see each one with its owner's name. The owner (while a member of the group) and the
group's facilitators mark it done or open again; the live page keeps its own facilitator-only call.
"""
from django.utils.translation import gettext as _

from ..errors import forbidden, not_found
from ..live_data import ActionPointInfo
from ..models import ActionPoint


def of_group(group_id):
    """{session id: (ActionPointInfo, …)} of one group's sessions, in the order agreed (one query).

    The caller has checked that the viewer may see the group."""
    by_session = {}
    for action in ActionPoint.objects.filter(session__group_id=group_id).order_by("session_id", "id"):
        by_session.setdefault(action.session_id, []).append(
            ActionPointInfo(action.id, action.text, action.owner_id, action.owner_name, action.done))
    return {session_id: tuple(actions) for session_id, actions in by_session.items()}


def set_done(block_key, viewer, action_id, done):
    """Mark an action point done (or open again) as its owner or a facilitator; returns its group's id."""
    action = (ActionPoint.objects.select_related("session")
              .filter(id=action_id, session__group__block_key=block_key).first())
    group_id = action.session.group_id if action else None
    if action is None or not viewer.can_see_group(group_id):  # another group's: not even that it exists
        raise not_found(_("That action point does not exist."))
    owner = viewer.group_id == group_id and viewer.user_id == action.owner_id
    if not (owner or viewer.facilitates(group_id)):
        raise forbidden(_("Only the owner of an action point and the group's facilitators can mark it done."))
    ActionPoint.objects.filter(id=action.id).update(done=done)
    return group_id

