"""The course search index and the mobile apps' JSON (`student_view_data` and `mobile_data`)."""
import datetime
import json

import pytest
from django.utils import timezone

from tests.helpers import call_handler
from tests.runtimes import UsageKey, make_block
from verme_xblock.models import MentoringGroup, MentoringSession

pytestmark = pytest.mark.django_db

KEY = UsageKey(block="mobile1")
FIELDS = {"display_name": "Mentoring for new teachers",
          "introduction": "## Welcome\n\nFive sessions, **three hours** each. <script>x()</script>"}
FIRST = (timezone.now() + datetime.timedelta(days=3)).replace(second=0, microsecond=0)


def block_for(user_id, **kwargs):
    return make_block(user_id, username=f"u{user_id}", full_name=f"Person {user_id}", usage_key=KEY, fields=FIELDS,
                      **kwargs)


@pytest.fixture
def group():
    staff = block_for(7, is_staff=True)
    status, body = call_handler(staff, "group_create", {
        "name": "Autumn circle", "place": "Room 101", "meeting_url": "https://meet.example.org/autumn",
        "first_session_at": timezone.localtime(FIRST).strftime("%Y-%m-%dT%H:%M")})
    assert status == 200, body
    assert call_handler(block_for(41), "group_join", {"group_id": MentoringGroup.objects.get().id})[0] == 200
    return MentoringGroup.objects.get()


def test_the_search_index_has_the_name_and_introduction_as_text_and_no_people(group):
    index = block_for(7, is_staff=True).index_dictionary()
    assert index["content_type"] == "Peer-group mentoring"
    assert index["content"]["display_name"] == "Mentoring for new teachers"
    assert index["content"]["introduction"] == "Welcome Five sessions, three hours each. x()"
    text = json.dumps(index)
    assert "Autumn circle" not in text and "Person 41" not in text and "Room 101" not in text


def test_student_view_data_is_the_same_for_everyone_and_links_the_learners_data(group):
    data = block_for(41).student_view_data()
    assert json.loads(json.dumps(data)) == {
        "display_name": "Mentoring for new teachers", "introduction": FIELDS["introduction"],
        "session_count": 5, "session_length_minutes": 180,
        "learner_data_url": f"/handler/{KEY}/mobile_data/",
    }
    assert block_for(None).student_view_data() == data  # the platform collects it for no user and caches it


def test_a_member_gets_their_group_and_next_session_as_json(group):
    status, data = call_handler(block_for(41), "mobile_data", method="GET")
    first = MentoringSession.objects.get(group=group, number=1)
    assert status == 200
    assert data == {
        "group": {"id": group.id, "name": "Autumn circle", "target_group": "", "facilitators": [],
                  "members": ["Person 41"], "place": "Room 101", "meeting_url": "https://meet.example.org/autumn"},
        "next_session": {
            "id": first.id, "number": 1, "title": first.title,
            "starts_at": first.starts_at.isoformat(),
            "ends_at": (first.starts_at + datetime.timedelta(minutes=180)).isoformat(),
            "duration_minutes": 180, "place": "Room 101", "meeting_url": "https://meet.example.org/autumn",
            "prepare": {"goal": first.goal, "methods": first.methods, "agenda": first.agenda},
        },
        "links": {"calendar": f"/handler/{KEY}/calendar_ics/",
                  "print_next_session": f"/handler/{KEY}/session_print/?session_id={first.id}"},
    }
    assert data["next_session"]["prepare"]["goal"]  # the session template's goal, from the Studio settings


def test_someone_in_no_group_or_signed_out_gets_no_group_data(group):
    for block in (block_for(99), block_for(None)):
        assert call_handler(block, "mobile_data", method="GET") == (
            200, {"group": None, "next_session": None, "links": {}})
    assert call_handler(block_for(41), "mobile_data", {})[0] == 405
