"""`python -m bench [--sizes small,large] [--runs 5] [--databases sqlite,mysql] [--races …]
[--people 200] [--concurrency 50] [--workers 4] [--race-rounds 3] [--bank-series 100000]`

Seeds each size into a throwaway database; measures two floors (the workbench rendering an empty
component, a bare Django view with one indexed query) beside every view and prints each view as a
multiple of both, with its SQL queries (milliseconds only as secondary columns: they move with the
machine's load); the learner's first-view size; the races against gunicorn (each person opens the
page, then writes; the races take turns for several rounds), beside xblock-poll's vote when it is
installed; and, with --bank-series, the bank's pages from 10 posts up. Writes var/bench/results.json
(medians with min and max).
"""
import argparse
import itertools
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"


def run_size(size, database, runs, race_args):
    command = [sys.executable, "-m", "bench.run_size", "--size", size, "--database", database,
               "--runs", str(runs), *race_args]
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)  # noqa: S603
    if finished.returncode:
        sys.exit(f"{database} {size} failed:\n{finished.stderr[-3000:]}")
    result = json.loads(finished.stdout)
    result["wall_seconds"] = round(time.perf_counter() - started, 1)
    return result


def _multiple(value):
    return f"{value:7.1f}" if value is not None else f"{'–':>7}"


def table(results):
    """Each view as a multiple of the two floors measured beside it (×empty component, ×bare Django
    view), its own SQL queries (q) and the workbench's field-store queries (wb: the LMS reads settings
    from memory), then absolute milliseconds (secondary: they move with the machine's load); the last
    column is how much the ×empty multiple grew from the first size to the last."""
    sizes = [result["size"] for result in results]
    head = "".join(f" | {size:>7} ×empty  ×bare   q  wb      ms" for size in sizes)
    lines = [f"{'view':32}{head} | {'growth':>6}"]
    for view in results[0]["views"]:
        cells, multiples = [], []
        for result in results:
            figures = result["views"][view]
            multiples.append(figures.get("x_empty"))
            cells.append(f" | {'':7}{_multiple(figures.get('x_empty'))}{_multiple(figures.get('x_bare'))}"
                         f"{figures['queries']['median']:4.0f}{figures['workbench_queries']['median']:4.0f}"
                         f"{figures['ms']['median']:8.1f}")
        growth = multiples[-1] / multiples[0] if multiples[0] and multiples[-1] is not None else None
        lines.append(f"{view:32}{''.join(cells)} | {_multiple(growth)[1:]}")
    first = results[0]["first_view"]
    lines.append(f"learner first view: {first['bytes']} bytes, {first['gzip_bytes']} bytes gzipped "
                 f"({', '.join(first['files'])})")
    for result in results:
        lines.extend(race_lines(result))
    return "\n".join(lines)


