"""The plan a group writes together at session 1: shared goals, a theme for each later session,
each member's personal goal and each member's agreement to the ground rules.

Every fact is its own row, so members adding goals or agreeing at the same moment never overwrite
each other. Group-internal: members, the group's facilitators and course staff only.
"""
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden, not_found
from ..models import GroupGoal, Membership, MentoringGroup, MentoringSession, PersonalGoal, RuleAgreement
from ..season_data import GoalInfo, PersonalGoalInfo, RuleAgreementInfo, SeasonPlan
from ..season_models import GOAL_LENGTH

GOALS_MAX = 30
GOAL_MAX = GOAL_LENGTH


def _group(block_key, viewer, group_id):
    if not MentoringGroup.objects.filter(block_key=block_key, id=group_id).exists():
        raise not_found(_("That group does not exist in this course component."))
    if not viewer.can_see_group(group_id):
        raise forbidden(_("Only the group's members, its facilitators and course staff can change its plan."))


def _member(viewer, message):
    if viewer.group_id is None:
        raise forbidden(message, code="not_member")
    return viewer.group_id


def season_plan(group_id, viewer, members, sessions):
    """The group's season plan (three queries); `members` and `sessions` come from its space."""
    if not viewer.can_see_group(group_id):
        raise forbidden(_("Only the group's members, its facilitators and course staff can see its plan."))
    goals = tuple(
        GoalInfo(g.id, g.text, g.author_id, g.author_name) for g in GroupGoal.objects.filter(group_id=group_id)
    )
    personal = {p.user_id: p for p in PersonalGoal.objects.filter(group_id=group_id)}
    agreed = dict(RuleAgreement.objects.filter(group_id=group_id).values_list("user_id", "agreed_at"))
    return SeasonPlan(
        group_id=group_id,
        goals=goals,
        personal_goals=tuple(
            PersonalGoalInfo(m.user_id, m.display_name, personal[m.user_id].text)
            for m in members if m.user_id in personal
        ),
        agreements=tuple(
            RuleAgreementInfo(m.user_id, m.display_name, m.user_id in agreed, agreed.get(m.user_id))
            for m in members
        ),
        themes=tuple((s.id, s.number, s.title, s.theme) for s in sessions if s.number > 1 and not s.cancelled),
        can_edit=viewer.can_see_group(group_id),
        is_member=viewer.group_id == group_id,
        viewer_id=viewer.user_id or "",
    )


def add_goal(block_key, viewer, group_id, text):
    _group(block_key, viewer, group_id)
    with transaction.atomic():
        MentoringGroup.objects.select_for_update().get(id=group_id)  # the limit holds with many at once
        if GroupGoal.objects.filter(group_id=group_id).count() >= GOALS_MAX:
            raise Refusal("too_many", _("A group can have at most {limit} goals.").format(limit=GOALS_MAX),
                          field="text")
        goal = GroupGoal.objects.create(group_id=group_id, text=text, author_id=viewer.user_id,
                                        author_name=viewer.display_name)
    return goal.id


def remove_goal(block_key, viewer, goal_id):
    """A goal goes when its author or one of the group's facilitators removes it; returns the group id."""
    goal = GroupGoal.objects.filter(id=goal_id, group__block_key=block_key).first()
    if goal is None:
        raise not_found(_("That goal does not exist."))
    if not (viewer.facilitates(goal.group_id) or (goal.author_id == viewer.user_id
                                                   and viewer.can_see_group(goal.group_id))):
        raise forbidden(_("Only the person who added a goal and the group's facilitators can remove it."))
    goal.delete()
    return goal.group_id


def set_personal_goal(block_key, viewer, text):
    """The member's own goal (empty text removes it); returns the group id."""
    group_id = _member(viewer, _("Only members of a group can write a personal goal."))
    _group(block_key, viewer, group_id)
    if not text:
        PersonalGoal.objects.filter(group_id=group_id, user_id=viewer.user_id).delete()
        return group_id
    PersonalGoal.objects.update_or_create(group_id=group_id, user_id=viewer.user_id,
                                          defaults={"text": text, "display_name": viewer.display_name})
    return group_id


def agree_to_rules(block_key, viewer):
    """Record the member's agreement once; a second click (or two at once) changes nothing."""
    group_id = _member(viewer, _("Only members of a group can agree to its ground rules."))
    _group(block_key, viewer, group_id)
    if not Membership.objects.filter(group_id=group_id, user_id=viewer.user_id).exists():
        raise forbidden(_("Only members of a group can agree to its ground rules."), code="not_member")
    try:
        with transaction.atomic():
            RuleAgreement.objects.get_or_create(group_id=group_id, user_id=viewer.user_id,
                                                defaults={"display_name": viewer.display_name})
    except IntegrityError:
        pass  # the same member's other click won the race: the agreement is recorded
    return group_id


def set_theme(block_key, viewer, session_id, theme):
    """The group's theme for one session (empty clears it); returns the group id."""
    session = MentoringSession.objects.filter(id=session_id, group__block_key=block_key).first()
    if session is None:
        raise not_found(_("That session does not exist in this course component."))
    if not viewer.can_see_group(session.group_id):
        raise forbidden(_("Only the group's members, its facilitators and course staff can change its plan."))
    MentoringSession.objects.filter(id=session.id).update(theme=theme)
    return session.group_id
