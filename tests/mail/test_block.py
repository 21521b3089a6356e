"""The messages in the block: the learner's choices, the Studio settings and the sender's copy of them."""
from types import SimpleNamespace

import pytest
from django.utils import translation

from tests.helpers import call_handler, count_rows, whole_view
from tests.mail.world import NOW, days, make_world, session
from tests.runtimes import make_block
from tests.studio.test_settings import valid_payload
from verme_xblock import roles
from verme_xblock.api import groups, lifecycle, privacy
from verme_xblock.api import messages as api_messages
from verme_xblock.data import Viewer
from verme_xblock.mail import kinds
from verme_xblock.mail.models import MessageBlock, MessagePreference, SentMessage
from verme_xblock.mail.run import send_due_messages
from verme_xblock.studio_settings import SettingsInvalid, clean
from verme_xblock.views.messages import component_url

pytestmark = pytest.mark.django_db
STAFF = Viewer("1", "Staff", roles.STAFF, True, None)
COURSE = "course-v1:Verme+Demo+2026"


def test_a_learner_view_keeps_the_senders_copy_of_the_published_settings(settings):
    settings.LMS_ROOT_URL = "https://lms.example.org"
    block = make_block(42, username="aino", fields={"display_name": "Mentoring", "reminder_days": "3",
                                                   "message_kinds": "session_reminder change_notice"})
    block.render("student_view")
    row = MessageBlock.objects.get(block_key=block.block_key)
    assert (row.course_key, row.runtime, row.title, row.reminder_days, row.kinds) == (
        COURSE, "lms", "Mentoring", [3], ["session_reminder", "change_notice"])
    assert row.url == f"https://lms.example.org/courses/{COURSE}/jump_to/{block.block_key}"
    renamed = {"display_name": "Renamed", "reminder_days": "7 1"}
    make_block(43, fields=renamed).render("student_view")  # the home only checks that a copy exists
    assert MessageBlock.objects.get(block_key=block.block_key).title == "Mentoring"
    assert call_handler(make_block(43, fields=renamed), "section_show", {"section": "bank"})[0] == 200
    row = MessageBlock.objects.get(block_key=block.block_key)  # opening a section brings the copy up to date
    assert (row.title, row.reminder_days, row.kinds) == ("Renamed", [7, 1], list(kinds.KINDS))
    assert MessageBlock.objects.count() == 1
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:  # unchanged settings: read, never written
        call_handler(make_block(44, fields=renamed), "section_show", {"section": "bank"})
        make_block(44, fields=renamed).render("student_view", {"section": "bank"})
    assert not [q for q in captured.captured_queries if "messageblock" in q["sql"].lower()
                and not q["sql"].lstrip().upper().startswith("SELECT")]
    make_block(None).render("student_view")  # anonymous: the public view writes nothing
    make_block(9, studio_writable=(COURSE,), fields={"display_name": "Draft"}).render("student_view")
    assert MessageBlock.objects.get().title == "Renamed"  # Studio's preview of the draft writes nothing


def test_the_home_asks_for_the_senders_copy_until_it_is_known_to_be_there(django_capture_on_commit_callbacks):
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    def copy_queries():
        with CaptureQueriesContext(connection) as captured:
            make_block(42, username="aino").render("student_view")
        return [q["sql"] for q in captured.captured_queries if "messageblock" in q["sql"].lower()]

    with pytest.raises(RuntimeError), transaction.atomic():  # a request whose transaction rolls back
        make_block(42, username="aino").render("student_view")
        raise RuntimeError
    assert not MessageBlock.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert copy_queries()  # not taken for there: checked, and written
    assert MessageBlock.objects.count() == 1
    assert copy_queries() == []  # written and committed: this process knows it is there
    api_messages.forget_known_copies()  # another process, which has not seen it
    assert len(copy_queries()) == 1 and copy_queries() == []  # seen once, then known


def test_the_learner_sees_their_choices_and_saves_them():
    block = make_block(42, username="aino")
    html = whole_view(block)
    assert "Which e-mails do you want from this component?" in html
    assert 'value="session_reminder" checked' in html and 'value="good_practice_digest">' in html
    assert "attendance_reminder" not in html  # for facilitators only
    status, body = call_handler(block, "messages_save", {"enabled": ["good_practice_digest", "change_notice"]})
    assert status == 200 and body["message"] == "Your e-mail choices are saved."
    assert 'value="good_practice_digest" checked' in body["html"] and 'value="session_reminder">' in body["html"]
    assert dict(MessagePreference.objects.values_list("kind", "enabled")) == {
        "session_reminder": False, "change_notice": True, "reflection_reminder": False, "good_practice_digest": True}
    assert set(MessagePreference.objects.values_list("course_key", flat=True)) == {COURSE}


def test_a_facilitator_can_choose_attendance_reminders_and_a_course_off_kind_is_marked():
    block = make_block(20, username="maija", fields={"message_kinds": "session_reminder"})
    group_id = groups.create_group(block.block_key, STAFF, name="Owls")
    groups.add_facilitator(block.block_key, STAFF, group_id, user_id="20", display_name="Maija")
    html = whole_view(block)
    assert 'value="attendance_reminder" checked disabled' in html and "(not sent in this course)" in html


