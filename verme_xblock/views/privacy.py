"""Personal data downloads: a participant's own data, and staff's export of one participant."""
import json

from django.utils.translation import gettext as _
from webob import Response

from .. import i18n, roles, validation
from ..api import privacy
from ..errors import Refusal, forbidden
from ..handlers import download_handler, json_response
from ..models import USER_ID_LENGTH


def _json_download(data, filename):
    return Response(
        body=json.dumps(data, default=str, ensure_ascii=False, indent=2).encode("utf-8"),
        content_type="application/json", charset="utf-8",
        content_disposition=f'attachment; filename="{filename}"',
    )


class PrivacyMixin:
    """Everything this block holds about a person, as JSON (Moodle's privacy export, in one block)."""

    @download_handler
    def download_my_data(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        with i18n.active_catalogue():
            viewer = self.viewer()
            if viewer.is_anonymous:
                return json_response(forbidden(_("Sign in to download your data.")).as_json(), status=403)
            if viewer.read_only == roles.MASQUERADE:
                refusal = forbidden(_("Only the participant can download their own data."))
                return json_response(refusal.as_json(), status=403)
            data = privacy.export_user(viewer.user_id, block_key=self.block_key)
        return _json_download(data, "verme-my-data.json")

    @download_handler
    def export_user_data(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        """Course staff: what they see of one participant in this block (?user_id=…); no reflection text."""
        with i18n.active_catalogue():
            try:
                if not self.viewer().is_course_staff:
                    raise forbidden(_("Only course staff can export a participant's data."))
                user_id = validation.text(dict(request.GET.items()), "user_id", max_length=USER_ID_LENGTH)
            except Refusal as refusal:
                return json_response(refusal.as_json(), status=refusal.status)
            data = privacy.export_user_for_staff(user_id, self.block_key)
        return _json_download(data, f"verme-user-{user_id}.json")
