"""The facilitator's session list offers attendance only for sessions that took place, and says why not."""
import pytest

from tests.reflection_setup import make_season
from tests.runtimes import make_block
from verme_xblock.api import sessions

pytestmark = pytest.mark.django_db


def test_attendance_form_only_for_held_sessions_with_the_reason_otherwise():
    block = make_block("fac", username="fac", full_name="Facilitator")
    season = make_season(block.block_key, held=2)
    sessions.set_cancelled(block.block_key, season.facilitator(), season.sessions[1], True)
    html = block.render("student_view").body_html()
    assert html.count('data-action="attendance_record"') == 1  # session 1 only
    assert "Attendance can be recorded once the session has started." in html  # session 3, in the future
    assert "This session was cancelled, so no attendance is recorded for it." in html  # session 2
