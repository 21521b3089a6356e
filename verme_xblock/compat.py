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
