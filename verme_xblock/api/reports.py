"""The reports course staff (and, for their own groups, facilitators) download as CSV.

The database aggregates (grouped counts and sums); the number of queries is fixed, whatever the
number of participants. No e-mail addresses: the block never has them.
"""
from django.db.models import Count, IntegerField, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from ..dashboard_data import OrganisationHours, ParticipantHours, PracticeRow
from ..errors import forbidden
from ..models import Attendance, Comment, EndedMembership, Membership, MentoringGroup, Post, PostTag, Reaction
from .bank import shown_name
from .dashboard import group_figures, require_facilitator, require_staff, visible_group_ids

PRESENT = Q(status=Attendance.PRESENT)


def participation_hours(block_key, viewer):
    """One ParticipantHours per person per group (members and anyone with attendance there): five queries.

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
    # Seats that ended at unenrolment: the attendance stays, and so do the group's organisation and role.
    ended = {
        (m["group_id"], m["user_id"]): m for m in EndedMembership.objects.filter(block_key=block_key).values(
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
        if person.get("group_id") != group_id:
            person = ended.get((group_id, user_id), person)
        rows.append(ParticipantHours(
            name=shown_name(person.get("display_name") or total.get("name") or user_id),
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


def _count(related):
    """A correlated subquery counting a post's related rows: no join fan-out across two relations."""
    counted = related.filter(post=OuterRef("pk")).order_by().values("post").annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def good_practices(block_key, viewer, include_hidden=False):
    """Every post of the block with its counts (two queries, plain values: no model objects for
    thousands of rows); hidden and deleted posts only when asked."""
    require_staff(viewer, _("Only course staff can download the good practices."))
    posts = Post.objects.filter(block_key=block_key)
    if not include_hidden:
        posts = posts.filter(hidden=False, deleted_at__isnull=True)
    tags = {}
    post_tags = PostTag.objects.filter(post__in=posts.values("id")).order_by("id")
    for post_id, tag in post_tags.values_list("post_id", "tag"):
        tags.setdefault(post_id, []).append(tag)
    rows = posts.annotate(
        reaction_count=_count(Reaction.objects.all()), comment_count=_count(Comment.objects.filter(hidden=False)),
    ).order_by("created_at", "id").values(
        "id", "title", "author_name", "author_organisation", "group__name", "visibility", "created_at",
        "reaction_count", "comment_count", "hidden", "deleted_at",
    )
    return tuple(
        PracticeRow(
            id=row["id"], title=row["title"], tags=tuple(tags.get(row["id"], ())),
            author_name=shown_name(row["author_name"]),
            author_organisation=row["author_organisation"], group=row["group__name"] or "",
            visibility=row["visibility"], created_at=row["created_at"], reactions=row["reaction_count"],
            comments=row["comment_count"], hidden=row["hidden"], deleted=row["deleted_at"] is not None,
        )
        for row in rows
    )


def check_report(viewer, kind):
    """Who may download which report: hours for facilitators (own groups) and staff; the rest staff only."""
    if kind == "hours":
        require_facilitator(viewer)
    elif not viewer.is_course_staff:
        raise forbidden(_("Only course staff can download this report."))
