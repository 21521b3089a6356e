"""The plan written together at session 1: goals, themes, personal goals and agreement to the ground rules."""
import datetime

import pytest
from django.utils import timezone

from tests.api.test_groups import BLOCK, STAFF, config, learner, make_group, refused
from tests.api.test_sessions_and_plans import facilitator, session
from verme_xblock.api import groups, privacy, season_plan, spaces
from verme_xblock.models import GroupGoal, MentoringSession, PersonalGoal, RuleAgreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_id():
    first = timezone.make_aware(datetime.datetime(2026, 9, 15, 13, 0))
    group_id = make_group(first_session_at=first, config=config(), facilitators=[("20", "Maija")])
    groups.assign_member(BLOCK, STAFF, group_id, user_id="5", display_name="Aino")
    groups.assign_member(BLOCK, STAFF, group_id, user_id="6", display_name="Mikko")
    return group_id


def plan_for(viewer, group_id):
    space = spaces.group_space(BLOCK, viewer, group_id)
    return season_plan.season_plan(group_id, viewer, space.members, space.sessions)


def test_members_write_goals_themes_and_personal_goals_that_the_group_sees(group_id):
    aino, mikko = learner(5, group_id), learner(6, group_id)
    season_plan.add_goal(BLOCK, aino, group_id, "Share tools for work-life cooperation")
    season_plan.add_goal(BLOCK, facilitator(group_id), group_id, "Everyone tries one new practice")
    season_plan.set_theme(BLOCK, mikko, session(group_id, 2).id, "Guidance conversations")
    season_plan.set_personal_goal(BLOCK, aino, "Calmer starts to my lessons")
    plan = plan_for(mikko, group_id)
    assert [goal.text for goal in plan.goals] == ["Share tools for work-life cooperation",
                                                  "Everyone tries one new practice"]
    assert [(p.display_name, p.text) for p in plan.personal_goals] == [("Aino", "Calmer starts to my lessons")]
    assert plan.my_personal_goal == "" and plan_for(aino, group_id).my_personal_goal == "Calmer starts to my lessons"
    assert [number for _id, number, _title, _theme in plan.themes] == [2, 3, 4, 5]  # session 1 is where it is written
    assert plan.themes[0][3] == "Guidance conversations"
    space = spaces.group_space(BLOCK, aino, group_id)
    assert space.sessions[1].theme == "Guidance conversations"
    season_plan.set_personal_goal(BLOCK, aino, "")
    assert PersonalGoal.objects.count() == 0


def test_agreeing_is_one_click_once_and_the_group_sees_who_has(group_id):
    aino = learner(5, group_id)
    season_plan.agree_to_rules(BLOCK, aino)
    season_plan.agree_to_rules(BLOCK, aino)
    assert RuleAgreement.objects.count() == 1
    plan = plan_for(facilitator(group_id), group_id)
    assert [(a.display_name, a.agreed) for a in plan.agreements] == [("Aino", True), ("Mikko", False)]
    assert plan.agreed_count == 1 and plan_for(aino, group_id).i_agreed


def test_outsiders_cannot_read_or_write_and_only_authors_or_facilitators_remove_goals(group_id):
    outsider, aino, mikko = learner(99), learner(5, group_id), learner(6, group_id)
    goal_id = season_plan.add_goal(BLOCK, aino, group_id, "Goal")
    refused("forbidden", season_plan.add_goal, BLOCK, outsider, group_id, "x")
    refused("forbidden", season_plan.set_theme, BLOCK, outsider, session(group_id, 2).id, "x")
    refused("not_member", season_plan.set_personal_goal, BLOCK, outsider, "x")
    refused("not_member", season_plan.agree_to_rules, BLOCK, outsider)
    refused("forbidden", season_plan.season_plan, group_id, outsider, (), ())
    refused("forbidden", season_plan.remove_goal, BLOCK, mikko, goal_id)
    refused("forbidden", season_plan.remove_goal, BLOCK, outsider, goal_id)
    refused("not_found", season_plan.remove_goal, "other-block", aino, goal_id)
    refused("not_found", season_plan.set_theme, "other-block", aino, session(group_id, 2).id, "x")
    refused("not_found", season_plan.add_goal, BLOCK, aino, group_id + 1000, "x")
    assert MentoringSession.objects.exclude(theme="").count() == 0
    assert season_plan.remove_goal(BLOCK, facilitator(group_id), goal_id) == group_id
    other = season_plan.add_goal(BLOCK, aino, group_id, "Mine")
    season_plan.remove_goal(BLOCK, aino, other)
    assert GroupGoal.objects.count() == 0


def test_a_group_has_at_most_the_limit_of_goals(group_id):
    aino = learner(5, group_id)
    for n in range(season_plan.GOALS_MAX):
        season_plan.add_goal(BLOCK, aino, group_id, f"Goal {n}")
    refused("too_many", season_plan.add_goal, BLOCK, aino, group_id, "One more")
    assert GroupGoal.objects.count() == season_plan.GOALS_MAX


def test_retirement_and_export_cover_the_season_plan(group_id):
    aino = learner(5, group_id)
    season_plan.add_goal(BLOCK, aino, group_id, "Shared goal")
    season_plan.set_personal_goal(BLOCK, aino, "My goal")
    season_plan.agree_to_rules(BLOCK, aino)
    exported = privacy.export_user("5")
    assert [row["text"] for row in exported["group_goals"]] == ["Shared goal"]
    assert [row["text"] for row in exported["personal_goals"]] == ["My goal"]
    assert len(exported["ground_rules_agreed"]) == 1
    assert privacy.export_user("6")["personal_goals"] == []
    privacy.retire_user("5")
    assert not PersonalGoal.objects.exists() and not RuleAgreement.objects.exists()
    goal = GroupGoal.objects.get()
    assert (goal.text, goal.author_name) == ("Shared goal", privacy.FORMER_PARTICIPANT) and goal.author_id != "5"
