"""`python -m bench [--sizes small,medium,large] [--runs 5] [--writers 50] [--mysql]`

Seeds each size into a throwaway database, measures the views (server time, SQL queries and time),
the learner's first-view size, and concurrent writes against gunicorn; prints a table and writes
var/bench/results.json (each figure the median of several runs, with min and max).
"""
import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"


def run_size(size, database, runs, writers):
    command = [sys.executable, "-m", "bench.run_size", "--size", size, "--database", database,
               "--runs", str(runs), "--writers", str(writers)]
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
    view), its SQL queries, then absolute milliseconds (secondary: they move with the machine's load);
    the last column is how much the ×empty multiple grew from the first size to the last."""
    sizes = [result["size"] for result in results]
    head = "".join(f" | {size:>7} ×empty  ×bare      q      ms" for size in sizes)
    lines = [f"{'view':32}{head} | {'growth':>6}"]
    for view in results[0]["views"]:
        cells, multiples = [], []
        for result in results:
            figures = result["views"][view]
            multiples.append(figures.get("x_empty"))
            cells.append(f" | {'':7}{_multiple(figures.get('x_empty'))}{_multiple(figures.get('x_bare'))}"
                         f"{figures['queries']['median']:7.0f}{figures['ms']['median']:8.1f}")
        growth = multiples[-1] / multiples[0] if multiples[0] and multiples[-1] is not None else None
        lines.append(f"{view:32}{''.join(cells)} | {_multiple(growth)[1:]}")
    first = results[0]["first_view"]
    lines.append(f"learner first view: {first['bytes']} bytes, {first['gzip_bytes']} bytes gzipped "
                 f"({', '.join(first['files'])})")
    for result in results:
        for name, figures in result["writes"].items():
            if not figures["requests"]:
                lines.append(f"{result['size']:7} {name:24} no requests at this size")
                continue
            lines.append(
                f"{result['size']:7} {name:24} {figures['requests']} requests by {figures['writers']} writers: "
                f"{figures['requests_per_second']:.1f}/s, p50 {figures['p50_ms']:.0f} ms, "
                f"p95 {figures['p95_ms']:.0f} ms, p99 {figures['p99_ms']:.0f} ms, ok {figures['ok']}, "
                f"4xx {figures['refused_4xx']}, "
                f"5xx {figures['errors_5xx']}, lost writes {figures.get('lost_writes')}"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="small,medium,large")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--mysql", action="store_true", help="also run on MariaDB/MySQL (VERME_BENCH_MYSQL)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    report = {}
    for database in ["sqlite", *(["mysql"] if args.mysql else [])]:
        results = []
        for size in args.sizes.split(","):
            print(f"… {database} {size}", file=sys.stderr, flush=True)
            results.append(run_size(size, database, args.runs, args.writers))
        report[database] = results
        print(f"\n== {database}\n{table(results)}")
    (OUT / "results.json").write_text(json.dumps(report, indent=2))
    print(f"\nwritten: {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
