"""Personal data: erase it when an account is retired, export it when a person asks."""
from django.db import transaction
from django.utils.translation import gettext_noop

from ..models import Facilitator, Membership

# Stored untranslated; shown through the catalogue wherever names are displayed.
FORMER_PARTICIPANT = gettext_noop("Former participant")


@transaction.atomic
def retire_user(user_id):
    """Erase or anonymise one user's data in every block; running it twice changes nothing."""
    user_id = str(user_id)
    Membership.objects.filter(user_id=user_id).delete()
    Facilitator.objects.filter(user_id=user_id).delete()


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
    }
