"""Who is calling, from which runtime, and whether they may write: one frozen request context.

Everything the runtime says about the caller is read here, once per request (`request_context`),
and handed down; nothing else asks the runtime who is calling. Whether someone facilitates a group
is a fact in the database and is looked up by `api.access`.

Which contexts write rows (groups, posts, reflections, visits …):
- the LMS, for signed-in people acting as themselves: yes;
- the LMS while course staff view the course as a specific learner (masquerade): no, read-only;
- Studio (the editor and the preview of the unit): no rows; authors with Studio's write permission
  change the component's settings in its editor;
- a content library (v2): no rows, and no settings either (see `can_edit_settings`);
- the XBlock workbench (the demo and the tests): yes; its staff come from the demo settings.
"""
from dataclasses import dataclass

from django.conf import settings
from opaque_keys import InvalidKeyError
from opaque_keys.edx.keys import UsageKey
from opaque_keys.edx.locator import LibraryLocatorV2

from . import compat

# Roles, from least to most access.
ANONYMOUS = "anonymous"
LEARNER = "learner"
FACILITATOR = "facilitator"
STAFF = "staff"

# Runtimes.
LMS = "lms"
STUDIO = "studio"
LIBRARY = "library"
WORKBENCH = "workbench"

# Why a context may not write rows (None: it may).
MASQUERADE = "masquerade"
PREVIEW = "preview"

# Attribute keys of the platform's user service, as openedx-platform
# common/djangoapps/xblock_django/user_service.py (`_convert_django_user_to_xblock_user`) sets them.
# An anonymous user gets only `is_authenticated` (False) and the country code: no user id key at all.
LMS_USER_ID = "edx-platform.user_id"
LMS_USERNAME = "edx-platform.username"
LMS_IS_STAFF = "edx-platform.user_is_staff"
LMS_IS_AUTHENTICATED = "edx-platform.is_authenticated"
LMS_USER_ROLE = "edx-platform.user_role"
WORKBENCH_USER_ID = "xblock-workbench.user_id"


@dataclass(frozen=True)
class RequestContext:
    """The person behind a view or handler call, and what this request may do."""

    user_id: str | None
    username: str
    display_name: str
    is_course_staff: bool
    runtime: str  # LMS, STUDIO, LIBRARY or WORKBENCH
    real_user_id: str | None = None  # the staff member behind a masquerade; None when there is none
    can_edit_settings: bool = False  # may save the component's settings (Studio's write permission)

    @property
    def is_anonymous(self):
        return not self.user_id

    @property
    def masquerading(self):
        """Course staff viewing the course as a specific learner: the block shows that learner, read-only."""
        return self.real_user_id is not None and self.real_user_id != self.user_id

    @property
    def read_only(self):
        """Why this request may write no rows (MASQUERADE or PREVIEW), or None when it may."""
        if self.masquerading:
            return MASQUERADE
        if self.runtime in (STUDIO, LIBRARY):
            return PREVIEW
        return None


# The name the rest of the code and the tests know the caller by.
Caller = RequestContext

_CACHE_ATTRIBUTE = "_verme_request_context"


def request_context(block):
    """The RequestContext of this block's current request, read from the runtime once.

    Kept on the block beside the user service it came from: the platform may rebind a block to
    another user (block_render's `prepare_runtime_for_user`), and then the context is read again.
    """
    service = block.runtime.service(block, "user")
    cached = getattr(block, _CACHE_ATTRIBUTE, None)
    if cached is not None and cached[0] is service:
        return cached[1]
    context = _read(block, service)
    setattr(block, _CACHE_ATTRIBUTE, (service, context))
    return context


def identify(block):
    """The caller of this request (the request context)."""
    return request_context(block)


def _read(block, service):
    user = service.get_current_user() if service is not None else None
    attrs = getattr(user, "opt_attrs", None) or {}
    full_name = (getattr(user, "full_name", None) or "").strip()
    if is_library(block):
        return _library_caller(attrs, full_name)
    permissions = block.runtime.service(block, "studio_user_permissions")
    if permissions is not None:
        return _studio_caller(block, attrs, full_name, permissions)
    if LMS_USER_ID in attrs or LMS_IS_AUTHENTICATED in attrs:
        return _lms_caller(attrs, full_name, _real_user_id(service))
    if WORKBENCH_USER_ID in attrs:
        return _workbench_caller(block, attrs)
    return RequestContext(None, "", "", False, LMS)


