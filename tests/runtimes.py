"""Runtimes that give the block the service shapes of the Open edX LMS and Studio.

The platform itself cannot run here; these doubles use its real service names ("user", "i18n",
"settings", "studio_user_permissions") and user attribute keys (`edx-platform.user_id`, …).
"""
from django.utils import translation
from xblock.field_data import DictFieldData
from xblock.fields import ScopeIds
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import Runtime

from verme_xblock.block import VermeXBlock


class UsageKey:
    """The attributes of an opaque-keys UsageKey that the block reads."""

    def __init__(self, course="course-v1:Verme+Demo+2026", block="verme1"):
        self.context_key = course
        self.course_key = course
        self._text = f"block-v1:{course.split(':', 1)[1]}+type@verme+block@{block}"

    def __str__(self):
        return self._text

    def __hash__(self):
        return hash(self._text)

    def __eq__(self, other):
        return str(other) == self._text


class LmsUserService(UserService):
    def __init__(self, user_id=None, username="", full_name="", is_staff=False, preferences=None):
        user = XBlockUser(is_current_user=True, full_name=full_name)
        user.opt_attrs = {
            "edx-platform.is_authenticated": user_id is not None,
            "edx-platform.user_id": user_id,
            "edx-platform.username": username,
            "edx-platform.user_is_staff": is_staff,
            "edx-platform.user_role": "staff" if is_staff else "student",
            "edx-platform.user_preferences": dict(preferences or {}),
        }
        super().__init__(user=user)

    def get_current_user(self):
        return self._user


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
    """Studio's `studio_user_permissions` service: can the user write to this course?"""

    def __init__(self, writable_courses=()):
        self.writable = set(writable_courses)

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
    """A runtime with the LMS's (or, with studio permissions, Studio's) services; records publishes."""

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


def make_block(user_id=None, *, username="", full_name="", is_staff=False, studio_writable=None,
               usage_key=None, fields=None, settings=None, preferences=None, enrolled=None, teams=None):
    """A VermeXBlock as the LMS (or Studio, when `studio_writable` is given) would construct it."""
    usage_key = usage_key or UsageKey()
    services = {
        "user": LmsUserService(user_id, username=username, full_name=full_name, is_staff=is_staff,
                               preferences=preferences),
        "i18n": I18nService(),
        "settings": SettingsService(settings),
        "field-data": DictFieldData(dict(fields or {})),
    }
    if studio_writable is not None:
        services["studio_user_permissions"] = StudioPermissions(studio_writable)
    elif enrolled is not None:  # the LMS only: Studio has no enrollments service
        services["enrollments"] = EnrollmentsService({usage_key.context_key: enrolled})
    if teams is not None:  # (TeamsService, TeamsConfigurationService)
        services["teams"], services["teams_configuration"] = teams
    runtime = PlatformRuntime(services)
    scope_ids = ScopeIds(user_id, "verme", f"def-{usage_key}", usage_key)
    return runtime.construct_xblock_from_class(VermeXBlock, scope_ids)
