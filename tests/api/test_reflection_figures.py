"""Group figures: computed in the database, withheld below k, no answer derivable from another view."""
import pytest

from tests.reflection_setup import STAFF, all_items, make_season
from tests.runtimes import make_block
from verme_xblock.api import reflections
from verme_xblock.api.reflection_figures import reflection_figures
from verme_xblock.errors import Refusal
from verme_xblock.models import Reflection

pytestmark = pytest.mark.django_db


@pytest.fixture
def block():
    return make_block("m1", fields={"anonymity_threshold": 3})


@pytest.fixture
def season(block):
    return make_season(block.block_key)


def submit(season, config, user_id, session_index, value, texts=None, shared=False):
    session_id = season.sessions[session_index] if session_index is not None else None
    reflections.save_reflection(season.block_key, season.member(user_id), config, session_id,
                                all_items(config, value), texts or {}, submit=True)
    if shared:
        reflections.set_shared(season.block_key, season.member(user_id), session_id, True)


def figures_of(season, config, viewer=None):
    viewer = viewer or season.facilitator()
    _choices, groups = reflection_figures(season.block_key, viewer, config, season.group_id)
    return next(group for group in groups if group.group_id == season.group_id)


def session_figures(group, number):
    return next(s for s in group.sessions if s.slot.number == number)


def test_below_k_nothing_is_shown_and_at_k_mean_and_distribution_are(season, block):
    config = block.config("en")
    submit(season, config, "m1", 0, 2)
    submit(season, config, "m2", 0, 4)
    figures = session_figures(figures_of(season, config), 1)
    assert figures.submitted == 2
    assert not figures.any_shown
    assert all(item.mean is None and item.distribution == () for item in figures.items)
    submit(season, config, "m3", 0, 4)
    item = session_figures(figures_of(season, config), 1).items[0]
    assert (item.shown, item.answered, item.mean, item.distribution) == (True, 3, 3.3, (0, 1, 0, 2, 0))


def test_drafts_and_open_answers_are_never_aggregated(season, block):
    config = block.config("en")
    for user_id in ("m1", "m2"):
        submit(season, config, user_id, 0, 3, texts={"went_well": "secret words"})
    reflections.save_reflection(season.block_key, season.member("m3"), config, season.sessions[0],
                                all_items(config, 5), {}, submit=False)
    group = figures_of(season, config)
    assert session_figures(group, 1).submitted == 2 and not session_figures(group, 1).any_shown
    assert "secret words" not in repr(group)


def test_removing_one_answer_from_a_shown_figure_reveals_nothing_elsewhere(season, block):
    config = block.config("en")
    for user_id, value in (("m1", 1), ("m2", 4), ("m3", 5)):
        submit(season, config, user_id, 0, value)
    for user_id in ("m1", "m2", "m3", "m4"):
        submit(season, config, user_id, 1, 3)
    before = figures_of(season, config)
    assert session_figures(before, 1).any_shown and session_figures(before, 2).any_shown
    Reflection.objects.filter(user_id="m1", slot=season.sessions[0]).delete()
    after = figures_of(season, config)
    # Session 1 drops to k-1 answers: its figures are withheld, and the other figures are the
    # same as before, so no difference between two shown numbers gives away the removed answer.
    assert not session_figures(after, 1).any_shown
    assert session_figures(after, 2).items == session_figures(before, 2).items
    shown_numbers = [(s.slot.number, i.item_id, i.answered, i.mean, i.distribution)
                     for s in after.sessions for i in s.items if i.shown]
    assert all(number == 2 for number, *_rest in shown_numbers)


def test_shared_answers_do_not_count_towards_k(season, block):
    config = block.config("en")
    submit(season, config, "m1", 0, 2, texts={"went_well": "Shared words"}, shared=True)
    submit(season, config, "m2", 0, 4)
    submit(season, config, "m3", 0, 4)
    group = figures_of(season, config)
    # Three answered, but subtracting the shared one would leave two: withheld.
    assert not session_figures(group, 1).any_shown
    assert [view.open[0].text for view in group.shared] == ["Shared words"]
    submit(season, config, "m4", 0, 5)
    assert session_figures(figures_of(season, config), 1).items[0].distribution == (0, 1, 0, 2, 1)


def test_facilitator_sees_shared_text_only_and_staff_never_see_text(season, block):
    config = block.config("en")
    submit(season, config, "m1", 0, 3, texts={"went_well": "Unshared words"})
    submit(season, config, "m2", 0, 3, texts={"went_well": "Shared words"}, shared=True)
    for viewer in (season.facilitator(), STAFF):
        group = figures_of(season, config, viewer)
        assert "Unshared words" not in repr(group)
        statuses = {member.display_name: member.submitted for member in group.members}
        assert statuses["Member m1"] == (False, True, False, False)
    assert [view.author_name for view in figures_of(season, config).shared] == ["Member m2"]
    # Sharing is with the group's facilitators: course staff see who submitted, never the text.
    staff_view = figures_of(season, config, STAFF)
    assert staff_view.shared == () and not staff_view.reads_shared
    assert "Shared words" not in repr(staff_view)
    reflections.set_shared(season.block_key, season.member("m2"), season.sessions[0], False)
    assert figures_of(season, config).shared == ()


def test_learners_and_other_facilitators_get_no_figures(season, block):
    config = block.config("en")
    with pytest.raises(Refusal):
        reflection_figures(season.block_key, season.member("m1"), config)
    from verme_xblock.data import Viewer

    other = Viewer("fac2", "Other", "facilitator", False, None, (season.other_group_id,))
    choices, (group,) = reflection_figures(season.block_key, other, config)
    assert [group_id for group_id, _name in choices] == [group.group_id] == [season.other_group_id]
    with pytest.raises(Refusal) as refused:
        reflection_figures(season.block_key, other, config, season.group_id)
    assert refused.value.status == 404


def test_staff_see_one_group_at_a_time(season, block):
    from verme_xblock.data import Viewer

    staff = Viewer("staff", "Staff", "staff", True, None)
    choices, shown = reflection_figures(season.block_key, staff, config := block.config("en"))
    assert len(choices) == 2 and len(shown) == 1
    _choices, (chosen,) = reflection_figures(season.block_key, staff, config, choices[1][0])
    assert chosen.group_id == choices[1][0]


def test_threshold_is_never_below_two(season):
    block = make_block("m1", fields={"anonymity_threshold": 1})
    config = block.config("en")
    submit(season, config, "m1", 0, 3)
    assert not session_figures(figures_of(season, config), 1).any_shown
