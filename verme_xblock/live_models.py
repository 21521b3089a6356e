"""The tables of live session mode: where the facilitator is in the agenda and the speaking round,
the notes that become the session's minutes (versioned, like the progress plan), and action points.

The state is in the database, so the page survives a reload and a second device sees the same.
"""
from django.db import models

from .models import NAME_LENGTH, USER_ID_LENGTH, MentoringSession

ACTION_LENGTH = 500


class LiveSession(models.Model):
    """A session being run: the current agenda line, the speaking round and the notes."""

    session = models.OneToOneField(MentoringSession, on_delete=models.CASCADE, related_name="live")
    agenda_index = models.PositiveSmallIntegerField(default=0)
    item_started_at = models.DateTimeField(null=True, blank=True)  # None until the facilitator starts
    turn_order = models.JSONField(default=list, blank=True)  # user ids, in speaking order
    turn_index = models.PositiveSmallIntegerField(default=0)
    turn_minutes = models.PositiveSmallIntegerField(default=3)
    turn_started_at = models.DateTimeField(null=True, blank=True)  # None: no round running
    notes = models.TextField(blank=True)
    notes_version = models.PositiveIntegerField(default=0)
    notes_updated_by_id = models.CharField(max_length=USER_ID_LENGTH, blank=True)
    notes_updated_by_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class LiveNoteRevision(models.Model):
    """One saved version of a session's live notes."""

    live = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    author_id = models.CharField(max_length=USER_ID_LENGTH, blank=True, db_index=True)
    author_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["live_id", "-version"]
        constraints = [models.UniqueConstraint(fields=["live", "version"], name="verme_live_note_version_once")]


class ActionPoint(models.Model):
    """Something a member agreed to do after the session, with its owner."""

    session = models.ForeignKey(MentoringSession, on_delete=models.CASCADE, related_name="action_points")
    text = models.CharField(max_length=ACTION_LENGTH)
    owner_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    owner_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    created_by = models.CharField(max_length=USER_ID_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    done = models.BooleanField(default=False)

    class Meta:
        ordering = ["session_id", "id"]
