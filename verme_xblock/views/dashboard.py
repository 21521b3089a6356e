"""The staff dashboard, the facilitator's overview, the report downloads and the printable session plan."""
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from webob import Response

from .. import compat, exports_reports, formatting, i18n, rendering, validation
from ..api import dashboard, dashboard_pages, group_pages, reports
from ..api import groups as api_groups
from ..api import teams as api_teams
from ..errors import Refusal
from ..handlers import download_handler, json_api, json_response
from .groups import object_id, target_labels
from .sections import Section

TEMPLATE = "verme/dashboard/section.html"
JS = ("js/dashboard.js",)
REPORTS = {
    "hours": "report_hours_csv",
    "groups": "report_groups_csv",
    "practices": "report_practices_csv",
}


def _language():
    return i18n.supported_language(translation.get_language())


def in_reader_context(chunks, block, language):
    """Produce each chunk of a streamed download in the reader's language and time zone, since the
    response body is written after the handler has returned."""
    iterator, zone = iter(chunks), formatting.user_time_zone(block)
    while True:
        with i18n.active_catalogue(language), timezone.override(zone):
            chunk = next(iterator, None)
        if chunk is None:
            return
        yield chunk


def columns():
    """(key, header, kind) of the sortable columns of the staff dashboard."""
    return [
        ("name", _("Group"), "text"), ("target", _("Target group"), "text"),
        ("facilitators", _("Facilitators"), "text"), ("members", _("Members / capacity"), "number"),
        ("sessions", _("Sessions held / planned"), "number"), ("next", _("Next session"), "number"),
        ("attendance", _("Attendance rate"), "number"), ("reflections", _("Reflection rate"), "number"),
        ("posts", _("Posts"), "number"),
    ]


