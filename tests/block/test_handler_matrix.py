"""Every handler in every runtime shape the platform gives the block, with the outcome each must have.

The shapes come from tests/runtimes.py (each follows the platform function named there). A refused
call answers with the error shape, changes no row and publishes nothing.
"""
import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from webob import Request

from tests.helpers import count_rows
from tests.runtimes import COURSE, make_block
from verme_xblock import roles
from verme_xblock.api import access, bank, directory, groups, live, reflections, season_plan, sessions
from verme_xblock.block import VermeXBlock
from verme_xblock.models import ActionPoint, MentoringSession, Post

pytestmark = pytest.mark.django_db

LEARNER, OTHER, STAFF, FACILITATOR = "42", "43", "7", "50"

SHAPES = {
    "learner": {"user_id": LEARNER, "username": "aino", "full_name": "Aino Virtanen"},
    "staff": {"user_id": STAFF, "username": "sanna", "full_name": "Sanna Staff", "is_staff": True,
              "enrolled": ["60", "61", "62"]},
    "anonymous": {"user_id": None},
    "masquerade": {"user_id": LEARNER, "username": "aino", "full_name": "Aino Virtanen", "real_user_id": STAFF},
    "studio": {"user_id": STAFF, "username": "sanna", "studio_writable": (COURSE,)},
    "preview": {"user_id": STAFF, "username": "sanna", "studio_writable": (COURSE,), "studio_preview": True},
    "library": {"user_id": STAFF, "username": "sanna", "library": True, "global_staff": True},
}
ORDER = tuple(SHAPES)


class World:
    """One course block: group A (learner 42, member 43, facilitator 50) with a held and a later session,
    an empty group B, and posts by 42 and 43; 42 attended the held session (travel, certificate), added a
    goal and has a directory card; the held session has an agenda, a round and an action point.
    Ids are kept for the payloads."""

    def __init__(self):
        self.block = make_block(STAFF, is_staff=True).block_key
        staff = access.viewer_for(self.block, roles.Caller(STAFF, "sanna", "Sanna Staff", True, "lms"))
        self.group = groups.create_group(self.block, staff, name="Group A")
        self.other_group = groups.create_group(self.block, staff, name="Group B")
        groups.add_facilitator(self.block, staff, self.group, user_id=FACILITATOR, display_name="Maija")
        for user_id, name in ((LEARNER, "Aino Virtanen"), (OTHER, "Mikko")):
            groups.assign_member(self.block, staff, self.group, user_id=user_id, display_name=name,
                                 organisation="Harbour")
        for user_id in ("60", "61", "62"):  # people staff add: real accounts, as the platform's directory finds them
            get_user_model().objects.create(id=int(user_id), username=f"person{user_id}")
        now = timezone.now()
        self.held = reflections.ensure_session(self.group, 1, title="One", starts_at=now - datetime.timedelta(days=2))
        self.later = reflections.ensure_session(self.group, 2, title="Two", starts_at=now + datetime.timedelta(days=9))
        learner = access.viewer_for(self.block, roles.Caller(LEARNER, "aino", "Aino Virtanen", False, "lms"))
        other = access.viewer_for(self.block, roles.Caller(OTHER, "mikko", "Mikko", False, "lms"))
        self.own_post = bank.create_post(self.block, learner, title="Mine", body="B", tags=[], visibility="course").id
        self.other_post = bank.create_post(self.block, other, title="His", body="B", tags=[], visibility="course").id
        config = make_block(LEARNER).config("en")
        answers = {item["id"]: 3 for item in config.likert_items}
        reflections.save_reflection(self.block, learner, config, self.held, answers, {"went_well": "Private words"},
                                    submit=True)
        self.feedback = {item["id"]: 4 for item in config.feedback_items}
        MentoringSession.objects.filter(id=self.held).update(agenda=[{"minute": 0, "text": "Check-in"},
                                                                     {"minute": 30, "text": "Round"}])
        sessions.record_attendance(self.block, staff, self.held, {LEARNER: ("present", None)})
        self.goal = season_plan.add_goal(self.block, learner, self.group, "Listen more")
        live.start_round(self.block, staff, self.held, 5)
        live.add_action(self.block, staff, self.held, text="Try exit tickets", owner_id=LEARNER)
        self.action = ActionPoint.objects.get(session_id=self.held).id
        directory.opt_in(self.block, str(COURSE), learner, organisation="Harbour", role="Teacher", expertise="",
                         contact="")