def _real_user_id(service):
    """The id of the person really signed in, when the platform shows the block as someone else.

    openedx-platform lms/djangoapps/courseware/masquerade.py (`setup_masquerade`): when staff view the
    course "as a specific learner", the platform loads that learner's User and sets
    `masquerade_user.real_user = request.user`. lms/djangoapps/courseware/block_render.py
    (`prepare_runtime_for_user`) then builds the user service from that learner
    (common/djangoapps/xblock_django/user_service.py, `DjangoXBlockUserService(user, …)`), which keeps
    it as `_django_user` (block_render itself reads `user_service._django_user.id`). The request's
    own user (django-crum's current user, as the platform's middleware sets it) is the second source.
    """
    django_user = getattr(service, "_django_user", None)
    real_user = getattr(django_user, "real_user", None)
    real_id = getattr(real_user, "id", None)
    if real_id is None:
        real_id = compat.request_user_id()
    return str(real_id) if real_id is not None else None


def _lms_caller(attrs, full_name, real_user_id):
    if attrs.get(LMS_IS_AUTHENTICATED) is False or attrs.get(LMS_USER_ID) is None:
        return RequestContext(None, "", "", False, LMS)
    username = str(attrs.get(LMS_USERNAME) or "")
    return RequestContext(
        user_id=str(attrs[LMS_USER_ID]),
        username=username,
        display_name=full_name or username,
        is_course_staff=bool(attrs.get(LMS_IS_STAFF)),
        runtime=LMS,
        real_user_id=real_user_id,
    )


def _studio_caller(block, attrs, full_name, permissions):
    """In Studio the user service says nothing reliable about staff: ask the permissions service."""
    user_id = attrs.get(LMS_USER_ID) or block.scope_ids.user_id
    username = str(attrs.get(LMS_USERNAME) or "")
    can_write = bool(permissions.can_write(context_key(block)))
    return RequestContext(
        user_id=str(user_id) if user_id is not None else None,
        username=username,
        display_name=full_name or username,
        is_course_staff=can_write,
        runtime=STUDIO,
        can_edit_settings=can_write,
    )


def _library_caller(attrs, full_name):
    """A content library (v2) runtime: openedx-platform openedx/core/djangoapps/xblock/runtime/runtime.py
    (`XBlockRuntime.service`) offers no `studio_user_permissions` and sets `user_is_staff` from the
    site-wide `User.is_staff`, which says nothing about this library: nobody is course staff here,
    and the settings are edited once the component is in a course."""
    user_id = attrs.get(LMS_USER_ID)
    username = str(attrs.get(LMS_USERNAME) or "")
    return RequestContext(
        user_id=str(user_id) if user_id is not None else None,
        username=username,
        display_name=full_name or username,
        is_course_staff=False,
        runtime=LIBRARY,
    )


def _workbench_caller(block, attrs):
    """Development only: the demo settings name the workbench users who act as course staff."""
    user_id = str(attrs[WORKBENCH_USER_ID] or block.scope_ids.user_id or "")
    staff = set(getattr(settings, "VERME_WORKBENCH_STAFF", ()))
    person = getattr(settings, "VERME_WORKBENCH_PEOPLE", {}).get(user_id, {})
    is_staff = user_id in staff
    return RequestContext(
        user_id=user_id or None,
        username=user_id,
        display_name=person.get("name") or user_id,
        is_course_staff=is_staff,
        runtime=WORKBENCH,
        can_edit_settings=is_staff,
    )


def _opaque(key):
    """An opaque key object for the runtime's id, or None (the workbench's ids are plain strings)."""
    if isinstance(key, str):
        try:
            return UsageKey.from_string(key)
        except InvalidKeyError:
            return None
    return key if hasattr(key, "context_key") or hasattr(key, "course_key") else None


def _without_branch_and_version(key):
    """Draft and published views of a block (or course) name the same rows."""
    if hasattr(key, "version_agnostic"):
        key = key.version_agnostic()
    if hasattr(key, "for_branch"):
        key = key.for_branch(None)
    return key


def context_key(block):
    """The course (or library) key of the block: what Studio permissions are checked against."""
    usage_id = block.scope_ids.usage_id
    key = _opaque(usage_id)
    if key is None:
        return usage_id
    context = getattr(key, "context_key", None) or getattr(key, "course_key", None)
    return _without_branch_and_version(context)


def is_library(block):
    return isinstance(context_key(block), LibraryLocatorV2)


def block_key(block):
    """The string that keys this block's rows in our tables: the usage key without branch and version."""
    usage_id = block.scope_ids.usage_id
    key = _opaque(usage_id)
    return str(_without_branch_and_version(key)) if key is not None else str(usage_id)
