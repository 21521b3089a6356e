"""Group figures of reflections for facilitators and course staff, computed in the database.

Anonymity rule. A figure is one Likert item in one group and one session (or the baseline): its
number of answers, mean and distribution. It is shown only when at least k members answered
(k = the block's anonymity threshold, never below 2); otherwise it is withheld with the reason.
Figures are never summed over sessions, groups or items, so no shown number is the difference of
two others: taking one answer away from a shown figure withholds that figure and changes nothing
else on the page. A reflection shared with the facilitators is another view of its answers: a
figure counts towards k only the answers that were not shared, so subtracting the shared ones
from a shown figure still leaves at least k answers together.

Open answers are never aggregated. How many members submitted is shown per session (a count of
people, not of what they said), and which members submitted, never what.
"""
from django.db.models import Avg, Count, Q
from django.utils.translation import gettext as _

from ..data_reflections import GroupFigures, ItemFigure, MemberStatus, SessionFigures
from ..errors import forbidden, not_found
from ..models import Membership, MentoringGroup, Reflection, ReflectionAnswer
from .reflections import LIKERT_VALUES, baseline_slot, held_sessions, reflection_view, session_slot

MINIMUM_THRESHOLD = 2


def threshold(config):
    return max(int(config.anonymity_threshold or 0), MINIMUM_THRESHOLD)


def reflection_figures(block_key, viewer, config, group_id=None):
    """(choices, figures): the groups the viewer may see as (id, name), and the figures shown now.

    A facilitator sees all their groups; course staff one group at a time (`group_id`, else the first),
    so the page stays small in a course with many groups. A constant number of queries.
    """
    groups = MentoringGroup.objects.filter(block_key=block_key, archived=False)
    if not viewer.is_course_staff:
        if not viewer.facilitated_group_ids:
            raise forbidden(_("Only facilitators and course staff see group figures."))
        groups = groups.filter(id__in=viewer.facilitated_group_ids)
    groups = list(groups.annotate(member_count=Count("memberships")).order_by("name", "id"))
    choices = tuple((group.id, group.name) for group in groups)
    if group_id is not None:
        groups = [group for group in groups if group.id == group_id]
        if not groups:
            raise not_found(_("That group does not exist in this course component."))
    elif viewer.is_course_staff:
        groups = groups[:1]
    return choices, _figures(groups, config, viewer)


def _figures(groups, config, viewer):
    group_ids = [group.id for group in groups]
    # Sharing is with the group's facilitators only: course staff never read the text.
    shared_group_ids = [group_id for group_id in group_ids if group_id in viewer.facilitated_group_ids]
    k = threshold(config)

    sessions = held_sessions(group_ids)
    submitted = Reflection.objects.filter(group_id__in=group_ids, status=Reflection.SUBMITTED)
    done = set(submitted.values_list("group_id", "user_id", "slot"))
    members = Membership.objects.filter(group_id__in=group_ids).order_by("display_name", "id")
    members = list(members.values_list("group_id", "user_id", "display_name"))
    aggregates = {
        (row["reflection__group_id"], row["reflection__slot"], row["item_id"]): row
        for row in _likert_aggregates(group_ids, config)
    }
    shared = list(
        submitted.filter(shared_with_facilitators=True, group_id__in=shared_group_ids)
        .select_related("session").prefetch_related("answers")
        .order_by("slot", "display_name", "id")
    )

    figures = []
    for group in groups:
        slots = (baseline_slot(), *(session_slot(s) for s in sessions if s.group_id == group.id))
        figures.append(
            GroupFigures(
                group_id=group.id,
                name=group.name,
                member_count=group.member_count,
                threshold=k,
                slots=slots,
                sessions=tuple(
                    _session_figures(group.id, slot, config, aggregates, done, k) for slot in slots
                ),
                members=tuple(
                    MemberStatus(name, tuple((group.id, user_id, slot.session_id or 0) in done for slot in slots))
                    for group_id, user_id, name in members
                    if group_id == group.id
                ),
                shared=tuple(
                    reflection_view(_slot_of(reflection), reflection, config)
                    for reflection in shared
                    if reflection.group_id == group.id
                ),
                reads_shared=group.id in shared_group_ids,
            )
        )
    return tuple(figures)


def _likert_aggregates(group_ids, config):
    """One GROUP BY query: per group, slot and item the number of answers, the mean and the counts of 1..5."""
    counts = {f"c{value}": Count("id", filter=Q(value=value)) for value in LIKERT_VALUES}
    return (
        ReflectionAnswer.objects.filter(
            reflection__group_id__in=group_ids,
            reflection__status=Reflection.SUBMITTED,
            kind=ReflectionAnswer.LIKERT,
            item_id__in=[item["id"] for item in config.likert_items],
        )
        .values("reflection__group_id", "reflection__slot", "item_id")
        .annotate(
            answered=Count("id"),
            private=Count("id", filter=Q(reflection__shared_with_facilitators=False)),
            mean=Avg("value"),
            **counts,
        )
        .order_by()
    )


def _session_figures(group_id, slot, config, aggregates, done, k):
    slot_number = slot.session_id or 0
    items = []
    for item in config.likert_items:
        row = aggregates.get((group_id, slot_number, item["id"]))
        answered = row["answered"] if row else 0
        shown = bool(row) and row["private"] >= k
        items.append(
            ItemFigure(
                item_id=item["id"],
                prompt=item["text"],
                answered=answered,
                shown=shown,
                mean=round(float(row["mean"]), 1) if shown else None,
                distribution=tuple(row[f"c{value}"] for value in LIKERT_VALUES) if shown else (),
            )
        )
    submitted = sum(1 for (g, _user, s) in done if g == group_id and s == slot_number)
    return SessionFigures(slot, submitted, tuple(items))


def _slot_of(reflection):
    return session_slot(reflection.session) if reflection.session_id else baseline_slot()
