"""The command against a real SMTP server: recipients, language, subject, time zone and the .ics."""
import datetime

import pytest
from django.core.management import call_command
from icalendar import Calendar

from tests.mail.world import BLOCK, NOW, days, make_world, session
from verme_xblock import exports
from verme_xblock.mail.models import SentMessage

pytestmark = pytest.mark.django_db

GROUP_A = ["maija@example.org", "aino@example.org", "oskar@example.org", "emma@example.org"]


def run(moment):
    call_command("verme_send_messages", now=moment.isoformat())


def event_of(received):
    calendar = Calendar.from_ical(received.calendar.get_content())
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


def test_session_reminder_reaches_the_group_in_each_language_with_the_session_as_ics(inbox):
    group_a, _group_b = make_world()
    starts = datetime.datetime(2027, 1, 17, 11, 0, tzinfo=datetime.UTC)
    planned = session(group_a, 2, starts, title="Success stories", goal="Make strengths visible",
                      methods="Bring one success story from your work", theme="Feedback that helps")
    run(NOW)
    assert sorted(message.address for message in inbox.messages) == sorted(GROUP_A)
    aino, oskar, emma = (inbox.to(f"{name}@example.org")[0] for name in ("aino", "oskar", "emma"))
    assert emma.subject == "Reminder: Night owls, session 2 on Sunday, January 17, 2027, 11:00 – 14:00"
    assert aino.subject.startswith("Muistutus: Night owls, tapaaminen 2")
    assert oskar.subject.startswith("Påminnelse: Night owls, träff 2")
    # Each reader's own time zone: Helsinki 13.00, Stockholm 12:00, London 11:00 (CLDR: thin spaces).
    assert "13.00–16.00" in aino.text and "12:00–15:00" in oskar.text and "11:00\u2009–\u200914:00" in emma.text
    assert "Bring one success story from your work" in emma.text and "Room 101" in emma.text
    # The theme the group chose for the session in its season plan, in the reader's language.
    assert "Theme: Feedback that helps" in emma.text and "Teema: Feedback that helps" in aino.text
    assert "<dd>Feedback that helps</dd>" in emma.html and "Preparation and methods" in emma.text
    assert "https://meet.example.org/owls" in emma.text and "http://testserver/scenario/mail/" in emma.text
    assert '<a href="https://meet.example.org/owls">' in emma.html and "Success stories" in emma.html
    assert str(emma.parsed["from"]) == "Peer-group mentoring <mentoring@example.org>"
    calendar, event = event_of(emma)
    assert calendar["method"] == "REQUEST"
    assert str(event["uid"]) == exports.session_uid(BLOCK, group_a.id, planned.id)
    assert event.decoded("dtstart") == starts and event.decoded("dtend") == starts + datetime.timedelta(hours=3)
    assert int(event["sequence"]) == 0 and str(event["status"]) == "CONFIRMED"
    assert str(event["location"]) == "Room 101"
    assert str(event["organizer"]) == "mailto:mentoring@example.org"
    assert str(event["attendee"]) == "mailto:emma@example.org" and event["attendee"].params["RSVP"] == "FALSE"
    assert emma.calendar.get_param("method") == "REQUEST" and emma.calendar.get_filename().endswith(".ics")


def test_each_reminder_goes_once_and_the_day_before_reminder_follows(inbox):
    group_a, _group_b = make_world()
    session(group_a, 1, NOW + days(6))
    run(NOW)
    run(NOW + datetime.timedelta(minutes=5))
    assert len(inbox.messages) == 4
    run(NOW + days(5) + datetime.timedelta(hours=1))
    assert len(inbox.messages) == 8
    assert all("session 1" in message.subject or "tapaaminen 1" in message.subject or "träff 1" in message.subject
               for message in inbox.messages)
    assert SentMessage.objects.filter(status=SentMessage.SENT).count() == 8
    run(NOW + days(5) + datetime.timedelta(hours=2))
    assert len(inbox.messages) == 8


def test_a_cancelled_session_gets_a_cancellation_and_no_later_reminders(inbox):
    group_a, _group_b = make_world()
    planned = session(group_a, 3, NOW + days(10))
    run(NOW)
    assert inbox.messages == []  # first sight of the session: nothing changed, no reminder due yet
    planned.cancelled = True
    planned.save()
    run(NOW + datetime.timedelta(hours=1))
    assert sorted(message.address for message in inbox.messages) == sorted(GROUP_A)
    emma = inbox.to("emma@example.org")[0]
    assert emma.subject == "Cancelled: Night owls, session 3"
    calendar, event = event_of(emma)
    assert calendar["method"] == "CANCEL" and str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert str(event["uid"]) == exports.session_uid(BLOCK, group_a.id, planned.id)
    for moment in (NOW + days(4), NOW + days(9) + datetime.timedelta(hours=12)):
        run(moment)
    assert len(inbox.messages) == 4


def test_a_moved_session_gets_an_update_with_the_new_time_and_a_higher_sequence(inbox):
    group_a, _group_b = make_world()
    planned = session(group_a, 2, NOW + days(20))
    run(NOW)
    planned.starts_at = NOW + days(21)
    planned.save()
    group_a.meeting_url = "https://meet.example.org/new-room"
    group_a.save()
    run(NOW + datetime.timedelta(hours=1))
    emma = inbox.to("emma@example.org")
    assert len(emma) == 1 and emma[0].subject.startswith("Changed: Night owls, session 2 is now on")
    assert "Earlier time:" in emma[0].text and "https://meet.example.org/new-room" in emma[0].text
    calendar, event = event_of(emma[0])
    assert calendar["method"] == "REQUEST" and int(event["sequence"]) == 1
    assert event.decoded("dtstart") == NOW + days(21)
    planned.place = "Library"
    planned.save()
    run(NOW + datetime.timedelta(hours=2))
    _calendar, event = event_of(inbox.to("emma@example.org")[1])
    assert int(event["sequence"]) == 2 and str(event["location"]) == "Library"
