"""What the platform reads from the block outside its views: the course search index and the
mobile apps' JSON.

- `index_dictionary()` feeds the course's search (openedx-platform indexes each block's
  dictionary, as `HtmlBlock` and `SequenceBlock` do): the component's name and introduction as
  plain text, never anything people wrote or who they are.
- `student_view_data()` is what the mobile apps get for a block that supports `multi_device`
  (the course blocks API; openedx-platform `lms/djangoapps/course_api/blocks/transformers/
  student_view.py` collects it once per course from blocks bound to no user, and caches it): the
  component's own content, and `learner_data_url`, the `mobile_data` handler that answers each
  learner with their group, the next session (time, place, link), what to prepare, and links.
"""
import contextlib
import datetime
import html

from django.utils.html import strip_tags

from .. import markup
from ..api import spaces
from ..group_data import NEXT
from ..handlers import json_api

CONTENT_TYPE = "Peer-group mentoring"


class PlatformSurfacesMixin:
    """`index_dictionary` and `student_view_data`."""

    def index_dictionary(self):
        body = super().index_dictionary()
        content = body.setdefault("content", {})
        content["display_name"] = self.display_name
        content["introduction"] = plain_text(self.introduction)
        body["content_type"] = CONTENT_TYPE
        return body

    def student_view_data(self, context=None):  # noqa: ARG002 (XBlock view signature)
        """The same for everyone: the platform collects it once per course, from blocks bound to no
        user, and caches it (`StudentViewTransformer.collect`). The learner's own group and next
        session come from `learner_data_url`, which answers for the person who calls it."""
        data = {
            "display_name": self.display_name,
            "introduction": self.introduction,
            "session_count": self.session_count,
            "session_length_minutes": self.session_length_minutes,
        }
        with contextlib.suppress(NotImplementedError):  # a runtime without handler URLs (some collections)
            data["learner_data_url"] = self.runtime.handler_url(self, "mobile_data")
        return data

    @json_api(method="GET")
    def mobile_data(self, payload, viewer):  # noqa: ARG002 (nothing to read from the request)
        """The caller's group, next session (time, place, link), what to prepare, and links."""
        group_id = viewer.group_id or next(iter(viewer.facilitated_group_ids), None)
        space = spaces.group_space(self.block_key, viewer, group_id) if group_id else None
        data = {"group": None, "next_session": None, "links": {}}
        if space is None:
            return data
        summary = space.summary
        data["group"] = {
            "id": summary.id,
            "name": summary.name,
            "target_group": summary.target_group,
            "facilitators": list(summary.facilitator_names),
            "members": [member.display_name for member in space.members],
            "place": summary.place,
            "meeting_url": summary.meeting_url,
        }
        session = next((s for s in space.sessions if s.state == NEXT), None)
        if session is not None:
            ends_at = session.starts_at + datetime.timedelta(minutes=session.duration_minutes)
            data["next_session"] = {
                "id": session.id,
                "number": session.number,
                "title": session.title,
                "starts_at": session.starts_at.isoformat(),
                "ends_at": ends_at.isoformat(),
                "duration_minutes": session.duration_minutes,
                "place": session.place or summary.place,
                "meeting_url": summary.meeting_url,
                "prepare": {"goal": session.goal, "methods": session.methods, "agenda": list(session.agenda)},
            }
        data["links"] = {
            "calendar": self.runtime.handler_url(self, "calendar_ics", query=f"group_id={summary.id}"),
            "print_next_session": self.print_url_prefix() + str(session.id) if session is not None else None,
        }
        return data

def plain_text(markdown_text):
    """The words of a Markdown text, for a search index: no markup, and no tags typed as text."""
    text = html.unescape(strip_tags(markup.render_markdown(markdown_text)))
    return " ".join(strip_tags(text).split())
