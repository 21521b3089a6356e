"""The write race: many people at once against gunicorn workers on loopback, each opening the page, then writing."""
import http.cookiejar
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import stats

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PACKAGES = ROOT / "var" / "bench" / "packages"  # the benchmark's own extras (xblock-poll), see requirements/bench.txt


class Server:
    """gunicorn serving the workbench (and so the block's handlers) from the benchmark database."""

    def __init__(self, workers=4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--preload", "--workers", str(workers),
                   "--bind", f"127.0.0.1:{self.port}", "--timeout", "120", "--log-level", "warning",
                   "--backlog", "2048"]
        path = os.pathsep.join(str(folder) for folder in (ROOT, PACKAGES) if folder.exists())
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": path}
        self.process = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/", timeout=5).read()  # noqa: S310 (loopback only)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class Client:
    """One workbench user with a cookie jar, as the browser would have it: opens the page, then writes."""

    def __init__(self, server, user_id):
        self.server, self.user_id, self.csrf = server, user_id, ""
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def _send(self, request):
        """(status, milliseconds, body) of one request; status 0 when the connection failed."""
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                body, status = response.read(), response.status
        except urllib.error.HTTPError as error:
            body, status = error.read(), error.code
        except OSError:
            body, status = b"", 0
        return status, (time.perf_counter() - started) * 1000, body

    def open(self, scenario):
        """The page the person sees first (the whole workbench page with the component in it)."""
        result = self._send(f"{self.server.url}/scenario/{scenario}/?student={self.user_id}")
        self.csrf = next((cookie.value for cookie in self.cookies if cookie.name == "csrftoken"), "")
        return result

    def post(self, usage_id, handler, payload):
        request = urllib.request.Request(  # noqa: S310 (loopback only)
            f"{self.server.url}/handler/{usage_id}/{handler}/?student={self.user_id}",
            data=json.dumps(payload).encode(), method="POST",
            headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf,
                     "Referer": f"{self.server.url}/"},
        )
        return self._send(request)


def _person(server, scenario, usage_id, call):
    user_id, handler, payload = call
    client = Client(server, user_id)
    page = client.open(scenario)
    write = client.post(usage_id, handler, payload) if page[0] == 200 else (None, 0.0, b"")
    return page, write


def _counts(statuses):
    return {
        "ok": sum(1 for status in statuses if status is not None and 200 <= status < 300),
        "refused_4xx": sum(1 for status in statuses if status is not None and 400 <= status < 500),
        "errors_5xx": sum(1 for status in statuses if status is not None and status >= 500),
        "failed_connections": sum(1 for status in statuses if status == 0),
    }


def run(server, scenario, usage_id, calls, concurrency):
    """Each person of `calls` [(user_id, handler, payload)] opens the page, then writes; `concurrency`
    people at once. Returns throughput (people through per second), latencies and status counts."""
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        started = time.perf_counter()
        results = list(pool.map(lambda call: _person(server, scenario, usage_id, call), calls))
        elapsed = time.perf_counter() - started
    pages = [page for page, _ in results]
    writes = [write for _, write in results if write[0] is not None]
    page_ms, write_ms = [ms for _, ms, _ in pages], [ms for _, ms, _ in writes]
    return {
        "people": len(calls),
        "concurrency": concurrency,
        "seconds": elapsed,
        "people_per_second": len(calls) / elapsed if elapsed else None,
        "page": {**_counts([status for status, _, _ in pages]), "p50_ms": stats.percentile(page_ms, 0.50),
                 "p95_ms": stats.percentile(page_ms, 0.95)},
        "write": {**_counts([status for status, _, _ in writes]), "p50_ms": stats.percentile(write_ms, 0.50),
                  "p95_ms": stats.percentile(write_ms, 0.95), "p99_ms": stats.percentile(write_ms, 0.99),
                  "not_sent": len(results) - len(writes)},
        "bodies": [body for _, _, body in writes],
        "error_pages": [body[:2000].decode("utf-8", "replace") for status, _, body in (*pages, *writes)
                        if status and status >= 500][:3],
    }
