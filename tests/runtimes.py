"""Runtimes that give the block the service shapes of the Open edX LMS, Studio and content libraries.

The platform itself cannot run here. Each double follows the platform function that builds the real
thing (named in its comment, openedx/openedx-platform), with the platform's service names ("user",
"i18n", "settings", "studio_user_permissions") and user attribute keys (`edx-platform.user_id`, …),
and real opaque keys (`UsageKey`, `CourseKey`, library keys) as the block's ids.
"""
from dataclasses import dataclass

from django.utils import translation
from opaque_keys.edx.keys import UsageKey
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import Runtime

from verme_xblock.block import VermeXBlock

COURSE = "course-v1:Verme+Demo+2026"
LIBRARY = "lib:Verme:mentoring"


def course_usage_key(course=COURSE, block="verme1", branch=None):
    """A real course UsageKey (`block-v1:…`), optionally on a branch (Studio's draft)."""
    branch_part = f"+branch@{branch}" if branch else ""
    return UsageKey.from_string(f"block-v1:{course.split(':', 1)[1]}{branch_part}+type@verme+block@{block}")


def library_usage_key(library=LIBRARY, block="verme1"):
    """A content library (v2) block key, `lb:org:library:type:id`."""
    return UsageKey.from_string(f"lb:{library.split(':', 1)[1]}:verme:{block}")


@dataclass
class DjangoUser:
    """The attributes of `django.contrib.auth.models.User` that the user service reads."""

    id: int | None
    username: str = ""
    full_name: str = ""
    is_staff: bool = False  # site-wide staff (User.is_staff)
    real_user: "DjangoUser | None" = None  # set by the platform's masquerade only

    @property
    def is_authenticated(self):
        return self.id is not None

    @property
    def email(self):
        return f"{self.username}@example.org"


class PlatformUserService(UserService):
    """openedx-platform common/djangoapps/xblock_django/user_service.py, `DjangoXBlockUserService`:
    keeps the Django user as `_django_user`; `get_current_user` builds the XBlockUser in
    `_convert_django_user_to_xblock_user`. An anonymous user gets `is_authenticated` False and the
    country code only — no `edx-platform.user_id` key at all."""

    def __init__(self, django_user, *, user_is_staff=False, user_is_global_staff=False, user_role="student",
                 preferences=None, **kwargs):
        super().__init__(**kwargs)
        self._django_user = django_user
        self._user_is_staff = user_is_staff
        self._user_is_global_staff = user_is_global_staff
        self._user_role = user_role
        self._preferences = dict(preferences or {})

    def get_current_user(self):
        user = XBlockUser(is_current_user=True)
        django_user = self._django_user
        if django_user is not None and django_user.is_authenticated:
            user.full_name = django_user.full_name or None
            user.emails = [django_user.email]
            user.opt_attrs.update({
                "edx-platform.anonymous_user_id": f"anon-{django_user.id}",
                "edx-platform.is_authenticated": True,
                "edx-platform.request_country_code": None,
                "edx-platform.user_id": django_user.id,
                "edx-platform.username": django_user.username,
                "edx-platform.user_is_beta_tester": False,
                "edx-platform.user_is_global_staff": self._user_is_global_staff,
                "edx-platform.user_is_staff": self._user_is_staff,
                "edx-platform.user_role": self._user_role,
                "edx-platform.user_preferences": self._preferences,
            })
        else:
            user.opt_attrs.update({"edx-platform.is_authenticated": False, "edx-platform.request_country_code": None})
        return user


class I18nService:
    """The platform's i18n service exposes Django's translation functions."""

    def __getattr__(self, name):
        return getattr(translation, name)


class SettingsService:
    def __init__(self, buckets=None):
        self.buckets = buckets or {}

    def get_settings_bucket(self, block, default=None):
        return self.buckets.get(block.unmixed_class.__name__, default or {})


class StudioPermissions:
    """openedx-platform cms/djangoapps/contentstore/utils.py, `StudioPermissionsService`:
    `can_read`/`can_write(course_key)` ask `has_studio_read_access`/`has_studio_write_access`."""

    def __init__(self, writable_courses=()):
        self.writable = {str(key) for key in writable_courses}

    def can_read(self, context_key):
        return str(context_key) in self.writable

    def can_write(self, context_key):
        return str(context_key) in self.writable


class EnrollmentsService:
    """The LMS's `enrollments` service (openedx-platform `openedx/core/djangoapps/enrollments/services.py`,
    `EnrollmentsService.get_active_enrollments_by_course`), given to XBlocks in
    `lms/djangoapps/courseware/block_render.py` (`prepare_runtime_for_user`).

    The platform returns a queryset of `CourseEnrollment` rows, each with a `user_id`; the double
    returns a queryset of the test users annotated with `user_id`, so the block uses it the same way
    (as a subquery of user ids).
    """

    def __init__(self, enrolled=None):
        self.enrolled = {str(course): [int(user_id) for user_id in ids] for course, ids in (enrolled or {}).items()}

    def get_active_enrollments_by_course(self, course_id):
        from django.contrib.auth import get_user_model
        from django.db.models import F

        ids = self.enrolled.get(str(course_id), [])
        return get_user_model().objects.filter(id__in=ids, is_active=True).annotate(user_id=F("id"))


