"""The tables of the season in depth: the plan written together at session 1 and travel costs.

Each fact is one row (a goal, one member's personal goal, one member's agreement, one member's
travel to one session), so members writing at once never overwrite each other.
"""
from django.db import models
from django.db.models import Q

from .live_models import ActionPoint, LiveNoteRevision, LiveSession
from .models import NAME_LENGTH, USER_ID_LENGTH, MentoringGroup, MentoringSession, check_constraint

GOAL_LENGTH = 500
NOTE_LENGTH = 500


class GroupGoal(models.Model):
    """One of the group's shared goals, agreed at session 1 (in the order they were added)."""

    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(max_length=GOAL_LENGTH)
    author_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    author_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group_id", "id"]


class PersonalGoal(models.Model):
    """A member's own goal for the season: theirs to write, visible to their group."""

    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="personal_goals")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    text = models.CharField(max_length=GOAL_LENGTH)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["group_id", "display_name", "id"]
        constraints = [models.UniqueConstraint(fields=["group", "user_id"], name="verme_personal_goal_once")]


class RuleAgreement(models.Model):
    """A member agreed to the group's ground rules (one click, once)."""

    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="rule_agreements")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    agreed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["group_id", "agreed_at", "id"]
        constraints = [models.UniqueConstraint(fields=["group", "user_id"], name="verme_rule_agreement_once")]


class TravelRecord(models.Model):
    """A member's travel to one attended session: kilometres, an amount, or both, and a note.

    The employer allocates travel costs alongside the hours, so the participation report sums these.
    """

    session = models.ForeignKey(MentoringSession, on_delete=models.CASCADE, related_name="travel")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    kilometres = models.DecimalField(max_digits=7, decimal_places=1, null=True, blank=True)
    amount = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    note = models.CharField(max_length=NOTE_LENGTH, blank=True)
    recorded_by = models.CharField(max_length=USER_ID_LENGTH, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session_id", "display_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user_id"], name="verme_travel_once"),
            check_constraint("verme_travel_something",
                             Q(kilometres__isnull=False) | Q(amount__isnull=False)),
            check_constraint("verme_travel_not_negative",
                             (Q(kilometres__isnull=True) | Q(kilometres__gte=0))
                             & (Q(amount__isnull=True) | Q(amount__gte=0))),
        ]




class DirectoryCard(models.Model):
    """A participant's card in the course-wide directory: present only while they opt in.

    Opting in writes the row; withdrawing deletes it, so nothing stays behind.
    """

    block_key = models.CharField(max_length=255)
    course_key = models.CharField(max_length=255, blank=True, db_index=True)
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    expertise = models.CharField(max_length=GOAL_LENGTH, blank=True)
    contact = models.CharField(max_length=GOAL_LENGTH, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name", "id"]
        constraints = [models.UniqueConstraint(fields=["block_key", "user_id"], name="verme_directory_card_once")]


class SeasonFeedbackAnswer(models.Model):
    """One member's answer (1–5) to one end-of-season feedback statement, kept apart from reflections.

    Results are shown only as k-anonymous figures (see `api.season_feedback`).
    """

    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="season_feedback")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    item_id = models.CharField(max_length=64)
    value = models.PositiveSmallIntegerField()
    answered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["group_id", "user_id", "item_id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user_id", "item_id"], name="verme_season_feedback_once"),
            check_constraint("verme_season_feedback_value", Q(value__gte=1, value__lte=5)),
        ]


# What `models` re-exports (the live session tables are defined in `live_models`).
__all__ = [
    "ActionPoint", "DirectoryCard", "GroupGoal", "LiveNoteRevision", "LiveSession", "PersonalGoal", "RuleAgreement",
    "SeasonFeedbackAnswer", "TravelRecord",
]
