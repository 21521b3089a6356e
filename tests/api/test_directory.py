"""The opt-in participant directory: only cards people add, visible course-wide, withdrawable, private
data export and retirement."""
import pytest

from tests.api.test_groups import BLOCK, STAFF, learner, make_group, refused
from verme_xblock import roles
from verme_xblock.api import directory, groups, privacy
from verme_xblock.data import Viewer
from verme_xblock.models import DirectoryCard

pytestmark = pytest.mark.django_db

ANONYMOUS = Viewer(None, "", roles.ANONYMOUS, False, None)


def card(viewer, **fields):
    values = {"organisation": "Omnia", "role": "Teacher", "expertise": "Work-life cooperation",
              "contact": "aino@example.org, Tue 14–16", **fields}
    directory.opt_in(BLOCK, "course-v1:Verme+Demo+2026", viewer, **values)


def test_only_people_who_opt_in_appear_and_anyone_signed_in_finds_them():
    north, south = make_group("North"), make_group("South")
    groups.assign_member(BLOCK, STAFF, north, user_id="5", display_name="Aino", organisation="Omnia", role="Teacher")
    groups.assign_member(BLOCK, STAFF, south, user_id="6", display_name="Mikko")
    aino, mikko = learner(5, north), learner(6, south)
    assert directory.suggested_details(BLOCK, aino) == ("Omnia", "Teacher")
    card(aino)
    found = directory.cards(BLOCK, mikko, "work-life")
    assert [(c.display_name, c.group_name, c.contact) for c in found] == [
        ("Learner 5", "North", "aino@example.org, Tue 14–16")]
    assert directory.cards(BLOCK, mikko, "nursing") == ()
    assert [c.display_name for c in directory.cards(BLOCK, learner(99))] == ["Learner 5"]  # course-wide
    assert directory.my_card(BLOCK, mikko) is None and directory.my_card(BLOCK, aino).organisation == "Omnia"
    card(aino, expertise="Digital tools")
    assert DirectoryCard.objects.get().expertise == "Digital tools"
    assert directory.card_ids(BLOCK, ["5", "6"]) == {"5": DirectoryCard.objects.get().id}
    assert directory.card_ids(BLOCK, ["6"]) == {} and directory.card_ids(BLOCK, []) == {}
    directory.withdraw(BLOCK, aino)
    assert directory.cards(BLOCK, mikko) == () and not DirectoryCard.objects.exists()


def test_anonymous_people_see_nothing_and_cannot_opt_in():
    refused("forbidden", directory.cards, BLOCK, ANONYMOUS)
    refused("forbidden", card, ANONYMOUS)
    assert not DirectoryCard.objects.exists()


def test_export_and_retirement_cover_the_card():
    card(learner(5))
    assert privacy.export_user("5")["directory_card"][0]["contact"] == "aino@example.org, Tue 14–16"
    assert privacy.export_user("6")["directory_card"] == []
    privacy.retire_user("5")
    assert not DirectoryCard.objects.exists()
