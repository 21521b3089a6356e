"""Live session mode: "Run this session" opens a page of its own (projector, phone, keyboard) whose
forms call the JSON handlers below; each answers with the page's panels re-rendered."""
from django.utils import translation
from django.utils.translation import gettext as _
from webob import Response

from .. import formatting, i18n, method_cards, rendering, validation
from ..api import action_points, live
from ..api import sessions as api_sessions
from ..errors import Refusal
from ..group_data import ATTENDANCE_STATUSES
from ..handlers import download_handler, json_api, json_response
from .groups import ID_MAX, object_id
from .sessions import NOTES_MAX, attendance_records

TURN_MINUTES_MAX = 30
HANDLERS = ("live_item", "live_round", "live_next_speaker", "live_notes", "live_action_add", "live_action_done",
            "live_attendance")


class LiveMixin:
    """The facilitator's live screen of one session."""

    def live_context(self, state, language):
        config = self.current_config()
        templates = config.session_templates
        number = state.session.number
        template = templates[number - 1] if 0 < number <= len(templates) else None
        # the card of the current agenda line comes first and open, the template's others folded
        card, other_cards = method_cards.cards_for_part(
            config.method_cards, template, state.current.minute if state.current else None)
        return {
            "state": state, "language": language, "statuses": ATTENDANCE_STATUSES,
            "card": card, "cards": other_cards,
            "urls": {name: self.runtime.handler_url(self, name) for name in HANDLERS},
            "limits": {"notes": NOTES_MAX, "action": live.ACTION_MAX, "turn_minutes": TURN_MINUTES_MAX},
            "time_zone": self.time_zone_label(),  # "Finland Time", not the zone id
            "css_url": self.runtime.local_resource_url(self, "static/css/live.css"),
            "js_url": self.runtime.local_resource_url(self, "static/js/live.js"),
        }

    def live_url_prefix(self):
        url = self.runtime.handler_url(self, "session_live")
        return url + ("&" if "?" in url else "?") + "session_id="

    def live_reply(self, session_id, message):
        language = self._live_language()
        state = live.live_state(self.block_key, self.viewer(), session_id)
        html = rendering.render("verme/live/body.html", self.live_context(state, language), block=self)
        return {"html": html, "message": message}

    @staticmethod
    def _live_language():
        return i18n.supported_language(translation.get_language())

    @download_handler
    def session_live(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        """The whole live page of one session (`?session_id=`): its state comes from the database."""
        with i18n.active_catalogue() as language, formatting.reader_time_zone(self):
            try:
                session_id = object_id(dict(request.GET.items()), "session_id")
                state = live.live_state(self.block_key, self.viewer(), session_id)
            except Refusal as refusal:
                return json_response(refusal.as_json(), status=refusal.status)
            html = rendering.render("verme/live/page.html", self.live_context(state, language), block=self)
        return Response(body=html.encode("utf-8"), content_type="text/html", charset="utf-8")

    @json_api()
    def live_item(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        index = validation.integer(payload, "index", minimum=0, maximum=100)
        live.go_to_item(self.block_key, viewer, session_id, index)
        return self.live_reply(session_id, _("Agenda item started."))

    @json_api()
    def live_round(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        minutes = validation.integer(payload, "minutes", minimum=1, maximum=TURN_MINUTES_MAX)
        live.start_round(self.block_key, viewer, session_id, minutes)
        return self.live_reply(session_id, _("A new round started in a shuffled order."))

    @json_api()
    def live_next_speaker(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        live.next_speaker(self.block_key, viewer, session_id)
        return self.live_reply(session_id, _("Next speaker."))

    @json_api()
    def live_notes(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        base_version = validation.integer(payload, "base_version", minimum=0, maximum=ID_MAX)
        text = validation.text(payload, "notes", max_length=NOTES_MAX, required=False, allow_blank=True)
        version = live.save_notes(self.block_key, viewer, session_id, text=text, base_version=base_version)
        return {"version": version, "message": _("Notes saved.")}

    @json_api()
    def live_action_add(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        text = validation.text(payload, "text", max_length=live.ACTION_MAX)
        owner_id = validation.text(payload, "owner_id", max_length=64)
        live.add_action(self.block_key, viewer, session_id, text=text, owner_id=owner_id)
        return self.live_reply(session_id, _("Action point added."))

    @json_api()
    def live_action_done(self, payload, viewer):
        action_id = object_id(payload, "action_id")
        done = validation.boolean(payload, "done", default=True)
        session_id = live.set_action_done(self.block_key, viewer, action_id, done)
        return self.live_reply(session_id, _("Action point updated."))

    @json_api()
    def action_point_done(self, payload, viewer):
        """The owner or a facilitator marks an action point done from the group space (not the live page)."""
        action_id = object_id(payload, "action_id")
        done = validation.boolean(payload, "done", default=True)
        group_id = action_points.set_done(self.block_key, viewer, action_id, done)
        return self.groups_reply(payload, _("Action point marked done.") if done else _("Action point reopened."),
                                 focus_group_id=group_id)

    @json_api()
    def live_attendance(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        records = attendance_records(payload)
        group_id = api_sessions.record_attendance(self.block_key, viewer, session_id, records)
        self.runtime.publish(self, "xblock.verme.attendance.recorded",
                             {"group_id": group_id, "session_id": session_id, "count": len(records)})
        return self.live_reply(session_id, _("Attendance saved."))
