"""Private reflections after each session: write, submit, edit, share; completion and grade.

Privacy rules (every read goes through one of these functions):
- the author sees their own reflections, drafts included;
- a group's facilitators see a submitted reflection only while its author shares it with them;
- course staff see whether reflections were submitted (see `reflection_figures`), and the text of
  a shared one, like facilitators; nobody else sees anything of them.
"""
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import validation
from ..data_reflections import (
    NONE,
    Answer,
    LearnerReflections,
    ReflectionView,
    SaveResult,
    Slot,
    TrendPoint,
    TrendSeries,
)
from ..errors import Refusal, conflict, forbidden, not_found
from ..models import MentoringSession, Reflection, ReflectionAnswer

OPEN_ANSWER_MAX = 4000
LIKERT_VALUES = (1, 2, 3, 4, 5)
BASELINE_UNTIL_HELD = 2  # sessions held after which an unstarted baseline is no longer offered


# Slots: the baseline and the sessions a reflection can be about


def baseline_slot():
    return Slot(None, 0, _("Before the first session"), None, _("Baseline"))


def session_slot(session):
    label = _("Session {number}").format(number=session.number)
    return Slot(session.id, session.number, session.title, session.starts_at, label)


def slot_label(slot):
    """A short label for charts, tables and files."""
    return slot.label


def held_sessions(group_ids, now=None):
    """Sessions of these groups that have started and were not cancelled, in order (one query)."""
    return list(
        MentoringSession.objects.filter(group_id__in=group_ids, cancelled=False, starts_at__lte=now or timezone.now())
        .order_by("group_id", "number")
    )


def ensure_session(group_id, number, *, title, starts_at, duration_minutes=180):
    """A group's session by number, created when missing (the demo seed and tests use it).

    Session planning belongs to the groups capability; this only makes sure a session exists.
    """
    session, _created = MentoringSession.objects.get_or_create(
        group_id=group_id, number=number,
        defaults={"title": title, "starts_at": starts_at, "duration_minutes": duration_minutes},
    )
    return session.id


def block_has_reflections(block_key):
    return Reflection.objects.filter(block_key=block_key).exists()


# Reading one's own reflections


def _answers(reflection, config):
    """The reflection's answers against the current items; answers to removed items come back archived."""
    stored = {answer.item_id: answer for answer in reflection.answers.all()} if reflection else {}
    likert = tuple(
        Answer(item["id"], ReflectionAnswer.LIKERT, item["text"], value=getattr(stored.get(item["id"]), "value", None))
        for item in config.likert_items
    )
    open_answers = tuple(
        Answer(item["id"], ReflectionAnswer.OPEN, item["text"], text=getattr(stored.get(item["id"]), "text", ""))
        for item in config.open_prompts
    )
    current = {item["id"] for item in (*config.likert_items, *config.open_prompts)}
    archived = tuple(
        Answer(answer.item_id, answer.kind, "", value=answer.value, text=answer.text, archived=True)
        for item_id, answer in stored.items()
        if item_id not in current
    )
    return likert, open_answers, archived


def reflection_view(slot, reflection, config):
    likert, open_answers, archived = _answers(reflection, config)
    return ReflectionView(
        slot=slot,
        reflection_id=reflection.id if reflection else None,
        status=reflection.status if reflection else NONE,
        shared=bool(reflection and reflection.shared_with_facilitators),
        submitted_at=reflection.submitted_at if reflection else None,
        updated_at=reflection.updated_at if reflection else None,
        likert=likert,
        open=open_answers,
        archived=archived,
        author_name=reflection.display_name if reflection else "",
    )


def _own_reflections(block_key, user_id):
    """The user's reflections in the block with their answers: two queries, whatever their number."""
    return {
        reflection.slot: reflection
        for reflection in Reflection.objects.filter(block_key=block_key, user_id=user_id)
        .select_related("session")
        .prefetch_related("answers")
    }


def learner_reflections(block_key, viewer, config):
    """The viewer's reflection forms (baseline and sessions held so far) and their personal trend."""
    if viewer.is_anonymous:
        raise forbidden(_("Sign in to write reflections."))
    if viewer.group_id is None:
        return LearnerReflections(False, (), (), ())
    own = _own_reflections(block_key, viewer.user_id)
    held = held_sessions([viewer.group_id])
    # The baseline is a starting point: once the second session is held it is no longer offered,
    # unless the member already began it.
    baseline = [baseline_slot()] if len(held) < BASELINE_UNTIL_HELD or 0 in own else []
    slots = [*baseline, *(session_slot(session) for session in held)]
    views = tuple(reflection_view(slot, own.get(int(slot.session_id or 0)), config) for slot in slots)
    return LearnerReflections(True, views, *trend(views, config))


