"""A course with groups, members, sessions and attendance for the dashboard and report tests."""
import datetime

from django.utils import timezone

from verme_xblock import roles
from verme_xblock.data import Viewer
from verme_xblock.models import (
    Attendance,
    Facilitator,
    Membership,
    MentoringGroup,
    MentoringSession,
    Post,
    Reflection,
    Report,
)

KEY = "block-v1:Verme+Reports+2026+type@verme+block@reports1"
STAFF = Viewer("7", "Sanna Staff", roles.STAFF, True, None)
LEARNER = Viewer("500", "Lauri", roles.LEARNER, False, None)


def facilitator(group_id, user_id="20"):
    return Viewer(user_id, "Maija", roles.FACILITATOR, False, None, (group_id,))


def make_group(name, members, *, sessions=3, minutes=180, first=None, facilitator_id="20", target="new_teachers",
               min_size=5, max_size=9):
    """A group whose `members` are (user id, name, organisation); its first two sessions are held."""
    first = first or timezone.now() - datetime.timedelta(weeks=3)
    group = MentoringGroup.objects.create(block_key=KEY, name=name, target_group=target, min_size=min_size,
                                          max_size=max_size)
    Facilitator.objects.create(group=group, user_id=facilitator_id, display_name=f"Facilitator {name}")
    Membership.objects.bulk_create(
        Membership(block_key=KEY, group=group, user_id=user_id, display_name=display, organisation=org, role="Teacher")
        for user_id, display, org in members
    )
    MentoringSession.objects.bulk_create(
        MentoringSession(group=group, number=index + 1, title=f"Session {index + 1}",
                         starts_at=first + datetime.timedelta(weeks=2 * index), duration_minutes=minutes)
        for index in range(sessions)
    )
    return group


def record(group, number, user_id, status, minutes=None):
    session = MentoringSession.objects.get(group=group, number=number)
    if minutes is None:
        minutes = session.duration_minutes if status == Attendance.PRESENT else 0
    return Attendance.objects.create(session=session, user_id=user_id, display_name=user_id, status=status,
                                     minutes=minutes)


def submit_reflection(group, number, user_id):
    session = MentoringSession.objects.get(group=group, number=number)
    return Reflection.objects.create(block_key=KEY, user_id=user_id, group=group, session=session, slot=session.id,
                                     status=Reflection.SUBMITTED, submitted_at=timezone.now())


def post(group, title, author="41", **fields):
    return Post.objects.create(block_key=KEY, author_id=author, author_name=fields.pop("author_name", "Aino"),
                               author_organisation=fields.pop("org", "Omnia"), group=group, title=title,
                               body="Body", **fields)


def report_on(post_row):
    return Report.objects.create(post=post_row, reporter_id="42", reporter_name="Mikko", reason="Off topic")
