"""Personal data: erase it when an account is retired, export it when a person asks."""
from django.db import transaction
from django.utils.translation import gettext_noop

from ..models import (
    Attendance,
    Comment,
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


@transaction.atomic
def retire_user(user_id):
    """Erase or anonymise one user's data in every block; running it twice changes nothing.

    Attendance is personal and goes; the group's shared plan stays readable under a neutral name.
    """
    user_id = str(user_id)
    Membership.objects.filter(user_id=user_id).delete()
    Facilitator.objects.filter(user_id=user_id).delete()
    Attendance.objects.filter(user_id=user_id).delete()
    Attendance.objects.filter(recorded_by=user_id).update(recorded_by="")
    PlanRevision.objects.filter(author_id=user_id).update(author_id="", author_name=FORMER_PARTICIPANT)
    ProgressPlan.objects.filter(updated_by_id=user_id).update(updated_by_id="", updated_by_name=FORMER_PARTICIPANT)
    _retire_bank(user_id)
    # Reflections are private to their author: nothing of them is kept (answers go with them).
    Reflection.objects.filter(user_id=user_id).delete()
    Visitor.objects.filter(user_id=user_id).delete()


def _retire_bank(user_id):
    """Shared posts and comments stay readable under the neutral label; deleted posts lose their text."""
    Post.objects.filter(author_id=user_id).update(author_name=FORMER_PARTICIPANT, author_organisation="")
    Post.objects.filter(author_id=user_id, deleted_at__isnull=False).update(body="")
    Comment.objects.filter(author_id=user_id).update(author_name=FORMER_PARTICIPANT, author_organisation="")
    Report.objects.filter(reporter_id=user_id).update(reporter_name=FORMER_PARTICIPANT)
    ModerationAction.objects.filter(actor_id=user_id).update(actor_name=FORMER_PARTICIPANT)


def _export_bank(user_id):
    posts = Post.objects.filter(author_id=user_id).prefetch_related("tags").order_by("id")
    return {
        "posts": [
            {
                "id": post.id, "block_key": post.block_key, "title": post.title, "body": post.body,
                "tags": [tag.tag for tag in post.tags.all()], "visibility": post.visibility,
                "author_name": post.author_name, "author_organisation": post.author_organisation,
                "created_at": post.created_at, "edited_at": post.edited_at, "deleted_at": post.deleted_at,
                "hidden": post.hidden, "hidden_reason": post.hidden_reason,
            }
            for post in posts
        ],
        "comments": list(
            Comment.objects.filter(author_id=user_id).order_by("id").values(
                "id", "post_id", "post__block_key", "author_name", "author_organisation", "body", "created_at",
                "hidden", "hidden_reason",
            )
        ),
        "reactions": list(
            Reaction.objects.filter(user_id=user_id).order_by("id").values("post_id", "post__block_key", "created_at")
        ),
        "reports": list(
            Report.objects.filter(reporter_id=user_id).order_by("id").values(
                "post_id", "comment_id", "post__block_key", "reason", "created_at", "resolved_at"
            )
        ),
    }


def export_user(user_id):
    """Everything held about one user, as JSON-ready data."""
    user_id = str(user_id)
    return {
        "user_id": user_id,
        "memberships": list(
            Membership.objects.filter(user_id=user_id).values(
                "block_key", "group__name", "display_name", "organisation", "role", "joined_at"
            )
        ),
        "facilitating": list(
            Facilitator.objects.filter(user_id=user_id).values("group__block_key", "group__name", "display_name")
        ),
        "attendance": list(
            Attendance.objects.filter(user_id=user_id).values(
                "session__group__block_key", "session__group__name", "session__number", "session__starts_at",
                "status", "minutes",
            )
        ),
        "plan_revisions": list(
            PlanRevision.objects.filter(author_id=user_id).values(
                "plan__group__block_key", "plan__group__name", "version", "text", "created_at"
            )
        ),
        "bank": _export_bank(user_id),
        "reflections": _reflections(user_id),
        "visits": list(Visitor.objects.filter(user_id=user_id).values("block_key", "display_name", "first_seen")),
    }


def _reflections(user_id):
    answers = {}
    for answer in ReflectionAnswer.objects.filter(reflection__user_id=user_id).values(
        "reflection_id", "item_id", "kind", "value", "text"
    ):
        answers.setdefault(answer.pop("reflection_id"), []).append(answer)
    rows = Reflection.objects.filter(user_id=user_id).values(
        "id", "block_key", "group__name", "session__number", "session__title", "status",
        "shared_with_facilitators", "created_at", "updated_at", "submitted_at",
    )
    return [{**row, "answers": answers.get(row["id"], [])} for row in rows]
