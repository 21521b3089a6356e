"""Certificates and the method kit: the right hours, who may print whose, and nothing that could run."""
import re

import pytest
from webob import Request

from tests.block.test_groups_handlers import block_for, create, people  # noqa: F401 (autouse: the LMS users)
from tests.helpers import whole_view
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock.models import Attendance, MentoringSession

pytestmark = pytest.mark.django_db


def user_content(html):
    """The page's main part without its own print button (the one inline handler the page has)."""
    main = html[html.index("<main"):html.index("</main>")]
    return re.sub(r'<p class="verme-print-actions">.*?</p>', "", main, flags=re.S)


def page(block, handler, query=""):
    response = block.runtime.handle(block, handler, Request.blank(f"/?{query}", method="GET"))
    return response.status_code, response.body.decode()


@pytest.fixture
def group_id():
    group_id = create(max_size="9")
    for user_id in (41, 42):
        assert block_for(user_id).runtime.handle(
            block_for(user_id), "group_join",
            Request.blank("/", method="POST", body=b'{"group_id": %d}' % group_id,
                          content_type="application/json")).status_code == 200
    first, second, third = MentoringSession.objects.filter(group_id=group_id).order_by("number")[:3]
    for session, minutes in ((first, 180), (second, 90)):
        Attendance.objects.create(session=session, user_id="41", display_name="Aino", status="present",
                                  minutes=minutes)
    Attendance.objects.create(session=third, user_id="41", display_name="Aino", status="absent", minutes=0)
    Attendance.objects.create(session=first, user_id="42", display_name="Mikko", status="present", minutes=180)
    return group_id


def test_a_participant_prints_their_certificate_with_the_right_hours(group_id):
    status, html = page(block_for(41, fields={"organiser": "Harbour Skills Network"}), "certificate_print",
                        f"group_id={group_id}&user_id=41")
    assert status == 200
    assert html.count("data-total-hours>4.5<") == 1 and "Aino" in html and "Mikko" not in html
    assert "Maija" in html and "Harbour Skills Network" in html and "New teachers" in html


def test_staff_and_facilitators_print_the_whole_group_and_others_are_refused(group_id):
    for block in (block_for(20), block_for(7, is_staff=True)):
        status, html = page(block, "certificate_print", f"group_id={group_id}")
        assert status == 200 and html.count('class="verme-certificate"') == 2
        assert "data-total-hours>4.5<" in html and "data-total-hours>3<" in html
    assert page(block_for(42), "certificate_print", f"group_id={group_id}&user_id=41")[0] == 403
    assert page(block_for(42), "certificate_print", f"group_id={group_id}")[0] == 403
    assert page(block_for(99), "certificate_print", f"group_id={group_id}&user_id=99")[0] == 403
    assert page(block_for(20), "certificate_print", f"group_id={group_id}&user_id=99")[0] == 404
    assert page(block_for(20), "certificate_print", "group_id=x")[0] == 400


def test_the_method_kit_holds_the_rules_templates_and_cards():
    status, html = page(block_for(41), "method_kit_print")
    assert status == 200
    assert "Everyone is an equal participant" in html and "Case clinic" in html and "The miracle question" in html


def test_names_and_cards_with_payloads_print_inert(group_id):
    cards = [{"id": f"c{n}", "title": p[:200], "purpose": p, "minutes": 5, "steps": [p], "questions": [p],
              "templates": ["start"]} for n, p in enumerate(PAYLOADS)]
    status, html = page(block_for(41, fields={"method_cards": cards, "organiser": PAYLOADS[0]}), "method_kit_print")
    assert status == 200 and dangerous_parts(user_content(html)) == []
    MentoringSession.objects.filter(group_id=group_id).update(title=PAYLOADS[1])
    Attendance.objects.filter(user_id="41").update(display_name=PAYLOADS[2])
    status, html = page(block_for(20, fields={"organiser": PAYLOADS[0]}), "certificate_print", f"group_id={group_id}")
    assert status == 200 and dangerous_parts(user_content(html)) == []


def test_members_send_feedback_from_the_form_and_facilitators_see_k_anonymous_figures(group_id):
    from tests.helpers import call_handler
    from verme_xblock.defaults import defaults_for

    items = defaults_for("en")["feedback_items"]
    form = {f"answers.{item['id']}": "4" for item in items}
    status, body = call_handler(block_for(41), "season_feedback_submit", {**form, f"answers.{items[0]['id']}": "9"})
    assert status == 400 and body["error"]["code"] == "too_large"
    status, body = call_handler(block_for(41), "season_feedback_submit", form)
    assert status == 200 and body["message"] == "Thank you for your feedback."
    html = whole_view(block_for(20))
    assert "Feedback of this group" in html and "Too few answers to show (fewer than 3)." in html
    status, body = call_handler(block_for(7, is_staff=True), "groups_show", {"group_id": group_id})
    assert status == 200 and "Feedback of all groups" in body["html"] and "Feedback of this group" in body["html"]
    assert "Feedback of this group" not in whole_view(block_for(42))
