"""The group's shared progress plan, saved with optimistic versioning and kept as revisions.

A save names the version it was based on; when someone saved in between, the save is refused with
409 and the current text, so the client can keep what its user typed and let them merge.
"""
from django.db import transaction
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden, not_found
from ..group_data import PlanInfo, PlanRevisionInfo
from ..markup import render_markdown
from ..models import MentoringGroup, PlanRevision, ProgressPlan

REVISIONS_SHOWN = 20


def starting_text():
    """The two Verme ground rules and headings for the group to fill in (in the active language)."""
    return "\n".join([
        "## " + _("Ground rules"),
        "",
        "- " + _("Everyone is an equal participant: every voice is heard and nobody dominates."),
        "- " + _("What is shared in the group stays in the group."),
        "",
        "## " + _("Our goals"),
        "",
        "- ",
        "",
        "## " + _("Themes for our sessions"),
        "",
        "- ",
        "",
    ])


class PlanConflict(Refusal):
    """A save based on an old version: the answer carries the current text and who saved it."""

    def __init__(self, plan):
        super().__init__("stale_version", _("Someone saved the plan while you were editing. Your text is kept: "
                                            "compare it with the current version below, then save again."),
                         field="text", status=409)
        self.current = {
            "text": plan.text, "version": plan.version, "html": str(render_markdown(plan.text)),
            "updated_by": plan.updated_by_name, "updated_at": plan.updated_at.isoformat(),
        }

    def as_json(self):
        return {**super().as_json(), "current": self.current}


def _check(viewer, group_id):
    if not viewer.can_see_group(group_id):
        raise forbidden(_("Only the group's members, its facilitators and course staff can see its plan."))


def plan_of(group_id, viewer, revisions=True):
    """The plan of a group (or its starting text before the first save) with recent revisions."""
    _check(viewer, group_id)
    plan = ProgressPlan.objects.filter(group_id=group_id).first()
    if plan is None:
        return PlanInfo(text=starting_text(), version=0, updated_by_name="", updated_at=None)
    history = ()
    if revisions:
        history = tuple(
            PlanRevisionInfo(r.version, r.author_name, r.created_at, r.text)
            for r in plan.revisions.order_by("-version")[:REVISIONS_SHOWN]
        )
    return PlanInfo(plan.text, plan.version, plan.updated_by_name, plan.updated_at, history)


def save_plan(block_key, viewer, group_id, *, text, base_version):
    """Save a new version of the plan if nobody saved since `base_version`; returns the new version."""
    if not MentoringGroup.objects.filter(block_key=block_key, id=group_id).exists():
        raise not_found(_("That group does not exist in this course component."))
    _check(viewer, group_id)
    with transaction.atomic():
        plan, _created = ProgressPlan.objects.get_or_create(group_id=group_id)
        plan = ProgressPlan.objects.select_for_update().get(id=plan.id)
        if plan.version != base_version:
            raise PlanConflict(plan)
        plan.text, plan.version = text, plan.version + 1
        plan.updated_by_id, plan.updated_by_name = viewer.user_id, viewer.display_name
        plan.save()
        PlanRevision.objects.create(
            plan=plan, version=plan.version, text=text, author_id=viewer.user_id, author_name=viewer.display_name
        )
    return plan.version
