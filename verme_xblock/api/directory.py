"""The participant directory: networking across groups and organisations, opt-in only.

A card exists only while its person opts in; it is visible to everyone signed in to the component
(course-wide), and withdrawing deletes it. Nothing else of a person is shown here.
"""
from django.db.models import Q
from django.utils.translation import gettext as _

from ..errors import forbidden
from ..models import DirectoryCard, Membership
from ..season_data import DirectoryCardInfo
from ..season_models import GOAL_LENGTH

TEXT_MAX = GOAL_LENGTH
SHOWN_MAX = 200


def _signed_in(viewer):
    if viewer.is_anonymous:
        raise forbidden(_("Sign in to see the participant directory."))


def cards(block_key, viewer, query=""):
    """The cards of the component (two queries), filtered by a search in names, organisations,
    roles and expertise."""
    _signed_in(viewer)
    rows = DirectoryCard.objects.filter(block_key=block_key)
    if query:
        rows = rows.filter(Q(display_name__icontains=query) | Q(organisation__icontains=query)
                           | Q(role__icontains=query) | Q(expertise__icontains=query))
    rows = list(rows.order_by("display_name", "id")[:SHOWN_MAX])
    groups = dict(Membership.objects.filter(block_key=block_key, user_id__in=[r.user_id for r in rows])
                  .values_list("user_id", "group__name"))
    return tuple(DirectoryCardInfo(r.id, r.user_id, r.display_name, r.organisation, r.role, r.expertise, r.contact,
                                   groups.get(r.user_id, "")) for r in rows)


def my_card(block_key, viewer):
    """The viewer's own card, or None when they have not opted in."""
    _signed_in(viewer)
    row = DirectoryCard.objects.filter(block_key=block_key, user_id=viewer.user_id).first()
    if row is None:
        return None
    return DirectoryCardInfo(row.id, row.user_id, row.display_name, row.organisation, row.role, row.expertise,
                             row.contact)


def suggested_details(block_key, viewer):
    """(organisation, role) from the viewer's membership, to prefill a new card."""
    row = Membership.objects.filter(block_key=block_key, user_id=viewer.user_id).values_list(
        "organisation", "role").first()
    return row or ("", "")


def opt_in(block_key, course_key, viewer, *, organisation, role, expertise, contact):
    """Create or update the viewer's card."""
    _signed_in(viewer)
    DirectoryCard.objects.update_or_create(
        block_key=block_key, user_id=viewer.user_id,
        defaults={"course_key": course_key, "display_name": viewer.display_name, "organisation": organisation,
                  "role": role, "expertise": expertise, "contact": contact},
    )


def withdraw(block_key, viewer):
    _signed_in(viewer)
    DirectoryCard.objects.filter(block_key=block_key, user_id=viewer.user_id).delete()


def card_ids(block_key, user_ids):
    """{user id: card id} of those of `user_ids` with a card (one query, none for nobody): a post's
    author links to their card."""
    if not user_ids:
        return {}
    cards = DirectoryCard.objects.filter(block_key=block_key, user_id__in=set(user_ids))
    return dict(cards.values_list("user_id", "id"))
