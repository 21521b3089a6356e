"""A group's sessions (generated from the Studio settings, then edited) and their attendance."""
import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden, not_found
from ..group_data import CANCELLED, HELD, LATER, NEXT, AttendanceRecord, SessionInfo
from ..models import Attendance, Membership, MentoringGroup, MentoringSession


def _plan_of(templates, index):
    if index < len(templates):
        template = templates[index]
        return {
            "title": str(template.get("title", ""))[:200],
            "goal": str(template.get("goal", "")),
            "methods": str(template.get("methods", "")),
            "agenda": list(template.get("agenda", [])),
        }
    return {"title": _("Session {number}").format(number=index + 1), "goal": "", "methods": "", "agenda": []}


def session_times(first_start, count, interval_weeks):
    """Start times `interval_weeks` apart, at the same local wall-clock time across DST changes."""
    local = timezone.localtime(first_start)
    zone = local.tzinfo
    wall = local.replace(tzinfo=None)
    return [
        timezone.make_aware(wall + datetime.timedelta(weeks=interval_weeks * index), zone)
        for index in range(count)
    ]


def generate_sessions(group_id, first_start, config):
    """The group's sessions from the block's settings (count, length, interval, templates)."""
    starts = session_times(first_start, config.session_count, config.session_interval_weeks)
    MentoringSession.objects.bulk_create(
        MentoringSession(
            group_id=group_id, number=index + 1, starts_at=start, duration_minutes=config.session_length_minutes,
            **_plan_of(config.session_templates, index),
        )
        for index, start in enumerate(starts)
    )


def _session(block_key, viewer, session_id, lock=False):
    sessions = MentoringSession.objects.select_related("group")
    if lock:
        sessions = sessions.select_for_update()
    session = sessions.filter(id=session_id, group__block_key=block_key).first()
    if session is None:
        raise not_found(_("That session does not exist in this course component."))
    if not viewer.facilitates(session.group_id):
        raise forbidden(_("Only the group's facilitators and course staff can change its sessions."))
    return session


def update_session(block_key, viewer, session_id, *, starts_at, duration_minutes, place, title, goal, methods,
                   agenda, notes):
    with transaction.atomic():
        session = _session(block_key, viewer, session_id, lock=True)
        session.starts_at, session.duration_minutes, session.place = starts_at, duration_minutes, place
        session.title, session.goal, session.methods, session.agenda = title, goal, methods, agenda
        session.notes = notes
        session.save()
    return session.group_id


def set_cancelled(block_key, viewer, session_id, cancelled):
    with transaction.atomic():
        session = _session(block_key, viewer, session_id, lock=True)
        session.cancelled = cancelled
        session.save(update_fields=["cancelled", "updated_at"])
    return session.group_id


def add_session(block_key, viewer, group_id, *, starts_at, duration_minutes, title, place=""):
    if not viewer.facilitates(group_id):
        raise forbidden(_("Only the group's facilitators and course staff can change its sessions."))
    with transaction.atomic():
        group = MentoringGroup.objects.select_for_update().filter(block_key=block_key, id=group_id).first()
        if group is None:
            raise not_found(_("That group does not exist in this course component."))
        number = (group.sessions.aggregate(last=Max("number"))["last"] or 0) + 1
        session = MentoringSession.objects.create(
            group=group, number=number, title=title, starts_at=starts_at, duration_minutes=duration_minutes,
            place=place,
        )
    return session.id


def record_attendance(block_key, viewer, session_id, records):
    """The facilitator records each listed member: {user_id: (status, minutes or None)}; others are unchanged."""
    with transaction.atomic():
        session = _session(block_key, viewer, session_id, lock=True)
        members = dict(
            Membership.objects.filter(group_id=session.group_id, user_id__in=list(records))
            .values_list("user_id", "display_name")
        )
        unknown = set(records) - set(members)
        if unknown:
            raise Refusal("not_member", _("Attendance can be recorded for the group's members only."),
                          field="records")
        for user_id, (status, minutes) in records.items():
            Attendance.objects.update_or_create(
                session=session, user_id=user_id,
                defaults={"display_name": members[user_id], "status": status,
                          "minutes": _minutes(status, minutes, session), "recorded_by": viewer.user_id},
            )
    return session.group_id


def _minutes(status, minutes, session):
    """Present members get the session's length unless told otherwise (someone left early)."""
    if status != Attendance.PRESENT:
        return 0
    return session.duration_minutes if minutes is None else minutes


def sessions_of(group_id, viewer, now=None):
    """The group's sessions in time order, each with the attendance the viewer may see (two queries).

    Facilitators and staff see everyone's attendance; a member sees their own record.
    """
    now = now or timezone.now()
    sessions = list(MentoringSession.objects.filter(group_id=group_id).order_by("starts_at", "number"))
    attendance = Attendance.objects.filter(session__group_id=group_id)
    if not viewer.facilitates(group_id):
        attendance = attendance.filter(user_id=viewer.user_id or "")
    by_session = {}
    for record in attendance.order_by("display_name", "id"):
        by_session.setdefault(record.session_id, []).append(
            AttendanceRecord(record.user_id, record.display_name, record.status, record.minutes)
        )
    result, next_found = [], False
    for session in sessions:
        end = session.starts_at + datetime.timedelta(minutes=session.duration_minutes)
        if session.cancelled:
            state = CANCELLED
        elif end <= now:
            state = HELD
        elif not next_found:
            state, next_found = NEXT, True
        else:
            state = LATER
        result.append(SessionInfo(
            id=session.id, number=session.number, title=session.title, goal=session.goal, methods=session.methods,
            agenda=tuple(session.agenda or ()), starts_at=session.starts_at, duration_minutes=session.duration_minutes,
            place=session.place, cancelled=session.cancelled, notes=session.notes, state=state,
            attendance=tuple(by_session.get(session.id, ())), theme=session.theme,
        ))
    return tuple(result)
