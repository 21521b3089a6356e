"""Teams mode: the groups are the teams of one course teamset (Open edX Teams), as ORA's team
assignments use them. One mentoring group per team; its members are the team's members;
facilitators are still chosen in the block. A course that already organises people in teams does
not manage them twice: staff and learners change teams in the LMS's Teams tab, not here.

The caller reads the platform's `teams` service and hands plain data here: {team id: name} and,
for the staff's update, {team id: [(user id, name)]}.
"""
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..errors import conflict, forbidden
from ..models import Membership, MentoringGroup
from . import staff_counts


def refuse_in_teams_mode(teamset_id):
    """Group membership is the teams' business in Teams mode (a handler reads this one setting
    alone, without the whole configuration)."""
    if teamset_id:
        raise conflict(_("The groups follow the course's teams: change teams in the course's Teams tab."),
                       code="teams_mode")


def _group_for_team(block_key, team_id, name, max_size):
    """The team's group, created on first sight (a name taken by another group gets the team id added)."""
    group = MentoringGroup.objects.select_for_update().filter(block_key=block_key, team_id=team_id).first()
    if group is not None:
        return group
    for candidate in (name, f"{name} ({team_id})"):
        try:
            with transaction.atomic():
                return MentoringGroup.objects.create(block_key=block_key, team_id=team_id, name=candidate[:120],
                                                     min_size=1, max_size=max(max_size, 1))
        except IntegrityError:
            continue
    raise conflict(_("Another group in this component already has that name."), code="name_taken")


@transaction.atomic
def sync_groups(block_key, teams, max_size):
    """One group per team of the teamset (names follow the teams); groups whose team is gone are
    archived, keeping their content. Returns the groups by team id."""
    groups = {}
    for team_id, name in sorted(teams.items()):
        group = _group_for_team(block_key, team_id, name, max_size)
        if group.archived or (group.name != name and not MentoringGroup.objects.filter(
                block_key=block_key, name=name).exclude(id=group.id).exists()):
            group.archived, group.name = False, name[:120]
            group.save(update_fields=["archived", "name", "updated_at"])
        groups[team_id] = group
    MentoringGroup.objects.filter(block_key=block_key).exclude(team_id="").exclude(team_id__in=list(teams)).update(
        archived=True)
    staff_counts.changed(block_key)  # an update sends no signal
    return groups


@transaction.atomic
def follow_team(block_key, user_id, display_name, team, max_size):
    """A learner's membership is the group of their team (`team` is (id, name) or None): checked
    when they open the component, so it follows changes made in the Teams tab."""
    current = Membership.objects.select_for_update().filter(block_key=block_key, user_id=user_id).first()
    if team is None:
        if current is not None and current.group.team_id:
            current.delete()
        return None
    group = _group_for_team(block_key, team[0], team[1], max_size)
    if current is None:
        Membership.objects.create(block_key=block_key, group=group, user_id=user_id, display_name=display_name)
    elif current.group_id != group.id:
        current.group = group
        current.save(update_fields=["group"])
    return group.id


def sync_members(block_key, viewer, members, teams, max_size):
    """Course staff's "Update from Teams": every team's members become its group's members at once."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can update the groups from the teams."))
    with transaction.atomic():
        groups = sync_groups(block_key, teams, max_size)
        wanted = {user_id: (groups[team_id], name) for team_id, people in members.items() if team_id in groups
                  for user_id, name in people}
        current = {m.user_id: m for m in
                   Membership.objects.select_for_update().select_related("group").filter(block_key=block_key)}
        for user_id, membership in current.items():
            if user_id not in wanted and membership.group.team_id:
                membership.delete()
        for user_id, (group, name) in wanted.items():
            membership = current.get(user_id)
            if membership is None:
                Membership.objects.create(block_key=block_key, group=group, user_id=user_id, display_name=name)
            elif membership.group_id != group.id or (name and membership.display_name != name):
                membership.group, membership.display_name = group, name or membership.display_name
                membership.save(update_fields=["group", "display_name"])
    return len(wanted)
