"""Studio: the editor (`studio_view`), its handlers, `validate()` and the author's overview.

Every handler here checks Studio write permission first (and refuses in the LMS): a Studio
handler runs for any signed-in user. The settings schema is `studio_settings`.
"""
from django.utils import translation
from django.utils.translation import gettext as _
from xblock.validation import ValidationMessage

from .. import i18n, rendering, roles, studio_settings
from ..config import COURSE_WIDE, GROUP_ONLY, SELF_SELECT, STAFF_ASSIGNED
from ..defaults import LIST_SETTINGS, defaults_for
from ..errors import Refusal, forbidden
from ..handlers import json_api
from ..mail.kinds import KINDS, LABELS
from ..markup import render_markdown

CSS = ("css/verme.css", "css/studio.css")
DISPLAY_NAME_MAX = studio_settings.LIMITS["display_name"]
INTRODUCTION_MAX = studio_settings.LIMITS["introduction"]


class StudioEditorMixin:
    """The block's Studio editor; every save is checked against Studio write permission."""

    def studio_view(self, context=None):  # noqa: ARG002 (XBlock view signature)
        with i18n.active_catalogue() as language:
            editor = {**self._editor_context(language), "library_notice": library_notice(self)}
            html = rendering.render("verme/studio/editor.html", editor, block=self)
        return rendering.fragment(
            self, html, css=CSS, js=("js/verme.js", "js/studio.js"), init_fn="VermeStudioEditor",
            language=language,
        )

    def author_view(self, context=None):  # noqa: ARG002 (XBlock view signature)
        with i18n.active_catalogue() as language:
            config = self.config(language)
            html = rendering.render(
                "verme/author_view.html",
                {"language": language, "config": config, "advice": studio_settings.advice(config),
                 "labels": choice_labels(), "unconfigured": not self.session_templates},
                block=self,
            )
        return rendering.fragment(self, html, css=CSS)

    def validate(self):
        """Studio shows these under the component: settings that are allowed but unwise."""
        result = super().validate()
        with i18n.active_catalogue() as language:
            for text in studio_settings.advice(self.config(language)):
                result.add(ValidationMessage(ValidationMessage.WARNING, str(text)))
        return result

    @json_api(writes=False)  # settings, not rows: `_require_author` decides
    def studio_save(self, payload, viewer):  # noqa: ARG002 (the Studio check below decides)
        self._require_author()
        language = i18n.supported_language(translation.get_language())
        # Every save names the component; settings left out of a save keep their current values.
        current = {name: value for name, value in self.settings_values(language).items() if name != "display_name"}
        values = studio_settings.clean({**current, **payload}, self.archived_ids())
        self.store_settings(values, language)
        return {
            "saved": True,
            "html": rendering.render("verme/studio/form.html", self._editor_context(language), block=self),
            "warnings": [str(text) for text in studio_settings.advice(self.config(language))],
        }

    @json_api(writes=False)
    def studio_preview(self, payload, viewer):  # noqa: ARG002
        """The introduction as the learner will see it, rendered by the server's Markdown renderer."""
        self._require_author()
        text = payload.get("introduction", "")
        if not isinstance(text, str) or len(text) > INTRODUCTION_MAX:
            raise Refusal("invalid", _("Use at most {limit} characters (now {count}).").format(
                limit=INTRODUCTION_MAX, count=len(str(text))), field="introduction")
        return {"html": str(render_markdown(text))}

    @json_api(writes=False)
    def studio_defaults(self, payload, viewer):  # noqa: ARG002
        """One list of the editor filled with the defaults in the author's language (saved on Save)."""
        self._require_author()
        name = payload.get("list")
        if name not in LIST_SETTINGS:
            raise Refusal("invalid_choice", _("Choose one of the options."), field="list")
        language = i18n.supported_language(translation.get_language())
        context = self._editor_context(language)
        context["values"][name] = defaults_for(language)[name]
        return {"html": rendering.render(f"verme/studio/lists/{name}.html", context, block=self)}

    def _require_author(self):
        caller = roles.request_context(self)
        if caller.runtime == roles.LIBRARY:
            raise forbidden(library_notice(self), code="library")
        if caller.runtime == roles.LMS or not caller.can_edit_settings:
            raise forbidden(_("You do not have permission to change this component."))

    def _editor_context(self, language):
        labels = choice_labels()
        config = self.config(language)
        return {
            "enrolment_options": [(value, labels[value]) for value in (SELF_SELECT, STAFF_ASSIGNED)],
            "visibility_options": [(value, labels[value]) for value in (COURSE_WIDE, GROUP_ONLY)],
            "language": language,
            "values": self.settings_values(language),
            "limits": studio_settings.LIMITS,
            "bounds": studio_settings.NUMBER_BOUNDS,
            "labels": labels,
            "advice": studio_settings.advice(config),
            # (key, label, textarea rows or 0 for one line) of a method card in the editor
            "card_fields": [
                ("title", _("Title"), 0), ("purpose", _("Purpose"), 2), ("minutes", _("Time (minutes)"), 0),
                ("steps", _("Steps, one per line"), 4), ("questions", _("Questions, one per line"), 3),
            ],  # and the session templates it is used in, as checkboxes (method_card.html)
            # An agenda line links a card of the saved library; cards added since appear after a save.
            "card_options": [(card["id"], card["title"]) for card in config.method_cards],
            "teamset_options": self._teamset_options(),
            "message_kind_options": [(kind, LABELS[kind], kind in config.message_kinds) for kind in KINDS],
        }

    def _teamset_options(self):
        """The course's teamsets (from Studio's teams configuration), and the stored one even if gone."""
        options = [("", _("None: the groups are managed in this component"))]
        options.extend(self.teamsets())
        if self.teamset_id and self.teamset_id not in {value for value, _label in options}:
            options.append((self.teamset_id, self.teamset_id))
        return options


def library_notice(block):
    """The editor's notice in a content library, where no permission source names the course team."""
    if roles.request_context(block).runtime != roles.LIBRARY:
        return ""
    return _("In a content library this component's settings cannot be changed. Add it to a course and edit it "
             "there.")


def choice_labels():
    """Translated labels of the choice settings, for the editor and the author view."""
    return {
        SELF_SELECT: _("Participants choose their group"),
        STAFF_ASSIGNED: _("Course staff place participants in groups"),
        GROUP_ONLY: _("Visible to the author's group only"),
        COURSE_WIDE: _("Visible to everyone in the course"),
    }
