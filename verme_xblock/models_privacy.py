"""Tables that keep privacy promises: which organisations posts show, and which accounts were retired."""
from django.db import models

from .models import BLOCK_KEY_LENGTH, USER_ID_LENGTH


class ShownOrganisation(models.Model):
    """How many live posts show an organisation to one audience: the bank's organisation filter.

    `audience` is 0 for course-wide posts, else the group id of group-only posts. Kept in the same
    transaction as the posts, so the filter reads a few rows instead of every visible post.
    """

    COURSE = 0

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    audience = models.PositiveIntegerField(default=COURSE)
    organisation = models.CharField(max_length=200)
    posts = models.IntegerField(default=0)

    class Meta:
        app_label = "verme_xblock"
        constraints = [
            models.UniqueConstraint(fields=["block_key", "audience", "organisation"], name="verme_shown_org_once"),
        ]


class RetiredUser(models.Model):
    """An account that was retired: writes under its id are refused, so requests in flight add nothing."""

    user_id = models.CharField(max_length=USER_ID_LENGTH, unique=True)
    retired_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "verme_xblock"
