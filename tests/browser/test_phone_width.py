"""Every role's whole view at phone width (as in the Learning MFE on a phone), every panel open."""
import pytest

from demo.seed import seed


@pytest.mark.parametrize("student", ["learner_aino", "facilitator_maija", "staff_sanna"])
def test_whole_view_is_accessible_at_phone_width(open_block, assert_accessible, page, student):
    seed()
    page.set_viewport_size({"width": 375, "height": 800})
    page = open_block(student)
    page.evaluate("document.querySelectorAll('[data-verme-root] details').forEach(d => { d.open = true; })")
    assert_accessible(page)
