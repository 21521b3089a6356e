"""The home view and the component's sections, each rendered by a handler only when opened.

The first view shows the home (the next session and the person's open tasks) and a section menu.
A section is a name, a label, who sees it, and the parts (`Section`s of the capability mixins) it
shows; `section_show` renders one by name, and the student view can render the one a link names.
To add a section: add a `NavSection` to `SECTIONS` whose parts are methods returning a `Section`
(its own template under templates/verme/<capability>/); to add a panel to a section, add a part.
"""
import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from xblock.fields import Dict, Scope

from .. import rendering, validation
from ..api import dashboard
from ..api import home as api_home
from ..errors import Refusal
from ..handlers import json_api
from .sections import Section

# Every capability's script: the fragment carries them all, so a section opened later just works.
SECTION_JS = ("js/groups.js", "js/people.js", "js/bank.js", "js/reflections.js", "js/dashboard.js",
              "js/messages.js", "js/directory.js")
SEEN_SECTIONS = ("bank", "plan")  # opening these clears the home's "new since your last visit"
SEEN_POST_KEY = "bank_post"  # in `seen`: the newest post when the bank was last opened


def _group_label(viewer):
    return _("My group and sessions") if viewer.group_id or viewer.facilitated_group_ids else _("Choose a group")


@dataclass(frozen=True)
class NavSection:
    name: str
    label: object  # a lazy translated label, or a function of the viewer giving one
    shown: object  # a predicate of the viewer
    parts: tuple  # (method name, keyword arguments) of the block returning a Section or None

    def label_for(self, viewer):
        return self.label(viewer) if callable(self.label) else str(self.label)


def _everyone(viewer):
    return not viewer.is_anonymous


def _participant(viewer):
    return not viewer.is_course_staff


def _in_a_group(viewer):
    return not viewer.is_course_staff and (viewer.group_id is not None or bool(viewer.facilitated_group_ids))


def _member(viewer):
    return viewer.group_id is not None


def _facilitator(viewer):
    return bool(viewer.facilitated_group_ids) and not viewer.is_course_staff


def _staff(viewer):
    return viewer.is_course_staff


OVERVIEW = (("dashboard_section", {}), ("reflection_figures_section", {}))
SECTIONS = (
    NavSection("home", gettext_lazy("Home"), _everyone, (("home_section", {}),)),
    NavSection("group", _group_label, _participant, (("group_section", {"part": "space"}),)),
    NavSection("season", gettext_lazy("Our season plan"), _in_a_group, (("group_section", {"part": "season"}),)),
    NavSection("plan", gettext_lazy("Progress plan"), _in_a_group, (("group_section", {"part": "plan"}),)),
    NavSection("bank", gettext_lazy("Good practices"), _everyone, (("bank_section", {}),)),
    NavSection("reflections", gettext_lazy("My reflections"), _member, (("reflections_section", {}),)),
    NavSection("mygroups", gettext_lazy("My groups"), _facilitator, OVERVIEW),
    NavSection("dashboard", gettext_lazy("Dashboard"), _staff, (("dashboard_section", {}),)),
    NavSection("people", gettext_lazy("Groups and people"), _staff, (("group_section", {"part": "all"}),)),
    NavSection("figures", gettext_lazy("Reflections in the groups"), _staff, (("reflection_figures_section", {}),)),
    NavSection("directory", gettext_lazy("Participant directory"), _everyone, (("directory_section", {}),)),
    NavSection("messages", gettext_lazy("E-mail messages"), _everyone, (("messages_section", {}),)),
)
BY_NAME = {section.name: section for section in SECTIONS}


class HomeMixin:
    """The home view, the section menu and the handler that renders a section when it is opened."""

    seen = Dict(
        help="When this person last opened sections whose news the home view counts (ISO times, UTC).",
        default={}, scope=Scope.user_state,
    )

    def nav_sections(self, viewer):
        return [(section.name, section.label_for(viewer)) for section in SECTIONS if section.shown(viewer)]

    def home_section(self, viewer):
        dashboard.note_visit(self.block_key, viewer)
        data = api_home.home(self.block_key, viewer, self._seen_times(), seen_post_id=self._seen_post_id())
        return Section("verme/home/home.html", {
            "viewer": viewer,
            "home": data,
            "language": self.current_language(),
            "time_zone": self.time_zone_label(),
            "ics_urls": {session.group_id: self.runtime.handler_url(self, "calendar_ics",
                                                                    query=f"group_id={session.group_id}")
                         for session in data.next_sessions},
        })

    def section_parts(self, name, viewer, group_id=None, open_key=None):
        """The Sections of one navigation section, or a refusal when this viewer has no such section."""
        section = BY_NAME.get(name)
        if section is None or not section.shown(viewer):
            raise Refusal("unknown_section", _("That part of the component is not available to you."),
                          field="section", status=404)
        parts = []
        for method, options in section.parts:
            extra = {"group_section": {"focus_group_id": group_id, "open_session": open_key},
                     "reflections_section": {"open_key": open_key}}.get(method, {})
            part = getattr(self, method)(viewer, **options, **extra)
            if part is not None:
                parts.append(part)
        if name in SEEN_SECTIONS and not viewer.read_only:  # a masquerade or a preview changes nothing
            seen = {**self.seen, name: timezone.now().isoformat()}
            if name == "bank":
                seen[SEEN_POST_KEY] = api_home.newest_post_id(self.block_key)
            self.seen = seen
        return parts

    def render_panel(self, name, viewer, group_id=None, open_key=None):
        parts = self.section_parts(name, viewer, group_id, open_key)
        return rendering.render("verme/panel.html", {"parts": parts, "name": name}, block=self)

    @json_api(writes=False)  # opening a section only reads (and notes the person's own last visit)
    def section_show(self, payload, viewer):
        name = validation.choice(payload, "section", tuple(BY_NAME))
        group_id = validation.integer(payload, "group_id", minimum=1, maximum=2**53, required=False)
        # What to open inside the section: a reflection ("baseline" or a session id), a session's editors.
        open_key = validation.text(payload, "open", max_length=20, required=False) or None
        label = dict(self.nav_sections(viewer)).get(name, "")
        html = self.render_panel(name, viewer, group_id, open_key)
        self.register_for_messages()  # only once the section is known to be the viewer's
        return {"section": name, "html": html, "label": label,
                "message": _("{section} opened.").format(section=label)}

    def _seen_post_id(self):
        value = (self.seen or {}).get(SEEN_POST_KEY)
        return value if isinstance(value, int) else None

    def _seen_times(self):
        times = {}
        for name, value in (self.seen or {}).items():
            if name == SEEN_POST_KEY:
                continue
            try:
                times[name] = datetime.datetime.fromisoformat(value)
            except (TypeError, ValueError):
                continue
        return times
