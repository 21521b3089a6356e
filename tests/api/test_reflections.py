"""Reflections: writing, submitting, editing, sharing, privacy, archived items, trend text."""
import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.reflection_setup import all_items, make_season
from tests.runtimes import make_block
from verme_xblock import i18n
from verme_xblock.api import reflections
from verme_xblock.api.privacy import export_user, retire_user
from verme_xblock.data_reflections import TrendPoint
from verme_xblock.errors import Refusal
from verme_xblock.models import Reflection, ReflectionAnswer

pytestmark = pytest.mark.django_db


@pytest.fixture
def block():
    return make_block("m1")


@pytest.fixture
def config(block):
    return block.config("en")


@pytest.fixture
def season(block):
    return make_season(block.block_key)


def save(season, user_id, session_id, config, value=3, texts=None, submit=True):
    return reflections.save_reflection(
        season.block_key, season.member(user_id), config, session_id, all_items(config, value), texts or {},
        submit=submit,
    )


def test_draft_then_submit_then_edit_keeps_submitted_time(season, config):
    draft = reflections.save_reflection(
        season.block_key, season.member("m1"), config, season.sessions[0], {"learned": 2}, {"went_well": "A start"},
        submit=False,
    )
    assert draft.reflection.status == "draft" and not draft.newly_submitted
    assert draft.reflection.likert[0].value == 2 and draft.reflection.open[0].text == "A start"
    submitted = save(season, "m1", season.sessions[0], config, value=4)
    assert submitted.newly_submitted and submitted.reflection.is_submitted
    first_time = submitted.reflection.submitted_at
    # The cleared open answer of the draft is gone; a later edit keeps it submitted, not newly.
    assert submitted.reflection.open[0].text == ""
    edited = save(season, "m1", season.sessions[0], config, value=5)
    assert not edited.newly_submitted and edited.reflection.submitted_at == first_time
    assert edited.reflection.updated_at >= first_time
    assert Reflection.objects.count() == 1 and ReflectionAnswer.objects.count() == len(config.likert_items)


def test_submitting_needs_every_statement_and_a_submitted_one_cannot_be_emptied(season, config):
    with pytest.raises(Refusal) as refused:
        reflections.save_reflection(season.block_key, season.member("m1"), config, season.sessions[0],
                                    {"learned": 3}, {}, submit=True)
    assert refused.value.code == "incomplete" and refused.value.field == "answers.tried"
    save(season, "m1", season.sessions[0], config)
    with pytest.raises(Refusal):
        reflections.save_reflection(season.block_key, season.member("m1"), config, season.sessions[0],
                                    {"learned": 3}, {}, submit=False)


def test_baseline_is_one_per_user_and_block(season, config):
    save(season, "m1", None, config, value=2)
    save(season, "m1", None, config, value=3)
    assert Reflection.objects.filter(slot=0).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Reflection.objects.create(block_key=season.block_key, user_id="m1", group_id=season.group_id, slot=0)


@pytest.mark.parametrize("where", ["other_group", "future", "missing"])
def test_sessions_one_cannot_reflect_on(season, config, where):
    session_id = {"other_group": season.other_session, "future": season.sessions[-1], "missing": 99999}[where]
    with pytest.raises(Refusal) as refused:
        save(season, "m1", session_id, config)
    assert refused.value.code == {"other_group": "not_your_group", "future": "session_not_held",
                                  "missing": "not_found"}[where]
    assert Reflection.objects.count() == 0


def test_non_members_and_anonymous_cannot_write(season, config):
    from tests.reflection_setup import STAFF
    from verme_xblock.data import Viewer

    for viewer in (STAFF, Viewer(None, "", "anonymous", False, None)):
        with pytest.raises(Refusal):
            reflections.save_reflection(season.block_key, viewer, config, None, all_items(config), {}, submit=True)


def test_clean_answers_refuses_bad_values_and_unknown_items(config):
    for answers, field in (
        ({"learned": 6}, "answers.learned"),
        ({"learned": 0}, "answers.learned"),
        ({"learned": "many"}, "answers.learned"),
        ({"nope": 3}, "answers.nope"),
        ({"went_well": "x" * (reflections.OPEN_ANSWER_MAX + 1)}, "answers.went_well"),
        ({"went_well": 12}, "answers.went_well"),
    ):
        with pytest.raises(Refusal) as refused:
            reflections.clean_answers({"answers": answers}, config)
        assert refused.value.field == field
    with pytest.raises(Refusal):
        reflections.clean_answers({"answers": ["learned"]}, config)
    assert reflections.clean_answers({"answers": {"learned": "", "went_well": "  "}}, config) == ({}, {})


def test_only_the_author_reads_their_reflections(season, config):
    save(season, "m1", season.sessions[0], config, texts={"went_well": "Private words"})
    mine = reflections.learner_reflections(season.block_key, season.member("m1"), config)
    theirs = reflections.learner_reflections(season.block_key, season.member("m2"), config)
    # The season has three sessions held, so the unstarted baseline is no longer offered.
    assert [view.slot.session_id for view in mine.reflections] == season.sessions[:3]
    assert mine.reflections[0].open[0].text == "Private words"
    assert all(view.status == "none" for view in theirs.reflections)
    assert "Private words" not in repr(reflections.learner_reflections(season.block_key, season.outsider(), config))


