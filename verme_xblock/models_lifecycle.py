"""Tables of the course's life cycle: seats that ended when a learner left the course."""
from django.db import models

from .models import BLOCK_KEY_LENGTH, NAME_LENGTH, USER_ID_LENGTH, CourseKeyed, MentoringGroup


class EndedMembership(CourseKeyed):
    """A seat that ended at unenrolment (the seat is free; re-enrolling does not restore it), kept so
    the hours report still names the group, organisation and role beside the attendance that stays."""

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="ended_memberships")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    joined_at = models.DateTimeField()
    ended_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-ended_at", "id"]
