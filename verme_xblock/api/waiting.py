"""Learners not yet in a group: who opened the component, then the course's other enrolled learners.

Constant queries per page, whatever the size of the course: the visitors (one query), and where the
runtime lists enrolments, the placed people (one) and one page of enrolments from the directory (a
count and a page, then names).
"""
from ..dashboard_data import UnplacedLearner, WaitingList
from ..models import Facilitator, Membership, Visitor
from .dashboard import UNPLACED_SHOWN, require_staff

PAGE_SIZE = 25


def waiting_list(block_key, course_key, viewer, directory, query="", page=1):
    require_staff(viewer)
    query = query.strip()
    members = Membership.objects.filter(block_key=block_key).values("user_id")
    facilitators = Facilitator.objects.filter(group__block_key=block_key).values("user_id")
    visitors = (Visitor.objects.filter(block_key=block_key).exclude(user_id__in=members)
                .exclude(user_id__in=facilitators))
    for word in query.split():
        visitors = visitors.filter(display_name__icontains=word)
    visitors = tuple(UnplacedLearner(v.user_id, v.display_name, v.first_seen)
                     for v in visitors.order_by("first_seen", "id")[:UNPLACED_SHOWN])
    if not directory.lists_enrolments:
        return WaitingList(visitors, (), 0, 1, 1, query, enrolments_known=False)
    placed = set(members.order_by().values_list("user_id", flat=True).union(
        facilitators.order_by().values_list("user_id", flat=True)))
    excluded = placed | {visitor.user_id for visitor in visitors}
    page = max(page, 1)
    people, total = directory.enrolled_page(course_key, excluded, query, (page - 1) * PAGE_SIZE, PAGE_SIZE)
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    return WaitingList(visitors, people, total, min(page, pages), pages, query, enrolments_known=True)
