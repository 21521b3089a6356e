"""Mentoring groups and their members."""
from django.db import transaction
from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _

from ..data import GroupSummary
from ..errors import forbidden, not_found
from ..models import Facilitator, Membership, MentoringGroup


def list_groups(block_key, include_archived=False):
    """The public group list of a block: two queries, whatever the number of groups."""
    groups = MentoringGroup.objects.filter(block_key=block_key)
    if not include_archived:
        groups = groups.filter(archived=False)
    groups = groups.annotate(member_count=Count("memberships")).prefetch_related(
        Prefetch("facilitators", queryset=Facilitator.objects.order_by("display_name", "id"))
    )
    return [_summary(group) for group in groups]


def _summary(group):
    return GroupSummary(
        id=group.id,
        name=group.name,
        target_group=group.target_group,
        facilitator_names=tuple(f.display_name for f in group.facilitators.all()),
        member_count=group.member_count,
        min_size=group.min_size,
        max_size=group.max_size,
        archived=group.archived,
    )


def create_group(block_key, viewer, *, name, target_group="", description="", min_size=5, max_size=9):
    """Course staff create a group in the block."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can create groups."))
    group = MentoringGroup.objects.create(
        block_key=block_key,
        name=name,
        target_group=target_group,
        description=description,
        min_size=min_size,
        max_size=max_size,
    )
    return group.id


def _group(block_key, group_id):
    try:
        return MentoringGroup.objects.get(block_key=block_key, id=group_id)
    except MentoringGroup.DoesNotExist:
        raise not_found(_("That group does not exist in this course component.")) from None


@transaction.atomic
def add_facilitator(block_key, viewer, group_id, *, user_id, display_name):
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can name facilitators."))
    group = _group(block_key, group_id)
    Facilitator.objects.update_or_create(group=group, user_id=user_id, defaults={"display_name": display_name})


@transaction.atomic
def assign_member(block_key, viewer, group_id, *, user_id, display_name, organisation="", role=""):
    """Course staff place a participant in a group (moving them if they were in another)."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can assign members."))
    group = _group(block_key, group_id)
    Membership.objects.update_or_create(
        block_key=block_key,
        user_id=user_id,
        defaults={"group": group, "display_name": display_name, "organisation": organisation, "role": role},
    )
