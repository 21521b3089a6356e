"""Travel to attended sessions: the employer allocates travel costs as well as the hours.

A member records their own travel to a session they attended (present); the group's facilitators
and course staff record it for any member who attended. One row per member and session.
"""
from django.db.models import F, Sum
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden, not_found
from ..models import Attendance, MentoringSession, TravelRecord
from ..season_data import TravelInfo
from ..season_models import NOTE_LENGTH

NOTE_MAX = NOTE_LENGTH


def record_travel(block_key, viewer, session_id, user_id, *, kilometres, amount, note):
    """Save (or, with neither kilometres nor an amount, remove) one member's travel; returns the group id."""
    session = MentoringSession.objects.filter(id=session_id, group__block_key=block_key).first()
    if session is None:
        raise not_found(_("That session does not exist in this course component."))
    own = user_id == viewer.user_id and viewer.group_id == session.group_id
    if not (own or viewer.facilitates(session.group_id)):
        raise forbidden(_("Members record their own travel; the group's facilitators record anyone's."))
    attendance = Attendance.objects.filter(session=session, user_id=user_id, status=Attendance.PRESENT).first()
    if attendance is None:
        raise Refusal("not_attended", _("Travel can be recorded only for a session the person attended."),
                      field="session_id")
    if kilometres is None and amount is None:
        TravelRecord.objects.filter(session=session, user_id=user_id).delete()
        return session.group_id
    TravelRecord.objects.update_or_create(
        session=session, user_id=user_id,
        defaults={"display_name": attendance.display_name, "kilometres": kilometres, "amount": amount,
                  "note": note, "recorded_by": viewer.user_id},
    )
    return session.group_id


def travel_of(group_id, viewer):
    """{session id: {user id: TravelInfo}} the viewer may see (one query): facilitators see everyone's,
    a member their own."""
    if not viewer.can_see_group(group_id):
        return {}
    records = TravelRecord.objects.filter(session__group_id=group_id)
    if not viewer.facilitates(group_id):
        records = records.filter(user_id=viewer.user_id or "")
    result = {}
    for r in records:
        result.setdefault(r.session_id, {})[r.user_id] = TravelInfo(r.session_id, r.user_id, r.kilometres,
                                                                    r.amount, r.note)
    return result


def travel_totals(group_ids):
    """{(group id, user id): (kilometres, amount)} summed in the database (one query), for the reports."""
    rows = (TravelRecord.objects.filter(session__group_id__in=list(group_ids),
                                        # only while the attendance still says present
                                        session__attendance__user_id=F("user_id"),
                                        session__attendance__status=Attendance.PRESENT)
            .values("session__group_id", "user_id").annotate(km=Sum("kilometres"), money=Sum("amount")).order_by())
    return {(row["session__group_id"], row["user_id"]): (row["km"], row["money"]) for row in rows}
