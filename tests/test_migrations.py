"""The models and the migrations agree."""
import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_no_missing_migrations():
    call_command("makemigrations", "verme_xblock", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_course_keys_are_filled_from_the_block_keys_of_existing_rows():
    """0007 adds the course key to every block-keyed table and fills it for rows already there."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("verme_xblock", "0005_visitor")], [("verme_xblock", "0007_course_keys_and_lifecycle")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    group = old.get_model("verme_xblock", "MentoringGroup").objects.create(
        block_key="block-v1:Omnia+Verme+2026+type@verme+block@abc", name="North")
    old.get_model("verme_xblock", "Membership").objects.create(block_key=group.block_key, group_id=group.id,
                                                               user_id="41")
    old.get_model("verme_xblock", "Visitor").objects.create(block_key="verme.verme.d0.u0", user_id="42")
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps
    assert new.get_model("verme_xblock", "MentoringGroup").objects.get().course_key == "course-v1:Omnia+Verme+2026"
    assert new.get_model("verme_xblock", "Membership").objects.get().course_key == "course-v1:Omnia+Verme+2026"
    assert new.get_model("verme_xblock", "Visitor").objects.get().course_key == ""  # a workbench key has none
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("verme_xblock"))
