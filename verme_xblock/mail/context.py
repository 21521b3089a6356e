"""The templates' context for one message to one reader: plain, already formatted strings.

Dates and times are in the reader's time zone and language, from CLDR through Babel (the
platform ships it): "tiistai 12. tammikuuta 2027, 13.00–16.00 (aikavyöhyke: Suomi)". Nothing a
person wrote privately goes in: no reflection text, no plan text, no group-only post beyond what
`digest` let through for this reader.
"""
from babel import dates

from .. import exports
from ..api.bank import shown_name
from . import kinds
from .channel import attachment


def when(starts_at, ends_at, reader):
    day = dates.format_date(starts_at.astimezone(reader.time_zone), "full", locale=reader.language)
    hours = dates.format_interval(starts_at, ends_at, "Hm", tzinfo=reader.time_zone, locale=reader.language)
    return f"{day}, {hours}"


def zone_name(reader):
    return dates.get_timezone_location(reader.time_zone, locale=reader.language)


def context_for(due, reader, block):
    """The template context (strings, lists and booleans only)."""
    context = {
        "reader_name": reader.name,
        "component_name": block.title,
        "component_url": block.url,
        "course_ids": [block.course_key],  # read by the platform's course e-mail opt-out policy
    }
    session = due.session
    if session is not None:
        context.update({
            "group_name": session.group.name,
            "session_number": session.number,
            "session_title": session.title,
            "when": when(session.starts_at, session.ends_at, reader),
            "time_zone": zone_name(reader),
            "place": session.location,
            "link": session.group.meeting_url,
            "link_is_web": session.group.meeting_url.startswith(("https://", "http://")),
            "theme": session.theme,
            "goal": session.goal,
            "methods": session.methods,
            "cancelled": session.cancelled,
        })
    if due.kind == kinds.SESSION_REMINDER:
        context["days"] = due.extra["days"]
    if due.kind == kinds.CHANGE_NOTICE:
        previous = due.extra.get("previous_starts_at")
        moved = previous is not None and previous != session.starts_at
        context["previous_when"] = when(previous, previous + (session.ends_at - session.starts_at), reader) if moved \
            else ""
    if due.kind == kinds.DIGEST:
        context["posts"] = [{"title": post.title, "author": shown_name(post.author)} for post in due.extra["posts"]]
    return context


def attachments_for(due, block, reader, from_address):
    """The session's .ics for reminders and change notices (a cancellation when it is cancelled)."""
    if due.kind not in (kinds.SESSION_REMINDER, kinds.CHANGE_NOTICE):
        return []
    session = due.session
    ics = exports.invitation_bytes(block.block_key, session.group, session, due.sequence,
                                   organizer=(block.title, from_address), attendee=(reader.name, reader.email))
    ics = ics.decode("utf-8")
    method = exports.CANCEL if session.cancelled else exports.REQUEST
    return [attachment(f"verme-session-{session.id}.ics", ics, "calendar", method=method)]
