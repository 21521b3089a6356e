"""The season plan and travel handlers through an LMS-shaped runtime: each role, refused input writes
nothing, and every XSS payload through goals, themes, personal goals and travel notes renders inert."""
import pytest

from tests.block.test_groups_handlers import block_for, create, people  # noqa: F401 (autouse: the LMS users)
from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, whole_view
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock.models import Attendance, GroupGoal, MentoringSession, PersonalGoal, RuleAgreement, TravelRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def group_id():
    group_id = create(max_size="9")
    for user_id in (41, 42):
        assert call_handler(block_for(user_id), "group_join", {"group_id": group_id})[0] == 200
    return group_id


def first_session(group_id):
    return MentoringSession.objects.get(group_id=group_id, number=1)


def test_a_member_writes_the_plan_of_session_one_and_the_group_sees_it(group_id):
    aino = block_for(41)
    status, body = call_handler(aino, "season_agree_rules", {})
    assert status == 200 and body["message"] == "You agreed to the ground rules."
    assert "You have agreed to the ground rules." in body["html"]
    assert call_handler(aino, "season_goal_add", {"group_id": group_id, "text": "Learn dialogue"})[0] == 200
    assert call_handler(aino, "season_personal_goal", {"text": "Calmer mornings"})[0] == 200
    second = MentoringSession.objects.get(group_id=group_id, number=2)
    assert call_handler(aino, "season_theme_save", {"session_id": second.id, "theme": "Guidance"})[0] == 200
    html = whole_view(block_for(42))
    assert "Learn dialogue" in html and "Calmer mornings" in html and "Guidance" in html
    assert "1 of 2 members have agreed to the ground rules." in html
    assert "I agree to the ground rules" in html  # Mikko has not agreed yet
    facilitator_html = whole_view(block_for(20))
    assert "Our season plan" in facilitator_html and "I agree to the ground rules" not in facilitator_html
    assert "Learn dialogue" not in whole_view(block_for(99))


@pytest.mark.parametrize(("handler", "payload", "status", "code", "field"), [
    ("season_goal_add", {"text": "x"}, 400, "required", "group_id"),
    ("season_goal_add", {"group_id": "{group}", "text": "  "}, 400, "required", "text"),
    ("season_goal_add", {"group_id": "{group}", "text": "x" * 501}, 400, "too_long", "text"),
    ("season_goal_add", {"group_id": "{group}", "text": ["x"]}, 400, "invalid", "text"),
    ("season_goal_remove", {"goal_id": 999999}, 404, "not_found", None),
    ("season_theme_save", {"session_id": "{session}", "theme": "x" * 201}, 400, "too_long", "theme"),
    ("season_personal_goal", {"text": "x" * 501}, 400, "too_long", "text"),
    ("travel_record", {"session_id": "{session}", "kilometres": "many"}, 400, "invalid", "kilometres"),
    ("travel_record", {"session_id": "{session}", "kilometres": "1.25"}, 400, "invalid", "kilometres"),
    ("travel_record", {"session_id": "{session}", "amount": "-3"}, 400, "too_small", "amount"),
    ("travel_record", {"session_id": "{session}", "amount": "1e9"}, 400, "too_large", "amount"),
    ("travel_record", {"session_id": "{session}", "amount": True}, 400, "invalid", "amount"),
    ("travel_record", {"session_id": "{session}", "kilometres": "5", "note": "x" * 501}, 400, "too_long", "note"),
    ("travel_record", {"session_id": "{session}", "kilometres": "5", "user_id": "42"}, 403, "forbidden", None),
])
def test_refused_input_answers_the_error_shape_and_writes_nothing(group_id, handler, payload, status, code, field):
    session = first_session(group_id)
    Attendance.objects.create(session=session, user_id="41", display_name="Aino", status="present", minutes=180)
    payload = {key: {"{group}": group_id, "{session}": session.id}.get(value, value) if isinstance(value, str)
               else value for key, value in payload.items()}
    rows = count_rows()
    got_status, body = call_handler(block_for(41), handler, payload)
    assert (got_status, body["error"]["code"]) == (status, code), body
    assert_error_shape(body, code, field)
    assert count_rows() == rows


def test_outsiders_are_refused_everywhere(group_id):
    outsider = block_for(99)
    rows = count_rows()
    for handler, payload in [("season_goal_add", {"group_id": group_id, "text": "x"}),
                             ("season_personal_goal", {"text": "x"}), ("season_agree_rules", {}),
                             ("season_theme_save", {"session_id": first_session(group_id).id, "theme": "x"}),
                             ("travel_record", {"session_id": first_session(group_id).id, "kilometres": "3"})]:
        status, body = call_handler(outsider, handler, payload)
        assert status == 403, (handler, body)
    assert count_rows() == rows


def test_travel_with_a_decimal_comma_and_the_facilitator_for_a_member(group_id):
    session = first_session(group_id)
    for user_id, name in (("41", "Aino"), ("42", "Mikko")):
        Attendance.objects.create(session=session, user_id=user_id, display_name=name, status="present", minutes=180)
    status, body = call_handler(block_for(41, fields={"travel_km_rate": "0.25"}), "travel_record",
                                {"session_id": session.id, "kilometres": "42,5", "amount": "", "note": "Bus"})
    assert status == 200, body
    assert "Your travel to session 1: 42.5 km" in body["html"]
    status, body = call_handler(block_for(20), "travel_record",
                                {"session_id": session.id, "user_id": "42", "amount": "12.5"})
    assert status == 200, body
    assert "Travel of Mikko to session 1: €12.50" in body["html"]
    assert sorted(TravelRecord.objects.values_list("user_id", "kilometres", "amount")) == [
        ("41", 42.5, None), ("42", None, 12.5)]


def test_every_payload_renders_inert(group_id):
    session = first_session(group_id)
    Attendance.objects.create(session=session, user_id="41", display_name="Aino", status="present", minutes=180)
    second = MentoringSession.objects.get(group_id=group_id, number=2)
    aino, facilitator = block_for(41), block_for(20)
    for index, payload in enumerate(PAYLOADS):
        for handler, data in [("season_goal_add", {"group_id": group_id, "text": payload[:500]}),
                              ("season_personal_goal", {"text": payload[:500]}),
                              ("season_theme_save", {"session_id": second.id, "theme": payload[:200]}),
                              ("travel_record", {"session_id": session.id, "kilometres": "1", "note": payload[:500]})]:
            status, body = call_handler(aino, handler, data)
            assert status == 200, (handler, payload, body)
            assert dangerous_parts(body["html"]) == [], (handler, payload)
        if index % 4 == 0:  # the facilitator's whole view too (it shows every member's travel)
            assert dangerous_parts(whole_view(facilitator)) == [], payload
        status, body = call_handler(aino, "season_goal_remove", {"goal_id": GroupGoal.objects.get().id})
        assert status == 200 and dangerous_parts(body["html"]) == [], payload
    assert GroupGoal.objects.count() == 0 and PersonalGoal.objects.count() == 1
    assert call_handler(aino, "season_agree_rules", {})[0] == 200 and RuleAgreement.objects.count() == 1
