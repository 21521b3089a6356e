"""Personal data: erase it when an account is retired, export it when a person asks.

Retirement, keyed on the user id, in one transaction and idempotent:
- private data goes: group memberships (with organisation and role), facilitator seats, reflections;
- shared content stays readable for the others: posts, comments, plan revisions, moderation entries
  and reports keep their text, under the neutral name "Former participant";
- counts stay right: attendance rows and "useful" reactions are kept, so hours per session and
  reaction counts still add up, but the user id in them is replaced by a random token that links
  them to nobody (one token per retirement, so the per-session and per-post uniqueness holds).

`PERSONAL_DATA` lists every model that holds a user id or a name; a test fails when a model with
such a field is missing from it.
"""
import uuid

from django.db import transaction
from django.utils.translation import gettext_noop

from ..mail.models import MessagePreference, SentMessage
from ..models import (
    Attendance,
    Comment,
    EndedMembership,
    Facilitator,
    Membership,
    ModerationAction,
    PlanRevision,
    Post,
    ProgressPlan,
    Reaction,
    Reflection,
    ReflectionAnswer,
    Report,
    Visitor,
)

# Stored untranslated; shown through the catalogue wherever names are displayed.
FORMER_PARTICIPANT = gettext_noop("Former participant")

# Model -> what retirement does with its rows of the user.
PERSONAL_DATA = {
    Membership: "deleted",
    Facilitator: "deleted",
    Reflection: "deleted",
    ReflectionAnswer: "deleted with its reflection",
    Attendance: "kept for the hours, user id replaced by a token, name neutral",
    ProgressPlan: "kept, last editor neutral",
    PlanRevision: "kept, author neutral",
    Post: "kept, author token and neutral name; text of deleted posts erased",
    Comment: "kept, author token and neutral name",
    Reaction: "kept for the counts, user id replaced by a token",
    Report: "kept, reporter token and neutral name",
    ModerationAction: "kept, actor token and neutral name",
    Visitor: "deleted",
    EndedMembership: "deleted",
    MessagePreference: "deleted",
    SentMessage: "deleted (the log of messages sent to the user)",
}


def _token():
    return f"retired-{uuid.uuid4().hex[:16]}"


@transaction.atomic
def retire_user(user_id):
    """Erase or anonymise one user's data in every block; running it twice changes nothing."""
    user_id = str(user_id)
    token = _token()
    Membership.objects.filter(user_id=user_id).delete()
    Facilitator.objects.filter(user_id=user_id).delete()
    Reflection.objects.filter(user_id=user_id).delete()  # answers go with them (cascade)
    Visitor.objects.filter(user_id=user_id).delete()
    EndedMembership.objects.filter(user_id=user_id).delete()
    MessagePreference.objects.filter(user_id=user_id).delete()
    SentMessage.objects.filter(user_id=user_id).delete()
    Attendance.objects.filter(user_id=user_id).update(user_id=token, display_name=FORMER_PARTICIPANT)
    Attendance.objects.filter(recorded_by=user_id).update(recorded_by="")
    PlanRevision.objects.filter(author_id=user_id).update(author_id="", author_name=FORMER_PARTICIPANT)
    ProgressPlan.objects.filter(updated_by_id=user_id).update(updated_by_id="", updated_by_name=FORMER_PARTICIPANT)
    Post.objects.filter(author_id=user_id, deleted_at__isnull=False).update(body="", title="")
    Post.objects.filter(author_id=user_id).update(
        author_id=token, author_name=FORMER_PARTICIPANT, author_organisation=""
    )
    Comment.objects.filter(author_id=user_id).update(
        author_id=token, author_name=FORMER_PARTICIPANT, author_organisation=""
    )
    Reaction.objects.filter(user_id=user_id).update(user_id=token)
    Report.objects.filter(reporter_id=user_id).update(reporter_id=token, reporter_name=FORMER_PARTICIPANT)
    ModerationAction.objects.filter(actor_id=user_id).update(actor_id=token, actor_name=FORMER_PARTICIPANT)


