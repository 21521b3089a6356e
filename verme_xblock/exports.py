"""Exports: a group's sessions as an iCalendar file (built with the maintained `icalendar` library).

UIDs are stable (block, group and session ids), so importing the file again updates the events
instead of adding copies; a cancelled session stays in the file with STATUS:CANCELLED. The same
events go into e-mails as invitations (`invitation_bytes`), with METHOD and SEQUENCE (RFC 5546),
so a calendar replaces or removes the event it already holds.
"""
import hashlib

from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

PRODID = "-//Verme XBlock//Peer-group mentoring//EN"
REQUEST = "REQUEST"
CANCEL = "CANCEL"


def session_uid(block_key, group_id, session_id):
    digest = hashlib.sha256(f"{block_key}|{group_id}|{session_id}".encode()).hexdigest()[:32]
    return f"verme-{digest}@verme-xblock"


def _calendar(calendar_name=None, method=None):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if calendar_name:
        calendar.add("x-wr-calname", calendar_name)
    return calendar


def _event(block_key, group, session, now, sequence=None, cancelled=None):
    """One session as a VEVENT; `group` needs id, name, place and meeting_url."""
    cancelled = session.cancelled if cancelled is None else cancelled
    event = Event()
    event.add("uid", session_uid(block_key, group.id, session.id))
    event.add("dtstamp", now)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.ends_at)
    event.add("summary", f"{group.name}: {session.number}. {session.title}")
    location = session.place or group.place or group.meeting_url
    if location:
        event.add("location", location)
    if _web_address(group.meeting_url):
        event.add("url", group.meeting_url)
    description = "\n\n".join(part for part in (session.goal, session.methods) if part)
    if description:
        event.add("description", description)
    if sequence is not None:
        event.add("sequence", sequence)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def _web_address(text):
    """Only a one-line http(s) address becomes the event's URL (the place text shows anything else)."""
    return text.startswith(("https://", "http://")) and not any(char in text for char in "\r\n ")


def calendar_bytes(block_key, space, calendar_name):
    """The .ics text for the sessions of one `GroupSpace`."""
    calendar = _calendar(calendar_name)
    now = timezone.now()
    for session in space.sessions:
        calendar.add_component(_event(block_key, space.summary, session, now))
    return calendar.to_ical()


def invitation_bytes(block_key, group, session, sequence, organizer, attendee):
    """One session as an e-mailed invitation: METHOD:REQUEST, or METHOD:CANCEL once it is cancelled.

    iTIP (RFC 5546) wants an ORGANIZER and the ATTENDEE in both; `organizer` and `attendee` are
    (name, address) pairs. RSVP=FALSE: nobody needs to answer.
    """
    method = CANCEL if session.cancelled else REQUEST
    calendar = _calendar(method=method)
    event = _event(block_key, group, session, timezone.now(), sequence=sequence)
    name, address = organizer
    event.add("organizer", vCalAddress(f"mailto:{address}"), parameters={"CN": name})
    name, address = attendee
    event.add("attendee", vCalAddress(f"mailto:{address}"),
              parameters={"CN": name, "ROLE": "REQ-PARTICIPANT", "RSVP": "FALSE"})
    calendar.add_component(event)
    return calendar.to_ical()
