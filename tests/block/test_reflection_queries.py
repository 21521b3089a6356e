"""The learner's reflection view and the facilitator's figures use a fixed number of queries."""
import datetime

import pytest
from django.utils import timezone

from tests.reflection_setup import all_items, make_season
from tests.runtimes import make_block
from verme_xblock.api import reflections

pytestmark = pytest.mark.django_db


def fill(season, config, sessions, members):
    now = timezone.now()
    ids = list(season.sessions[:-1])
    for number in range(len(ids) + 1, sessions + 1):
        ids.append(reflections.ensure_session(season.group_id, number + 10, title=f"Extra {number}",
                                              starts_at=now - datetime.timedelta(hours=number)))
    for user_id in members:
        for session_id in (None, *ids[:sessions]):
            reflections.save_reflection(season.block_key, season.member(user_id), config, session_id,
                                        all_items(config, 4), {"went_well": "Fine"}, submit=True)


def count_queries(block):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        block.render("student_view")
    return len(captured)


# The whole learner view: the reflection sections plus the group section (6 for a member with the
# group's space alone, 8 for a facilitator with their groups and the space, 3 for staff with the
# group list and rosters) and the
# good-practice bank section, which adds its own fixed part (with no posts: the member's sessions,
# one page query, two filter-choice queries; moderators: the queue and the log); facilitators and
# staff also get the dashboard section (its figures: 11 for a facilitator's overview; 12 for staff: one
# page of groups counted, ordered and given its figures, the groups with seats, the unplaced, the reports).
# Every signed-in view adds 2 for e-mail messages: the upsert of the sender's copy of the settings
# and the person's own message choices. Staff's reflection figures skip the two queries of shared
# reflections: those are for facilitators.
@pytest.mark.parametrize(("viewer", "expected"),
                         # the group space's season plan and travel add 4 (goals, personal goals, agreements, travel);
                         # the directory 3 (own card, membership details, cards; their groups only when there
                         # are cards) and the bank's links to authors' cards 1; the season feedback 1
                         [("m1", 5 + 6 + 4 + 2 + 4 + 4 + 1), ("fac", 9 + 8 + 5 + 11 + 2 + 4 + 4 + 1),
                          ("staff", 7 + 3 + 5 + 12 + 2 + 4)])
def test_view_queries_do_not_grow_with_reflections(viewer, expected, django_assert_num_queries):
    season = make_season(make_block("m1").block_key, members=("m1", "m2", "m3"))
    block = make_block(viewer, is_staff=viewer == "staff")
    config = block.config("en")
    fill(season, config, 1, ("m1",))
    reflections.set_shared(season.block_key, season.member("m1"), None, True)
    assert count_queries(block) == expected
    fill(season, config, 6, ("m1", "m2", "m3"))
    reflections.set_shared(season.block_key, season.member("m2"), season.sessions[1], True)
    with django_assert_num_queries(expected):
        make_block(viewer, is_staff=viewer == "staff").render("student_view")
