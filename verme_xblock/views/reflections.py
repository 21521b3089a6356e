"""Reflections in the block: the learner's section, the figures panel, save/share handlers,
downloads, and what the block publishes (completion, grade, the tracking event)."""
from django.utils import translation
from django.utils.translation import gettext as _
from webob import Response

from .. import charts, i18n, rendering, roles, validation
from ..api import reflection_figures as api_figures
from ..api import reflections as api
from ..errors import Refusal, forbidden
from ..exports_reflections import reflections_csv, reflections_markdown
from ..handlers import download_handler, json_api, json_response
from .sections import Section

SECTION_TEMPLATE = "verme/reflections/section.html"
FORM_TEMPLATE = "verme/reflections/form.html"
FIGURES_TEMPLATE = "verme/reflections/figures.html"
HIDDEN_TEMPLATE = "verme/reflections/hidden.html"
JS = ("js/reflections.js",)


def _language():
    return i18n.supported_language(translation.get_language())


def short_label(slot):
    """The x-axis label of a small chart: "Start" or "S2" (session 2)."""
    return _("Start") if slot.is_baseline else _("S{number}").format(number=slot.number)


class ReflectionsMixin:
    """Private reflections: completion is the share of sessions held so far with a submitted reflection."""

    has_custom_completion = True

    @property
    def has_score(self):
        """Graded only when Studio gives the block a weight above 0."""
        return bool(self.weight and self.weight > 0)

    def max_score(self):
        """One point per configured session's reflection."""
        return float(max(self.session_count, 1))

    # Sections

    def reflections_section(self, viewer, open_key=None):
        if viewer.is_anonymous or viewer.group_id is None:
            return None
        if viewer.read_only == roles.MASQUERADE:
            # The learner's reflections are theirs alone, also when staff view the course as them.
            return Section(HIDDEN_TEMPLATE, {})
        data = api.learner_reflections(self.block_key, viewer, self.reflection_settings(_language()))
        return Section(SECTION_TEMPLATE, self._reflections_context(data, open_key), js=JS)

    def reflection_figures_section(self, viewer):
        if not (viewer.is_course_staff or viewer.facilitated_group_ids):
            return None
        return Section(FIGURES_TEMPLATE, self._figures_context(viewer))

    def _figures_context(self, viewer, group_id=None):
        choices, figures = api_figures.reflection_figures(self.block_key, viewer, self.config(_language()), group_id)
        return {"groups": figures, "scale": (1, 2, 3, 4, 5),
                "choices": choices if viewer.is_course_staff and len(choices) > 1 else (),
                "chosen": figures[0].group_id if figures else None}

    @json_api(writes=False)
    def reflection_figures_show(self, payload, viewer):
        group_id = validation.integer(payload, "group_id", minimum=1, maximum=2**31 - 1)
        context = self._figures_context(viewer, group_id)
        html = rendering.render(FIGURES_TEMPLATE, {"ctx": context}, block=self)
        return {"html": html, "message": _("Figures of {name} shown.").format(
            name=context["groups"][0].name if context["groups"] else "")}

    def _reflections_context(self, data, open_key):
        if open_key is None:
            pending = [view for view in data.reflections if not view.is_submitted and not view.slot.is_baseline]
            open_key = pending[-1].slot.key if pending else None
        labels = data.trend_labels
        submitted = [view for view in data.reflections if view.is_submitted]
        short = [short_label(view.slot) for view in submitted]
        uid = rendering.dom_id(self)
        trend = [
            {
                "series": series,
                "svg": charts.trend_svg(series, labels, short, f"verme-trend-{uid}-{series.item_id}"),
                "cells": [next((p.value for p in series.points if p.label == label), None) for label in labels],
            }
            for series in data.trend
        ]
        return {
            "reflections": [
                {"view": view, "label": api.slot_label(view.slot), "open": view.slot.key == open_key}
                for view in data.reflections
            ],
            "trend": trend,
            "trend_labels": labels,
            **self._form_context(),
            "download_csv": self.runtime.handler_url(self, "reflection_download", "csv"),
            "download_md": self.runtime.handler_url(self, "reflection_download", "md"),
        }

    def _render_reflections(self, viewer, open_key):
        section = self.reflections_section(viewer, open_key=open_key)
        return rendering.render(section.template, {"ctx": section.context}, block=self)

    @staticmethod
    def _form_context():
        return {"scale": (1, 2, 3, 4, 5), "language": _language(), "open_max": api.OPEN_ANSWER_MAX}

    def _render_reflection(self, view):
        """One reflection as the section shows it open: what a saved draft changes (its status and
        time), without the other reflections and the trend, which a draft leaves as they were."""
        item = {"view": view, "label": api.slot_label(view.slot), "open": True}
        return rendering.render(FORM_TEMPLATE, {"ctx": self._form_context(), "item": item}, block=self)

    # Handlers

    @json_api()
    def reflection_save(self, payload, viewer):
        config = self.reflection_settings(_language())
        session_id = validation.integer(payload, "session_id", minimum=1, required=False)
        submit = validation.boolean(payload, "submit")
        likert, texts = api.clean_answers(payload, config)
        result = api.save_reflection(self.block_key, viewer, config, session_id, likert, texts, submit=submit)
        if result.newly_submitted:
            self._publish_submission(viewer, result.reflection)
        key = result.reflection.slot.key
        if not result.reflection.is_submitted:  # the draft's own reflection is all that changed
            return {"status": result.reflection.status, "message": _("Your draft was saved."),
                    "slot_html": self._render_reflection(result.reflection)}
        message = _("Your reflection was submitted.") if result.newly_submitted else _("Your changes were saved.")
        return {"status": result.reflection.status, "message": message, "html": self._render_reflections(viewer, key)}

    @json_api()
    def reflection_share(self, payload, viewer):
        session_id = validation.integer(payload, "session_id", minimum=1, required=False)
        shared = validation.boolean(payload, "shared", required=True)
        api.set_shared(self.block_key, viewer, session_id, shared)
        message = (
            _("Your reflection is now shared with your group's facilitators.")
            if shared else _("Your reflection is no longer shared.")
        )
        open_key = str(session_id) if session_id else "baseline"
        return {"shared": shared, "message": message, "html": self._render_reflections(viewer, open_key)}

    @download_handler
    def reflection_download(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        with i18n.active_catalogue() as language:
            try:
                viewer = self.viewer()
                if viewer.is_anonymous:
                    raise forbidden(_("Sign in to download your reflections."))
                if viewer.read_only == roles.MASQUERADE:
                    raise forbidden(_("A participant's reflections are theirs alone."))
                views = api.own_reflections(self.block_key, viewer, self.config(language))
            except Refusal as refusal:
                return json_response(refusal.as_json(), status=refusal.status)
            if suffix == "md":
                body = reflections_markdown(views, api.slot_label, _("My reflections"))
                return _download(body, "text/markdown", "reflections.md")
            return _download(reflections_csv(views, api.slot_label), "text/csv", "reflections.csv")

    # What the platform hears

    def _publish_submission(self, viewer, reflection):
        self.runtime.publish(self, "xblock.verme.reflection.submitted", {
            "reflection_id": reflection.reflection_id,
            "session_id": reflection.slot.session_id,
            "group_id": viewer.group_id,
        })
        value = api.completion(self.block_key, viewer)
        if value is not None:
            self.runtime.publish(self, "completion", {"completion": value})
        if self.has_score and not reflection.slot.is_baseline:
            self.runtime.publish(self, "grade", api.grade(self.block_key, viewer, self.max_score()))


def _download(body, content_type, filename):
    return Response(
        body=body,
        content_type=content_type,
        charset="utf-8",
        content_disposition=f'attachment; filename="{filename}"',
    )
