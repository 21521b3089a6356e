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
