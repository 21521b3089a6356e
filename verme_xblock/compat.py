"""The only module that imports from the Open edX platform; each import has a fallback."""
from django.dispatch import Signal


def retirement_signal():
    """The platform's USER_RETIRE_LMS_MISC signal, or a local stand-in outside the platform."""
    try:
        from openedx.core.djangoapps.user_api.accounts.signals import (
            USER_RETIRE_LMS_MISC,
        )
    except ImportError:
        return FALLBACK_USER_RETIRE_LMS_MISC
    return USER_RETIRE_LMS_MISC


# Sent with the same arguments as the platform's signal: sender, user (a Django user), and more.
FALLBACK_USER_RETIRE_LMS_MISC = Signal()


def language_preferences(user_ids):
    """{user id: language code} from the platform's `pref-lang` preference (empty outside the platform).

    Follows openedx-platform `openedx/core/djangoapps/user_api/models.py` (`UserPreference`), where the
    account settings page keeps the interface language under the key "pref-lang".
    """
    try:
        from openedx.core.djangoapps.user_api.models import UserPreference
    except ImportError:
        return {}
    rows = UserPreference.objects.filter(user_id__in=user_ids, key="pref-lang").values_list("user_id", "value")
    return dict(rows)


def profile_names(user_ids):
    """{user id: full name} from the platform's `UserProfile.name` (empty outside the platform).

    Follows openedx-platform `common/djangoapps/student/models/user.py` (`UserProfile`), where the
    full name a learner gives at registration is kept.
    """
    try:
        from common.djangoapps.student.models import UserProfile
    except ImportError:
        return {}
    return dict(UserProfile.objects.filter(user_id__in=user_ids).values_list("user_id", "name"))


def component_url(block, request):
    """The absolute address of the component in the course, for links in downloaded files.

    In the LMS: `{LMS_ROOT_URL}/courses/{course key}/jump_to/{usage key}`, the platform's own
    permanent link to a block (openedx-platform `lms/djangoapps/courseware/views/views.py`,
    `jump_to`, routed in `lms/urls.py`). Elsewhere (the workbench), the page the download was
    asked from, which is the component's page.
    """
    from django.conf import settings

    root = getattr(settings, "LMS_ROOT_URL", "")
    usage_key = block.scope_ids.usage_id
    course_key = getattr(usage_key, "context_key", None)  # opaque-keys deprecates .course_key
    if root and course_key is not None:
        return f"{root.rstrip('/')}/courses/{course_key}/jump_to/{usage_key}"
    referer = (request.referer or "").split("#")[0]
    return referer if referer.startswith(("https://", "http://")) else request.host_url + "/"


def time_zone_preferences(user_ids):
    """{user id: time zone name} from the platform's `time_zone` preference (empty outside the platform).

    The account settings page of openedx-platform keeps it in `UserPreference` under "time_zone"
    (`openedx/core/djangoapps/user_api/preferences/api.py`, `update_user_preferences`).
    """
    try:
        from openedx.core.djangoapps.user_api.models import UserPreference
    except ImportError:
        return {}
    rows = UserPreference.objects.filter(user_id__in=user_ids, key="time_zone").values_list("user_id", "value")
    return dict(rows)


def lms_root_url():
    """The LMS's public address (openedx-platform `lms/envs/common.py` LMS_ROOT_URL), or "" outside it."""
    from django.conf import settings

    return getattr(settings, "LMS_ROOT_URL", "") or ""


def workbench_scenario_id(usage_key):
    """The XBlock workbench's scenario holding a block (the demo's page to link to), or None.

    Not the platform, but the same rule: the workbench (xblock-sdk) is a demo requirement only.
    """
    try:
        from workbench.scenarios import get_scenarios
    except ImportError:
        return None
    prefix = str(usage_key).split(".", 1)[0] + "."
    return next((scenario_id for scenario_id, scenario in get_scenarios().items()
                 if str(scenario.usage_id).startswith(prefix)), None)


# The reverse name of `UserProfile.user` (a one-to-one with `related_name="profile"` in
# openedx-platform `common/djangoapps/student/models/user.py`): searches by full name go through it.
PROFILE_NAME_LOOKUP = "profile__name"


def has_user_profiles():
    """Whether the platform's `UserProfile` table is there to search full names in."""
    try:
        from common.djangoapps.student.models import UserProfile  # noqa: F401
    except ImportError:
        return False
    return True


def course_deleted_signal():
    """Studio's `SignalHandler.course_deleted` (openedx-platform `xmodule/modulestore/django.py`),
    sent with `course_key` when a course is deleted; None outside the platform."""
    try:
        from xmodule.modulestore.django import SignalHandler
    except ImportError:
        return None
    return SignalHandler.course_deleted


def block_exists(block_key):
    """Whether the platform's modulestore still has this component, in its draft or published
    version (openedx-platform `xmodule/modulestore/django.py`, `modulestore().has_item`); None when
    it cannot tell (outside the platform, or a key the modulestore does not know how to read)."""
    try:
        from opaque_keys import InvalidKeyError
        from opaque_keys.edx.keys import UsageKey
        from xmodule.modulestore import ModuleStoreEnum
        from xmodule.modulestore.django import modulestore
    except ImportError:
        return None
    try:
        usage_key = UsageKey.from_string(block_key)
    except InvalidKeyError:
        return None
    store = modulestore()
    for branch in (ModuleStoreEnum.Branch.draft_preferred, ModuleStoreEnum.Branch.published_only):
        with store.branch_setting(branch, usage_key.course_key):
            if store.has_item(usage_key):
                return True
    return False


def request_user_id():
    """The id of the request's signed-in user (the real one behind a masquerade), or None.

    The platform installs django-crum's `CurrentRequestUserMiddleware` (openedx-platform
    lms/envs/common.py MIDDLEWARE), so `crum.get_current_user()` is `request.user`; outside a
    request, or without django-crum, there is no such user.
    """
    try:
        import crum
    except ImportError:
        return None
    user = crum.get_current_user()
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "id", None)
