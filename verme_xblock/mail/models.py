"""The tables of the messages: per-block sender settings, preferences, announcements and the sent log.

No e-mail address is stored anywhere: the sender looks people up when it sends (`people.py`).
"""
from django.db import models

from ..models import BLOCK_KEY_LENGTH, USER_ID_LENGTH, MentoringSession, check_constraint

KIND_LENGTH = 40


class MessageBlock(models.Model):
    """What the sender needs of one block outside a request: its settings, name, course and address.

    The settings live in the block's XBlock fields, which a command cannot read without the
    platform's modulestore; the block writes this row when a learner views it, so it holds the
    published settings (a Studio save changes the draft only).
    """

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH, unique=True)
    course_key = models.CharField(max_length=BLOCK_KEY_LENGTH, db_index=True)
    runtime = models.CharField(max_length=16)  # whose people directory: "lms" or "workbench"
    title = models.CharField(max_length=255, blank=True)  # the component's display name
    url = models.CharField(max_length=500, blank=True)
    reminder_days = models.JSONField(default=list)  # e.g. [7, 1]
    kinds = models.JSONField(default=list)  # the kinds the course sends


class MessagePreference(models.Model):
    """One person's choice for one kind of message in one block (no row: the kind's default)."""

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    course_key = models.CharField(max_length=BLOCK_KEY_LENGTH, db_index=True)
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    kind = models.CharField(max_length=KIND_LENGTH)
    enabled = models.BooleanField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["block_key", "user_id", "kind"], name="verme_message_preference_once"),
        ]


class SentMessage(models.Model):
    """One message to one person: claimed before it is sent, so it goes out once however many run.

    `subject` names what the message is about: a session and reminder day ("s12-d7"), a session's
    announcement ("s12-v2"), or a period ("2026-W48"). A failed send is released (`failed`) and
    claimed again by a later run.
    """

    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"
    STATUSES = (CLAIMED, SENT, FAILED, SKIPPED)

    kind = models.CharField(max_length=KIND_LENGTH)
    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    course_key = models.CharField(max_length=BLOCK_KEY_LENGTH, db_index=True)
    subject = models.CharField(max_length=80)
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    status = models.CharField(max_length=10, choices=[(s, s) for s in STATUSES], default=CLAIMED)
    claim_token = models.CharField(max_length=32)
    attempts = models.PositiveSmallIntegerField(default=1)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "block_key", "subject", "user_id"], name="verme_message_once"),
            check_constraint("verme_message_status_known", models.Q(status__in=["claimed", "sent", "failed",
                                                                                 "skipped"])),
        ]


class SessionAnnouncement(models.Model):
    """A session's time, place, link and state as last announced; `sequence` rises with each change.

    The sender compares the session with this row: a difference is a change notice (with the
    iCalendar SEQUENCE), whichever screen made the change.
    """

    session = models.OneToOneField(MentoringSession, on_delete=models.CASCADE, related_name="announcement")
    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    course_key = models.CharField(max_length=BLOCK_KEY_LENGTH, db_index=True)
    sequence = models.PositiveIntegerField(default=0)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField()
    place = models.CharField(max_length=255, blank=True)
    url = models.CharField(max_length=500, blank=True)
    cancelled = models.BooleanField(default=False)
    previous_starts_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(null=True, blank=True)
