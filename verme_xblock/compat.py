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
    course_key = getattr(usage_key, "course_key", None)
    if root and course_key is not None:
        return f"{root.rstrip('/')}/courses/{course_key}/jump_to/{usage_key}"
    referer = (request.referer or "").split("#")[0]
    return referer if referer.startswith(("https://", "http://")) else request.host_url + "/"
