"""The dashboard one page of groups at a time: ordered in the database by every sortable column,
with the total, in the same number of queries however many groups there are."""
import pytest

from tests.api.reports_world import (
    KEY,
    LEARNER,
    STAFF,
    facilitator,
    make_group,
    post,
    record,
    submit_reflection,
)
from verme_xblock.api import dashboard
from verme_xblock.api.dashboard_pages import SORTS, group_figures_page
from verme_xblock.errors import Refusal
from verme_xblock.models import Attendance

pytestmark = pytest.mark.django_db


def people(prefix, count):
    return [(f"{prefix}{n}", f"Person {n}", "Org") for n in range(count)]


@pytest.fixture
def groups():
    """Five groups whose figures differ in every column."""
    made = {}
    for index, (name, size, target) in enumerate(
        [("delta", 2, "special_needs"), ("Alpha", 6, "new_teachers"), ("charlie", 4, "study_counsellors"),
         ("Bravo", 8, "experienced"), ("echo", 5, "new_teachers")]
    ):
        group = made[name] = make_group(name, people(f"{name}-", size), sessions=2 + index % 3, target=target,
                                        facilitator_id=f"f{index}")
        for n in range(index):
            post(group, f"{name} post {n}")
        record(group, 1, f"{name}-0", Attendance.PRESENT)
        if index % 2:
            record(group, 1, f"{name}-1", Attendance.ABSENT)
        for n in range(min(index, size)):
            submit_reflection(group, 1, f"{name}-{n}")
    return made


def key_of(figures, sort):
    """The value the client-side sort used for a column (None sorts last)."""
    return {
        "name": figures.name.lower(), "members": figures.member_count, "sessions": figures.sessions_held,
        "next": figures.next_session_at, "attendance": figures.attendance_rate,
        "reflections": figures.reflection_rate, "posts": figures.posts,
        "facilitators": figures.facilitator_names[0].lower(),
    }[sort]


@pytest.mark.parametrize("sort", [s for s in SORTS if s != "target"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_column_orders_the_pages_in_the_database(groups, sort, descending):
    seen = []
    for page in (1, 2, 3):
        result = group_figures_page(KEY, STAFF, sort=sort, descending=descending, page=page, page_size=2)
        assert result.total == 5 and result.pages == 3
        seen.extend(result.figures)
    assert sorted(f.name for f in seen) == sorted(groups)  # every group once
    present = [key_of(f, sort) for f in seen if key_of(f, sort) is not None]
    assert present == sorted(present, reverse=descending)
    missing = [i for i, f in enumerate(seen) if key_of(f, sort) is None]
    assert missing == list(range(len(seen) - len(missing), len(seen)))  # no value: last either way


def test_target_groups_sort_by_their_labels_in_the_readers_language(groups):
    order = ["special_needs", "experienced", "study_counsellors", "new_teachers"]  # e.g. Finnish labels' order
    result = group_figures_page(KEY, STAFF, sort="target", page_size=10, target_order=order)
    assert [f.target_group for f in result.figures] == [
        "special_needs", "experienced", "study_counsellors", "new_teachers", "new_teachers"]


def test_figures_on_a_page_are_those_of_the_whole_dashboard(groups):
    whole = {f.id: f for f in dashboard.group_figures(KEY, STAFF)}
    page = group_figures_page(KEY, STAFF, sort="posts", descending=True, page_size=3)
    assert all(whole[f.id] == f for f in page.figures)


def test_a_page_takes_nine_queries_however_many_groups(groups, django_assert_num_queries):
    for sort in SORTS:
        with django_assert_num_queries(9):
            group_figures_page(KEY, STAFF, sort=sort, page_size=2)
    for index in range(12):
        make_group(f"More {index}", people(f"more{index}-", 7))
    for sort in SORTS:
        with django_assert_num_queries(9):
            result = group_figures_page(KEY, STAFF, sort=sort, page=3, page_size=2)
        assert result.total == 17 and len(result.figures) == 2


def test_facilitators_page_their_own_groups_and_learners_are_refused(groups):
    mine = group_figures_page(KEY, facilitator(groups["Bravo"].id, user_id="f3"))
    assert [f.name for f in mine.figures] == ["Bravo"] and mine.total == 1
    with pytest.raises(Refusal):
        group_figures_page(KEY, LEARNER)
    assert group_figures_page(KEY, STAFF, page=9).figures == ()
