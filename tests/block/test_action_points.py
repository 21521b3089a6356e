"""Action points in the group space: the group sees each session's action points with the owner's name;
the owner and the group's facilitators mark one done; the owner's open ones are a task on the home view.
Other groups see nothing of them, and nothing refused is written."""
import pytest

from tests.block.test_groups_handlers import block_for, create, people  # noqa: F401 (autouse: the LMS users)
from tests.block.test_handler_contract import assert_error_shape
from tests.helpers import call_handler, count_rows, whole_view
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock.models import ActionPoint, MentoringSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """Group A: facilitator 20, members Aino (41) and Mikko (42), an action point each from session 1;
    group B: member Liisa (43)."""
    group_id = create(max_size="9")
    for user_id in (41, 42):
        assert call_handler(block_for(user_id), "group_join", {"group_id": group_id})[0] == 200
    other_group = create("Other group", max_size="9", facilitator_person="")
    assert call_handler(block_for(43), "group_join", {"group_id": other_group})[0] == 200
    session_id = MentoringSession.objects.get(group_id=group_id, number=1).id
    for text, owner in (("Try exit tickets", "41"), ("Visit Aino's lesson", "42")):
        status, body = call_handler(block_for(20), "live_action_add",
                                    {"session_id": session_id, "text": text, "owner_id": owner})
        assert status == 200, body
    return {action.owner_id: action.id for action in ActionPoint.objects.all()}


def group_section(block):
    return block.render("student_view", {"section": "group"}).body_html()


def test_the_group_sees_each_action_point_with_its_owner_and_its_own_marked(world):
    html = group_section(block_for(41))
    assert "Try exit tickets" in html and "Visit Aino&#x27;s lesson" in html
    assert "<strong>Aino (you)</strong>" in html and "Mikko (you)" not in html
    assert 'aria-label="Mark done: Try exit tickets"' in html  # own: a button
    assert 'aria-label="Mark done: Visit Aino' not in html  # another's: none
    facilitator = group_section(block_for(20))
    assert "(you)" not in facilitator and facilitator.count('data-action="action_point_done"') == 2


def test_other_groups_see_nothing_and_cannot_mark(world):
    assert "Try exit tickets" not in whole_view(block_for(43))
    rows = count_rows()
    status, body = call_handler(block_for(43), "action_point_done", {"action_id": world["41"]})
    assert (status, body["error"]["code"]) == (404, "not_found")
    assert_error_shape(body, "not_found", None)
    status, body = call_handler(block_for(42), "action_point_done", {"action_id": world["41"]})  # not his
    assert (status, body["error"]["code"]) == (403, "forbidden")
    assert count_rows() == rows and not ActionPoint.objects.filter(done=True).exists()


@pytest.mark.parametrize(("payload", "status", "code", "field"), [
    ({"action_id": "x"}, 400, "invalid", "action_id"),
    ({}, 400, "required", "action_id"),
    ({"action_id": 999999}, 404, "not_found", None),
    ({"action_id": "OWN", "done": "maybe"}, 400, "invalid", "done"),
])
def test_refused_input_writes_nothing(world, payload, status, code, field):
    if payload.get("action_id") == "OWN":
        payload = {**payload, "action_id": world["41"]}
    rows = count_rows()
    got, body = call_handler(block_for(41), "action_point_done", payload)
    assert (got, body["error"]["code"]) == (status, code), body
    assert_error_shape(body, code, field)
    assert count_rows() == rows and not ActionPoint.objects.filter(done=True).exists()


def test_the_owner_marks_done_and_a_facilitator_reopens(world):
    status, body = call_handler(block_for(41), "action_point_done", {"action_id": world["41"], "done": True})
    assert status == 200, body
    assert body["message"] == "Action point marked done."
    assert ActionPoint.objects.get(id=world["41"]).done and not ActionPoint.objects.get(id=world["42"]).done
    assert "<s>Try exit tickets</s>" in body["html"] and "(done)" in body["html"]
    assert 'aria-label="Reopen: Try exit tickets"' in body["html"]
    status, body = call_handler(block_for(20), "action_point_done", {"action_id": world["41"], "done": False})
    assert status == 200 and body["message"] == "Action point reopened."
    assert not ActionPoint.objects.get(id=world["41"]).done


def test_the_owners_open_action_points_are_a_task_on_the_home_view(world):
    first = block_for(41).render("student_view").body_html()
    assert 'data-task="actions"' in first and "Your open action points: 1." in first
    assert 'href="#verme-group" data-section="group"' in first.split('data-task="actions"', 1)[1][:60]
    assert 'data-task="actions"' not in block_for(20).render("student_view").body_html()  # owns none
    call_handler(block_for(41), "action_point_done", {"action_id": world["41"]})
    assert 'data-task="actions"' not in block_for(41).render("student_view").body_html()
    assert "Your open action points: 1." in block_for(42).render("student_view").body_html()


def test_a_masquerade_sees_the_learners_group_and_changes_nothing(world):
    from tests.block.test_groups_handlers import KEY
    from tests.runtimes import make_block

    as_liisa = make_block(43, username="u43", full_name="Liisa", usage_key=KEY, real_user_id=7)
    assert "Try exit tickets" not in whole_view(as_liisa)
    as_aino = make_block(41, username="u41", full_name="Aino", usage_key=KEY, real_user_id=7)
    assert "Try exit tickets" in group_section(as_aino)  # group-shared, as the session's minutes
    status, body = call_handler(as_aino, "action_point_done", {"action_id": world["41"]})
    assert (status, body["error"]["code"]) == (403, "read_only")
    assert not ActionPoint.objects.filter(done=True).exists()


def test_every_payload_in_an_action_point_renders_inert_in_the_group_space(world):
    session_id = ActionPoint.objects.get(id=world["41"]).session_id
    for payload in PAYLOADS:
        ActionPoint.objects.all().delete()
        status, body = call_handler(block_for(20), "live_action_add",
                                    {"session_id": session_id, "text": payload[:500], "owner_id": "41"})
        assert status == 200, body
        assert dangerous_parts(group_section(block_for(41))) == [], payload
