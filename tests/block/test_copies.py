"""Copies start with no groups: rows are keyed by the usage key, so a duplicated component, a course
re-run or an imported course (all new usage keys) has its settings but none of the people."""
import pytest

from tests.helpers import call_handler, whole_view
from tests.runtimes import course_usage_key, make_block
from verme_xblock.models import MentoringGroup

pytestmark = pytest.mark.django_db

SETTINGS = {"display_name": "Spring mentoring", "max_group_size": 7, "introduction": "Welcome, **colleagues**."}


def staff(usage_key):
    return make_block(7, username="sanna", full_name="Sanna", is_staff=True, usage_key=usage_key, fields=SETTINGS)


@pytest.mark.parametrize("copy_key", [
    course_usage_key(block="duplicate1"),  # Studio's "Duplicate": same course, new block id
    course_usage_key(course="course-v1:Verme+Demo+2027", block="verme1"),  # a re-run keeps block ids, new course
    course_usage_key(course="course-v1:Other+Imported+2026", block="verme1"),  # an import into another course
], ids=["duplicate", "rerun", "import"])
def test_a_copy_has_the_settings_and_no_groups(copy_key):
    original = staff(course_usage_key())
    assert call_handler(original, "group_create", {"name": "Spring group"})[0] == 200
    assert "Spring group" in whole_view(original)
    copy = staff(copy_key)
    html = whole_view(copy)
    assert "Spring group" not in html and "Spring mentoring" in html
    assert copy.config("en").max_group_size == 7
    assert MentoringGroup.objects.get().block_key == str(course_usage_key())
    assert call_handler(copy, "group_create", {"name": "Spring group"})[0] == 200  # its own, same name allowed
    assert MentoringGroup.objects.filter(block_key=str(copy_key)).count() == 1
