"""Learners not yet in a group: who opened the component, then the course's other enrolled learners.

Constant queries per page, whatever the size of the course: the visitors (one query), and where the
runtime lists enrolments, one page of enrolments from the directory (a count and a page, then
names), the placed people left out inside those queries.
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
    page = max(page, 1)
    # The placed people are left out inside the directory's query, not listed here: a course's
    # thousands of members never travel as a list of ids.
    people, total = directory.enrolled_page(course_key, {visitor.user_id for visitor in visitors}, query,
                                            (page - 1) * PAGE_SIZE, PAGE_SIZE,
                                            placed=(members.order_by(), facilitators.order_by()))
    pages = max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    return WaitingList(visitors, people, total, min(page, pages), pages, query, enrolments_known=True)
