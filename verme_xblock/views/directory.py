"""The participant directory section: opt in with a card, search, withdraw."""
from django.utils.translation import gettext as _

from .. import rendering, roles, validation
from ..api import directory
from ..handlers import json_api
from .sections import Section

PERSON_MAX = 200
QUERY_MAX = 100


class DirectoryMixin:
    """Networking across groups: an opt-in, course-wide directory of participants."""

    def directory_section(self, viewer):
        if viewer.is_anonymous:
            return None
        return Section("verme/directory/section.html", self.directory_context(viewer), js=("js/directory.js",))

    def directory_context(self, viewer, query=""):
        mine = directory.my_card(self.block_key, viewer)
        organisation, role = (mine.organisation, mine.role) if mine else directory.suggested_details(
            self.block_key, viewer)
        return {"viewer": viewer, "cards": directory.cards(self.block_key, viewer, query), "mine": mine,
                "query": query, "organisation": organisation, "role": role,
                "limits": {"person": PERSON_MAX, "text": directory.TEXT_MAX, "query": QUERY_MAX}}

    def directory_reply(self, viewer, message, query=""):
        html = rendering.render("verme/directory/body.html", {"ctx": self.directory_context(viewer, query)},
                                block=self)
        return {"html": html, "message": message}

    @json_api(writes=False)
    def directory_search(self, payload, viewer):
        query = validation.text(payload, "q", max_length=QUERY_MAX, required=False, allow_blank=True)
        cards = directory.cards(self.block_key, viewer, query)
        message = _("Participants found: {count}.").format(count=len(cards)) if query else ""
        return self.directory_reply(viewer, message, query)

    @json_api()
    def directory_opt_in(self, payload, viewer):
        fields = {
            "organisation": validation.text(payload, "organisation", max_length=PERSON_MAX, required=False,
                                            allow_blank=True),
            "role": validation.text(payload, "role", max_length=PERSON_MAX, required=False, allow_blank=True),
            "expertise": validation.text(payload, "expertise", max_length=directory.TEXT_MAX, required=False,
                                         allow_blank=True),
            "contact": validation.text(payload, "contact", max_length=directory.TEXT_MAX, required=False,
                                       allow_blank=True),
        }
        directory.opt_in(self.block_key, str(roles.context_key(self)), viewer, **fields)
        self.runtime.publish(self, "xblock.verme.directory.opted_in", {})
        return self.directory_reply(viewer, _("Your card is in the directory."))

    @json_api()
    def directory_withdraw(self, payload, viewer):  # noqa: ARG002 (nothing to read)
        directory.withdraw(self.block_key, viewer)
        self.runtime.publish(self, "xblock.verme.directory.withdrawn", {})
        return self.directory_reply(viewer, _("Your card was removed from the directory."))