@pytest.mark.parametrize("payload", [{}, {"enabled": "session_reminder"}, {"enabled": ["spam"]},
                                     {"enabled": [1]}, {"enabled": None}])
def test_bad_choices_are_refused_and_nothing_is_written(payload):
    block = make_block(42, username="aino")
    before = count_rows()
    status, body = call_handler(block, "messages_save", payload)
    assert status == 400 and body["error"]["code"] == "invalid_choice" and body["error"]["field"] == "enabled"
    assert count_rows() == before


def test_anonymous_cannot_save_choices():
    status, body = call_handler(make_block(None), "messages_save", {"enabled": []})
    assert status == 403 and body["error"]["code"] == "forbidden" and MessagePreference.objects.count() == 0


def test_the_choices_speak_finnish_and_swedish():
    block = make_block(42, username="aino")
    with translation.override("fi"):
        assert "Mitä sähköposteja haluat tästä osiosta?" in whole_view(block)
    with translation.override("sv"):
        status, body = call_handler(block, "messages_save", {"enabled": []})
        assert status == 200 and body["message"] == "Dina e-postval har sparats."


def test_studio_saves_the_message_settings_and_refuses_bad_ones():
    block = make_block(9, username="author", studio_writable=(COURSE,))
    payload = {**valid_payload(), "reminder_days": "1, 14", "message_kinds": ["good_practice_digest", "change_notice"]}
    assert call_handler(block, "studio_save", payload)[0] == 200
    assert (block.reminder_days, block.message_kinds) == ("14 1", "change_notice good_practice_digest")
    assert block.config().reminder_days == (14, 1)
    html = block.studio_view().body_html()
    assert 'value="change_notice" checked' in html and 'value="session_reminder">' in html
    assert 'name="reminder_days" value="14 1"' in html
    for bad in ("0", "seven", "61", "1 2 3 4 5 6", ["x"], 7):
        status, body = call_handler(block, "studio_save", {**payload, "reminder_days": bad})
        assert status == 400 and body["error"]["field"] == "reminder_days", bad
    status, body = call_handler(block, "studio_save", {**payload, "message_kinds": ["session_reminder", "spam"]})
    assert status == 400 and body["error"]["field"] == "message_kinds"
    assert block.reminder_days == "14 1"
    assert call_handler(block, "studio_save", {**payload, "reminder_days": "", "message_kinds": []})[0] == 200
    assert block.config().reminder_days == () and block.config().message_kinds == ()


def test_missing_message_settings_are_named():
    payload = valid_payload()
    del payload["reminder_days"], payload["message_kinds"]
    with pytest.raises(SettingsInvalid) as caught:
        clean(payload)
    assert [error["field"] for error in caught.value.errors] == ["reminder_days", "message_kinds"]


def test_the_demo_links_to_the_scenario_page(settings):
    from demo.seed import _block_key, scenario_block_keys

    settings.VERME_WORKBENCH_BASE_URL = "http://demo.example.org:8000"
    block = SimpleNamespace(scope_ids=SimpleNamespace(usage_id=_block_key(scenario_block_keys()["fi"])))
    assert component_url(block, "workbench") == "http://demo.example.org:8000/scenario/verme.1/"


def test_a_persons_choices_and_sent_log_are_exported_and_erased_on_retirement(inbox):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))
    aino = Viewer("aino", "Aino", roles.LEARNER, False, group_a.id)
    api_messages.save_choices(group_a.block_key, COURSE, aino, {kinds.SESSION_REMINDER, kinds.DIGEST})
    send_due_messages(NOW)
    data = privacy.export_user("aino")
    assert {row["kind"] for row in data["message_preferences"] if row["enabled"]} == {"session_reminder",
                                                                                      "good_practice_digest"}
    assert [(row["kind"], row["status"]) for row in data["messages_sent"]] == [("session_reminder", "sent")]
    privacy.retire_user("aino")
    assert not MessagePreference.objects.filter(user_id="aino").exists()
    assert not SentMessage.objects.filter(user_id="aino").exists()
    assert SentMessage.objects.filter(user_id="emma").exists()


def test_leaving_the_course_ends_the_digest_and_deleting_the_component_its_message_data(inbox):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))
    api_messages.save_choices(group_a.block_key, "course-v1:Verme+Mail+2026",
                              Viewer("emma", "Emma", roles.LEARNER, False, group_a.id), {kinds.DIGEST})
    send_due_messages(NOW)
    lifecycle.end_enrolment("course-v1:Verme+Mail+2026", "emma")
    assert not MessagePreference.objects.filter(user_id="emma").exists()
    assert lifecycle.stored_blocks("course-v1:Verme+Mail+2026") == {group_a.block_key: "course-v1:Verme+Mail+2026"}
    lifecycle.purge_blocks([group_a.block_key])
    assert not MessageBlock.objects.exists() and not SentMessage.objects.exists()
