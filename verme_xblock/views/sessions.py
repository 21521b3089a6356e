"""Sessions, attendance, the progress plan and the calendar download of a group's space."""
import re

from django.utils.text import slugify
from django.utils.translation import gettext as _
from webob import Response

from .. import exports, formatting, i18n, validation
from ..api import plans, spaces
from ..api import sessions as api_sessions
from ..errors import Refusal
from ..group_data import ATTENDANCE_STATUSES
from ..handlers import download_handler, json_api, json_response
from .groups import ID_MAX, object_id

TITLE_MAX = 200
PLAN_FIELD_MAX = 5000
NOTES_MAX = 20_000
PLAN_MAX = 50_000
AGENDA_LINES_MAX = 30
ATTENDANCE_ROWS_MAX = 100
MINUTES_MAX = 720
AGENDA_LINE = re.compile(r"^(\d{1,2})[:.]([0-5]\d)\s+(.{1,200})$")  # 0:15 or 0.15


def agenda(payload, field="agenda"):
    """Agenda lines such as "0:15 Recap and today's goal" as [{"minute", "text"}]."""
    text = validation.text(payload, field, max_length=AGENDA_LINES_MAX * 210, required=False, allow_blank=True)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > AGENDA_LINES_MAX:
        raise Refusal("too_long", _("Use at most {limit} agenda lines.").format(limit=AGENDA_LINES_MAX), field=field)
    result = []
    for line in lines:
        match = AGENDA_LINE.match(line)
        if not match:
            raise Refusal("invalid", _("Start each agenda line with a time such as 0:15."), field=field)
        result.append({"minute": int(match[1]) * 60 + int(match[2]), "text": match[3].strip()})
    return result


def attendance_records(payload, field="records"):
    rows = payload.get(field)
    if not isinstance(rows, list) or not rows or len(rows) > ATTENDANCE_ROWS_MAX:
        raise Refusal("invalid", _("Record attendance for at least one member."), field=field)
    records = {}
    for row in rows:
        if not isinstance(row, dict):
            raise Refusal("invalid", _("Record attendance for at least one member."), field=field)
        user_id = validation.text(row, "user_id", max_length=64)
        status = validation.choice(row, "status", ATTENDANCE_STATUSES)
        minutes = validation.integer({**row, "minutes": row.get("minutes") if row.get("minutes") != "" else None},
                                     "minutes", minimum=0, maximum=MINUTES_MAX, required=False)
        records[user_id] = (status, minutes)
    return records


def calendar_filename(group):
    """The calendar file named after its group: "new-teachers-autumn.ics" (ASCII, safe in a header)."""
    return f"{slugify(group.name) or f'verme-group-{group.id}'}.ics"


class SessionsMixin:
    """Handlers of a group's sessions, attendance, progress plan and calendar."""

    def _session_fields(self, payload):
        return {
            "starts_at": validation.datetime_value(payload, "starts_at"),
            "duration_minutes": validation.integer(payload, "duration_minutes", minimum=15, maximum=MINUTES_MAX),
            "place": validation.text(payload, "place", max_length=255, required=False, allow_blank=True),
            "title": validation.text(payload, "title", max_length=TITLE_MAX),
        }

    @json_api()
    def session_update(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        fields = self._session_fields(payload)
        fields["goal"] = validation.text(payload, "goal", max_length=PLAN_FIELD_MAX, required=False,
                                         allow_blank=True)
        fields["methods"] = validation.text(payload, "methods", max_length=PLAN_FIELD_MAX, required=False,
                                            allow_blank=True)
        fields["notes"] = validation.text(payload, "notes", max_length=NOTES_MAX, required=False, allow_blank=True)
        fields["agenda"] = agenda(payload)
        group_id = api_sessions.update_session(self.block_key, viewer, session_id, **fields)
        return self.groups_reply(payload, _("Session saved."), group_id)

    @json_api()
    def session_cancel(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        cancelled = validation.boolean(payload, "cancelled", default=True)
        group_id = api_sessions.set_cancelled(self.block_key, viewer, session_id, cancelled)
        return self.groups_reply(payload, _("Session cancelled.") if cancelled else _("Session restored."), group_id)

    @json_api()
    def session_add(self, payload, viewer):
        group_id = object_id(payload, "group_id")
        fields = self._session_fields(payload)
        api_sessions.add_session(self.block_key, viewer, group_id, **fields)
        return self.groups_reply(payload, _("Session added."), group_id)

    @json_api()
    def attendance_record(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        records = attendance_records(payload)
        group_id = api_sessions.record_attendance(self.block_key, viewer, session_id, records)
        self.runtime.publish(self, "xblock.verme.attendance.recorded",
                             {"group_id": group_id, "session_id": session_id, "count": len(records)})
        return self.groups_reply(payload, _("Attendance saved."), group_id)

    @json_api()
    def plan_save(self, payload, viewer):
        group_id = object_id(payload, "group_id")
        base_version = validation.integer(payload, "base_version", minimum=0, maximum=ID_MAX)
        text = validation.text(payload, "text", max_length=PLAN_MAX, allow_blank=True, required=False)
        plans.save_plan(self.block_key, viewer, group_id, text=text, base_version=base_version)
        return self.groups_reply(payload, _("Progress plan saved."), group_id)

    @download_handler
    def calendar_ics(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        """The group's sessions as an .ics file (a download, so a plain handler)."""
        with i18n.active_catalogue(), formatting.reader_time_zone(self):
            try:
                group_id = object_id(dict(request.GET.items()), "group_id")
                space = spaces.group_space(self.block_key, self.viewer(), group_id)
            except Refusal as refusal:
                return json_response(refusal.as_json(), status=refusal.status)
            body = exports.calendar_bytes(self.block_key, space, space.summary.name)
        return Response(
            body=body, content_type="text/calendar", charset="utf-8",
            content_disposition=f'attachment; filename="{calendar_filename(space.summary)}"',
        )
