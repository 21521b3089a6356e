"""The reports course staff (and, for their own groups, facilitators) download as CSV.

The database aggregates (grouped counts and sums); the number of queries is fixed, whatever the
number of participants. No e-mail addresses: the block never has them.
"""
from django.db.models import Count, Max, Q, Sum
from django.utils.translation import gettext as _

from ..dashboard_data import OrganisationHours, ParticipantHours, PracticeRow
from ..errors import forbidden
from ..models import Attendance, Membership, MentoringGroup, Post
from .dashboard import group_figures, require_facilitator, require_staff, visible_group_ids

PRESENT = Q(status=Attendance.PRESENT)


def participation_hours(block_key, viewer):
    """One ParticipantHours per person per group (members and anyone with attendance there): four queries.

    Course staff get every group; a facilitator gets the groups they facilitate.
    """
    require_facilitator(viewer)
    groups = MentoringGroup.objects.filter(block_key=block_key)
    only = visible_group_ids(viewer)
    if only is not None:
        groups = groups.filter(id__in=only)
    groups = {g["id"]: g for g in groups.values("id", "name", "target_group")}
    people = {
        m["user_id"]: m for m in Membership.objects.filter(block_key=block_key).values(
            "user_id", "group_id", "display_name", "organisation", "role")
    }
    records = Attendance.objects.filter(session__group_id__in=list(groups))
    totals = {
        (row["session__group_id"], row["user_id"]): row
        for row in records.values("session__group_id", "user_id").annotate(
            attended=Count("id", filter=PRESENT), excused=Count("id", filter=Q(status=Attendance.EXCUSED)),
            minutes=Sum("minutes", filter=PRESENT), name=Max("display_name"),
        ).order_by()
    }
    dates = {}
    for group_id, user_id, starts_at in records.filter(PRESENT).order_by("session__starts_at").values_list(
            "session__group_id", "user_id", "session__starts_at"):
        dates.setdefault((group_id, user_id), []).append(starts_at)
    keys = set(totals) | {(m["group_id"], user_id) for user_id, m in people.items() if m["group_id"] in groups}
    rows = []
    for group_id, user_id in keys:
        person, total, group = people.get(user_id, {}), totals.get((group_id, user_id), {}), groups[group_id]
        rows.append(ParticipantHours(
            name=person.get("display_name") or total.get("name") or user_id,
            organisation=person.get("organisation", ""), role=person.get("role", ""),
            group=group["name"], target_group=group["target_group"],
            attended=total.get("attended", 0), excused=total.get("excused", 0), minutes=total.get("minutes") or 0,
            dates=tuple(dates.get((group_id, user_id), ())),
        ))
    rows.sort(key=lambda row: (row.group.lower(), row.name.lower()))
    return tuple(rows)


def organisation_totals(rows):
    """Totals per organisation of the hours rows (participants counted once per group they attended in)."""
    totals = {}
    for row in rows:
        name = row.organisation
        participants, attended, minutes = totals.get(name, (0, 0, 0))
        totals[name] = (participants + 1, attended + row.attended, minutes + row.minutes)
    return tuple(
        OrganisationHours(name, *figures)
        for name, figures in sorted(totals.items(), key=lambda item: (item[0] == "", item[0].lower()))
    )


def group_summary(block_key, viewer, now=None):
    require_staff(viewer, _("Only course staff can download the group summary."))
    return group_figures(block_key, viewer, now=now)


def good_practices(block_key, viewer, include_hidden=False):
    """Every post of the block with its counts (three queries); hidden and deleted ones only when asked."""
    require_staff(viewer, _("Only course staff can download the good practices."))
    posts = Post.objects.filter(block_key=block_key)
    if not include_hidden:
        posts = posts.filter(hidden=False, deleted_at__isnull=True)
    posts = (
        posts.select_related("group")
        .annotate(reaction_count=Count("reactions", distinct=True),
                  comment_count=Count("comments", filter=Q(comments__hidden=False), distinct=True))
        .prefetch_related("tags").order_by("created_at", "id")
    )
    return tuple(
        PracticeRow(
            id=post.id, title=post.title, tags=tuple(tag.tag for tag in post.tags.all()),
            author_name=post.author_name, author_organisation=post.author_organisation,
            group=post.group.name if post.group else "", visibility=post.visibility, created_at=post.created_at,
            reactions=post.reaction_count, comments=post.comment_count, hidden=post.hidden,
            deleted=post.deleted_at is not None,
        )
        for post in posts
    )


def check_report(viewer, kind):
    """Who may download which report: hours for facilitators (own groups) and staff; the rest staff only."""
    if kind == "hours":
        require_facilitator(viewer)
    elif not viewer.is_course_staff:
        raise forbidden(_("Only course staff can download this report."))
