"""The data follows the course's life: unenrolment ends a membership, deleting a component or a
course deletes its data, and `verme_purge` removes the data of components that no longer exist.

Copies need nothing here: rows are keyed by the block's usage key, and a duplicated component, a
re-run or an imported course has new usage keys, so it starts with no groups (its settings, which
are XBlock fields, travel with it).
"""
import logging

from django.db import transaction

from ..mail.models import MessageBlock, MessagePreference, SentMessage, SessionAnnouncement
from ..models import (
    EndedMembership,
    Facilitator,
    Membership,
    MentoringGroup,
    ModerationAction,
    Post,
    Reflection,
    Visitor,
)

log = logging.getLogger(__name__)

# Every table with a block key; groups take their sessions, attendance, plans, facilitators and
# reflections with them, posts their tags, comments, reactions, reports and moderation log.
BLOCK_TABLES = (MentoringGroup, Membership, EndedMembership, Reflection, Post, ModerationAction, Visitor,
                MessageBlock, MessagePreference, SentMessage, SessionAnnouncement)


@transaction.atomic
def end_enrolment(course_key, user_id):
    """The person unenrolled: their seats in the course's groups are freed and their facilitator
    seats end; attendance (hours) stays, and each ended seat is remembered for the hours report.
    Returns the number of seats freed. Running it twice changes nothing more."""
    course_key, user_id = str(course_key), str(user_id)
    seats = list(Membership.objects.select_for_update().filter(course_key=course_key, user_id=user_id))
    EndedMembership.objects.bulk_create([
        EndedMembership(block_key=seat.block_key, course_key=course_key, group_id=seat.group_id, user_id=user_id,
                        display_name=seat.display_name, organisation=seat.organisation, role=seat.role,
                        joined_at=seat.joined_at)
        for seat in seats
    ])
    Membership.objects.filter(id__in=[seat.id for seat in seats]).delete()
    Facilitator.objects.filter(group__course_key=course_key, user_id=user_id).delete()
    Visitor.objects.filter(course_key=course_key, user_id=user_id).delete()
    MessagePreference.objects.filter(course_key=course_key, user_id=user_id).delete()  # no digest after leaving
    return len(seats)


@transaction.atomic
def purge_blocks(block_keys):
    """Delete every row of these blocks; returns {table: rows deleted}."""
    block_keys = [str(key) for key in block_keys]
    counts = {}
    for model in BLOCK_TABLES:
        _total, by_model = model.objects.filter(block_key__in=block_keys).delete()
        for label, number in by_model.items():
            counts[label] = counts.get(label, 0) + number
    return {label: number for label, number in counts.items() if number}


def purge_course(course_key):
    """A deleted course: the data of all its components goes."""
    return purge_blocks(stored_blocks(course_key=str(course_key)))


def stored_blocks(course_key=None):
    """{block key: course key} of every block that has rows, optionally in one course."""
    blocks = {}
    for model in BLOCK_TABLES:
        rows = model.objects.all()
        if course_key is not None:
            rows = rows.filter(course_key=course_key)
        blocks.update(rows.order_by().values_list("block_key", "course_key").distinct())
    return blocks
