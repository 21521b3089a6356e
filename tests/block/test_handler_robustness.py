"""Bad input, control characters and a database outage: a 4xx or 503 with the error shape, never a 500,
and a write answers 2xx only when it committed."""
import json

import pytest
from django.db import OperationalError, connection
from webob import Request

from tests.block.test_handler_contract import assert_error_shape
from tests.block.test_handler_matrix import EXPECTED, SHAPES, World, call, payloads
from tests.helpers import count_rows
from tests.runtimes import COURSE, make_block
from verme_xblock.models import Comment, MentoringGroup, Post

pytestmark = pytest.mark.django_db


def post(block, name, body):
    request = Request.blank("/", method="POST", body=body, content_type="application/json")
    response = block.runtime.handle(block, name, request)
    return response.status_code, json.loads(response.body)


def test_deeply_nested_json_is_refused_as_unreadable():
    World()
    block = make_block(**SHAPES["learner"])
    before = count_rows()
    deep = b'{"title": ' + b'{"nested": ' * 8000 + b"1" + b"}" * 8000 + b"}"
    assert 90_000 < len(deep) < 256 * 1024
    for body in (deep, b'{"title": ' + b"[" * 25 + b"]" * 25 + b"}"):
        status, answer = post(block, "bank_create", body)
        assert status == 400
        assert_error_shape(answer, "invalid_json")
    assert count_rows() == before


# (handler, shape, payload with a NUL byte in one text field, that field)
TEXT_FIELDS = [
    ("bank_create", "learner", {"title": "A\x00B", "body": "x", "tags": [], "visibility": "course"}, "title"),
    ("bank_create", "learner", {"title": "A", "body": "x\x07", "tags": [], "visibility": "course"}, "body"),
    ("bank_comment", "learner", {"post_id": None, "body": "\x1bhi"}, "body"),
    ("bank_report", "learner", {"post_id": None, "reason": "bad\x00"}, "reason"),
    ("group_create", "staff", {"name": "G\x00"}, "name"),
    ("profile_update", "learner", {"organisation": "Or\x0bg", "role": ""}, "organisation"),
    ("plan_save", "learner", {"group_id": None, "base_version": 0, "text": "plan\x00"}, "text"),
    ("studio_save", "studio", {"display_name": "Name\x00"}, "display_name"),
    ("reflection_save", "learner", {"session_id": None, "submit": False, "answers": {"went_well": "\x00"}},
     "answers.went_well"),
    ("bank_create", "learner", {"title": "\ud800", "body": "x", "tags": [], "visibility": "course"}, "title"),
]


@pytest.mark.parametrize(("name", "shape", "payload", "field"), TEXT_FIELDS)
def test_control_characters_are_refused_in_every_text_field(name, shape, payload, field):
    world = World()
    payload = {key: (world.other_post if key == "post_id" else world.group if key == "group_id" else value)
               if value is None and key != "session_id" else value for key, value in payload.items()}
    block = make_block(**SHAPES[shape])
    before = count_rows()
    status, answer = post(block, name, json.dumps(payload).encode())
    assert status == 400, answer
    assert_error_shape(answer, "control_characters", field)
    assert count_rows() == before


def test_line_ends_are_kept_as_newlines_and_tabs_pass():
    world = World()
    block = make_block(**SHAPES["learner"])
    status, _ = post(block, "bank_comment", json.dumps({"post_id": world.other_post,
                                                        "body": "one\r\ntwo\rthree\tfour"}).encode())
    assert status == 200
    assert Comment.objects.get().body == "one\ntwo\nthree\tfour"


class Outage:
    """Every statement fails as if the server had gone away (MySQL error 2006)."""

    def __call__(self, execute, sql, params, many, context):
        raise OperationalError(2006, "MySQL server has gone away")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_database_outage_answers_503_json_from_every_handler(name):
    world = World()
    method, data = payloads(world)[name]
    shape = "studio" if name.startswith("studio_") else "staff" if EXPECTED[name][1] == 200 else "learner"
    block = make_block(**SHAPES[shape])
    before = count_rows()
    with connection.execute_wrapper(Outage()):
        response = call(block, name, method, data)
    assert response.status_code == 503
    assert response.content_type == "application/json"
    assert response.headers["Retry-After"] == "10"
    assert_error_shape(json.loads(response.body), "unavailable")
    assert count_rows() == before


class FailAfterCommit:
    """The database goes away right after the first committed write (while the answer is built)."""

    def __init__(self):
        self.wrote = False

    def __call__(self, execute, sql, params, many, context):
        if self.wrote and not context["connection"].in_atomic_block:  # the api's transaction has committed
            raise OperationalError(2013, "Lost connection to MySQL server during query")
        result = execute(sql, params, many, context)
        if sql.lstrip().upper().startswith("INSERT"):
            self.wrote = True
        return result


class FailBeforeCommit(FailAfterCommit):
    """The database goes away inside the transaction, after the write: nothing is committed."""

    def __call__(self, execute, sql, params, many, context):
        if self.wrote:
            raise OperationalError(2013, "Lost connection to MySQL server during query")
        return super().__call__(execute, sql, params, many, context)


@pytest.mark.django_db(transaction=True)  # real commits, as handlers run in the LMS (no request transaction)
def test_a_committed_write_never_answers_5xx():
    World()
    block = make_block(**SHAPES["staff"])
    with connection.execute_wrapper(FailAfterCommit()):
        status, answer = post(block, "group_create", json.dumps({"name": "Group C"}).encode())
    assert status == 200, answer
    assert (answer["saved"], answer["reload"]) == (True, True)
    assert answer["message"] == "Your change was saved. The page reloads to show it."
    assert MentoringGroup.objects.filter(name="Group C").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_write_that_did_not_commit_answers_503_and_leaves_nothing():
    world = World()
    block = make_block(**SHAPES["learner"])
    before = Post.objects.count()
    with connection.execute_wrapper(FailBeforeCommit()):
        status, answer = post(block, "bank_create", json.dumps(
            {"title": "T", "body": "B", "tags": ["Networks"], "visibility": "course"}).encode())
    assert status == 503 and answer["error"]["code"] == "unavailable"
    assert Post.objects.count() == before
    assert world.block and COURSE
