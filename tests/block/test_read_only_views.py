"""Views in the read-only contexts: a masquerade and Studio show a notice, record nothing, hide private text."""
import pytest

from tests.block.test_handler_matrix import LEARNER, SHAPES, World
from tests.helpers import call_handler, count_rows, whole_view
from tests.runtimes import make_block
from verme_xblock.models import Visitor

pytestmark = pytest.mark.django_db


def test_masquerade_view_shows_a_notice_and_hides_the_learners_reflections():
    world = World()
    masquerade = make_block(**SHAPES["masquerade"])
    html = whole_view(masquerade)
    assert "You are viewing as Aino Virtanen — changes are switched off." in html
    assert "Private words" not in html
    assert "they are not shown while you view the course as them" in html
    # Opening the reflection of the held session: the learner sees their words, the masquerade does not.
    opening = {"section": "reflections", "open": str(world.held)}
    assert "Private words" not in call_handler(masquerade, "section_show", opening)[1].get("html", "")
    assert "Private words" in call_handler(make_block(**SHAPES["learner"]), "section_show", opening)[1]["html"]


@pytest.mark.parametrize("shape", ["masquerade", "preview", "library"])
def test_read_only_views_record_no_visit(shape):
    World()
    before = count_rows()
    user = "99" if shape == "masquerade" else SHAPES[shape]["user_id"]
    # A library author who is not site-wide staff would be a learner in no group: a visit, were it written.
    block = make_block(**{**SHAPES[shape], "user_id": user, **({"global_staff": False} if shape == "library" else {})})
    html = whole_view(block)
    assert "changes are switched off" in html
    assert count_rows() == before and not Visitor.objects.exists()
    assert block.runtime.published == []


def test_the_same_learner_without_a_masquerade_is_recorded():
    World()
    make_block("99", username="new").render("student_view")
    assert list(Visitor.objects.values_list("user_id", flat=True)) == ["99"]
    assert LEARNER != "99"
