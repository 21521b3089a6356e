"""The home view: what one person needs now, in a handful of queries whatever the data.

A member gets their group's next session, the reflection due, their own open action points, a plan
changed and good practices shared since they last opened those sections; a facilitator also the
attendance still to record and the open reports of their groups; course staff the groups below
their minimum size, the people waiting for a group and the open reports of the course.
"""
from django.db.models import Count, Exists, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..home_data import COUNT_SHOWN_MAX, Home, Task, next_session_of
from ..models import (
    ActionPoint,
    Attendance,
    Membership,
    MentoringGroup,
    MentoringSession,
    Post,
    ProgressPlan,
    Reflection,
    Visitor,
)
from .bank import visible_posts
from .dashboard import open_report_count

# Where each task is done: the section names of the component's navigation (views/home.py).
SECTION_OF = {
    "reflection": "reflections", "baseline": "reflections", "plan": "plan", "practices": "bank",
    "attendance": "group", "reports": "bank", "below_minimum": "people", "waiting": "people",
    "choose_group": "group", "actions": "group",
}


def task(kind, count=1, label=""):
    return Task(kind, SECTION_OF[kind], count, label)


def home(block_key, viewer, seen, now=None, seen_post_id=None):
    """The Home of this viewer; `seen` maps a section name to when the viewer last opened it, and
    `seen_post_id` is the newest post when they last opened the bank."""
    now = now or timezone.now()
    group_ids = tuple({viewer.group_id, *viewer.facilitated_group_ids} - {None})
    next_sessions, tasks = _season(block_key, viewer, group_ids, now) if group_ids else ((), [])
    if viewer.group_id is None and not viewer.facilitated_group_ids and not viewer.is_course_staff:
        tasks.append(task("choose_group"))
    if group_ids:
        tasks.extend(_plan_changes(viewer, group_ids, seen.get("plan")))
    new_posts = _new_posts(block_key, viewer, seen.get("bank"), seen_post_id)
    if new_posts:
        tasks.append(task("practices", new_posts))
    if viewer.is_course_staff:
        tasks.extend(_staff_tasks(block_key))
    if viewer.is_course_staff or viewer.facilitated_group_ids:
        reports = open_report_count(block_key, viewer)
        if reports:
            tasks.append(task("reports", reports))
    return Home(tuple(next_sessions), tuple(tasks))


NEXT_SESSION_FIELDS = ("group_id", "number", "title", "goal", "methods", "starts_at", "duration_minutes", "place",
                       "cancelled", "group__name", "group__place", "group__meeting_url")


def _open_actions(viewer):
    """The viewer's open action points of one session, counted inside the query of the sessions."""
    mine = (ActionPoint.objects.filter(session=OuterRef("pk"), owner_id=viewer.user_id, done=False)
            .order_by().values("session").annotate(count=Count("id")).values("count"))
    return Coalesce(Subquery(mine, output_field=IntegerField()), Value(0))


def _season(block_key, viewer, group_ids, now):
    """Next sessions, the reflection due, the person's open action points and attendance to record,
    from one query of the sessions (a cancelled session still counts for its action points)."""
    submitted = Reflection.objects.filter(block_key=block_key, user_id=viewer.user_id, session=OuterRef("pk"),
                                          status=Reflection.SUBMITTED)
    every = list(
        MentoringSession.objects.filter(group_id__in=group_ids)
        .select_related("group")
        .only(*NEXT_SESSION_FIELDS)  # not the minutes or the agenda: the home shows neither
        .annotate(reflected=Exists(submitted), recorded=Exists(Attendance.objects.filter(session=OuterRef("pk"))),
                  open_actions=_open_actions(viewer))
        .order_by("group_id", "starts_at", "number")
    )
    sessions = [s for s in every if not s.cancelled]
    next_sessions, tasks = [], []
    for group_id in group_ids:
        season = [s for s in sessions if s.group_id == group_id]
        held = [s for s in season if s.starts_at <= now]
        upcoming = [s for s in season if s.starts_at > now]
        if upcoming:
            next_sessions.append(next_session_of(upcoming[0], len(upcoming) - 1))
        if group_id == viewer.group_id:
            due = [s for s in held if not s.reflected]
            if due:
                tasks.append(task("reflection", len(due), due[-1].title))
            elif not held and not _baseline_done(block_key, viewer):
                tasks.append(task("baseline"))
        if group_id in viewer.facilitated_group_ids:
            unrecorded = [s for s in held if not s.recorded]
            if unrecorded:
                tasks.append(task("attendance", len(unrecorded), unrecorded[-1].group.name))
    open_actions = sum(s.open_actions for s in every if s.group_id == viewer.group_id)
    if open_actions:
        tasks.append(task("actions", open_actions))
    next_sessions.sort(key=lambda session: session.starts_at)
    return next_sessions, tasks


def _baseline_done(block_key, viewer):
    return Reflection.objects.filter(block_key=block_key, user_id=viewer.user_id, slot=0,
                                     status=Reflection.SUBMITTED).exists()


def _plan_changes(viewer, group_ids, seen_at):
    """A task per group whose progress plan someone else saved since the viewer last opened it."""
    plans = ProgressPlan.objects.filter(group_id__in=group_ids, version__gt=0).exclude(updated_by_id=viewer.user_id)
    if seen_at is not None:
        plans = plans.filter(updated_at__gt=seen_at)
    names = list(plans.values_list("group__name", flat=True))
    return [task("plan", 1, name) for name in names]


def newest_post_id(block_key):
    """The newest post's id (one row along the bank's "newest" index): what "new since" counts from."""
    return (Post.objects.filter(block_key=block_key, deleted_at__isnull=True).order_by("-id")
            .values_list("id", flat=True).first()) or 0


def _new_posts(block_key, viewer, seen_at, seen_post_id):
    """Others' posts since the bank was last opened, counted up to one past what the home shows:
    the posts after an id are a range of the "newest" index, so this reads only the new rows."""
    posts = visible_posts(block_key, viewer).exclude(author_id=viewer.user_id).filter(hidden=False)
    if seen_post_id is not None:
        posts = posts.filter(id__gt=seen_post_id)
    elif seen_at is not None:  # opened before the id was kept
        posts = posts.filter(created_at__gt=seen_at)
    return posts.order_by("-id")[:COUNT_SHOWN_MAX + 1].count()


def _staff_tasks(block_key):
    below = list(
        MentoringGroup.objects.filter(block_key=block_key, archived=False)
        .annotate(members=Count("memberships"))
        .filter(members__lt=F("min_size"))
        .order_by("name")
        .values_list("name", flat=True)
    )
    tasks = [task("below_minimum", len(below), ", ".join(below[:3]))] if below else []
    placed = Membership.objects.filter(block_key=block_key).values("user_id")
    waiting = Visitor.objects.filter(block_key=block_key).exclude(user_id__in=placed).count()
    if waiting:
        tasks.append(task("waiting", waiting))
    return tasks