def payloads(w):
    """handler -> (HTTP method, payload or query)."""
    session = {"starts_at": "2027-01-12T13:00", "duration_minutes": 180, "title": "Moved"}
    post = {"title": "Exit tickets", "body": "Text", "tags": [], "visibility": "course"}
    return {
        "bank_list": ("POST", {}),
        "bank_create": ("POST", post),
        "bank_edit": ("POST", {**post, "post_id": w.own_post}),
        "bank_delete": ("POST", {"post_id": w.own_post}),
        "bank_useful": ("POST", {"post_id": w.other_post}),
        "bank_comment": ("POST", {"post_id": w.other_post, "body": "Thanks"}),
        "bank_report": ("POST", {"post_id": w.other_post, "reason": "Off topic"}),
        "bank_moderate": ("POST", {"post_id": w.other_post, "action": "hide", "reason": "Off topic"}),
        "dashboard_groups": ("POST", {"sort": "members", "page": 1}),
        "dashboard_assign": ("POST", {"group_id": w.other_group, "user_id": "60", "display_name": "New"}),
        "report_hours_csv": ("GET", ""),
        "report_groups_csv": ("GET", ""),
        "report_practices_csv": ("GET", ""),
        "session_print": ("GET", f"session_id={w.held}"),
        "groups_show": ("POST", {"group_id": w.group}),
        "groups_page": ("POST", {"list_page": 1, "list_query": "Group"}),
        "group_search": ("POST", {"q": "Group"}),
        "section_show": ("POST", {"section": "bank"}),
        "group_create": ("POST", {"name": "Group C"}),
        "group_update": ("POST", {"group_id": w.group, "name": "Group A2"}),
        "group_archive": ("POST", {"group_id": w.other_group}),
        "facilitator_add": ("POST", {"group_id": w.other_group, "user_id": "61", "display_name": "Johan"}),
        "facilitator_remove": ("POST", {"group_id": w.group, "user_id": FACILITATOR}),
        "group_join": ("POST", {"group_id": w.other_group}),
        "group_leave": ("POST", {}),
        "profile_update": ("POST", {"organisation": "Lakeside", "role": "Teacher"}),
        "member_assign": ("POST", {"group_id": w.other_group, "user_id": "62", "display_name": "Helena"}),
        "member_remove": ("POST", {"group_id": w.group, "user_id": OTHER}),
        "download_my_data": ("GET", ""),
        "export_user_data": ("GET", f"user_id={LEARNER}"),
        "reflection_figures_show": ("POST", {"group_id": w.group}),
        "reflection_save": ("POST", {"session_id": None, "answers": {}, "submit": False}),
        "reflection_share": ("POST", {"session_id": w.held, "shared": True}),
        "reflection_download": ("GET", ""),
        "session_update": ("POST", {**session, "session_id": w.later}),
        "session_cancel": ("POST", {"session_id": w.later}),
        "session_add": ("POST", {**session, "group_id": w.group}),
        "attendance_record": ("POST", {"session_id": w.held, "records": [{"user_id": LEARNER, "status": "present"}]}),
        "plan_save": ("POST", {"group_id": w.group, "base_version": 0, "text": "Our plan"}),
        "calendar_ics": ("GET", f"group_id={w.group}"),
        "studio_save": ("POST", {"display_name": "Renamed"}),
        "studio_preview": ("POST", {"introduction": "**Hi**"}),
        "studio_defaults": ("POST", {"list": "tags"}),
        "people_add": ("POST", {"people": "someone", "group_id": w.other_group}),
        "people_search": ("POST", {"q": "ai"}),
        "waiting_list_page": ("POST", {}),
        "teams_update": ("POST", {}),
        "mobile_data": ("GET", ""),
        "messages_save": ("POST", {"enabled": []}),
        "season_goal_add": ("POST", {"group_id": w.group, "text": "Visit each other's lessons"}),
        "season_goal_remove": ("POST", {"goal_id": w.goal}),
        "season_theme_save": ("POST", {"session_id": w.later, "theme": "Assessment"}),
        "season_personal_goal": ("POST", {"text": "Ask more questions"}),
        "season_agree_rules": ("POST", {}),
        "season_feedback_submit": ("POST", {"answers": w.feedback}),
        "travel_record": ("POST", {"session_id": w.held, "user_id": LEARNER, "kilometres": "12.5",
                                   "amount": "3.20", "note": "Bus"}),
        "session_live": ("GET", f"session_id={w.later}"),  # not run yet: opening it must write nothing
        "live_item": ("POST", {"session_id": w.held, "index": 1}),
        "live_round": ("POST", {"session_id": w.held, "minutes": 3}),
        "live_next_speaker": ("POST", {"session_id": w.held}),
        "live_notes": ("POST", {"session_id": w.held, "base_version": 0, "notes": "We talked"}),
        "live_action_add": ("POST", {"session_id": w.held, "text": "Share a plan", "owner_id": OTHER}),
        "live_action_done": ("POST", {"action_id": w.action, "done": True}),
        "live_attendance": ("POST", {"session_id": w.held, "records": [{"user_id": OTHER, "status": "present"}]}),
        "action_point_done": ("POST", {"action_id": w.action, "done": True}),
        "directory_search": ("POST", {"q": "ai"}),
        "directory_opt_in": ("POST", {"organisation": "Lakeside", "role": "Teacher", "expertise": "Maths",
                                      "contact": ""}),
        "directory_withdraw": ("POST", {}),
        "certificate_print": ("GET", f"group_id={w.group}&user_id={LEARNER}"),
        "method_kit_print": ("GET", ""),
    }


