"""Keys of blocks and courses as our tables store them (strings), read with edx-opaque-keys."""
import contextlib

from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey


def course_key_of(block_key):
    """The course (or library) key of a stored block key, or "" when it is not an Open edX key
    (the workbench's ids)."""
    try:
        return str(UsageKey.from_string(str(block_key)).context_key)
    except InvalidKeyError:
        return ""


def stored_block_key(usage_key):
    """A usage key as rows store it: without branch and version, so Studio's draft and the LMS agree."""
    for strip in (lambda key: key.for_branch(None), lambda key: key.version_agnostic()):
        with contextlib.suppress(AttributeError, TypeError, ValueError):
            usage_key = strip(usage_key)
    return str(usage_key)
