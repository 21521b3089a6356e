"""Teams mode: one group per team of the chosen teamset, members following the teams, facilitators
chosen in the block; the services are doubles with the platform's method names and shapes
(tests/runtimes.py: TeamsService, TeamsConfigurationService)."""
import pytest
from django.contrib.auth import get_user_model

from tests.helpers import call_handler, count_rows, whole_view
from tests.runtimes import Team, TeamsConfigurationService, TeamsService, course_usage_key, make_block
from verme_xblock.models import Facilitator, Membership, MentoringGroup

pytestmark = pytest.mark.django_db

KEY = course_usage_key(block="teams1")
FIELDS = {"teamset_id": "circles"}
NAMES = {11: "Aino Virtanen", 12: "Mikko Nieminen", 13: "Liisa Järvinen", 14: "Oskar Lindqvist", 20: "Maija Koskinen"}


@pytest.fixture
def teams():
    for user_id, name in NAMES.items():
        first, last = name.split()
        get_user_model().objects.create(id=user_id, username=first.lower(), first_name=first, last_name=last)
    service = TeamsService([Team("t-north", "North circle", "circles", [11, 12]),
                            Team("t-south", "South circle", "circles", [13]),
                            Team("t-other", "Project team", "projects", [14])])
    return service, TeamsConfigurationService([("circles", "Mentoring circles"), ("projects", "Projects")])


def block_for(user_id, teams, **kwargs):
    return make_block(user_id, username=f"u{user_id}", full_name=NAMES.get(user_id, ""), usage_key=KEY,
                      fields=FIELDS, teams=teams, enrolled=list(NAMES), **kwargs)


def test_staff_update_makes_one_group_per_team_with_its_members(teams):
    service, _config = teams
    staff = block_for(7, teams, is_staff=True)
    status, body = call_handler(staff, "teams_update", {})
    assert status == 200, body
    assert body["message"] == "Groups updated from the teams: 2 teams, 3 members."
    groups = {g.team_id: g for g in MentoringGroup.objects.all()}
    assert {g.name for g in groups.values()} == {"North circle", "South circle"}  # not the other teamset
    assert dict(Membership.objects.values_list("user_id", "group__team_id")) == {
        "11": "t-north", "12": "t-north", "13": "t-south"}
    assert Membership.objects.get(user_id="12").display_name == "Mikko Nieminen"
    # The teams change in the LMS: Mikko moves, the south team is deleted.
    service.teams[0].member_ids = [11]
    service.teams[1] = Team("t-east", "East circle", "circles", [12, 13])
    call_handler(staff, "teams_update", {})
    assert dict(Membership.objects.values_list("user_id", "group__team_id")) == {
        "11": "t-north", "12": "t-east", "13": "t-east"}
    assert MentoringGroup.objects.get(team_id="t-south").archived


def test_a_learner_follows_their_team_when_opening_the_component(teams):
    service, _config = teams
    html = whole_view(block_for(11, teams))
    assert Membership.objects.get(user_id="11").group.name == "North circle" and "North circle" in html
    service.teams[0].member_ids = [12]
    service.teams[1].member_ids = [13, 11]
    block_for(11, teams).render("student_view")
    assert Membership.objects.get(user_id="11").group.team_id == "t-south"
    service.teams[1].member_ids = [13]  # left every team
    block_for(11, teams).render("student_view")
    assert not Membership.objects.filter(user_id="11").exists()


def test_memberships_are_the_teams_business_facilitators_are_the_blocks(teams):
    staff = block_for(7, teams, is_staff=True)
    call_handler(staff, "teams_update", {})
    north = MentoringGroup.objects.get(team_id="t-north")
    before = count_rows()
    for block, handler, payload in [
        (block_for(14, teams), "group_join", {"group_id": north.id}),
        (block_for(11, teams), "group_leave", {}),
        (staff, "member_assign", {"group_id": north.id, "person": "oskar"}),
        (staff, "member_remove", {"group_id": north.id, "user_id": "11"}),
        (staff, "group_create", {"name": "Mine"}),
        (staff, "people_add", {"people": "oskar", "group_id": north.id, "role": "member"}),
    ]:
        status, body = call_handler(block, handler, payload)
        assert (status, body["error"]["code"]) == (409, "teams_mode"), handler
    assert count_rows() == before
    status, body = call_handler(staff, "people_add", {"people": "maija", "group_id": north.id, "role": "facilitator"})
    assert status == 200, body
    assert Facilitator.objects.get(group=north).display_name == "Maija Koskinen"
    html = whole_view(staff)
    assert "Update the groups from the teams" in html and 'data-action="group_create"' not in html


def test_studio_offers_the_course_teamsets_and_without_teams_nothing_changes(teams):
    author = make_block(7, is_staff=True, usage_key=KEY, studio_writable=[KEY.context_key], teams=teams)
    html = author.render("studio_view").body_html()
    assert '<option value="circles"' in html and "Mentoring circles" in html
    learner = make_block(11, username="aino", usage_key=KEY, teams=teams)  # no teamset: groups as before
    learner.render("student_view")
    assert not Membership.objects.exists() and not MentoringGroup.objects.exists()
    status, body = call_handler(make_block(7, is_staff=True, usage_key=KEY, teams=teams), "teams_update", {})
    assert (status, body["error"]["code"]) == (409, "not_teams_mode")
    assert call_handler(block_for(11, teams), "teams_update", {})[0] == 403
