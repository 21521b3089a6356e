"""Organisations stay in the group unless the author shows theirs on a course-wide post."""
import pytest

from tests.api.bank_world import make_world, share
from verme_xblock.api import bank, privacy
from verme_xblock.models import Membership, ShownOrganisation

pytestmark = pytest.mark.django_db

HARBOUR = "Harbour Vocational College"
LAKESIDE = "Lakeside Vocational Institute"
NORTHERN = "Northern Skills Centre"


@pytest.fixture
def world():
    return make_world()


def organisations_for(world, user_id):
    viewer = world.staff if user_id == "staff" else world.person(user_id)
    return bank.filter_choices(world.block, viewer)["organisations"]


def test_course_wide_posts_hide_the_organisation_unless_the_author_chooses(world):
    hidden = share(world, "aino", title="Hidden")
    post = bank.get_post(world.block, world.person("helena"), hidden)
    assert post.author_organisation == ""
    assert organisations_for(world, "helena") == ()
    shown = share(world, "aino", title="Shown", show_organisation=True)
    assert bank.get_post(world.block, world.person("helena"), shown).author_organisation == HARBOUR
    assert organisations_for(world, "helena") == (HARBOUR,)


def test_the_last_choice_is_remembered(world):
    share(world, "aino", show_organisation=True)
    assert Membership.objects.get(user_id="aino").shows_organisation
    assert world.person("aino").shows_organisation
    remembered = share(world, "aino")
    assert bank.get_post(world.block, world.person("helena"), remembered).author_organisation == HARBOUR
    share(world, "aino", show_organisation=False)
    assert not Membership.objects.get(user_id="aino").shows_organisation


def test_group_only_posts_show_it_to_the_group_and_the_filter_only_to_readers(world):
    share(world, "mikko", visibility="group")
    assert organisations_for(world, "aino") == (LAKESIDE,)
    assert organisations_for(world, "maija") == (LAKESIDE,)  # the group's facilitator
    assert organisations_for(world, "staff") == (LAKESIDE,)
    for outsider in ("helena", "johan", "outsider"):
        assert organisations_for(world, outsider) == ()


def test_comments_show_the_organisation_only_inside_the_commenters_group(world):
    group_post = share(world, "aino", visibility="group")
    bank.add_comment(world.block, world.person("mikko"), group_post, body="Group words")
    bank.add_comment(world.block, world.staff, group_post, body="Staff words")
    comments = bank.get_post(world.block, world.staff, group_post).comments
    assert [(c.body, c.author_organisation) for c in comments] == [("Group words", LAKESIDE), ("Staff words", "")]
    # Made course-wide later: the group's comments lose their organisations, the post follows the choice.
    bank.edit_post(world.block, world.person("aino"), group_post, title="Now public", body="B", tags=[],
                   visibility="course")
    post = bank.get_post(world.block, world.person("helena"), group_post)
    assert post.author_organisation == "" and [c.author_organisation for c in post.comments] == ["", ""]
    assert organisations_for(world, "helena") == () and organisations_for(world, "mikko") == ()


def test_filter_counts_follow_edits_deletions_and_retirement(world):
    first = share(world, "aino", show_organisation=True)
    second = share(world, "aino", show_organisation=True)
    helena = share(world, "helena", show_organisation=True)
    assert organisations_for(world, "mikko") == (HARBOUR, NORTHERN)
    bank.delete_post(world.block, world.person("aino"), first)
    assert organisations_for(world, "mikko") == (HARBOUR, NORTHERN)
    bank.edit_post(world.block, world.person("aino"), second, title="T", body="B", tags=[], visibility="course",
                   show_organisation=False)
    assert organisations_for(world, "mikko") == (NORTHERN,)
    privacy.retire_user("helena")
    assert organisations_for(world, "mikko") == ()
    assert bank.get_post(world.block, world.person("mikko"), helena).author_organisation == ""
    assert set(ShownOrganisation.objects.values_list("posts", flat=True)) == {0}


def test_the_filter_reads_one_small_query_whatever_the_number_of_posts(world, django_assert_num_queries):
    for index in range(12):
        share(world, "aino" if index % 2 else "helena", show_organisation=True, rate_limit={"posts": 99, "minutes": 1})
    assert ShownOrganisation.objects.count() == 2
    viewer = world.person("mikko")
    with django_assert_num_queries(2):  # the groups, and the shown organisations
        assert bank.filter_choices(world.block, viewer)["organisations"] == (HARBOUR, NORTHERN)
