"""The workbench's WSGI app, its scenarios loaded and rendered once before gunicorn forks its workers.

The workbench stores every XBlock field as a row that it looks up with `get_or_create` and no
unique constraint (workbench.models.XBlockState.get_for_key): when several workers read a shared
field for the first time at once, each inserts the row, and from then on every read of that field
fails with MultipleObjectsReturned, a 500 on every page. That was the benchmark set-up's 500. So
the shared rows (settings, content, the block's summary state) are created here, by rendering each
scenario and reading each of its fields once, before any worker starts. (The LMS keeps its field
data elsewhere and is not affected.)
"""
from workbench.wsgi import application  # sets Django up

RACED = ("verme.", "bench.poll")  # the scenarios the races open (the SDK's samples need services the bench lacks)


def _prepare_scenarios():
    from django.db import connections
    from workbench.runtime import WorkbenchRuntime
    from workbench.scenarios import get_scenarios

    from bench.writes import poll_available

    poll_available()  # registers xblock-poll's scenario in a unit when it is installed

    def touch(block):
        for name in block.fields:  # every field's row, including the shared ones no view reads
            getattr(block, name)
        for child in block.get_children() if block.has_children else ():
            touch(child)

    for name, scenario in get_scenarios().items():
        if not name.startswith(RACED):
            continue
        runtime = WorkbenchRuntime("bench-setup")
        root = runtime.get_block(scenario.usage_id)
        runtime.render(root, "student_view")
        touch(root)
    connections.close_all()  # each worker opens its own connection


_prepare_scenarios()

__all__ = ["application"]
