"""Exports: a group's sessions as an iCalendar file (built with the maintained `icalendar` library).

UIDs are stable (block, group and session ids), so importing the file again updates the events
instead of adding copies; a cancelled session stays in the file with STATUS:CANCELLED.
"""
import hashlib

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Verme XBlock//Peer-group mentoring//EN"


def session_uid(block_key, group_id, session_id):
    digest = hashlib.sha256(f"{block_key}|{group_id}|{session_id}".encode()).hexdigest()[:32]
    return f"verme-{digest}@verme-xblock"


def calendar_bytes(block_key, space, calendar_name):
    """The .ics text for the sessions of one `GroupSpace`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", calendar_name)
    now = timezone.now()
    group = space.summary
    for session in space.sessions:
        event = Event()
        event.add("uid", session_uid(block_key, group.id, session.id))
        event.add("dtstamp", now)
        event.add("dtstart", session.starts_at)
        event.add("dtend", session.ends_at)
        event.add("summary", f"{group.name}: {session.number}. {session.title}")
        location = session.place or group.place or group.meeting_url
        if location:
            event.add("location", location)
        if group.meeting_url:
            event.add("url", group.meeting_url)
        description = "\n\n".join(part for part in (session.goal, session.methods) if part)
        if description:
            event.add("description", description)
        event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
        calendar.add_component(event)
    return calendar.to_ical()
