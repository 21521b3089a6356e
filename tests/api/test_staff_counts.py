"""Course staff's counts on the home (groups below their minimum, people waiting) come from the
cache, and every change to groups, memberships or visitors is counted again at once."""
import pytest

from verme_xblock import roles
from verme_xblock.api import dashboard, groups, lifecycle, privacy, staff_counts, teams
from verme_xblock.data import Viewer
from verme_xblock.keys import course_key_of

pytestmark = pytest.mark.django_db

BLOCK = "block-v1:Verme+Demo+2026+type@verme+block@counts"
STAFF = Viewer("1", "Sanna", roles.STAFF, True, None)


def learner(user_id, group_id=None):
    return Viewer(str(user_id), f"Learner {user_id}", roles.LEARNER, False, group_id)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write with what follows its commit, as the end of its request's transaction would."""
    def run(write, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(*args, **kwargs)
    return run


def shown():
    """The counts the home shows, checked against a fresh count of the database."""
    cached = staff_counts.counts(BLOCK)
    assert cached == staff_counts._count(BLOCK)
    return cached


def test_every_change_to_groups_members_and_visitors_is_counted_again(committed):
    a = committed(groups.create_group, BLOCK, STAFF, name="A", min_size=2)
    b = committed(groups.create_group, BLOCK, STAFF, name="B", min_size=2)
    assert shown() == (2, ("A", "B"), 0)
    committed(groups.join, BLOCK, learner(11), a, enrolment_mode=groups.SELF_SELECT)
    committed(groups.join, BLOCK, learner(12), a, enrolment_mode=groups.SELF_SELECT)
    assert shown() == (1, ("B",), 0)
    committed(dashboard.note_visit, BLOCK, learner(13))
    assert shown() == (1, ("B",), 1)
    committed(groups.assign_member, BLOCK, STAFF, b, user_id="13", display_name="Learner 13")
    assert shown() == (1, ("B",), 0)
    committed(groups.update_group, BLOCK, STAFF, b, name="B", target_group="", description="", place="",
              meeting_url="", min_size=1, max_size=9)
    assert shown() == (0, (), 0)
    committed(groups.remove_member, BLOCK, STAFF, b, user_id="13")
    assert shown() == (1, ("B",), 1)
    committed(groups.set_archived, BLOCK, STAFF, b, True)
    assert shown() == (0, (), 1)
    committed(groups.leave, BLOCK, learner(12, a))
    assert shown() == (1, ("A",), 1)
    committed(groups.assign_member, BLOCK, STAFF, a, user_id="13", display_name="Learner 13")
    assert shown() == (0, (), 0)
    committed(privacy.retire_user, "13")
    assert shown() == (1, ("A",), 0)
    committed(dashboard.note_visit, BLOCK, learner(14))
    assert shown() == (1, ("A",), 1)
    committed(lifecycle.end_enrolment, course_key_of(BLOCK), "14")
    assert shown() == (1, ("A",), 0)


def test_a_team_that_is_gone_archives_its_group_and_the_counts_follow(committed):
    committed(teams.sync_groups, BLOCK, {"t1": "Team one", "t2": "Team two"}, 9)
    assert shown()[0] == 2
    committed(teams.sync_groups, BLOCK, {"t1": "Team one"}, 9)
    assert shown() == (1, ("Team one",), 0)


def test_a_count_read_before_a_change_is_not_served_after_it(committed, monkeypatch):
    """A reader that counted the old rows while a change committed stores its count under the
    generation the change left behind: the next reader counts again."""
    a = committed(groups.create_group, BLOCK, STAFF, name="A", min_size=1)
    count = staff_counts._count

    def count_then_someone_joins(block_key):
        before = count(block_key)
        committed(groups.join, BLOCK, learner(21), a, enrolment_mode=groups.SELF_SELECT)
        return before

    monkeypatch.setattr(staff_counts, "_count", count_then_someone_joins)
    assert staff_counts.counts(BLOCK) == (1, ("A",), 0)  # the count from before the join
    monkeypatch.setattr(staff_counts, "_count", count)
    assert staff_counts.counts(BLOCK) == (0, (), 0)


def test_a_repeated_staff_home_reads_the_counts_from_the_cache(committed, django_assert_num_queries):
    committed(groups.create_group, BLOCK, STAFF, name="A", min_size=2)
    assert staff_counts.counts(BLOCK) == (1, ("A",), 0)
    with django_assert_num_queries(0):
        assert staff_counts.counts(BLOCK) == (1, ("A",), 0)
