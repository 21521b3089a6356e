"""Teams mode in the block: learners' groups follow their team, staff update every group from the
teams, and Studio offers the course's teamsets.

The platform's services, as ORA's `openassessment/xblock/team_mixin.py` uses them (openedx-platform
`lms/djangoapps/teams/services.py`, given to XBlocks in `lms/djangoapps/courseware/block_render.py`):
`teams.get_team(user, course_id, topic_id)` (the user's team or None),
`teams.get_team_names(course_id, topic_id)` ({team id: name}), `teams.get_team_by_team_id(team_id)`
(a `CourseTeam`: `team_id`, `name`, `users`), and
`teams_configuration.get_teams_configuration(course_id)` (a `TeamsConfig` whose `teamsets` have
`teamset_id` and `name`, `openedx/core/lib/teams_config.py`).
"""
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from .. import roles
from ..api import teams as api_teams
from ..errors import Refusal
from ..handlers import json_api


def teams_unavailable():
    return Refusal("teams_unavailable", _("The course's teams can be read in the LMS only."), status=409)


class TeamsMixin:
    """Groups from a course teamset (the Studio setting `teamset_id`)."""

    def teamsets(self):
        """(teamset id, name) of the course's teamsets, for the Studio editor (none without the service)."""
        service = self.runtime.service(self, "teams_configuration")
        if service is None:
            return ()
        configuration = service.get_teams_configuration(self.course_key())
        return tuple((teamset.teamset_id, teamset.name) for teamset in getattr(configuration, "teamsets", ()))

    def follow_my_team(self):
        """In Teams mode, a learner's membership is the group of their team (one look-up per view).

        The service is asked first: where the runtime has no teams, the setting is not read at all."""
        service = self.runtime.service(self, "teams")
        if service is None or not self.teamset_id:
            return
        caller = roles.identify(self)
        if caller.is_anonymous or caller.is_course_staff:
            return
        user = get_user_model().objects.filter(id=int(caller.user_id)).first() if caller.user_id.isdigit() else None
        if user is None:
            return
        team = service.get_team(user, self.course_key(), self.teamset_id)
        api_teams.follow_team(self.block_key, caller.user_id, caller.display_name,
                              (str(team.team_id), team.name) if team is not None else None,
                              self.current_config().max_group_size)

    @json_api()
    def teams_update(self, payload, viewer):
        """Course staff: one group per team, each with its team's members."""
        if not viewer.is_course_staff:
            raise Refusal("forbidden", _("Only course staff can update the groups from the teams."), status=403)
        config = self.current_config()
        if not config.teamset_id:
            raise Refusal("not_teams_mode", _("This component does not take its groups from a teamset."), status=409)
        service = self.runtime.service(self, "teams")
        if service is None:
            raise teams_unavailable()
        names = {str(team_id): name for team_id, name in
                 service.get_team_names(self.course_key(), config.teamset_id).items()}
        user_ids = {}
        for team_id in names:
            team = service.get_team_by_team_id(team_id)
            user_ids[team_id] = [str(user.id) for user in team.users.all()] if team is not None else []
        people = self.people_directory().by_ids([uid for ids in user_ids.values() for uid in ids])
        members = {team_id: [(uid, people[uid].display_name if uid in people else "") for uid in ids]
                   for team_id, ids in user_ids.items()}
        count = api_teams.sync_members(self.block_key, viewer, members, names, config.max_group_size)
        return self.groups_reply(payload, _("Groups updated from the teams: {teams} teams, {members} members.").format(
            teams=len(names), members=count))