# The status each shape gets: learner, staff, anonymous, masquerade, studio, preview, library.
# Writes: the LMS only, each for whom it is meant; a masquerade, Studio and a library write nothing
# (403 read_only); the Studio editor's save and helpers for Studio's authors only.
OK, NO, GONE, CONFLICT, BAD = 200, 403, 404, 409, 400
EXPECTED = {
    "bank_list":               (OK, OK, NO, OK, OK, OK, OK),
    "bank_create":             (OK, OK, NO, NO, NO, NO, NO),
    "bank_edit":               (OK, NO, NO, NO, NO, NO, NO),
    "bank_delete":             (OK, NO, NO, NO, NO, NO, NO),
    "bank_useful":             (OK, OK, NO, NO, NO, NO, NO),
    "bank_comment":            (OK, OK, NO, NO, NO, NO, NO),
    "bank_report":             (OK, OK, NO, NO, NO, NO, NO),
    "bank_moderate":           (NO, OK, NO, NO, NO, NO, NO),
    "dashboard_groups":        (NO, OK, NO, NO, OK, OK, NO),
    "dashboard_assign":        (NO, OK, NO, NO, NO, NO, NO),
    "report_hours_csv":        (NO, OK, NO, NO, OK, OK, NO),
    "report_groups_csv":       (NO, OK, NO, NO, OK, OK, NO),
    "report_practices_csv":    (NO, OK, NO, NO, OK, OK, NO),
    "session_print":           (OK, OK, NO, OK, OK, OK, GONE),
    "groups_show":             (OK, OK, NO, OK, OK, OK, OK),
    # The lists of groups: staff's, and a newcomer's to choose from; a member (learner 42) has none.
    "groups_page":             (CONFLICT, OK, NO, CONFLICT, OK, OK, OK),
    "group_search":            (NO, OK, NO, NO, OK, OK, NO),
    "section_show":            (OK, OK, NO, OK, OK, OK, OK),
    "group_create":            (NO, OK, NO, NO, NO, NO, NO),
    "group_update":            (NO, OK, NO, NO, NO, NO, NO),
    "group_archive":           (NO, OK, NO, NO, NO, NO, NO),
    "facilitator_add":         (NO, OK, NO, NO, NO, NO, NO),
    "facilitator_remove":      (NO, OK, NO, NO, NO, NO, NO),
    "group_join":              (CONFLICT, OK, NO, NO, NO, NO, NO),
    "group_leave":             (OK, GONE, NO, NO, NO, NO, NO),
    "profile_update":          (OK, GONE, NO, NO, NO, NO, NO),
    "member_assign":           (NO, OK, NO, NO, NO, NO, NO),
    "member_remove":           (NO, OK, NO, NO, NO, NO, NO),
    "download_my_data":        (OK, OK, NO, NO, OK, OK, OK),
    "export_user_data":        (NO, OK, NO, NO, OK, OK, NO),
    "reflection_figures_show": (NO, OK, NO, NO, OK, OK, NO),
    "reflection_save":         (OK, NO, NO, NO, NO, NO, NO),
    "reflection_share":        (OK, GONE, NO, NO, NO, NO, NO),
    "reflection_download":     (OK, OK, NO, NO, OK, OK, OK),
    "session_update":          (NO, OK, NO, NO, NO, NO, NO),
    "session_cancel":          (NO, OK, NO, NO, NO, NO, NO),
    "session_add":             (NO, OK, NO, NO, NO, NO, NO),
    "attendance_record":       (NO, OK, NO, NO, NO, NO, NO),
    "plan_save":               (OK, OK, NO, NO, NO, NO, NO),
    "calendar_ics":            (OK, OK, NO, OK, OK, OK, GONE),
    "studio_save":             (NO, NO, NO, NO, OK, OK, NO),
    "studio_preview":          (NO, NO, NO, NO, OK, OK, NO),
    "studio_defaults":         (NO, NO, NO, NO, OK, OK, NO),
    "people_add":              (NO, BAD, NO, NO, NO, NO, NO),  # staff: nobody is called "someone"
    "people_search":           (NO, OK, NO, NO, OK, OK, NO),
    "waiting_list_page":       (NO, OK, NO, NO, OK, OK, NO),
    "teams_update":            (NO, CONFLICT, NO, NO, NO, NO, NO),  # staff: not in teams mode
    "mobile_data":             (OK, OK, NO, OK, OK, OK, OK),
    "messages_save":           (OK, OK, NO, NO, NO, NO, NO),
    # The season plan: the group's members (and its facilitators, course staff) write it; personal goals,
    # ground rules and feedback are a member's own (staff are in no group).
    "season_goal_add":         (OK, OK, NO, NO, NO, NO, NO),
    "season_goal_remove":      (OK, OK, NO, NO, NO, NO, NO),
    "season_theme_save":       (OK, OK, NO, NO, NO, NO, NO),
    "season_personal_goal":    (OK, NO, NO, NO, NO, NO, NO),
    "season_agree_rules":      (OK, NO, NO, NO, NO, NO, NO),
    "season_feedback_submit":  (OK, NO, NO, NO, NO, NO, NO),
    "travel_record":           (OK, OK, NO, NO, NO, NO, NO),  # own travel; facilitators and staff anyone's
    # Live session mode: the group's facilitators and course staff run it; the page itself only reads.
    "session_live":            (NO, OK, NO, NO, OK, OK, GONE),
    "live_item":               (NO, OK, NO, NO, NO, NO, NO),
    "live_round":              (NO, OK, NO, NO, NO, NO, NO),
    "live_next_speaker":       (NO, OK, NO, NO, NO, NO, NO),
    "live_notes":              (NO, OK, NO, NO, NO, NO, NO),
    "live_action_add":         (NO, OK, NO, NO, NO, NO, NO),
    "live_action_done":        (NO, OK, NO, NO, NO, NO, NO),
    "live_attendance":         (NO, OK, NO, NO, NO, NO, NO),
    # The group space: the owner of an action point (the learner here) and the group's facilitators mark it done.
    "action_point_done":       (OK, OK, NO, NO, NO, NO, NO),
    # The directory: anyone signed in searches it and opts their own card in or out.
    "directory_search":        (OK, OK, NO, OK, OK, OK, OK),
    "directory_opt_in":        (OK, OK, NO, NO, NO, NO, NO),
    "directory_withdraw":      (OK, OK, NO, NO, NO, NO, NO),
    # Prints: one's own certificate (facilitators and staff anyone's); the method kit for anyone signed in.
    "certificate_print":       (OK, OK, NO, OK, OK, OK, GONE),
    "method_kit_print":        (OK, OK, NO, OK, OK, OK, OK),
}
WRITES_REFUSED_AS_READ_ONLY = ("masquerade", "studio", "preview", "library")


