"""The home view: what one person needs now, in a handful of queries whatever the data.

A member gets their group's next session, the reflection due, their own open action points, a plan
changed and good practices shared since they last opened those sections; a facilitator also the
attendance still to record and the open reports of their groups; course staff the groups below
their minimum size, the people waiting for a group and the open reports of the course.
"""
from django.utils import timezone

from ..home_data import COUNT_SHOWN_MAX, Home, Task, next_session_of
from ..models import (
    ActionPoint,
    Attendance,
    MentoringGroup,
    MentoringSession,
    Post,
    ProgressPlan,
    Reflection,
)
from . import sql, staff_counts
from .bank import require_participant
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


# Every session of the viewer's groups with its group's name and place, whether the viewer has
# reflected on it, whether its attendance is recorded and the viewer's open action points on it.
# Written out (see `sql`): the ORM took three times the query's own time to build its three
# correlated subqueries. The columns are those the home shows.
SEASON_SQL = """
SELECT s.id, s.group_id, s.number, s.title, s.goal, s.methods, s.starts_at, s.duration_minutes, s.place,
       s.cancelled, g.name AS group_name, g.place AS group_place, g.meeting_url AS group_meeting_url,
       EXISTS(SELECT 1 FROM {reflection} r WHERE r.session_id = s.id AND r.block_key = %s AND r.user_id = %s
              AND r.status = %s) AS reflected,
       EXISTS(SELECT 1 FROM {attendance} a WHERE a.session_id = s.id) AS recorded,
       (SELECT COUNT(*) FROM {action_point} p WHERE p.session_id = s.id AND p.owner_id = %s
        AND p.done = %s) AS open_actions
FROM {session} s JOIN {group} g ON g.id = s.group_id
WHERE s.group_id IN ({group_ids})
ORDER BY s.group_id, s.starts_at, s.number
"""


def _sessions_of(block_key, viewer, group_ids):
    statement = SEASON_SQL.format(
        reflection=sql.table(Reflection), attendance=sql.table(Attendance), action_point=sql.table(ActionPoint),
        session=sql.table(MentoringSession), group=sql.table(MentoringGroup), group_ids=sql.placeholders(group_ids))
    params = [block_key, viewer.user_id, Reflection.SUBMITTED, viewer.user_id, False, *group_ids]
    sessions = list(MentoringSession.objects.raw(statement, params))
    for session in sessions:  # the group as `next_session_of` reads it
        session.group = MentoringGroup(id=session.group_id, name=session.group_name, place=session.group_place,
                                       meeting_url=session.group_meeting_url)
    return sessions


def _season(block_key, viewer, group_ids, now):
    """Next sessions, the reflection due, the person's open action points and attendance to record,
    from one query of the sessions (a cancelled session still counts for its action points)."""
    every = _sessions_of(block_key, viewer, group_ids)
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
    statement = (f"SELECT g.name FROM {sql.table(ProgressPlan)} p JOIN {sql.table(MentoringGroup)} g"  # noqa: S608
                 f" ON g.id = p.group_id WHERE p.group_id IN ({sql.placeholders(group_ids)}) AND p.version > 0"
                 " AND p.updated_by_id <> %s")
    params = [*group_ids, viewer.user_id]
    if seen_at is not None:
        statement += " AND p.updated_at > %s"
        params.append(sql.moment(seen_at))
    return [task("plan", 1, name) for (name,) in sql.rows(statement, params)]


def newest_post_id(block_key):
    """The newest post's id (one row along the bank's "newest" index): what "new since" counts from."""
    return (Post.objects.filter(block_key=block_key, deleted_at__isnull=True).order_by("-id")
            .values_list("id", flat=True).first()) or 0


def _new_posts(block_key, viewer, seen_at, seen_post_id):
    """Others' posts since the bank was last opened, counted up to one past what the home shows:
    the posts after an id are a range of the "newest" index, so this reads only the new rows.

    The bank's gate (`bank.visible_posts`) narrowed to posts not hidden, since a hidden post is
    news to nobody: course staff read every post, others the course's and their own groups'."""
    require_participant(viewer)
    conditions = ["p.block_key = %s", "p.deleted_at IS NULL", "p.hidden = %s", "p.author_id <> %s"]
    params = [block_key, False, viewer.user_id]
    if not viewer.is_course_staff:
        own_groups = tuple({viewer.group_id, *viewer.facilitated_group_ids} - {None})
        shared = "p.visibility = %s" + (f" OR p.group_id IN ({sql.placeholders(own_groups)})" if own_groups else "")
        conditions.append(f"({shared})")
        params += [Post.COURSE, *own_groups]
    if seen_post_id is not None:
        conditions.append("p.id > %s")
        params.append(seen_post_id)
    elif seen_at is not None:  # opened before the id was kept
        conditions.append("p.created_at > %s")
        params.append(sql.moment(seen_at))
    statement = (f"SELECT COUNT(*) FROM (SELECT p.id FROM {sql.table(Post)} p"  # noqa: S608
                 f" WHERE {' AND '.join(conditions)} ORDER BY p.id DESC LIMIT %s) news")
    (count,), = sql.rows(statement, [*params, COUNT_SHOWN_MAX + 1])
    return count


def _staff_tasks(block_key):
    below, names, waiting = staff_counts.counts(block_key)
    tasks = [task("below_minimum", below, ", ".join(names))] if below else []
    if waiting:
        tasks.append(task("waiting", waiting))
    return tasks
