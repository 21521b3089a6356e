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
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--races", default="useful,join,post,reflection,poll")
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--race-rounds", type=int, default=3)
    args = parser.parse_args()
    prepare_database(args.database, args.size)

    from bench.load import PACKAGES

    if PACKAGES.exists():
        sys.path.append(str(PACKAGES))  # xblock-poll for the comparison race, when `make bench` installed it

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
    result["races"] = {}
    races = [writes.RACES[key] for key in args.races.split(",") if key in writes.RACES]
    if not writes.poll_available():
        races = [race for race in races if race[1] != writes.POLL_SCENARIO]
    if races:
        server = load.Server(workers=args.workers)
        try:
            # Rounds take turns race by race, so a slower spell of the machine falls on every race alike.
            for round_index in range(args.race_rounds):
                for name, scenario, usage_id, build, verify in races:
                    calls = build(spec, args.people, round_index)
                    figures = load.run(server, scenario, usage_id, calls, args.concurrency)
                    figures.update(verify(figures))
                    figures["workers"] = args.workers
                    del figures["bodies"]
                    result["races"].setdefault(name, []).append(figures)
        finally:
            server.stop()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    main()
