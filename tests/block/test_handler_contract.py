"""Every JSON handler refuses bad calls with a 4xx and one error shape, and writes nothing."""
import pytest
from django.utils import translation

from tests.helpers import call_handler, count_rows
from tests.runtimes import UsageKey, make_block

pytestmark = pytest.mark.django_db

COURSE = "course-v1:Verme+Demo+2026"


def author(writable=(COURSE,)):
    return make_block(9, username="author", studio_writable=writable, usage_key=UsageKey(COURSE),
                      fields={"display_name": "Original", "introduction": "Intro"})


def assert_error_shape(body, code, field=None):
    assert set(body) == {"error"}
    # "lines" is there only for input of many lines (pasted people, a CSV file): one message per bad line.
    assert set(body["error"]) - {"lines"} == {"code", "message", "field"}
    assert body["error"]["code"] == code
    assert body["error"]["field"] == field
    assert body["error"]["message"]


def test_author_with_write_permission_saves():
    block = author()
    status, body = call_handler(block, "studio_save", {"display_name": "  New name ", "introduction": "Hi"})
    assert (status, body["saved"]) == (200, True)
    assert (block.display_name, block.introduction) == ("New name", "Hi")


@pytest.mark.parametrize(
    ("payload", "code", "field"),
    [
        ({"display_name": "", "introduction": "x"}, "required", "display_name"),
        ({"display_name": "   ", "introduction": "x"}, "required", "display_name"),
        ({"display_name": 12, "introduction": "x"}, "invalid", "display_name"),
        ({"display_name": "x" * 201}, "too_long", "display_name"),
        ({"display_name": "Ok", "introduction": "x" * 10_001}, "too_long", "introduction"),
        ({"introduction": "x"}, "required", "display_name"),
    ],
)
def test_invalid_input_is_refused_and_nothing_changes(payload, code, field):
    block = author()
    rows = count_rows()
    status, body = call_handler(block, "studio_save", payload)
    assert status == 400
    assert_error_shape(body, code, field)
    assert (block.display_name, block.introduction) == ("Original", "Intro")
    assert count_rows() == rows


def test_malformed_json_and_non_objects_are_refused():
    block = author()
    for raw in (b"{not json", b"[1, 2]", b"\xff\xfe"):
        status, body = call_handler(block, "studio_save", raw_body=raw)
        assert status == 400
        assert_error_shape(body, "invalid_json")
    assert block.display_name == "Original"


def test_get_is_refused_with_405():
    status, body = call_handler(author(), "studio_save", method="GET")
    assert status == 405
    assert_error_shape(body, "method_not_allowed")


def test_author_without_write_permission_is_refused():
    block = author(writable=())
    status, body = call_handler(block, "studio_save", {"display_name": "Hacked"})
    assert status == 403
    assert_error_shape(body, "forbidden")
    assert block.display_name == "Original"


def test_lms_staff_cannot_save_studio_settings():
    block = make_block(7, username="sanna", is_staff=True, fields={"display_name": "Original"})
    status, _ = call_handler(block, "studio_save", {"display_name": "Changed in the LMS"})
    assert status == 403
    assert block.display_name == "Original"


def test_refusal_messages_are_translated():
    block = author()
    with translation.override("fi"):
        _, body = call_handler(block, "studio_save", {"display_name": ""})
    assert body["error"]["message"] == "Tämä kenttä on pakollinen."
