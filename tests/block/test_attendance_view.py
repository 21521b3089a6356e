"""The facilitator's session list offers attendance only for sessions that took place, and says why not."""
import pytest

from tests.helpers import call_handler
from tests.reflection_setup import make_season
from tests.runtimes import make_block
from verme_xblock.api import sessions

pytestmark = pytest.mark.django_db


def test_attendance_form_only_for_held_sessions_with_the_reason_otherwise():
    block = make_block("fac", username="fac", full_name="Facilitator")
    season = make_season(block.block_key, held=2)
    sessions.set_cancelled(block.block_key, season.facilitator(), season.sessions[1], True)

    def opened(session_id):  # a session's editors and attendance open one session at a time
        status, body = call_handler(block, "section_show", {"section": "group", "open": str(session_id)})
        assert status == 200
        return body["html"]

    held, cancelled, future = (opened(session_id) for session_id in season.sessions[:3])
    assert held.count('data-action="attendance_record"') == 1
    assert 'data-action="attendance_record"' not in cancelled + future
    assert "This session was cancelled, so no attendance is recorded for it." in cancelled
    assert "Attendance can be recorded once the session has started." in future
