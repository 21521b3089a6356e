"""Many people mark one post useful at the same moment: every mark is counted, none is lost.

On MariaDB/MySQL the threads really run at once against the server. The in-memory SQLite of the
tests shares one connection between threads and cannot take concurrent writers, so there the same
calls run one after another and check the same outcome.
"""
import threading

import pytest
from django.db import close_old_connections, connection

from tests.api.bank_world import make_world, share
from verme_xblock.api import bank, bank_useful
from verme_xblock.models import Post, Reaction

PEOPLE = 24


def run_at_once(calls):
    """Run the calls in parallel threads that start together (sequentially on SQLite); returns errors."""
    errors = []

    def run(call, barrier):
        try:
            if barrier:
                barrier.wait(timeout=30)
            call()
        except Exception as error:  # collected and asserted by the caller
            errors.append(error)
        finally:
            if barrier:
                close_old_connections()
                connection.close()

    if connection.vendor == "sqlite":
        for call in calls:
            run(call, None)
        return errors
    barrier = threading.Barrier(len(calls))
    threads = [threading.Thread(target=run, args=(call, barrier)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.mark.django_db(transaction=True)
def test_parallel_useful_marks_are_all_counted():
    world = make_world()
    post_id = share(world, "aino")
    readers = [world.person(f"reader{index}") for index in range(PEOPLE)]
    errors = run_at_once([lambda reader=reader: bank_useful.toggle_useful(world.block, reader, post_id)
                          for reader in readers])
    assert errors == []
    post = bank.get_post(world.block, world.person("aino"), post_id)
    assert post.useful_count == PEOPLE == Reaction.objects.filter(post_id=post_id).count()


@pytest.mark.django_db(transaction=True)
def test_one_person_clicking_in_several_tabs_at_once_leaves_one_mark():
    world = make_world()
    post_id = share(world, "aino")
    helena = world.person("helena")
    results = []
    errors = run_at_once([lambda: results.append(bank_useful.toggle_useful(world.block, helena, post_id))
                          for _ in range(6)])
    assert errors == []
    marks = Reaction.objects.filter(post_id=post_id, user_id="helena").count()
    assert marks in (0, 1)  # never two rows for one person
    assert bank.get_post(world.block, helena, post_id).useful_count == marks


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_simultaneous_posts_stops_at_the_limit():
    world = make_world()
    aino = world.person("aino")
    limit = {"posts": 3, "minutes": 10}
    errors = run_at_once([lambda index=index: bank.create_post(world.block, aino, title=f"P{index}", body="b", tags=[],
                                                               visibility="course", rate_limit=limit)
                          for index in range(8)])
    assert sorted(error.code for error in errors) == ["rate_limited"] * 5
    assert Post.objects.filter(author_id="aino").count() == 3


@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_posts_of_one_organisation_are_all_counted_for_the_filter():
    from verme_xblock.api import groups
    from verme_xblock.models import ShownOrganisation

    world = make_world()
    people = [f"member{index}" for index in range(12)]
    for index, user_id in enumerate(people):
        groups.assign_member(world.block, world.staff, world.group_a if index % 2 else world.group_b,
                             user_id=user_id, display_name=user_id, organisation="Shared College")
    errors = run_at_once([lambda user_id=user_id: share(world, user_id, show_organisation=True) for user_id in people])
    assert errors == []
    (row,) = ShownOrganisation.objects.filter(organisation="Shared College")
    assert (row.audience, row.posts) == (ShownOrganisation.COURSE, len(people))
    assert bank.filter_choices(world.block, world.person("outsider"))["organisations"] == ("Shared College",)