class Team:
    """A `CourseTeam` (openedx-platform `lms/djangoapps/teams/models.py`) as the teams service returns
    it: `team_id`, `name`, `topic_id` (the teamset) and `users`, a manager of the members."""

    def __init__(self, team_id, name, topic_id, member_ids):
        self.team_id, self.name, self.topic_id, self.member_ids = team_id, name, topic_id, list(member_ids)

    @property
    def users(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(id__in=self.member_ids)


class TeamsService:
    """The LMS's `teams` service (openedx-platform `lms/djangoapps/teams/services.py`, `TeamsService`),
    with the methods ORA's `openassessment/xblock/team_mixin.py` calls and their return shapes."""

    def __init__(self, teams=()):
        self.teams = list(teams)

    def get_team(self, user, course_id, topic_id):
        return next((t for t in self.teams if t.topic_id == topic_id and user.id in t.member_ids), None)

    def get_team_by_team_id(self, team_id):
        return next((t for t in self.teams if t.team_id == team_id), None)

    def get_team_names(self, course_id, topic_id):
        return {t.team_id: t.name for t in self.teams if t.topic_id == topic_id}


class TeamsConfigurationService:
    """The `teams_configuration` service (openedx-platform `lms/djangoapps/teams/services.py`):
    `get_teams_configuration(course_id)` returns a `TeamsConfig` (`openedx/core/lib/teams_config.py`)
    whose `teamsets` (and `teamsets_by_id`) have `teamset_id` and `name`."""

    def __init__(self, teamsets=()):
        from types import SimpleNamespace

        sets = [SimpleNamespace(teamset_id=teamset_id, name=name) for teamset_id, name in teamsets]
        self.configuration = SimpleNamespace(teamsets=sets, teamsets_by_id={t.teamset_id: t for t in sets})

    def get_teams_configuration(self, course_id):
        return self.configuration


class PlatformRuntime(Runtime):
    """A runtime with the given services; records what the block publishes."""

    def __init__(self, services):
        super().__init__(id_reader=None, id_generator=None, services=services)
        self.published = []

    def handler_url(self, block, handler_name, suffix="", query="", thirdparty=False):
        return f"/handler/{block.scope_ids.usage_id}/{handler_name}/{suffix}"

    def local_resource_url(self, block, uri):
        return f"/resource/{block.scope_ids.block_type}/{uri}"

    def resource_url(self, resource):
        return f"/static/{resource}"

    def publish(self, block, event_type, event_data):
        self.published.append((event_type, event_data))


def _user_service(user_id, *, username, full_name, is_staff, preferences, real_user_id, studio_writable,
                  studio_preview, library, global_staff):
    if user_id is None:
        # lms/djangoapps/courseware/block_render.py binds AnonymousUser: no id, not authenticated.
        return PlatformUserService(DjangoUser(None))
    django_user = DjangoUser(int(user_id) if str(user_id).isdigit() else user_id, username, full_name,
                             is_staff=global_staff)
    if library:
        # openedx/core/djangoapps/xblock/runtime/runtime.py, `XBlockRuntime.service("user")`:
        # user_is_staff is the site-wide `User.is_staff`, nothing about the library.
        return PlatformUserService(django_user, user_is_staff=django_user.is_staff)
    if studio_writable is not None and not studio_preview:
        # cms/djangoapps/contentstore/utils.py, `load_services_for_studio`: `DjangoXBlockUserService(user)`.
        return PlatformUserService(django_user)
    if studio_preview:
        # cms/djangoapps/contentstore/views/preview.py, `_prepare_runtime_for_preview`: the author's
        # role in the course, no staff flag.
        return PlatformUserService(django_user, user_role="staff" if studio_writable else "student")
    if real_user_id is not None:
        # lms/djangoapps/courseware/masquerade.py, `setup_masquerade`: the learner's User with
        # `real_user` = the staff member's request.user; block_render's `prepare_runtime_for_user`
        # builds the user service from the learner (has_access(learner, "staff") is False).
        django_user.real_user = DjangoUser(int(real_user_id) if str(real_user_id).isdigit() else real_user_id,
                                           f"staff{real_user_id}", is_staff=True)
        return PlatformUserService(django_user, preferences=preferences)
    # lms/djangoapps/courseware/block_render.py, `prepare_runtime_for_user`.
    return PlatformUserService(django_user, user_is_staff=is_staff, user_is_global_staff=global_staff,
                               user_role="staff" if is_staff else "student", preferences=preferences)


def make_block(user_id=None, *, username="", full_name="", is_staff=False, studio_writable=None,
               usage_key=None, fields=None, settings=None, preferences=None, real_user_id=None,
               studio_preview=False, library=False, global_staff=False, enrolled=None, teams=None):
    """A VermeXBlock as the platform would construct it.

    LMS by default (course staff with `is_staff`); `real_user_id`: that staff member viewing the
    course as the learner `user_id`; `studio_writable` (courses the author may write): Studio's editor,
    with `studio_preview` its preview of the unit; `library`: a content library (v2) runtime;
    `enrolled` and `teams`: the LMS's enrollments and teams services.
    """
    if library:
        usage_key = usage_key or library_usage_key()
    usage_key = usage_key or course_usage_key()
    services = {
        "user": _user_service(user_id, username=username, full_name=full_name, is_staff=is_staff,
                              preferences=preferences, real_user_id=real_user_id, studio_writable=studio_writable,
                              studio_preview=studio_preview, library=library, global_staff=global_staff),
        "i18n": I18nService(),
        "settings": SettingsService(settings),
        "field-data": DictFieldData(dict(fields or {})),
    }
    if studio_writable is not None and not library:
        services["studio_user_permissions"] = StudioPermissions(studio_writable)
    elif enrolled is not None:  # the LMS only: Studio has no enrollments service
        services["enrollments"] = EnrollmentsService({usage_key.context_key: enrolled})
    if teams is not None:  # (TeamsService, TeamsConfigurationService)
        services["teams"], services["teams_configuration"] = teams
    runtime = PlatformRuntime(services)
    scope_ids = ScopeIds(user_id, "verme", f"def-{usage_key}", usage_key)
    return runtime.construct_xblock_from_class(VermeXBlock, scope_ids)
