"""Receivers of the platform's course events: unenrolment, deletion of a component or a course.

Connected in `apps.VermeConfig.ready()` in the LMS and Studio (and in the workbench and the tests,
where the same signal objects exist because openedx-events is installed):
- `openedx_events.learning.signals.COURSE_UNENROLLMENT_COMPLETED` (data: `enrollment`, a
  `CourseEnrollmentData`), sent by the LMS when a learner unenrols or is unenrolled;
- `openedx_events.content_authoring.signals.XBLOCK_DELETED` (data: `xblock_info`, an `XBlockData`),
  sent by Studio when a component is deleted;
- the modulestore's `SignalHandler.course_deleted` (argument: `course_key`), sent by Studio when a
  whole course is deleted (openedx-events has no course-deleted event); imported through `compat`.
"""
import logging

from .keys import stored_block_key

log = logging.getLogger(__name__)

BLOCK_TYPE = "verme"


def on_unenrolment(enrollment=None, **kwargs):  # noqa: ARG001 (signal signature)
    from .api import lifecycle

    if enrollment is None or enrollment.user is None:
        return
    freed = lifecycle.end_enrolment(enrollment.course.course_key, enrollment.user.id)
    log.info("Verme: %s seat(s) freed for user id %s unenrolled from %s", freed, enrollment.user.id,
             enrollment.course.course_key)


def on_xblock_deleted(xblock_info=None, **kwargs):  # noqa: ARG001 (signal signature)
    from .api import lifecycle

    if xblock_info is None or xblock_info.block_type != BLOCK_TYPE:
        return  # a deleted unit or section: `verme_purge` finds the components that went with it
    deleted = lifecycle.purge_blocks([stored_block_key(xblock_info.usage_key)])
    log.info("Verme: data of deleted component %s removed: %s", xblock_info.usage_key, deleted)


def on_course_deleted(sender=None, course_key=None, **kwargs):  # noqa: ARG001 (signal signature)
    from .api import lifecycle

    if course_key is None:
        return
    deleted = lifecycle.purge_course(course_key)
    log.info("Verme: data of deleted course %s removed: %s", course_key, deleted)


def connect():
    """Connect the receivers (idempotent: each has a dispatch uid)."""
    from openedx_events.content_authoring.signals import XBLOCK_DELETED
    from openedx_events.learning.signals import COURSE_UNENROLLMENT_COMPLETED

    from . import compat

    COURSE_UNENROLLMENT_COMPLETED.connect(on_unenrolment, dispatch_uid="verme_xblock.on_unenrolment")
    XBLOCK_DELETED.connect(on_xblock_deleted, dispatch_uid="verme_xblock.on_xblock_deleted")
    course_deleted = compat.course_deleted_signal()
    if course_deleted is not None:
        course_deleted.connect(on_course_deleted, dispatch_uid="verme_xblock.on_course_deleted")