def export_user(user_id, block_key=None):
    """Everything held about one user (in one block, or in all), as JSON-ready data."""
    user_id = str(user_id)

    def rows(queryset, block_path, *fields):
        if block_key is not None:
            queryset = queryset.filter(**{block_path: block_key})
        return list(queryset.order_by("id").values(*fields))

    return {
        "user_id": user_id,
        "memberships": rows(Membership.objects.filter(user_id=user_id), "block_key",
                            "block_key", "group__name", "display_name", "organisation", "role", "joined_at"),
        "facilitating": rows(Facilitator.objects.filter(user_id=user_id), "group__block_key",
                             "group__block_key", "group__name", "display_name"),
        "attendance": rows(Attendance.objects.filter(user_id=user_id), "session__group__block_key",
                           "session__group__block_key", "session__group__name", "session__number",
                           "session__starts_at", "status", "minutes"),
        "plan_revisions": rows(PlanRevision.objects.filter(author_id=user_id), "plan__group__block_key",
                               "plan__group__block_key", "plan__group__name", "version", "text", "created_at"),
        "posts": _posts(user_id, block_key),
        "comments": rows(Comment.objects.filter(author_id=user_id), "post__block_key",
                         "id", "post_id", "post__block_key", "author_name", "author_organisation", "body",
                         "created_at", "hidden", "hidden_reason"),
        "reactions": rows(Reaction.objects.filter(user_id=user_id), "post__block_key",
                          "post_id", "post__block_key", "created_at"),
        "reports": rows(Report.objects.filter(reporter_id=user_id), "post__block_key",
                        "post_id", "comment_id", "post__block_key", "reason", "created_at", "resolved_at"),
        "moderation_actions": rows(ModerationAction.objects.filter(actor_id=user_id), "post__block_key",
                                   "post_id", "comment_id", "post__block_key", "action", "reason", "created_at"),
        "reflections": _reflections(user_id, block_key),
        "visits": rows(Visitor.objects.filter(user_id=user_id), "block_key", "block_key", "display_name", "first_seen"),
        "ended_memberships": rows(EndedMembership.objects.filter(user_id=user_id), "block_key", "block_key",
                                  "group__name", "display_name", "organisation", "role", "joined_at", "ended_at"),
        "message_preferences": rows(MessagePreference.objects.filter(user_id=user_id), "block_key",
                                    "block_key", "kind", "enabled", "updated_at"),
        "messages_sent": rows(SentMessage.objects.filter(user_id=user_id), "block_key",
                              "block_key", "kind", "subject", "status", "sent_at"),
    }


def _posts(user_id, block_key):
    posts = Post.objects.filter(author_id=user_id).prefetch_related("tags").order_by("id")
    if block_key is not None:
        posts = posts.filter(block_key=block_key)
    return [
        {
            "id": post.id, "block_key": post.block_key, "title": post.title, "body": post.body,
            "tags": [tag.tag for tag in post.tags.all()], "visibility": post.visibility,
            "author_name": post.author_name, "author_organisation": post.author_organisation,
            "created_at": post.created_at, "edited_at": post.edited_at, "deleted_at": post.deleted_at,
            "hidden": post.hidden, "hidden_reason": post.hidden_reason,
        }
        for post in posts
    ]


def _reflections(user_id, block_key):
    reflections = Reflection.objects.filter(user_id=user_id)
    if block_key is not None:
        reflections = reflections.filter(block_key=block_key)
    answers = {}
    for answer in ReflectionAnswer.objects.filter(reflection__in=reflections).values(
        "reflection_id", "item_id", "kind", "value", "text"
    ):
        answers.setdefault(answer.pop("reflection_id"), []).append(answer)
    fields = ("id", "block_key", "group__name", "session__number", "session__title", "status",
              "shared_with_facilitators", "created_at", "updated_at", "submitted_at")
    return [{**row, "answers": answers.get(row["id"], [])} for row in reflections.order_by("id").values(*fields)]
