"""Two first saves of the same reflection at once leave one row and no error."""
import threading

import pytest
from django.db import close_old_connections, connection

from tests.reflection_setup import all_items, make_season
from tests.runtimes import make_block
from verme_xblock.api import reflections
from verme_xblock.models import Reflection, ReflectionAnswer


def run_together(functions):
    """Run the functions in threads that start together (MariaDB); one after another on in-memory SQLite,
    whose single shared connection cannot take two transactions at once."""
    if connection.vendor == "sqlite":
        return [function() for function in functions]
    barrier = threading.Barrier(len(functions))
    results = [None] * len(functions)

    def worker(index, function):
        close_old_connections()
        try:
            barrier.wait()
            results[index] = function()
        except Exception as error:
            results[index] = error
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_saves_make_one_reflection():
    block = make_block("m1")
    config = block.config("en")
    season = make_season(block.block_key)

    def save(value):
        return lambda: reflections.save_reflection(
            season.block_key, season.member("m1"), config, season.sessions[0], all_items(config, value), {},
            submit=True,
        )

    results = run_together([save(2), save(4)])
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Reflection.objects.filter(user_id="m1").count() == 1
    assert sum(1 for r in results if r.newly_submitted) == 1
    assert ReflectionAnswer.objects.count() == len(config.likert_items)
