"""The season's close: printable participation certificates and the method kit to take home."""
from django.utils import translation
from django.utils.translation import gettext as _
from webob import Response

from .. import formatting, i18n, rendering, validation
from ..api import season_close
from ..errors import Refusal, forbidden
from ..handlers import download_handler, json_response
from .groups import object_id


class CloseMixin:
    """Print pages of the season's close (plain handlers: whole HTML pages)."""

    def close_urls(self, space, viewer):
        """Links for the group space: the viewer's certificate, the whole group's, and the method kit."""
        def url(name, query=""):
            return self.runtime.handler_url(self, name, query=query)

        group_id = space.summary.id
        return {
            "mine": url("certificate_print", f"group_id={group_id}&user_id={viewer.user_id}")
            if space.is_member else "",
            "group": url("certificate_print", f"group_id={group_id}") if space.can_facilitate else "",
            "kit": url("method_kit_print"),
        }

    def _print_page(self, build):
        with i18n.active_catalogue() as language, formatting.reader_time_zone(self):
            try:
                template, context = build(language)
            except Refusal as refusal:
                return json_response(refusal.as_json(), status=refusal.status)
            html = rendering.render(template, {**context, "language": language}, block=self)
        return Response(body=html.encode("utf-8"), content_type="text/html", charset="utf-8")

    @download_handler
    def certificate_print(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        """`?group_id=&user_id=`: one participant's certificate; without user_id, the whole group's."""
        def build(language):  # noqa: ARG001
            query = dict(request.GET.items())
            group_id = object_id(query, "group_id")
            user_id = validation.text(query, "user_id", max_length=64, required=False, default=None)
            certificates = season_close.certificates(self.block_key, self.viewer(), group_id, user_id)
            return "verme/close/certificate.html", {
                "certificates": certificates, "group_name": certificates[0].group_name if certificates else "",
                "organiser": self.current_config().organiser}

        return self._print_page(build)

    @download_handler
    def method_kit_print(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        """The component's own ground rules, session templates and method cards as a printable guide."""
        def build(language):
            if self.viewer().is_anonymous:
                raise forbidden(_("Sign in to download the method kit."))
            config = self.config(i18n.supported_language(translation.get_language()) or language)
            return "verme/close/method_kit.html", {"templates": config.session_templates,
                                                   "cards": config.method_cards}

        return self._print_page(build)
