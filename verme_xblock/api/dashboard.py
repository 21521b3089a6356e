"""Figures of groups for course staff (every group) and facilitators (their own groups), and the
learners who have not found a group yet.

The database counts: one grouped query per kind of figure, so the number of queries stays the
same whatever the number of groups, members, sessions or posts.
"""
from dataclasses import replace

from django.db.models import Count, Min, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..dashboard_data import FacilitatedGroup, GroupFigures, PrintablePlan, SessionCount, UnplacedLearner
from ..errors import forbidden, not_found
from ..group_data import Member
from ..home_data import next_session_of
from ..models import (
    Attendance,
    Membership,
    MentoringGroup,
    MentoringSession,
    Post,
    ProgressPlan,
    Reflection,
    Report,
    Visitor,
)
from . import staff_counts
from .groups import with_summary_data
from .plans import plan_of
from .sessions import sessions_of

UNPLACED_SHOWN = 200


def require_staff(viewer, message=None):
    if not viewer.is_course_staff:
        raise forbidden(message or _("Only course staff can see this."))


def require_facilitator(viewer):
    if not (viewer.is_course_staff or viewer.facilitated_group_ids):
        raise forbidden(_("Only facilitators and course staff can see this."))


def visible_group_ids(viewer):
    """None for course staff (every group), else the groups the viewer facilitates."""
    return None if viewer.is_course_staff else tuple(viewer.facilitated_group_ids)


def _by_group(queryset, key, **figures):
    return {row[key]: row for row in queryset.values(key).annotate(**figures).order_by()}


def _overseen_groups(block_key, viewer, include_archived=True):
    require_facilitator(viewer)
    groups = MentoringGroup.objects.filter(block_key=block_key)
    only = visible_group_ids(viewer)
    if only is not None:
        groups = groups.filter(id__in=only)
    if not include_archived:
        groups = groups.filter(archived=False)
    return groups


def group_figures(block_key, viewer, now=None, include_archived=True, only_ids=None):
    """A GroupFigures per group the viewer may oversee (or of those among `only_ids`), by name:
    seven queries in all."""
    now = now or timezone.now()
    groups = _overseen_groups(block_key, viewer, include_archived)
    if only_ids is not None:
        groups = groups.filter(id__in=only_ids)
    groups = list(with_summary_data(groups).order_by("name", "id"))
    ids = [group.id for group in groups]
    live = Q(cancelled=False)
    sessions = _by_group(
        MentoringSession.objects.filter(group_id__in=ids), "group_id",
        held=Count("id", filter=live & Q(starts_at__lt=now)),
        planned=Count("id", filter=live),
        next_at=Min("starts_at", filter=live & Q(starts_at__gte=now)),
    )
    attendance = _by_group(
        Attendance.objects.filter(session__group_id__in=ids, session__cancelled=False, session__starts_at__lte=now),
        "session__group_id",
        present=Count("id", filter=Q(status=Attendance.PRESENT)), recorded=Count("id"),
    )
    reflections = _by_group(
        Reflection.objects.filter(group_id__in=ids, status=Reflection.SUBMITTED, slot__gt=0), "group_id",
        submitted=Count("id"),
    )
    posts = _by_group(Post.objects.filter(group_id__in=ids, deleted_at__isnull=True), "group_id", count=Count("id"))
    reports = _by_group(
        Report.objects.filter(post__group_id__in=ids, post__deleted_at__isnull=True, resolved_at__isnull=True),
        "post__group_id", count=Count("id"),
    )
    result = []
    for group in groups:
        session = sessions.get(group.id, {})
        seen = attendance.get(group.id, {})
        held = session.get("held", 0)
        result.append(GroupFigures(
            id=group.id, name=group.name, target_group=group.target_group, archived=group.archived,
            facilitator_names=tuple(f.display_name for f in group.facilitators.all()),
            member_count=group.member_count, min_size=group.min_size, max_size=group.max_size,
            sessions_held=held, sessions_planned=session.get("planned", 0), next_session_at=session.get("next_at"),
            attendance_present=seen.get("present", 0), attendance_recorded=seen.get("recorded", 0),
            reflections_submitted=reflections.get(group.id, {}).get("submitted", 0),
            reflections_expected=group.member_count * held,
            posts=posts.get(group.id, {}).get("count", 0),
            open_reports=reports.get(group.id, {}).get("count", 0),
        ))
    return tuple(result)


