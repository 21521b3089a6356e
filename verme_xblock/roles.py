"""Who is calling, and from which runtime: the LMS, Studio, or the XBlock workbench.

Only identity is decided here; whether someone facilitates a group is a fact in the database and
is looked up by `api.access`.
"""
from dataclasses import dataclass

from django.conf import settings

# Roles, from least to most access.
ANONYMOUS = "anonymous"
LEARNER = "learner"
FACILITATOR = "facilitator"
STAFF = "staff"

# Attribute keys of the platform's user service (openedx user service `get_current_user().opt_attrs`).
LMS_USER_ID = "edx-platform.user_id"
LMS_USERNAME = "edx-platform.username"
LMS_IS_STAFF = "edx-platform.user_is_staff"
LMS_IS_AUTHENTICATED = "edx-platform.is_authenticated"
LMS_USER_ROLE = "edx-platform.user_role"
WORKBENCH_USER_ID = "xblock-workbench.user_id"


@dataclass(frozen=True)
class Caller:
    """The person behind a view or handler call."""

    user_id: str | None
    username: str
    display_name: str
    is_course_staff: bool
    runtime: str  # "lms", "studio" or "workbench"

    @property
    def is_anonymous(self):
        return not self.user_id


def identify(block):
    """The Caller for this block's current user, read from the runtime's services."""
    user = _current_user(block)
    attrs = getattr(user, "opt_attrs", None) or {}
    full_name = (getattr(user, "full_name", None) or "").strip()
    permissions = block.runtime.service(block, "studio_user_permissions")

    if permissions is not None:
        return _studio_caller(block, attrs, full_name, permissions)
    if LMS_USER_ID in attrs or LMS_IS_AUTHENTICATED in attrs:
        return _lms_caller(attrs, full_name)
    if WORKBENCH_USER_ID in attrs:
        return _workbench_caller(block, attrs)
    return Caller(None, "", "", False, "lms")


def _current_user(block):
    service = block.runtime.service(block, "user")
    return service.get_current_user() if service is not None else None


def _lms_caller(attrs, full_name):
    if attrs.get(LMS_IS_AUTHENTICATED) is False or attrs.get(LMS_USER_ID) is None:
        return Caller(None, "", "", False, "lms")
    username = str(attrs.get(LMS_USERNAME) or "")
    return Caller(
        user_id=str(attrs[LMS_USER_ID]),
        username=username,
        display_name=full_name or username,
        is_course_staff=bool(attrs.get(LMS_IS_STAFF)),
        runtime="lms",
    )


def _studio_caller(block, attrs, full_name, permissions):
    """In Studio the user service says nothing reliable about staff: ask the permissions service."""
    user_id = attrs.get(LMS_USER_ID) or block.scope_ids.user_id
    username = str(attrs.get(LMS_USERNAME) or "")
    return Caller(
        user_id=str(user_id) if user_id is not None else None,
        username=username,
        display_name=full_name or username,
        is_course_staff=bool(permissions.can_write(context_key(block))),
        runtime="studio",
    )


def _workbench_caller(block, attrs):
    """Development only: the demo settings name the workbench users who act as course staff."""
    user_id = str(attrs[WORKBENCH_USER_ID] or block.scope_ids.user_id or "")
    staff = set(getattr(settings, "VERME_WORKBENCH_STAFF", ()))
    person = getattr(settings, "VERME_WORKBENCH_PEOPLE", {}).get(user_id, {})
    return Caller(
        user_id=user_id or None,
        username=user_id,
        display_name=person.get("name") or user_id,
        is_course_staff=user_id in staff,
        runtime="workbench",
    )


def context_key(block):
    """The course (or library) key of the block: what Studio permissions are checked against."""
    usage_id = block.scope_ids.usage_id
    return getattr(usage_id, "context_key", None) or getattr(usage_id, "course_key", None) or usage_id


def block_key(block):
    """The string that keys this block's rows in our tables."""
    return str(block.scope_ids.usage_id)

