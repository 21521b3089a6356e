"""E-mail messages in the block: each person's choice of messages, and the sender's copy of the settings."""
from django.conf import settings
from django.utils.translation import gettext as _

from .. import compat, rendering, roles
from ..api import messages as api_messages
from ..errors import Refusal, forbidden
from ..handlers import json_api
from ..mail.kinds import KINDS
from .sections import Section

TEMPLATE = "verme/messages/section.html"
FORM_TEMPLATE = "verme/messages/preferences.html"
JS = ("js/messages.js",)
WORKBENCH_BASE_URL = "http://127.0.0.1:8000"


def component_url(block, runtime):
    """Where a message links to: the LMS's jump_to address of the block, or the demo's scenario page."""
    usage_key = str(block.scope_ids.usage_id)
    if runtime == "workbench":
        base = getattr(settings, "VERME_WORKBENCH_BASE_URL", WORKBENCH_BASE_URL).rstrip("/")
        scenario = compat.workbench_scenario_id(usage_key)
        return f"{base}/scenario/{scenario}/" if scenario else f"{base}/"
    root = compat.lms_root_url().rstrip("/")
    # openedx-platform lms/urls.py: courses/<course id>/jump_to/<usage key> opens the unit of a block.
    return f"{root}/courses/{roles.context_key(block)}/jump_to/{usage_key}" if root else ""


class MessagesMixin:
    """The preference form, its handler, and keeping the sender's copy of the settings current."""

    def register_for_messages(self, caller=None, *, refresh=True):
        """Keep the sender's copy of the settings; Studio's preview shows the draft, so it writes nothing.

        The home (`refresh=False`) only makes sure a copy exists, one indexed read; opening a section
        compares the copy with the settings and writes it when they changed, so a published change
        reaches the sender as soon as anyone opens a section, and the first view reads no settings.
        """
        caller = caller or self.caller()
        if caller.read_only:  # Studio, a library, or staff viewing as a learner: nothing is written
            return
        if not refresh and api_messages.is_registered(self.block_key):
            return
        runtime = "workbench" if caller.runtime == "workbench" else "lms"
        api_messages.register_block(api_messages.BlockSettings(
            block_key=self.block_key, course_key=str(roles.context_key(self)), runtime=runtime,
            display_name=self.display_name, url=component_url(self, runtime),
            reminder_days=self.sender_reminder_days(), kinds=self.sender_message_kinds(),
        ))

    def messages_section(self, viewer):
        if viewer.is_anonymous:
            return None
        return Section(TEMPLATE, self._messages_context(viewer), js=JS)

    def _messages_context(self, viewer):
        return {"choices": api_messages.choices(self.block_key, viewer, self.config().message_kinds)}

    @json_api()
    def messages_save(self, payload, viewer):
        if viewer.is_anonymous:
            raise forbidden(_("Sign in to take part."))
        enabled = payload.get("enabled")
        if not isinstance(enabled, list) or not all(isinstance(kind, str) and kind in KINDS for kind in enabled):
            raise Refusal("invalid_choice", _("Choose one of the options."), field="enabled")
        api_messages.save_choices(self.block_key, str(roles.context_key(self)), viewer, set(enabled))
        html = rendering.render(FORM_TEMPLATE, {"ctx": self._messages_context(viewer)}, block=self)
        return {"html": html, "message": _("Your e-mail choices are saved.")}
