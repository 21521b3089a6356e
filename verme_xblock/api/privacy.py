"""Personal data: erase it when an account is retired, export it when a person asks."""
from django.db import transaction
from django.utils.translation import gettext_noop

from ..models import Facilitator, Membership, Reflection, ReflectionAnswer

# Stored untranslated; shown through the catalogue wherever names are displayed.
FORMER_PARTICIPANT = gettext_noop("Former participant")


@transaction.atomic
def retire_user(user_id):
    """Erase or anonymise one user's data in every block; running it twice changes nothing."""
    user_id = str(user_id)
    Membership.objects.filter(user_id=user_id).delete()
    Facilitator.objects.filter(user_id=user_id).delete()
    # Reflections are private to their author: nothing of them is kept (answers go with them).
    Reflection.objects.filter(user_id=user_id).delete()


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
        "reflections": _reflections(user_id),
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
