"""Studio: the editor (`studio_view`) and its save handler."""
from django.utils.translation import gettext as _

from .. import i18n, rendering, roles, validation
from ..errors import forbidden
from ..handlers import json_api

DISPLAY_NAME_MAX = 200
INTRODUCTION_MAX = 10_000


class StudioEditorMixin:
    """The block's Studio editor; every save is checked against Studio write permission."""

    def studio_view(self, context=None):  # noqa: ARG002 (XBlock view signature)
        with i18n.active_catalogue() as language:
            html = rendering.render(
                "verme/studio/editor.html",
                {"language": language, "limits": {"display_name": DISPLAY_NAME_MAX, "introduction": INTRODUCTION_MAX}},
                block=self,
            )
        return rendering.fragment(
            self, html, css=("css/verme.css",), js=("js/verme.js", "js/studio.js"), init_fn="VermeStudioEditor",
            language=language,
        )

    @json_api()
    def studio_save(self, payload, viewer):  # noqa: ARG002 (the Studio check below decides)
        caller = roles.identify(self)
        if caller.runtime == "lms" or not caller.is_course_staff:
            raise forbidden(_("You do not have permission to change this component."))
        display_name = validation.text(payload, "display_name", max_length=DISPLAY_NAME_MAX)
        introduction = validation.text(
            payload, "introduction", max_length=INTRODUCTION_MAX, required=False, allow_blank=True
        )
        self.display_name = display_name
        self.introduction = introduction
        return {"saved": True}