class DashboardMixin:
    """Course staff's dashboard across groups and facilitators' overview of their own groups."""

    # Sections

    def dashboard_section(self, viewer):
        if viewer.is_anonymous:
            return None
        if not (viewer.is_course_staff or viewer.facilitated_group_ids):
            dashboard.note_visit(self.block_key, viewer)
            return None
        return Section(TEMPLATE, self.dashboard_context(viewer), js=JS)

    def dashboard_context(self, viewer, waiting_query="", waiting_page=1, *, sort="name", descending=False, page=1):
        config = self.current_config()
        staff = viewer.is_course_staff
        labels = target_labels(config)
        groups_page = dashboard_pages.group_figures_page(
            self.block_key, viewer, sort=sort, descending=descending, page=page,
            target_order=sorted(labels, key=lambda ident: labels[ident].lower()),
        ) if staff else None
        facilitated = () if staff else dashboard.facilitated_groups(self.block_key, viewer)
        return {
            "viewer": viewer,
            "language": _language(),
            "target_labels": labels,
            "self_select": config.enrolment_mode == api_groups.SELF_SELECT and not config.teamset_id,
            "figures": groups_page.figures if staff else (),
            "page": groups_page,
            "columns": columns(),
            "seat_choices": group_pages.seat_choices(self.block_key, viewer) if staff else None,
            "facilitated": facilitated,
            "waiting": self.waiting_context(viewer, waiting_query, waiting_page) if staff else None,
            "open_reports": dashboard.open_report_count(self.block_key, viewer) if staff
            else sum(item.figures.open_reports for item in facilitated),
            "reports": {kind: self.runtime.handler_url(self, handler) for kind, handler in REPORTS.items()},
            "print_url": self.print_url_prefix(),
            "time_zone": self.time_zone_label(),
        }

    def print_url_prefix(self):
        url = self.runtime.handler_url(self, "session_print")
        return url + ("&" if "?" in url else "?") + "session_id="

    # Handlers

    @json_api(writes=False)
    def dashboard_groups(self, payload, viewer):
        """Course staff page through the groups, or sort them by a column (in the database)."""
        dashboard.require_staff(viewer)
        sort = validation.choice(payload, "sort", dashboard_pages.SORTS, required=False, default="name")
        descending = validation.boolean(payload, "descending", default=False)
        page = validation.integer(payload, "page", minimum=1, maximum=100_000, required=False, default=1)
        context = self.dashboard_context(viewer, sort=sort, descending=descending, page=page)
        html = rendering.render("verme/dashboard/table.html", {"ctx": context}, block=self)
        groups_page = context["page"]
        return {"html": html, "message": _("Page {page} of {pages}. Groups: {total}.").format(
            page=groups_page.page, pages=groups_page.pages, total=groups_page.total)}

    @json_api()
    def dashboard_assign(self, payload, viewer):
        """Course staff place a learner who is in no group yet (the same rules as any assignment)."""
        api_teams.refuse_in_teams_mode(self.teamset_id)
        group_id = self.chosen_group_id(viewer, payload)
        person = self.person_from(viewer, payload)
        name = person.display_name
        api_groups.assign_member(self.block_key, viewer, group_id, user_id=person.user_id, display_name=name)
        html = rendering.render("verme/dashboard/body.html", {"ctx": self.dashboard_context(viewer)}, block=self)
        return {"html": html, "message": _("{name} is now in the group.").format(name=name)}

    @download_handler
    def report_hours_csv(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        def rows(viewer, language):
            hours = reports.participation_hours(self.block_key, viewer)
            totals = reports.organisation_totals(hours)
            config = self.current_config()
            return exports_reports.hours_rows(hours, totals, language, target_labels(config),
                                              currency=config.travel_currency, km_rate=config.travel_km_rate)

        return self._report(request, "hours", rows, "participation-hours")

    @download_handler
    def report_groups_csv(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        def rows(viewer, _language):
            figures = reports.group_summary(self.block_key, viewer)
            return exports_reports.groups_rows(figures, target_labels(self.current_config()))

        return self._report(request, "groups", rows, "group-summary")

    @download_handler
    def report_practices_csv(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        include_hidden = request.GET.get("include_hidden") in ("1", "true", "yes")
        uid = rendering.dom_id(self)
        page = compat.component_url(self, request)

        def rows(viewer, _language):
            posts = reports.good_practices(self.block_key, viewer, include_hidden=include_hidden)
            return exports_reports.practices_rows(posts, lambda post_id: f"{page}#verme-post-{uid}-{post_id}")

        return self._report(request, "practices", rows, "good-practices")

    def _report(self, request, kind, build_rows, file_stem):  # noqa: ARG002 (the request is kept for symmetry)
        """A CSV download: the data is read at once (a refusal answers JSON), the file is streamed."""
        with i18n.active_catalogue() as language, formatting.reader_time_zone(self):
            try:
                viewer = self.viewer()
                reports.check_report(viewer, kind)
                rows = build_rows(viewer, language)
            except Refusal as refusal:
                return json_response(refusal.as_json(), status=refusal.status)
            filename = f"verme-{file_stem}.csv"
        return Response(
            app_iter=in_reader_context(exports_reports.csv_chunks(rows, language), self, language),
            content_type="text/csv", charset="utf-8",
            content_disposition=f'attachment; filename="{filename}"',
        )

    @download_handler
    def session_print(self, request, suffix=""):  # noqa: ARG002 (XBlock handler signature)
        """A whole printable HTML page with one session's plan (agenda, methods, the group's plan)."""
        with i18n.active_catalogue() as language, formatting.reader_time_zone(self):
            try:
                session_id = object_id(dict(request.GET.items()), "session_id")
                plan = dashboard.printable_plan(self.block_key, self.viewer(), session_id)
            except Refusal as refusal:
                return json_response(refusal.as_json(), status=refusal.status)
            html = rendering.render("verme/dashboard/print.html", {"plan": plan, "language": language}, block=self)
        return Response(body=html.encode("utf-8"), content_type="text/html", charset="utf-8")
