"""The Verme XBlock: fields, views and handlers. Thin: read the request, call `api`, render."""
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from xblock.core import XBlock
from xblock.fields import Scope, String

from . import formatting, i18n, rendering, roles
from .api import access
from .config import ConfigurationFields
from .data import Viewer
from .handlers import read_only_message
from .olx import OlxSettingsMixin
from .views.bank import BankMixin
from .views.close import CloseMixin
from .views.dashboard import DashboardMixin
from .views.directory import DirectoryMixin
from .views.group_lists import GroupListsMixin
from .views.groups import GroupsMixin
from .views.home import SECTION_JS, HomeMixin
from .views.live import LiveMixin
from .views.messages import MessagesMixin
from .views.people import PeopleMixin
from .views.platform import PlatformSurfacesMixin
from .views.privacy import PrivacyMixin
from .views.reflections import ReflectionsMixin
from .views.season import SeasonMixin
from .views.sessions import SessionsMixin
from .views.studio import StudioEditorMixin
from .views.teams import TeamsMixin

CSS = ("css/verme.css",)
JS = ("js/verme.js",)


@XBlock.needs("user", "i18n")
@XBlock.wants("settings", "completion", "teams", "teams_configuration", "enrollments", "studio_user_permissions")
@XBlock.supports("multi_device")
class VermeXBlock(
    HomeMixin, DashboardMixin, GroupsMixin, GroupListsMixin, PeopleMixin, TeamsMixin, SessionsMixin, SeasonMixin,
    LiveMixin, DirectoryMixin, BankMixin, CloseMixin, ReflectionsMixin, MessagesMixin, PrivacyMixin, StudioEditorMixin,
    PlatformSurfacesMixin, OlxSettingsMixin, ConfigurationFields, XBlock,
):
    """Peer-group mentoring in one course component."""

    resources_dir = ""
    public_dir = "static"
    has_author_view = True
    # The LMS shows only blocks that declare this while staff view the course as a specific learner
    # (openedx-platform masquerade.py, `filter_displayed_blocks`); the block is read-only then.
    show_in_read_only_mode = True
    i18n_js_namespace = "VermeI18N"  # the platform compiles our JS catalogue under this global name

    display_name = String(
        display_name=gettext_lazy("Display name"),
        help=gettext_lazy("The component's name, shown in the course navigation."),
        default="Peer-group mentoring",
        scope=Scope.settings,
    )
    introduction = String(
        display_name=gettext_lazy("Introduction"),
        help=gettext_lazy("Markdown text shown at the top of the component."),
        default="",
        scope=Scope.settings,
        multiline_editor=True,
    )

    @property
    def block_key(self):
        return roles.block_key(self)

    def caller(self):
        """The request context, read from the runtime once per request (see `roles`)."""
        return roles.request_context(self)

    def viewer(self) -> Viewer:
        return access.viewer_for(self.block_key, self.caller())

    # Views

    def student_view(self, context=None):
        """The home (or the section `context["section"]` names) with the menu of the viewer's sections."""
        with i18n.active_catalogue() as language, formatting.reader_time_zone(self):
            self.follow_my_team()
            viewer = self.viewer()
            if viewer.is_anonymous:
                return self.public_view(context)
            nav = self.nav_sections(viewer)
            current = (context or {}).get("section")
            if current not in dict(nav):
                current = "home"
            self.register_for_messages(refresh=current != "home")
            html = rendering.render(
                "verme/student_view.html",
                {
                    "viewer": viewer,
                    "role_label": role_label(viewer.role),
                    "nav": nav,
                    "current": current,
                    "parts": self.section_parts(current, viewer),
                    "language": language,
                    "my_data_url": self.runtime.handler_url(self, "download_my_data"),
                    "read_only_notice": read_only_message(viewer),
                },
                block=self,
            )
        return rendering.fragment(
            self,
            html,
            css=CSS,
            js=(*JS, *SECTION_JS),
            init_fn="VermeXBlock",
            init_args={"language": language},
            language=language,
        )

    def public_view(self, context=None):  # noqa: ARG002 (XBlock view signature)
        with i18n.active_catalogue() as language:
            html = rendering.render("verme/public_view.html", {"language": language}, block=self)
        return rendering.fragment(self, html, css=CSS)

    @staticmethod
    def workbench_scenarios():
        from .scenarios import workbench_scenarios

        return workbench_scenarios()


def role_label(role):
    return {
        roles.LEARNER: _("Participant"),
        roles.FACILITATOR: _("Group facilitator"),
        roles.STAFF: _("Course staff"),
        roles.ANONYMOUS: _("Not signed in"),
    }[role]
