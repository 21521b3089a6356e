"""End-of-season feedback: complete answers only, k-anonymous figures per group and overall."""
import pytest

from tests.api.test_groups import BLOCK, STAFF, learner, make_group, refused
from tests.api.test_sessions_and_plans import facilitator
from verme_xblock.api import groups, privacy, season_feedback
from verme_xblock.defaults import defaults_for
from verme_xblock.models import SeasonFeedbackAnswer

pytestmark = pytest.mark.django_db

ITEMS = defaults_for("en")["feedback_items"]


def answer_all(viewer, value):
    season_feedback.submit(BLOCK, viewer, ITEMS, {item["id"]: value for item in ITEMS})


def test_figures_show_only_when_k_answered_and_overall_adds_only_groups_that_reached_k():
    north, south = make_group("North", max_size=9), make_group("South", max_size=9)
    for n in range(3):
        groups.assign_member(BLOCK, STAFF, north, user_id=f"n{n}", display_name=f"N{n}")
        answer_all(learner(f"n{n}", north), n + 3)  # 3, 4, 5
    groups.assign_member(BLOCK, STAFF, south, user_id="s0", display_name="S0")
    answer_all(learner("s0", south), 1)
    answer_all(learner("n0", north), 3)  # a second submit replaces, never adds
    by_group = season_feedback.figures(BLOCK, facilitator(north), ITEMS, 3, north)
    assert [(f.answers, f.mean) for f in by_group][:1] == [(3, 4.0)]
    south_figures = season_feedback.figures(BLOCK, STAFF, ITEMS, 3, south)
    assert south_figures[0].mean is None  # one answer: too few
    overall = season_feedback.figures(BLOCK, STAFF, ITEMS, 3)
    assert (overall[0].answers, overall[0].mean) == (3, 4.0)  # South's single answer is left out
    assert season_feedback.figures(BLOCK, STAFF, ITEMS, 1, south)[0].mean is None  # k never below 2
    assert season_feedback.my_answers(learner("n1", north))[ITEMS[0]["id"]] == 4


def test_incomplete_answers_outsiders_and_others_figures_are_refused():
    north = make_group("North")
    groups.assign_member(BLOCK, STAFF, north, user_id="5", display_name="Aino")
    refused("incomplete", season_feedback.submit, BLOCK, learner(5, north), ITEMS, {ITEMS[0]["id"]: 3})
    refused("not_member", season_feedback.submit, BLOCK, learner(99), ITEMS, {i["id"]: 3 for i in ITEMS})
    refused("forbidden", season_feedback.figures, BLOCK, learner(5, north), ITEMS, 3, north)
    refused("forbidden", season_feedback.figures, BLOCK, facilitator(north), ITEMS, 3)
    assert not SeasonFeedbackAnswer.objects.exists()


def test_export_and_retirement():
    north = make_group("North")
    groups.assign_member(BLOCK, STAFF, north, user_id="5", display_name="Aino")
    answer_all(learner(5, north), 4)
    assert len(privacy.export_user("5")["season_feedback"]) == len(ITEMS)
    privacy.retire_user("5")
    assert not SeasonFeedbackAnswer.objects.exists()
