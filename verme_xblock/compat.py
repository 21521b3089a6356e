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