def _spread(values, unit=""):
    """The median and, over several rounds, the range: "1.08× (1.01–1.15)"."""
    middle = statistics.median(values)
    return f"{middle:.2f}{unit}" + (f" ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else "")


def race_lines(result):
    """Each race over its rounds: throughput, the median of the rounds' latencies, every answer
    counted; then each race's throughput as a multiple of xblock-poll's in the same round."""
    lines = []
    races = result.get("races", {})
    for name, rounds in races.items():
        first = rounds[0]

        def total(key, part=None, rounds=rounds):
            return sum((race[part] if part else race)[key] or 0 for race in rounds)

        def p50(part, rounds=rounds):
            return statistics.median(race[part]["p50_ms"] or 0 for race in rounds)

        def p95(part, rounds=rounds):
            return statistics.median(race[part]["p95_ms"] or 0 for race in rounds)

        lines.append(
            f"{result['size']:7} {name:34} {len(rounds)} rounds of {first['people']} people, {first['concurrency']} "
            f"at once, {first['workers']} workers: "
            f"{_spread([race['people_per_second'] for race in rounds])} people/s; "
            f"page p50 {p50('page'):.0f} ms p95 {p95('page'):.0f} ms; write p50 {p50('write'):.0f} ms "
            f"p95 {p95('write'):.0f} ms; ok {total('ok', 'write')}, "
            f"4xx {total('refused_4xx', 'page') + total('refused_4xx', 'write')}, "
            f"5xx {total('errors_5xx', 'page') + total('errors_5xx', 'write')}, "
            f"failed {total('failed_connections', 'page') + total('failed_connections', 'write')}, "
            f"lost {total('lost_writes')}"
        )
        lines.extend(f"        a 5xx answer: {text[:300]!r}" for race in rounds for text in race.get("error_pages", ()))
    poll = next((rounds for name, rounds in races.items() if name.startswith("xblock-poll")), None)
    if poll:
        lines.append(f"{result['size']:7} throughput as a multiple of xblock-poll's in the same round: " + ", ".join(
            f"{name.split(':')[0]} {name.split(',')[-1].strip()} "
            + _spread([race["people_per_second"] / against["people_per_second"]
                       for race, against in zip(rounds, poll, strict=True)], "×")
            for name, rounds in races.items() if not name.startswith("xblock-poll")))
    return lines


def series_table(series):
    """The bank's pages as it grows: ×empty floor and queries per size, and the worst growth per 10×."""
    steps = series["steps"]
    head = "".join(f" | {step['posts']:>7} ×empty  q" for step in steps)
    lines = [f"{'bank page':24}{head} | worst ×/10×  overall | database at the largest size"]
    for page in steps[0]["pages"]:
        multiples = [step["pages"][page]["x_empty"] for step in steps]
        cells = "".join(f" | {'':7}{_multiple(step['pages'][page]['x_empty'])}"
                        f"{step['pages'][page]['queries']['median']:3.0f}" for step in steps)
        worst = max(later / earlier for earlier, later in itertools.pairwise(multiples))
        cost = steps[-1]["pages"][page].get("database", {})
        if "rows_read" in cost:
            cost_text = "rows read " + " → ".join(str(step["pages"][page]["database"]["rows_read"]) for step in steps)
        else:
            cost_text = "sorts" if cost.get("sorts") else "index order, no sort"
            cost_text += ", scans the posts" if cost.get("scans") else ""
        lines.append(f"{page:24}{cells} | {worst:11.2f} {multiples[-1] / multiples[0]:8.2f} | {cost_text}")
    return "\n".join(lines)


def run_series(database, up_to, runs):
    command = [sys.executable, "-m", "bench.bank_series", "--database", database, "--up-to", str(up_to),
               "--runs", str(runs)]
    finished = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)  # noqa: S603
    if finished.returncode:
        sys.exit(f"{database} bank series failed:\n{finished.stderr[-3000:]}")
    return json.loads(finished.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,large", help="of small, medium, large, xlarge")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--databases", default="sqlite", help="sqlite, mysql or both (VERME_BENCH_MYSQL)")
    parser.add_argument("--mysql", action="store_true", help="the same as --databases sqlite,mysql")
    parser.add_argument("--races", default="useful,join,post,reflection,poll", help="or 'none'")
    parser.add_argument("--people", type=int, default=200, help="people in each race (as the size has them)")
    parser.add_argument("--concurrency", type=int, default=50, help="people at once in a race")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers serving the races")
    parser.add_argument("--race-rounds", type=int, default=3,
                        help="rounds of every race, taking turns (medians and ranges are printed)")
    parser.add_argument("--bank-series", type=int, default=0, metavar="POSTS",
                        help="also measure the bank's pages from 10 posts up to POSTS (e.g. 100000)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    databases = ["sqlite", "mysql"] if args.mysql else args.databases.split(",")
    race_args = ["--races", args.races, "--people", str(args.people), "--concurrency", str(args.concurrency),
                 "--workers", str(args.workers), "--race-rounds", str(args.race_rounds)]
    report = {}
    for database in databases:
        results = []
        for size in [size for size in args.sizes.split(",") if size]:
            print(f"… {database} {size}", file=sys.stderr, flush=True)
            results.append(run_size(size, database, args.runs, race_args))
        report[database] = {"sizes": results}
        if results:
            print(f"\n== {database}\n{table(results)}", flush=True)
        if args.bank_series:
            print(f"… {database} bank series up to {args.bank_series} posts", file=sys.stderr, flush=True)
            report[database]["bank_series"] = series = run_series(database, args.bank_series, args.runs)
            print(f"\n== {database}: the bank as it grows\n{series_table(series)}", flush=True)
    (OUT / "results.json").write_text(json.dumps(report, indent=2))
    print(f"\nwritten: {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
