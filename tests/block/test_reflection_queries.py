"""The learner's reflection view and the facilitator's figures use a fixed number of queries."""
import datetime

import pytest
from django.utils import timezone

from tests.helpers import first_view
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


def count_queries(block, section=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        block.render("student_view", {"section": section} if section else None)
    return len(captured)


# The first view is the home: the viewer (1 query), the season of the viewer's groups in one query,
# the plan changes, the new posts and, for moderators, the open reports (staff: groups below the
# minimum and people waiting instead of the season, from the cache once counted). The section that
# holds reflections, opened on its own, takes its own fixed number: the member's own reflections;
# the facilitator's and staff's overview with the dashboard figures and the reflection figures.
# The very first view stores the e-mail sender's copy of the settings, so the test views once
# before counting. Staff's reflection figures skip
# the two queries of shared reflections: those are for facilitators.
@pytest.mark.parametrize(("viewer", "home", "section", "expected"),
                         [("m1", 4, "reflections", 5), ("fac", 5, "mygroups", 9 + 11),
                          ("staff", 3, "figures", 7)])
def test_view_queries_do_not_grow_with_reflections(viewer, home, section, expected, django_assert_num_queries):
    season = make_season(make_block("m1").block_key, members=("m1", "m2", "m3"))
    block = make_block(viewer, is_staff=viewer == "staff")
    config = block.config("en")
    fill(season, config, 1, ("m1",))
    reflections.set_shared(season.block_key, season.member("m1"), None, True)
    first_view(make_block(viewer, is_staff=viewer == "staff"))
    assert (count_queries(block), count_queries(block, section)) == (home, expected)
    fill(season, config, 6, ("m1", "m2", "m3"))
    reflections.set_shared(season.block_key, season.member("m2"), season.sessions[1], True)
    with django_assert_num_queries(home):
        make_block(viewer, is_staff=viewer == "staff").render("student_view")
    with django_assert_num_queries(expected):
        make_block(viewer, is_staff=viewer == "staff").render("student_view", {"section": section})