def test_sharing_needs_a_submitted_reflection_and_can_be_withdrawn(season, config):
    reflections.save_reflection(season.block_key, season.member("m1"), config, season.sessions[0], {}, {},
                                submit=False)
    with pytest.raises(Refusal) as refused:
        reflections.set_shared(season.block_key, season.member("m1"), season.sessions[0], True)
    assert refused.value.code == "not_submitted"
    with pytest.raises(Refusal):
        reflections.set_shared(season.block_key, season.member("m2"), season.sessions[0], True)
    save(season, "m1", season.sessions[0], config)
    reflections.set_shared(season.block_key, season.member("m1"), season.sessions[0], True)
    assert Reflection.objects.get().shared_with_facilitators
    reflections.set_shared(season.block_key, season.member("m1"), season.sessions[0], False)
    assert not Reflection.objects.get().shared_with_facilitators


def test_answers_to_removed_items_are_kept_and_shown_archived(season, block, config):
    save(season, "m1", season.sessions[0], config, texts={"next_step": "Keep going"})
    block.likert_items = [{"id": "learned", "text": "Reworded: I learned."}, {"id": "new_item", "text": "New."}]
    block.open_prompts = [{"id": "went_well", "text": "What went well?"}]
    changed = block.config("en")
    view = reflections.learner_reflections(season.block_key, season.member("m1"), changed).reflections[0]
    assert [a.prompt for a in view.likert] == ["Reworded: I learned.", "New."]
    assert view.likert[0].value == 3 and view.likert[1].value is None
    archived = {a.item_id: a for a in view.archived}
    assert archived["tried"].value == 3 and archived["next_step"].text == "Keep going"
    assert all(a.archived for a in view.archived)
    # Editing with the new form keeps the archived answers untouched.
    reflections.save_reflection(season.block_key, season.member("m1"), changed, season.sessions[0],
                                {"learned": 5, "new_item": 4}, {}, submit=True)
    assert ReflectionAnswer.objects.filter(item_id="next_step", text="Keep going").exists()
    assert ReflectionAnswer.objects.get(item_id="learned").value == 5


def test_trend_and_summary_sentences(season, config):
    save(season, "m1", None, config, value=2)
    save(season, "m1", season.sessions[0], config, value=3)
    save(season, "m1", season.sessions[1], config, value=4)
    data = reflections.learner_reflections(season.block_key, season.member("m1"), config)
    assert data.trend_labels == ("Baseline", "Session 1", "Session 2")
    wellbeing = next(s for s in data.trend if s.item_id == "wellbeing")
    assert [p.value for p in wellbeing.points] == [2, 3, 4]
    assert wellbeing.summary == "Your answer to “Taking part supports my work wellbeing.” rose from 2 to 4."


@pytest.mark.parametrize(("language", "values", "expected"), [
    ("en", (4, 2), "Your answer to “X” fell from 4 to 2."),
    ("en", (3, 3), "Your answer to “X” stayed at 3."),
    ("en", (3,), "Your answer to “X” so far: 3."),
    ("fi", (2, 4), "Vastauksesi väittämään ”X” nousi arvosta 2 arvoon 4."),
    ("sv", (2, 4), "Ditt svar på ”X” steg från 2 till 4."),
])
def test_trend_summary_is_translated(language, values, expected):
    points = tuple(TrendPoint(str(i), v) for i, v in enumerate(values))
    with translation.override(language), i18n.active_catalogue(language):
        assert reflections.trend_summary("X", points) == expected


def test_retirement_deletes_reflections_and_export_includes_them(season, config):
    save(season, "m1", season.sessions[0], config, texts={"went_well": "Mine"})
    save(season, "m2", season.sessions[0], config)
    exported = export_user("m1")
    assert len(exported["reflections"]) == 1
    answer = {"item_id": "went_well", "kind": "open", "value": None, "text": "Mine"}
    assert answer in exported["reflections"][0]["answers"]
    retire_user("m1")
    retire_user("m1")
    assert not Reflection.objects.filter(user_id="m1").exists()
    assert not ReflectionAnswer.objects.filter(text="Mine").exists()
    assert Reflection.objects.filter(user_id="m2").count() == 1


def test_completion_counts_sessions_held_so_far(season, config):
    viewer = season.member("m1")
    assert reflections.completion(season.block_key, viewer) == 0
    save(season, "m1", None, config)
    assert reflections.completion(season.block_key, viewer) == 0
    save(season, "m1", season.sessions[0], config)
    assert reflections.completion(season.block_key, viewer) == pytest.approx(1 / 3)
    assert reflections.grade(season.block_key, viewer, 5.0) == {"value": 1.0, "max_value": 5.0}