def own_reflections(block_key, viewer, config):
    """All of the viewer's reflections in the block (drafts and archived answers included), for download."""
    if viewer.is_anonymous:
        raise forbidden(_("Sign in to write reflections."))
    own = sorted(
        _own_reflections(block_key, viewer.user_id).values(),
        key=lambda r: (r.session.number if r.session else 0, r.slot),
    )
    return tuple(
        reflection_view(session_slot(r.session) if r.session else baseline_slot(), r, config) for r in own
    )


def trend(views, config):
    """One series per current Likert item over the submitted reflections, and the slots' labels."""
    submitted = [view for view in views if view.is_submitted]
    labels = tuple(slot_label(view.slot) for view in submitted)
    series = []
    for index, item in enumerate(config.likert_items):
        points = tuple(
            TrendPoint(slot_label(view.slot), view.likert[index].value)
            for view in submitted
            if view.likert[index].value is not None
        )
        if points:
            series.append(TrendSeries(item["id"], item["text"], points, trend_summary(item["text"], points)))
    return tuple(series), labels


def trend_summary(prompt, points):
    """A sentence on how one answer moved from the first submitted reflection to the latest."""
    first, last = points[0].value, points[-1].value
    if len(points) == 1:
        return _("Your answer to “{item}” so far: {value}.").format(item=prompt, value=last)
    if last > first:
        return _("Your answer to “{item}” rose from {first} to {last}.").format(item=prompt, first=first, last=last)
    if last < first:
        return _("Your answer to “{item}” fell from {first} to {last}.").format(item=prompt, first=first, last=last)
    return _("Your answer to “{item}” stayed at {value}.").format(item=prompt, value=last)


# Writing


def clean_answers(payload, config):
    """{item_id: value} from a payload, every id and value checked against the current form."""
    raw = payload.get("answers", {})
    if not isinstance(raw, dict):
        raise Refusal("invalid", _("The answers could not be read. Reload the page and try again."), field="answers")
    likert_ids = {item["id"] for item in config.likert_items}
    open_ids = {item["id"] for item in config.open_prompts}
    likert, texts = {}, {}
    for item_id, value in raw.items():
        field = f"answers.{item_id}"
        if item_id in likert_ids:
            cleared = None if value == "" else value
            number = validation.integer({field: cleared}, field, minimum=1, maximum=5, required=False)
            if number is not None:
                likert[item_id] = number
        elif item_id in open_ids:
            text = validation.text({field: value}, field, max_length=OPEN_ANSWER_MAX, required=False)
            if text:
                texts[item_id] = text
        else:
            raise Refusal("unknown_item", _("This reflection has no such question."), field=field)
    return likert, texts


def _slot_for(block_key, viewer, session_id):
    """(slot number, session) for a reflection the viewer may write, or a refusal."""
    if viewer.is_anonymous or viewer.group_id is None:
        raise forbidden(_("Only members of a mentoring group write reflections."))
    if session_id is None:
        return Reflection.BASELINE_SLOT, None
    session = MentoringSession.objects.filter(id=session_id, group__block_key=block_key).first()
    if session is None:
        raise not_found(_("That session does not exist in this course component."))
    if session.group_id != viewer.group_id:
        raise forbidden(_("You can only reflect on the sessions of your own group."), code="not_your_group")
    if session.cancelled:
        raise conflict(_("That session was cancelled."), code="session_cancelled")
    if session.starts_at > timezone.now():
        raise conflict(_("You can reflect on a session once it has started."), code="session_not_held")
    return session.id, session


def _locked_reflection(block_key, viewer, slot, session):
    """The viewer's reflection row for a slot, created when missing, locked for this transaction.

    A missing row is inserted before any locking read: two first saves at once then queue on the
    unique key (one insert fails and locks the other's row) instead of deadlocking on the gap
    locks a locking read of a missing row takes. A refusal later in the transaction rolls the new
    row back with everything else.
    """
    rows = Reflection.objects.filter(block_key=block_key, user_id=viewer.user_id, slot=slot)
    if not rows.exists():
        try:
            with transaction.atomic():
                Reflection.objects.create(
                    block_key=block_key, user_id=viewer.user_id, slot=slot, session=session,
                    group_id=viewer.group_id, display_name=viewer.display_name,
                )
        except IntegrityError:
            pass
    return Reflection.objects.select_for_update().get(block_key=block_key, user_id=viewer.user_id, slot=slot)


