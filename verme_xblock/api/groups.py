"""Mentoring groups and their members: create, edit, archive; join, leave, assign, move, remove.

Capacity holds under concurrent joins: a join locks the group row (`select_for_update`) and counts
the members inside the same transaction, so the last seat goes to exactly one person.
"""
from django.db import IntegrityError, transaction
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..data import GroupSummary
from ..errors import Refusal, conflict, forbidden, not_found
from ..group_data import Member
from ..models import Facilitator, Membership, MentoringGroup
from .sessions import generate_sessions

SELF_SELECT = "self_select"


def list_groups(block_key, include_archived=False, only_ids=None):
    """The public group list of a block (or of the groups `only_ids`): two queries, whatever the
    number of groups."""
    groups = MentoringGroup.objects.filter(block_key=block_key)
    if not include_archived:
        groups = groups.filter(archived=False)
    if only_ids is not None:
        groups = groups.filter(id__in=only_ids)
    return [summary_of(group) for group in with_summary_data(groups)]


def groups_for(block_key, viewer):
    """The groups the viewer's group section lists: every group for course staff; the list to choose
    from for someone in no group; a facilitator's own groups; nothing (no query) for a member, whose
    group comes with its space."""
    if viewer.is_course_staff:
        return list_groups(block_key, include_archived=True)
    if viewer.facilitated_group_ids:
        return list_groups(block_key, only_ids={*viewer.facilitated_group_ids, viewer.group_id} - {None})
    if viewer.group_id is None:
        return list_groups(block_key)
    return []


def with_summary_data(groups):
    """Groups with what their summary needs: member count, first session, facilitators (one more query)."""
    upcoming = Q(sessions__cancelled=False, sessions__starts_at__gt=timezone.now())
    return groups.annotate(
        member_count=Count("memberships", distinct=True),
        first_session_at=Min("sessions__starts_at", filter=Q(sessions__cancelled=False)),
        next_session_at=Min("sessions__starts_at", filter=upcoming),
        sessions_left=Count("sessions", filter=upcoming, distinct=True),
    ).prefetch_related(Prefetch("facilitators", queryset=Facilitator.objects.order_by("display_name", "id")))


def summary_of(group):
    return GroupSummary(
        id=group.id,
        name=group.name,
        target_group=group.target_group,
        facilitator_names=tuple(f.display_name for f in group.facilitators.all()),
        member_count=group.member_count,
        min_size=group.min_size,
        max_size=group.max_size,
        archived=group.archived,
        description=group.description,
        place=group.place,
        meeting_url=group.meeting_url,
        first_session_at=getattr(group, "first_session_at", None),
        next_session_at=getattr(group, "next_session_at", None),
        sessions_left=getattr(group, "sessions_left", 0) or 0,
        facilitators=tuple((f.user_id, f.display_name) for f in group.facilitators.all()),
    )


def rosters(block_key, viewer):
    """Members of every group of the block, by group id: for course staff only (one query)."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can see every group's members."))
    by_group = {}
    for m in Membership.objects.filter(block_key=block_key).order_by("display_name", "id"):
        by_group.setdefault(m.group_id, []).append(Member(m.user_id, m.display_name, m.organisation, m.role))
    return by_group


def _check_sizes(min_size, max_size):
    if min_size > max_size:
        raise Refusal("invalid", _("The minimum size cannot be larger than the maximum size."), field="min_size")


def _unique_name_error():
    return conflict(_("Another group in this component already has that name."), code="name_taken")


def create_group(block_key, viewer, *, name, target_group="", description="", min_size=5, max_size=9,
                 place="", meeting_url="", facilitators=(), first_session_at=None, config=None):
    """Course staff create a group; `facilitators` is a sequence of (user id, display name).

    With a first session date (and the block's `config`), the group's sessions are planned at once.
    """
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can create groups."))
    _check_sizes(min_size, max_size)
    try:
        with transaction.atomic():
            group = MentoringGroup.objects.create(
                block_key=block_key, name=name, target_group=target_group, description=description,
                min_size=min_size, max_size=max_size, place=place, meeting_url=meeting_url,
            )
            for user_id, display_name in facilitators:
                Facilitator.objects.create(group=group, user_id=user_id, display_name=display_name)
            if first_session_at is not None and config is not None:
                generate_sessions(group.id, first_session_at, config)
    except IntegrityError:
        raise _unique_name_error() from None
    return group.id


def _group(block_key, group_id, lock=False):
    groups = MentoringGroup.objects.select_for_update() if lock else MentoringGroup.objects
    try:
        return groups.get(block_key=block_key, id=group_id)
    except MentoringGroup.DoesNotExist:
        raise not_found(_("That group does not exist in this course component.")) from None


def update_group(block_key, viewer, group_id, *, name, target_group, description, place, meeting_url,
                 min_size, max_size):
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can edit groups."))
    _check_sizes(min_size, max_size)
    try:
        with transaction.atomic():
            group = _group(block_key, group_id, lock=True)
            group.name, group.target_group, group.description = name, target_group, description
            group.place, group.meeting_url = place, meeting_url
            group.min_size, group.max_size = min_size, max_size
            group.save()
    except IntegrityError:
        raise _unique_name_error() from None


@transaction.atomic
def set_archived(block_key, viewer, group_id, archived):
    """Archived groups leave the public list and take no new members; their content stays."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can archive groups."))
    group = _group(block_key, group_id, lock=True)
    group.archived = archived
    group.save(update_fields=["archived", "updated_at"])


