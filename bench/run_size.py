"""Measure one dataset size in a process of its own (its own throwaway database); prints JSON."""
import argparse
import json
import os
import sys

from bench.settings_env import prepare_database


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--database", default="sqlite")
    args = parser.parse_args()
    prepare_database(args.database, args.size)

    import django

    django.setup()
    from django.core.management import call_command

    from bench import datasets, floors, load, views, writes

    call_command("migrate", run_syncdb=True, verbosity=0)
    spec = datasets.SIZES[args.size]
    result = {"size": args.size, "database": args.database, "rows": datasets.seed(args.size), "views": {}}
    floor_calls = {key: call for (_, key), (_, call) in zip(floors.FLOORS, floors.measured_floors(), strict=True)}
    for name, call in [*floors.measured_floors(), *views.measured_views()]:
        result["views"][name] = views.measure(call, args.runs, floor_calls)
    result["first_view"] = views.first_view_size()
    result["writes"] = {}
    if writes.WRITE_SCENARIOS:
        server = load.Server(workers=4)
        try:
            for name, build, verify in writes.WRITE_SCENARIOS:
                calls = build(spec)
                figures = load.run(server, datasets.SCENARIO, datasets.BLOCK_KEY, calls, args.writers)
                figures.update(verify(figures))
                result["writes"][name] = figures
        finally:
            server.stop()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    main()