def all_handlers():
    return sorted(name for name in dir(VermeXBlock) if getattr(getattr(VermeXBlock, name), "_is_xblock_handler", False))


def test_the_matrix_names_every_handler():
    assert sorted(EXPECTED) == all_handlers()
    assert len(EXPECTED) * len(SHAPES) == 70 * 7


def call(block, name, method, data):
    if method == "GET":
        request = Request.blank(f"/?{data}")
    else:
        request = Request.blank("/", method="POST", body=json.dumps(data).encode(), content_type="application/json")
    return block.runtime.handle(block, name, request)


@pytest.mark.parametrize("shape", ORDER)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_handler_in_shape(name, shape):
    world = World()
    method, data = payloads(world)[name]
    block = make_block(**SHAPES[shape])
    before = count_rows()
    response = call(block, name, method, data)
    expected = EXPECTED[name][ORDER.index(shape)]
    body = response.body.decode("utf-8", "replace")
    assert response.status_code == expected, body[:300]
    if expected >= 400:
        error = json.loads(body)["error"]
        assert {"code", "message", "field"} <= set(error) and error["message"]
        assert count_rows() == before
        assert block.runtime.published == []
    if shape in WRITES_REFUSED_AS_READ_ONLY:  # not even a read that succeeds writes here
        assert count_rows() == before
        if expected == NO and _writes(name):
            assert error["code"] == "read_only"
    if shape == "masquerade":
        assert "Private words" not in body
        assert block.runtime.published == []


def _writes(name):
    reads = {"bank_list", "groups_show", "groups_page", "group_search", "reflection_figures_show", "studio_save",
             "studio_preview", "studio_defaults", "people_search", "waiting_list_page", "mobile_data",
             "dashboard_groups", "section_show", "directory_search", "session_live"}
    return name not in reads and not name.endswith(("_csv", "_print", "_ics", "_data", "_download"))


def test_a_masquerade_is_refused_in_the_viewed_learners_words():
    world = World()
    block = make_block(**SHAPES["masquerade"])
    response = call(block, "bank_create", *payloads(world)["bank_create"])
    assert response.status_code == 403
    assert json.loads(response.body)["error"]["message"] == (
        "You are viewing as Aino Virtanen — changes are switched off.")
    assert Post.objects.count() == 2
