"""Server time and SQL queries of the views, measured in-process through the workbench runtime."""
import gzip
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from workbench.runtime import WorkbenchRuntime
from workbench.scenarios import get_scenarios

from verme_xblock.rendering import STATIC_DIR

from . import stats
from .datasets import BLOCK_KEY, FACILITATOR, LEARNER, STAFF


def block_for(user_id):
    get_scenarios()  # loads the scenario definitions once
    return WorkbenchRuntime(user_id).get_block(BLOCK_KEY)


def student_view(user_id):
    return lambda: block_for(user_id).render("student_view").body_html()


def bank_page(user_id, **filters):
    """One page of the good-practice bank as `bank_list` answers it (the HTML fragment)."""
    from verme_xblock import i18n
    from verme_xblock.api import bank
    from verme_xblock.bank_data import Filters

    def call():
        block = block_for(user_id)
        with i18n.active_catalogue():
            viewer = block.viewer()
            page = bank.list_posts(block.block_key, viewer, Filters(**filters))
            return block._bank_render("verme/bank/posts.html", viewer, page.posts, page=page,  # noqa: SLF001
                                      more=False)

    return call


def dashboard(user_id):
    """The dashboard section alone (staff: every group; a facilitator: their own groups)."""
    from verme_xblock import i18n, rendering

    def call():
        block = block_for(user_id)
        with i18n.active_catalogue():
            section = block.dashboard_section(block.viewer())
            return rendering.render(section.template, {"ctx": section.context}, block=block)

    return call


def report(user_id, handler):
    """A report download as its handler streams it (the whole body is read)."""
    from webob import Request

    def call():
        block = block_for(user_id)
        response = block.runtime.handle(block, handler, Request.blank("/", method="GET"))
        return b"".join(response.app_iter).decode("utf-8-sig")

    return call


def measured_views():
    """(name, callable returning the response text) for every view the benchmark times."""
    return [
        ("student_view learner", student_view(LEARNER)),
        ("student_view facilitator", student_view(FACILITATOR)),
        ("student_view staff", student_view(STAFF)),
        ("bank page newest (first view)", bank_page(LEARNER)),
        ("bank page most useful", bank_page(LEARNER, sort="useful")),
        ("bank page tag + search", bank_page(LEARNER, tag="Networks", search="learned")),
        ("dashboard staff", dashboard(STAFF)),
        ("dashboard facilitator", dashboard(FACILITATOR)),
        ("report participation hours", report(STAFF, "report_hours_csv")),
        ("report group summary", report(STAFF, "report_groups_csv")),
        ("report good practices", report(STAFF, "report_practices_csv")),
        *poll_reference(),
    ]


def poll_reference():
    """xblock-poll's student view beside ours, when `make bench` installed it: the page its race
    opens, measured as every other view (a reference, not a view of the component)."""
    from .writes import POLL_KEY, poll_available

    if not poll_available():
        return []

    def call():
        get_scenarios()
        return WorkbenchRuntime(LEARNER).get_block(POLL_KEY).render("student_view").body_html()

    return [("xblock-poll view (reference)", call)]


def _timed(call):
    """(milliseconds, captured queries) of one call; every call is timed with the queries captured."""
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        call()
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, queries.captured_queries


def is_workbench_query(query):
    """The workbench keeps every XBlock field in its own table, read per field; the LMS has the
    settings in memory (the modulestore), so these are counted apart from the component's queries."""
    return "workbench_" in query["sql"]


def measure(call, runs, floors):
    """Median/min/max of server time (ms), SQL queries (the component's own, and the workbench's
    field store apart) and SQL time over `runs` calls (one warm-up), and the view's multiple of each
    floor: every run times the floors right before the view, so a machine that is slower for a while
    is slower for both."""
    call()
    timings, sql_times, counts, workbench_counts = [], [], [], []
    floor_times = {name: [] for name in floors}
    for _ in range(runs):
        for name, floor in floors.items():
            floor_times[name].append(_timed(floor)[0])
        elapsed, queries = _timed(call)
        timings.append(elapsed)
        counts.append(sum(1 for query in queries if not is_workbench_query(query)))
        workbench_counts.append(sum(1 for query in queries if is_workbench_query(query)))
        sql_times.append(sum(float(query["time"]) for query in queries) * 1000)
    result = {"ms": stats.summary(timings), "queries": stats.summary(counts),
              "workbench_queries": stats.summary(workbench_counts), "sql_ms": stats.summary(sql_times)}
    # The multiples compare the fastest runs: load on a shared machine only ever adds time, so the
    # fastest run is the steadiest estimate of what the code itself costs.
    view_ms = result["ms"]["min"]
    for name, times in floor_times.items():
        floor = stats.summary(times)
        result[f"floor_{name}_ms"] = floor
        result[f"x_{name}"] = view_ms / floor["min"] if floor["min"] else None
    return result


def first_view_size():
    """Bytes (raw and gzipped) of the learner's first view: the block's HTML plus its CSS and JS files."""
    fragment = block_for(LEARNER).render("student_view")
    parts = {"html": fragment.body_html().encode()}
    for resource in fragment.resources:
        if resource.kind == "url" and "/resource/verme/static/" in resource.data:
            relative = resource.data.split("/resource/verme/static/", 1)[1]
            parts[relative] = (STATIC_DIR / relative).read_bytes()
    raw = sum(len(data) for data in parts.values())
    zipped = sum(len(gzip.compress(data, 6)) for data in parts.values())
    return {"files": sorted(parts), "bytes": raw, "gzip_bytes": zipped}