@transaction.atomic
def save_reflection(block_key, viewer, config, session_id, likert, texts, *, submit):
    """Save the viewer's reflection for a session (None: the baseline); a submitted one stays submitted.

    Submitting needs every current statement answered. Answers to removed items are kept untouched.
    """
    slot, session = _slot_for(block_key, viewer, session_id)
    reflection = _locked_reflection(block_key, viewer, slot, session)
    was_submitted = reflection.status == Reflection.SUBMITTED
    if submit or was_submitted:
        missing = [item["id"] for item in config.likert_items if item["id"] not in likert]
        if missing:
            raise Refusal("incomplete", _("Answer every statement before you submit."), field=f"answers.{missing[0]}")
    now = timezone.now()
    reflection.group_id = viewer.group_id
    reflection.display_name = viewer.display_name
    if submit and not was_submitted:
        reflection.status = Reflection.SUBMITTED
        reflection.submitted_at = now
    reflection.save()
    current = [item["id"] for item in (*config.likert_items, *config.open_prompts)]
    # Cleared answers to current items go; answers to removed (archived) items are never touched.
    reflection.answers.filter(item_id__in=[i for i in current if i not in likert and i not in texts]).delete()
    rows = [ReflectionAnswer(reflection=reflection, item_id=i, kind=ReflectionAnswer.LIKERT, value=v)
            for i, v in likert.items()]
    rows += [ReflectionAnswer(reflection=reflection, item_id=i, kind=ReflectionAnswer.OPEN, text=t)
             for i, t in texts.items()]
    if rows:
        # MySQL's upsert names no conflict target (it uses any unique key); SQLite/PostgreSQL need one.
        named = connection.features.supports_update_conflicts_with_target
        target = {"unique_fields": ["reflection", "item_id"]} if named else {}
        ReflectionAnswer.objects.bulk_create(
            rows, update_conflicts=True, update_fields=["kind", "value", "text"], **target
        )
    slot_data = session_slot(session) if session else baseline_slot()
    fresh = Reflection.objects.prefetch_related("answers").get(id=reflection.id)
    return SaveResult(reflection_view(slot_data, fresh, config), newly_submitted=submit and not was_submitted)


@transaction.atomic
def set_shared(block_key, viewer, session_id, shared):
    """Share one's own submitted reflection with the group's facilitators, or withdraw the share."""
    if viewer.is_anonymous:
        raise forbidden(_("Sign in to write reflections."))
    slot = session_id or Reflection.BASELINE_SLOT
    reflection = (
        Reflection.objects.select_for_update().filter(block_key=block_key, user_id=viewer.user_id, slot=slot).first()
    )
    if reflection is None:
        raise not_found(_("You have no reflection for that session."))
    if reflection.status != Reflection.SUBMITTED:
        raise conflict(_("Submit the reflection before you share it."), code="not_submitted")
    Reflection.objects.filter(id=reflection.id).update(shared_with_facilitators=shared)
    return shared


# Completion and grade


def progress(block_key, user_id, group_id, now=None):
    """(submitted reflections on sessions held so far, sessions held so far, submitted on all sessions).

    Completion counts the sessions held so far (not the planned ones), so a participant who
    reflected on every meeting so far is complete for now; the baseline never counts.
    """
    if group_id is None:
        return 0, 0, 0
    now = now or timezone.now()
    sessions = MentoringSession.objects.filter(group_id=group_id, cancelled=False)
    held = sessions.filter(starts_at__lte=now).count()
    submitted = Reflection.objects.filter(
        block_key=block_key, user_id=user_id, status=Reflection.SUBMITTED, session__in=sessions
    )
    return submitted.filter(session__starts_at__lte=now).count(), held, submitted.count()


def completion(block_key, viewer):
    """The share of sessions held so far with a submitted reflection, or None before the first session."""
    submitted_held, held, _all = progress(block_key, viewer.user_id, viewer.group_id)
    return None if held == 0 else min(submitted_held / held, 1.0)


def grade(block_key, viewer, max_score):
    """Reflections submitted (one per session) out of the configured number of sessions."""
    _held_submitted, _held, submitted = progress(block_key, viewer.user_id, viewer.group_id)
    return {"value": float(min(submitted, max_score)), "max_value": float(max_score)}