@transaction.atomic
def add_facilitator(block_key, viewer, group_id, *, user_id, display_name):
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can name facilitators."))
    group = _group(block_key, group_id)
    Facilitator.objects.update_or_create(group=group, user_id=user_id, defaults={"display_name": display_name})


@transaction.atomic
def remove_facilitator(block_key, viewer, group_id, *, user_id):
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can name facilitators."))
    group = _group(block_key, group_id)
    Facilitator.objects.filter(group=group, user_id=user_id).delete()


def _take_seat(group):
    """Refuse when no seat is left: decisive inside a transaction holding the group's row lock."""
    if group.archived:
        raise conflict(_("This group is archived and takes no new members."), code="group_archived")
    if Membership.objects.filter(group=group).count() >= group.max_size:
        raise conflict(_("This group is full. Choose another group."), code="group_full")


def join(block_key, viewer, group_id, *, enrolment_mode, organisation="", role=""):
    """A learner takes a seat in a group of their choice (when the block lets learners choose)."""
    if viewer.is_anonymous:
        raise forbidden(_("Sign in to join a group."))
    if enrolment_mode != SELF_SELECT:
        raise forbidden(_("Course staff assign the groups in this course."), code="staff_assigned")
    # A first look without the lock: a full or archived group, or a person already in a group, is
    # refused without queueing behind the seats being taken (the locked checks below decide).
    if viewer.group_id is not None:
        raise conflict(_("You are already in a group. Leave it first."), code="already_member")
    _take_seat(_group(block_key, group_id))
    try:
        with transaction.atomic():
            group = _group(block_key, group_id, lock=True)
            if Membership.objects.filter(block_key=block_key, user_id=viewer.user_id).exists():
                raise conflict(_("You are already in a group. Leave it first."), code="already_member")
            _take_seat(group)
            Membership.objects.create(
                block_key=block_key, group=group, user_id=viewer.user_id, display_name=viewer.display_name,
                organisation=organisation, role=role,
            )
    except IntegrityError:  # the same person joining twice at once: the unique constraint decides
        raise conflict(_("You are already in a group. Leave it first."), code="already_member") from None
    return group.id


def leave(block_key, viewer):
    """The learner leaves their group; the seat is free at once."""
    deleted, _rows = Membership.objects.filter(block_key=block_key, user_id=viewer.user_id or "").delete()
    if not deleted:
        raise not_found(_("You are not in a group."), code="not_member")


def update_profile(block_key, viewer, *, organisation, role):
    """A member's organisation and role, shown to their own group only."""
    updated = Membership.objects.filter(block_key=block_key, user_id=viewer.user_id or "").update(
        organisation=organisation, role=role
    )
    if not updated:
        raise not_found(_("You are not in a group."), code="not_member")


def assign_member(block_key, viewer, group_id, *, user_id, display_name, organisation="", role=""):
    """Course staff place a participant in a group, moving them if they were in another.

    Assigning someone to the group they are in updates their name (and organisation and role when given).
    """
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can assign members."))
    with transaction.atomic():
        group = _group(block_key, group_id, lock=True)
        current = Membership.objects.select_for_update().filter(block_key=block_key, user_id=user_id).first()
        if current is None or current.group_id != group.id:
            _take_seat(group)
        if current is None:
            Membership.objects.create(
                block_key=block_key, group=group, user_id=user_id, display_name=display_name,
                organisation=organisation, role=role,
            )
            return
        current.group = group
        current.display_name = display_name or current.display_name
        current.organisation = organisation or current.organisation
        current.role = role or current.role
        current.save(update_fields=["group", "display_name", "organisation", "role"])


def remove_member(block_key, viewer, group_id, *, user_id):
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can remove members."))
    group = _group(block_key, group_id)
    deleted, _rows = Membership.objects.filter(block_key=block_key, group=group, user_id=user_id).delete()
    if not deleted:
        raise not_found(_("That person is not in this group."), code="not_member")
