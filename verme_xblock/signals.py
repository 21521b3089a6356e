"""Account retirement: the platform's USER_RETIRE_LMS_MISC signal erases a user's personal data."""
import logging

from . import compat

log = logging.getLogger(__name__)


def erase_retired_user(sender, user=None, **kwargs):  # noqa: ARG001 (signal signature)
    """Erase or anonymise everything this plugin holds about the retired user."""
    from .api import privacy

    if user is None:
        return
    privacy.retire_user(str(user.id))
    log.info("Verme data erased for retired user id %s", user.id)


def connect_fallback():
    """Connect the receiver when running outside Open edX (the plugin framework does it inside)."""
    signal = compat.retirement_signal()
    if signal is compat.FALLBACK_USER_RETIRE_LMS_MISC:
        signal.connect(erase_retired_user, dispatch_uid="verme_xblock.erase_retired_user")
