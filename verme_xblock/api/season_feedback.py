"""End-of-season feedback: a short questionnaire (scale 1–5), apart from the personal reflections.

A member answers once for their group and may change the answers. Facilitators (their groups) and
course staff (every group, and all groups together) see per statement the number of answers and the
mean, computed in the database, only when at least k members answered (the Studio threshold, never
below 2); below that only "too few answers to show".
"""
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden
from ..models import MentoringGroup, SeasonFeedbackAnswer

MIN_K = 2


@dataclass(frozen=True)
class FeedbackFigure:
    item_id: str
    text: str
    answers: int
    mean: object  # float, or None when fewer than k answered


def my_answers(viewer):
    """{item id: value} of the viewer's own feedback for their group (one query)."""
    if viewer.group_id is None:
        return {}
    return dict(SeasonFeedbackAnswer.objects.filter(group_id=viewer.group_id, user_id=viewer.user_id)
                .values_list("item_id", "value"))


def submit(block_key, viewer, items, answers):
    """Replace the member's answers (every configured statement answered 1–5)."""
    if viewer.group_id is None or not MentoringGroup.objects.filter(block_key=block_key, id=viewer.group_id).exists():
        raise forbidden(_("Only members of a group can give end-of-season feedback."), code="not_member")
    known = {item["id"] for item in items}
    if set(answers) != known:
        raise Refusal("incomplete", _("Answer every statement."), field="answers")
    with transaction.atomic():
        SeasonFeedbackAnswer.objects.filter(group_id=viewer.group_id, user_id=viewer.user_id).delete()
        SeasonFeedbackAnswer.objects.bulk_create(
            SeasonFeedbackAnswer(group_id=viewer.group_id, user_id=viewer.user_id, item_id=item_id, value=value)
            for item_id, value in answers.items()
        )
    return viewer.group_id


def figures(block_key, viewer, items, k, group_id=None):
    """Per statement the answers and the mean, for one group or (staff, `group_id` None) for all groups.

    One grouped query per group and statement. The overall figures add up only groups that reached k
    on that statement themselves, so no shown number is the difference of two others.
    """
    k = max(k, MIN_K)
    rows = SeasonFeedbackAnswer.objects.filter(group__block_key=block_key)
    if group_id is None:
        if not viewer.is_course_staff:
            raise forbidden(_("Only course staff see the feedback of all groups."))
    else:
        if not viewer.facilitates(group_id):
            raise forbidden(_("Only the group's facilitators and course staff see its feedback."))
        rows = rows.filter(group_id=group_id)
    totals = {}
    for cell in rows.values("group_id", "item_id").annotate(n=Count("id"), total=Sum("value")).order_by():
        if cell["n"] >= k:
            answers, total = totals.get(cell["item_id"], (0, 0))
            totals[cell["item_id"]] = (answers + cell["n"], total + cell["total"])
    result = []
    for item in items:
        answers, total = totals.get(item["id"], (0, 0))
        result.append(FeedbackFigure(item["id"], item["text"], answers,
                                     round(total / answers, 1) if answers else None))
    return tuple(result)
