"""The people directory: the workbench's demo people and the platform's user table behind one interface."""
import pytest
from django.contrib.auth import get_user_model

from verme_xblock import people


def test_workbench_directory_finds_by_username_or_email_and_by_ids():
    directory = people.directory("workbench")
    assert directory.find("learner_aino").full_name == "Aino Virtanen"
    assert directory.find("  AINO.VIRTANEN@example.org ").username == "learner_aino"
    assert directory.find("nobody@example.org") is None
    found = directory.by_ids(["learner_oskar", "unknown"])
    assert list(found) == ["learner_oskar"]
    assert found["learner_oskar"].language == "sv"


@pytest.mark.django_db
def test_platform_directory_reads_the_user_table_in_one_query(django_assert_num_queries):
    users = [get_user_model().objects.create(username=f"teacher{i}", email=f"t{i}@example.org",
                                             first_name="Teacher", last_name=str(i)) for i in range(3)]
    directory = people.directory("lms")
    with django_assert_num_queries(1):
        found = directory.by_ids([str(user.id) for user in users] + ["not-a-number"])
    assert sorted(person.username for person in found.values()) == ["teacher0", "teacher1", "teacher2"]
    assert found[str(users[1].id)].display_name == "Teacher 1"
    assert directory.find("T2@EXAMPLE.ORG").username == "teacher2"
    assert directory.find("teacher0").email == "t0@example.org"
    assert directory.find("ghost") is None


def test_workbench_enrolments_are_the_demo_people_who_are_not_staff(settings):
    directory = people.directory("workbench")
    assert directory.enrolled_ids("any course", ["learner_aino", "staff_sanna", "ghost"]) == {"learner_aino"}
    assert [p.username for p in directory.search("any course", "VIRTA", 5)] == ["learner_aino"]
    assert [p.username for p in directory.search("any course", "sanna", 5)] == []  # staff are not enrolled
    settings.VERME_WORKBENCH_ENROLLED = ["learner_oskar"]
    assert directory.enrolled_ids("c", ["learner_aino", "learner_oskar"]) == {"learner_oskar"}
    assert directory.enrolled_page("c", [], "", 0, 10) == ((directory.by_ids(["learner_oskar"])["learner_oskar"],), 1)


@pytest.mark.django_db
def test_platform_search_and_pages_of_enrolled_learners_take_constant_queries(django_assert_num_queries):
    from tests.runtimes import EnrollmentsService

    users = [get_user_model().objects.create(username=f"teacher{i:02}", email=f"t{i}@example.org",
                                             first_name="Teacher", last_name=f"Nr{i}") for i in range(30)]
    outsider = get_user_model().objects.create(username="teacher99", first_name="Teacher", last_name="Outside")
    course = "course-v1:Verme+Demo+2026"
    directory = people.directory("lms", EnrollmentsService({course: [user.id for user in users]}))
    with django_assert_num_queries(2):  # the ids, then the users (profiles and languages need the platform)
        found = directory.search(course, "teacher nr1", 5)
    assert [p.username for p in found] == ["teacher01", "teacher10", "teacher11", "teacher12", "teacher13"]
    assert directory.search(course, "outside", 5) == ()
    with django_assert_num_queries(3):  # the count, one page of ids, the users
        page, total = directory.enrolled_page(course, [str(users[0].id)], "", 10, 10)
    assert total == 29 and [p.username for p in page][:2] == ["teacher11", "teacher12"]
    from verme_xblock.models import Membership, MentoringGroup  # a block's members: left out inside the query

    group = MentoringGroup.objects.create(block_key="b", name="Group")
    for user in users[1:4]:
        Membership.objects.create(block_key="b", group=group, user_id=str(user.id), display_name=user.username)
    Membership.objects.create(block_key="b", group=group, user_id="not-a-number", display_name="Workbench id")
    members = Membership.objects.filter(block_key="b").values("user_id")
    with django_assert_num_queries(3):  # the same three, whatever the number of members
        page, total = directory.enrolled_page(course, [str(users[0].id)], "", 0, 10, placed=(members,))
    assert total == 26 and [p.username for p in page][:2] == ["teacher04", "teacher05"]
    assert directory.enrolled_ids(course, [str(users[3].id), str(outsider.id), "nonsense"]) == {str(users[3].id)}
    many = directory.find_many(["TEACHER05", "t6@example.org", "ghost", ""])
    assert {key: p.username for key, p in many.items()} == {"teacher05": "teacher05", "t6@example.org": "teacher06"}
    with pytest.raises(people.EnrolmentsUnknown):
        people.directory("studio").enrolled_ids(course, [str(users[0].id)])


@pytest.mark.django_db
def test_workbench_enrolments_leave_out_the_placed_people(settings):
    from verme_xblock.models import Membership, MentoringGroup

    settings.VERME_WORKBENCH_ENROLLED = ["learner_oskar", "learner_aino"]
    directory = people.directory("workbench")
    group = MentoringGroup.objects.create(block_key="b", name="Group")
    Membership.objects.create(block_key="b", group=group, user_id="learner_aino", display_name="Aino")
    page, total = directory.enrolled_page("c", [], "", 0, 10, placed=(Membership.objects.values("user_id"),))
    assert (total, [p.username for p in page]) == (1, ["learner_oskar"])
