"""The command and the Celery task, the platform's edx-ace policies, and user text in e-mails."""
import datetime

import pytest
from django.core.management import CommandError, call_command
from edx_ace.channel import ChannelType
from edx_ace.policy import Policy, PolicyResult

from tests.mail.world import NOW, days, make_world, session
from tests.xss_payloads import PAYLOADS, dangerous_parts
from verme_xblock.mail.models import SentMessage
from verme_xblock.mail.run import send_due_messages
from verme_xblock.tasks import send_messages_task

pytestmark = pytest.mark.django_db


def test_the_command_reports_what_it_did_and_refuses_a_time_without_a_zone(inbox, capsys):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))
    call_command("verme_send_messages", now=NOW.isoformat())
    assert capsys.readouterr().out.strip() == "Verme messages: 4 sent, 0 failed (to be retried), 0 refused by policy."
    for bad in ("2027-01-11T09:00", "tomorrow"):
        with pytest.raises(CommandError):
            call_command("verme_send_messages", now=bad)
    assert len(inbox.messages) == 4


def test_the_celery_task_runs_the_same_code(inbox):
    group_a, _group_b = make_world()
    session(group_a, 1, datetime.datetime.now(datetime.UTC) + days(3))
    result = send_messages_task.apply()  # run in this process, as a worker would
    assert result.successful() and result.result == {"sent": 4, "failed": 0, "skipped": 0}
    assert len(inbox.messages) == 4
    assert send_messages_task.apply().result == {"sent": 0, "failed": 0, "skipped": 0}


class CourseEmailOptoutDouble(Policy):
    """Follows openedx-platform `lms/djangoapps/bulk_email/policies.py` `CourseEmailOptout`: a learner who
    opted out of a course's e-mail (read from `message.context["course_ids"]`) gets none over e-mail."""

    opted_out = {("aino", "course-v1:Verme+Mail+2026")}

    def check(self, message):
        course_ids = message.context.get("course_ids") or ()
        if any((message.recipient.lms_user_id, course_id) in self.opted_out for course_id in course_ids):
            return PolicyResult(deny={ChannelType.EMAIL})
        return PolicyResult(deny=frozenset())


def test_the_platforms_course_email_opt_out_is_respected(inbox, monkeypatch):
    monkeypatch.setattr("edx_ace.policy.policies", lambda: [CourseEmailOptoutDouble()])
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(3))
    outcome = send_due_messages(NOW)
    assert (outcome.sent, outcome.skipped) == (3, 1)
    assert "aino@example.org" not in [message.address for message in inbox.messages]
    assert SentMessage.objects.get(user_id="aino").status == SentMessage.SKIPPED
    assert send_due_messages(NOW).skipped == 0  # decided once, not asked again


@pytest.mark.parametrize("payload", PAYLOADS[::4])
def test_text_people_typed_is_never_html_in_an_email(inbox, payload):
    group_a, _group_b = make_world()
    group_a.name = f"Owls {payload}"
    group_a.meeting_url = f"javascript:{payload}"
    group_a.save()
    session(group_a, 1, NOW + days(3), title=payload, goal=payload, methods=payload, place=payload)
    send_due_messages(NOW)
    emma = next(message for message in inbox.messages if message.address == "emma@example.org")
    body = emma.html.split("<body>", 1)[1].split("</body>", 1)[0]
    assert dangerous_parts(body) == []
    assert payload.replace("\n", "\r\n") in emma.text  # the plain-text part shows the text as typed (CRLF lines)
    assert 'href="javascript:' not in emma.html
