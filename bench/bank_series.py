"""The bank's pages as the bank grows: 10, 100, … 100,000 posts in one database, every page measured
at each step beside the floors; prints JSON. `make bench` runs it with `--bank-series`.

Run in a process of its own: `python -m bench.bank_series --database sqlite --up-to 100000`.
"""
import argparse
import datetime
import json
import os
import sys

from bench.settings_env import prepare_database

TAGS = ("Networks", "Assessment", "Digital tools", "Work wellbeing")
SPEC = {"groups": 100, "participants": 900}


def grow_to(total, spec):
    """Add posts (two tags each, course-wide or group-only, a few useful marks) up to `total`."""
    from django.utils import timezone

    from verme_xblock import models
    from verme_xblock.api import bank_useful

    from .datasets import BATCH, BLOCK_KEY, ORGANISATIONS, group_of, member_ids

    have = models.Post.objects.filter(block_key=BLOCK_KEY).count()
    if have >= total:
        return
    groups = list(models.MentoringGroup.objects.filter(block_key=BLOCK_KEY).order_by("id").values_list("id", flat=True))
    people = member_ids(spec)
    last_id = models.Post.objects.order_by("-id").values_list("id", flat=True).first() or 0
    models.Post.objects.bulk_create(
        (models.Post(block_key=BLOCK_KEY, author_id=people[index % len(people)],
                     author_name=f"Participant {index % len(people)}", author_organisation=ORGANISATIONS[index % 5],
                     group_id=groups[group_of(spec, index % len(people))],
                     visibility="group" if index % 4 == 0 else "course",
                     title=f"Good practice {index}", body=f"What we tried, number {index}, and what we learned.")
         for index in range(have, total)),
        batch_size=BATCH,
    )
    new = models.Post.objects.filter(block_key=BLOCK_KEY, id__gt=last_id)
    new.update(created_at=timezone.now() - datetime.timedelta(days=30))
    new_ids = list(new.order_by("id").values_list("id", flat=True))
    models.PostTag.objects.bulk_create(
        (models.PostTag(post_id=post_id, tag=tag) for post_id in new_ids
         for tag in (TAGS[post_id % 4], TAGS[(post_id + 1) % 4])),
        batch_size=BATCH,
    )
    # 0–4 marks a post, by different people: the "most useful" order has ties and gaps, as in life.
    models.Reaction.objects.bulk_create(
        (models.Reaction(post_id=post_id, user_id=people[(post_id + n) % len(people)])
         for post_id in new_ids for n in range(post_id * 7 % 5)),
        batch_size=BATCH,
    )
    bank_useful.recount_useful(new)


def pages():
    """(name, filters) of every bank page measured; the learner u0 is in group 0 and wrote posts."""
    from verme_xblock import models

    from .datasets import BLOCK_KEY, LEARNER

    own_group = models.Membership.objects.get(block_key=BLOCK_KEY, user_id=LEARNER).group_id
    return [
        ("newest", {}),
        ("most useful", {"sort": "useful"}),
        ("tag", {"tag": "Networks"}),
        ("tag, most useful", {"tag": "Networks", "sort": "useful"}),
        ("group", {"group_id": own_group}),
        ("own posts", {"author": "me"}),
        ("search (common word)", {"search": "learned"}),
        ("tag + search", {"tag": "Networks", "search": "learned"}),
        ("organisation", {"organisation": "Northern Skills Centre"}),
    ]


def page_query_cost(filters):
    """What the page's main query costs the database, independent of the machine's load: on
    MariaDB/MySQL the rows its handlers read (Handler_read_* before and after); on SQLite whether
    the plan sorts (a temporary B-tree) or scans the posts table instead of walking an index."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from verme_xblock.api import bank
    from verme_xblock.bank_data import Filters

    from . import views
    from .datasets import LEARNER

    block = views.block_for(LEARNER)
    viewer = block.viewer()
    call = lambda: bank.list_posts(block.block_key, viewer, Filters(**filters))  # noqa: E731
    if connection.vendor == "mysql":
        def reads():
            with connection.cursor() as cursor:
                cursor.execute("SHOW SESSION STATUS LIKE 'Handler_read%%'")
                return sum(int(value) for _, value in cursor.fetchall())

        first = reads()
        overhead = reads() - first  # what SHOW STATUS itself reads
        before = reads()
        call()
        return {"rows_read": reads() - before - overhead}
    with CaptureQueriesContext(connection) as queries:
        call()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + queries.captured_queries[0]["sql"])
        plan = " ; ".join(str(row[-1]) for row in cursor.fetchall())
    return {"plan": plan, "sorts": "TEMP B-TREE" in plan, "scans": "SCAN verme_xblock_post" in plan}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default="sqlite")
    parser.add_argument("--up-to", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    prepare_database(args.database, "bank_series")

    import django

    django.setup()
    from django.core.management import call_command

    from bench import datasets, floors, views

    call_command("migrate", run_syncdb=True, verbosity=0)
    datasets.seed_groups(SPEC)
    floor_calls = {key: call for (_, key), (_, call) in zip(floors.FLOORS, floors.measured_floors(), strict=True)}
    steps, total = [], 10
    while total <= args.up_to:
        grow_to(total, SPEC)
        step = {"posts": total, "pages": {}}
        for name, filters in pages():
            step["pages"][name] = views.measure(views.bank_page(datasets.LEARNER, **filters), args.runs, floor_calls)
            step["pages"][name]["database"] = page_query_cost(filters)
        steps.append(step)
        print(f"… {total} posts", file=sys.stderr, flush=True)
        total *= 10
    json.dump({"database": args.database, "steps": steps}, sys.stdout)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    main()
