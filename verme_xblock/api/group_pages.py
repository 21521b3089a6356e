"""The two lists of groups one page at a time, as the staff dashboard pages (`dashboard_pages.py`):
course staff's management list ("Groups and people") and the list a person in no group chooses from.

Each page is three queries whatever the number of groups: the count, one page of groups with their
figures (ordered, filtered and cut in the database), and the page's facilitators. Moving or placing
someone needs no list of every group either: `seat_choices` reads at most CHOICES_SHOWN + 1 groups
with a free seat, and when there are more the form asks for a name, with suggestions from
`seat_choices(query=...)`.
"""
from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Min, OuterRef, Prefetch, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden
from ..models import Facilitator, Membership, MentoringGroup, MentoringSession
from .groups import summary_of

MANAGE_PAGE_SIZE = 20
CHOOSE_PAGE_SIZE = 10
CHOICES_SHOWN = 25  # a select offers this many groups with a free seat; beyond it, a name is typed
SUGGESTIONS = 10
ALL, ACTIVE, ARCHIVED, BELOW_MINIMUM = "all", "active", "archived", "below_minimum"
STATUSES = (ALL, ACTIVE, ARCHIVED, BELOW_MINIMUM)
QUERY_MAX = 100


@dataclass(frozen=True)
class GroupPage:
    groups: tuple  # GroupSummary of this page, in the list's order
    total: int  # groups that pass the filter, on every page
    page: int
    page_size: int
    query: str = ""
    target: str = ""  # a target group id, or "" for every target group
    status: str = ALL

    @property
    def pages(self):
        return max(1, -(-self.total // self.page_size))

    @property
    def filtered(self):
        return bool(self.query or self.target or self.status != ALL)


@dataclass(frozen=True)
class SeatChoices:
    groups: tuple  # {"id", "name", "member_count", "max_size"} of groups with a free seat, by name
    more: bool  # more groups have a free seat than a select offers: the form asks for a name


def _first_start(sessions):
    first = sessions.order_by().values("group_id").annotate(first=Min("starts_at")).values("first")
    return Subquery(first[:1])


def with_page_figures(groups):
    """Groups with what their summary needs, each figure a correlated subquery rather than a join:
    no GROUP BY, so the database can walk the name index and work out the figures of one page only."""
    now = timezone.now()
    live = MentoringSession.objects.filter(group_id=OuterRef("pk"), cancelled=False)
    upcoming = (live.filter(starts_at__gt=now).order_by().values("group_id").annotate(n=Count("id")).values("n"))
    return groups.annotate(
        member_count=_member_count(),
        first_session_at=_first_start(live),
        next_session_at=_first_start(live.filter(starts_at__gt=now)),
        sessions_left=Coalesce(Subquery(upcoming, output_field=IntegerField()), Value(0)),
    ).prefetch_related(Prefetch("facilitators", queryset=Facilitator.objects.order_by("display_name", "id")))


def _one_page(groups, order, page, page_size):
    """(total, page number, summaries): the page number kept within the pages there are, so a
    change that shortens the list (an archived group) shows its last page rather than none."""
    total = groups.count()
    page = min(max(page, 1), max(1, -(-total // page_size)))
    start = (page - 1) * page_size
    rows = with_page_figures(groups).order_by(*order)[start:start + page_size]
    return total, page, tuple(summary_of(group) for group in rows)


def _member_count():
    """A group's members as a correlated subquery: no join, so the page's own counts stay exact."""
    counted = (Membership.objects.filter(group_id=OuterRef("pk")).order_by().values("group_id")
               .annotate(n=Count("id")).values("n"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def manage_page(block_key, viewer, *, query="", target="", status=ALL, page=1, page_size=None):
    """One page of every group of the block, by name, for course staff: searched by name, filtered
    by target group and by status (active, archived, below their minimum size)."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can see every group."))
    page_size = page_size or MANAGE_PAGE_SIZE
    groups = MentoringGroup.objects.filter(block_key=block_key)
    for word in query.split():
        groups = groups.filter(name__icontains=word)
    if target:
        groups = groups.filter(target_group=target)
    if status in (ACTIVE, BELOW_MINIMUM):
        groups = groups.filter(archived=False)
    elif status == ARCHIVED:
        groups = groups.filter(archived=True)
    if status == BELOW_MINIMUM:
        groups = groups.annotate(seats_taken=_member_count()).filter(seats_taken__lt=F("min_size"))
    total, page, summaries = _one_page(groups, ("name", "id"), page, page_size)
    return GroupPage(summaries, total, page, page_size, query, target, status)


def choose_page(block_key, *, target="", page=1, page_size=None):
    """One page of the open groups for a person in no group: groups with a free seat first, then by
    their next session (the nearest first; none planned last), then by name."""
    page_size = page_size or CHOOSE_PAGE_SIZE
    groups = MentoringGroup.objects.filter(block_key=block_key, archived=False)
    if target:
        groups = groups.filter(target_group=target)
    full_last = Case(When(member_count__lt=F("max_size"), then=Value(0)), default=Value(1),
                     output_field=IntegerField())
    order = (full_last, F("next_session_at").asc(nulls_last=True), "name", "id")
    total, page, summaries = _one_page(groups, order, page, page_size)
    return GroupPage(summaries, total, page, page_size, "", target, ALL)


def seat_choices(block_key, viewer, query="", limit=CHOICES_SHOWN):
    """Groups with a free seat to move or place someone in, by name (one query, at most `limit` + 1
    rows); `query` narrows them by name, for the suggestions as staff type."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can assign members."))
    # The count is a correlated subquery, not a join with GROUP BY: the database walks the name
    # index and stops after `limit` + 1 groups with a seat, however many groups there are.
    groups = (MentoringGroup.objects.filter(block_key=block_key, archived=False)
              .annotate(member_count=_member_count()).filter(member_count__lt=F("max_size")))
    for word in query.split():
        groups = groups.filter(name__icontains=word)
    rows = tuple(groups.order_by("name", "id").values("id", "name", "member_count", "max_size")[:limit + 1])
    return SeatChoices(rows[:limit], len(rows) > limit)


def group_named(block_key, viewer, name, field="group_name"):
    """The id of the block's group with this name, as course staff type it (names are unique)."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can assign members."))
    found = MentoringGroup.objects.filter(block_key=block_key, name=name.strip()).values_list("id", flat=True)[:1]
    if not found:
        raise Refusal("unknown_group", _("No group in this component has that name."), field=field)
    return found[0]