def open_report_count(block_key, viewer):
    """Open reports across the course (course staff) or on the viewer's groups' posts."""
    require_facilitator(viewer)
    reports = Report.objects.filter(post__block_key=block_key, post__deleted_at__isnull=True,
                                    resolved_at__isnull=True)
    only = visible_group_ids(viewer)
    return reports.count() if only is None else reports.filter(post__group_id__in=only).count()


def note_visit(block_key, viewer):
    """Remember a learner who opened the block while in no group: a read, and an insert only on the
    first visit (the unique constraint settles two first visits at once), so repeat views write nothing."""
    if viewer.is_anonymous or viewer.group_id is not None or viewer.is_course_staff or viewer.facilitated_group_ids:
        return
    if viewer.read_only:  # a masquerade or a preview records no visit
        return
    if Visitor.objects.filter(block_key=block_key, user_id=viewer.user_id).exists():
        return
    Visitor.objects.bulk_create(
        [Visitor(block_key=block_key, user_id=viewer.user_id, display_name=viewer.display_name)],
        ignore_conflicts=True,
    )
    staff_counts.changed(block_key)  # a bulk insert sends no signal


def unplaced_learners(block_key, viewer):
    """Learners who opened the block but are in no group, longest waiting first (one query)."""
    require_staff(viewer)
    placed = Membership.objects.filter(block_key=block_key).values("user_id")
    visitors = (Visitor.objects.filter(block_key=block_key).exclude(user_id__in=placed)
                .order_by("first_seen", "id")[:UNPLACED_SHOWN])
    return tuple(UnplacedLearner(v.user_id, v.display_name, v.first_seen) for v in visitors)


def facilitated_groups(block_key, viewer, now=None):
    """The overview of each group the viewer facilitates (course staff: none here, they have the
    dashboard): eleven queries in all, whatever the number of groups."""
    if not viewer.facilitated_group_ids:
        return ()
    now = now or timezone.now()
    only_mine = replace(viewer, is_course_staff=False)
    figures = group_figures(block_key, only_mine, now=now, include_archived=False)
    ids = [group.id for group in figures]
    sessions = {}
    for session in (MentoringSession.objects.filter(group_id__in=ids).select_related("group")
                    .order_by("starts_at", "number")):
        sessions.setdefault(session.group_id, []).append(session)
    submitted = dict(
        Reflection.objects.filter(group_id__in=ids, status=Reflection.SUBMITTED, slot__gt=0)
        .values("session_id").annotate(count=Count("id")).order_by().values_list("session_id", "count")
    )
    plans = dict(ProgressPlan.objects.filter(group_id__in=ids).values_list("group_id", "updated_at"))
    members = {}
    for m in Membership.objects.filter(group_id__in=ids).order_by("display_name", "id"):
        members.setdefault(m.group_id, []).append(Member(m.user_id, m.display_name, m.organisation, m.role))
    result = []
    for group in figures:
        mine = [s for s in sessions.get(group.id, ()) if not s.cancelled]
        held = [s for s in mine if s.starts_at < now]
        upcoming = [s for s in mine if s.starts_at >= now]
        result.append(FacilitatedGroup(
            figures=group,
            next_session=next_session_of(upcoming[0], len(upcoming) - 1) if upcoming else None,
            plan_updated_at=plans.get(group.id),
            last_held_at=held[-1].starts_at if held else None,
            reflections=tuple(SessionCount(s.number, s.title, s.starts_at, submitted.get(s.id, 0)) for s in held),
            members=tuple(members.get(group.id, ())),
        ))
    return tuple(result)


def printable_plan(block_key, viewer, session_id):
    """One session's plan to print: for the group's members, its facilitators and course staff."""
    session = (MentoringSession.objects.select_related("group")
               .filter(id=session_id, group__block_key=block_key).first())
    if session is None:
        raise not_found(_("That session does not exist in this course component."))
    if not viewer.can_see_group(session.group_id):
        raise forbidden(_("Only the group's members, its facilitators and course staff can see this group."))
    info = next(s for s in sessions_of(session.group_id, viewer) if s.id == session.id)
    plan = plan_of(session.group_id, viewer, revisions=False)
    return PrintablePlan(session.group.name, session.place or session.group.place, info, plan.text)
