"""Many members agreeing to the ground rules (and adding goals) at the same moment: every agreement is
recorded once, none is lost, and a double click makes no second row or error."""
import pytest

from tests.api.test_groups import BLOCK, STAFF, learner, make_group
from tests.api.test_reflection_concurrency import run_together
from verme_xblock.api import groups, season_plan
from verme_xblock.errors import Refusal
from verme_xblock.models import GroupGoal, RuleAgreement

MEMBERS = 8


@pytest.mark.django_db(transaction=True)
def test_members_agreeing_at_once_are_all_recorded_once():
    group_id = make_group(max_size=MEMBERS)
    for n in range(MEMBERS):
        groups.assign_member(BLOCK, STAFF, group_id, user_id=f"m{n}", display_name=f"Member {n}")
    viewers = [learner(f"m{n}", group_id) for n in range(MEMBERS)]
    # every member clicks, and the first two click twice at once
    calls = [lambda v=v: season_plan.agree_to_rules(BLOCK, v) for v in viewers + viewers[:2]]
    results = run_together(calls)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(RuleAgreement.objects.values_list("user_id", flat=True)) == [f"m{n}" for n in range(MEMBERS)]


@pytest.mark.django_db(transaction=True)
def test_goals_added_at_once_are_all_kept_and_the_limit_holds():
    group_id = make_group(max_size=MEMBERS)
    for n in range(MEMBERS):
        groups.assign_member(BLOCK, STAFF, group_id, user_id=f"m{n}", display_name=f"Member {n}")
    for n in range(season_plan.GOALS_MAX - 3):
        GroupGoal.objects.create(group_id=group_id, text=f"Old {n}", author_id="m0")
    def add(n):
        try:
            return season_plan.add_goal(BLOCK, learner(f"m{n}", group_id), group_id, f"New {n}")
        except Refusal as refusal:
            return refusal

    calls = [lambda n=n: add(n) for n in range(MEMBERS)]
    results = run_together(calls)
    refused = [r for r in results if isinstance(r, Exception)]
    assert len(refused) == MEMBERS - 3 and all(getattr(r, "code", None) == "too_many" for r in refused), results
    assert GroupGoal.objects.filter(group_id=group_id).count() == season_plan.GOALS_MAX
