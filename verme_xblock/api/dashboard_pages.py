"""The staff dashboard one page of groups at a time, ordered in the database by any sortable column.

Three steps, a constant number of queries whatever the number of groups: count the groups, order
them by the chosen column (one query: each figure a correlated subquery, no join fan-out) and take
one page of ids, then the page's figures with `dashboard.group_figures` (seven queries).
"""
from dataclasses import dataclass

from django.db.models import Case, Count, F, FloatField, IntegerField, Min, OuterRef, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce, Lower, NullIf
from django.utils import timezone

from ..models import Attendance, Facilitator, Membership, MentoringSession, Post, Reflection
from .dashboard import _overseen_groups, group_figures

PAGE_SIZE = 50
SORTS = ("name", "target", "facilitators", "members", "sessions", "next", "attendance", "reflections", "posts")


@dataclass(frozen=True)
class DashboardPage:
    figures: tuple  # GroupFigures of this page, in the chosen order
    total: int  # groups overseen, on every page
    page: int
    page_size: int
    sort: str
    descending: bool

    @property
    def pages(self):
        return max(1, -(-self.total // self.page_size))


def _count(queryset, **annotations):
    """A correlated count per group (0 when none), as a subquery of the group's row."""
    counted = queryset.filter(**annotations).order_by().values("group_id").annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def _rate(part, whole):
    """part / whole in per cent as a float; NULL when whole is 0 (shown as "–", sorted last)."""
    return Cast(part, FloatField()) * Value(100.0) / NullIf(Cast(whole, FloatField()), Value(0.0))


def _first_facilitator():
    first = Facilitator.objects.filter(group_id=OuterRef("pk")).order_by().values("group_id")
    return Subquery(first.annotate(first=Min(Lower("display_name"))).values("first")[:1])


def _next_session(live, now):
    upcoming = live.filter(starts_at__gte=now).order_by().values("group_id").annotate(first=Min("starts_at"))
    return Subquery(upcoming.values("first")[:1])


def _attendance_rate():
    records = Attendance.objects.filter(session__group_id=OuterRef("pk")).order_by().values("session__group_id")
    present = records.filter(status=Attendance.PRESENT).annotate(n=Count("id")).values("n")
    recorded = records.annotate(n=Count("id")).values("n")
    return _rate(Coalesce(Subquery(present, output_field=IntegerField()), Value(0)),
                 Subquery(recorded, output_field=IntegerField()))


def _target_rank(target_order):
    """The position of the group's target group in `target_order` (unknown ones last); without an
    order, the stored id (a constant would make MySQL read ORDER BY '0' as a column name)."""
    if not target_order:
        return F("target_group")
    return Case(*(When(target_group=ident, then=Value(rank)) for rank, ident in enumerate(target_order)),
                default=Value(len(target_order)), output_field=IntegerField())


def sort_expression(sort, now, target_order=()):
    """The database expression the dashboard orders by for the column `sort` (one of SORTS).

    `target_order`: the target group ids in the alphabetical order of their labels in the reader's
    language, so the column sorts as it reads."""
    live = MentoringSession.objects.filter(group_id=OuterRef("pk"), cancelled=False)
    held = _count(live, starts_at__lt=now)
    members = _count(Membership.objects.filter(group_id=OuterRef("pk")))
    submitted = _count(Reflection.objects.filter(group_id=OuterRef("pk"), status=Reflection.SUBMITTED, slot__gt=0))
    expressions = {
        "name": lambda: Lower("name"),
        "target": lambda: _target_rank(target_order),
        "facilitators": _first_facilitator,
        "members": lambda: members,
        "sessions": lambda: held,
        "next": lambda: _next_session(live, now),
        "attendance": _attendance_rate,
        "reflections": lambda: _rate(submitted, members * held),
        "posts": lambda: _count(Post.objects.filter(group_id=OuterRef("pk"), deleted_at__isnull=True)),
    }
    if sort not in expressions:
        raise ValueError(f"not a sortable column: {sort}")  # handlers validate the choice against SORTS
    return expressions[sort]()


def group_figures_page(block_key, viewer, *, sort="name", descending=False, page=1, page_size=None,
                       now=None, target_order=()):
    """One page of the dashboard (PAGE_SIZE groups unless given): nine queries, whatever the number
    of groups."""
    now = now or timezone.now()
    page_size = page_size or PAGE_SIZE
    groups = _overseen_groups(block_key, viewer)
    total = groups.count()
    start = (max(page, 1) - 1) * page_size
    if sort == "name":  # the default: along the (block, name) index, cut at the page, whatever the groups
        order = ("-name", "-id") if descending else ("name", "id")
        ranked = groups.order_by(*order)
    else:
        value = F("sort_value")
        ranked = (groups.annotate(sort_value=sort_expression(sort, now, target_order))
                  .order_by(value.desc(nulls_last=True) if descending else value.asc(nulls_last=True),
                            Lower("name"), "id"))
    ids = list(ranked.values_list("id", flat=True)[start:start + page_size])
    by_id = {figures.id: figures for figures in group_figures(block_key, viewer, now=now, only_ids=ids)} if ids else {}
    return DashboardPage(tuple(by_id[group_id] for group_id in ids), total, max(page, 1), page_size, sort,
                         descending)

