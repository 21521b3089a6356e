"""Write throughput under concurrency: many clients at once against gunicorn workers on loopback."""
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


class Server:
    """gunicorn serving the workbench (and so the block's handlers) from the benchmark database."""

    def __init__(self, workers=4):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        command = [sys.executable, "-m", "gunicorn", "bench.wsgi:application", "--preload", "--workers", str(workers),
                   "--bind", f"127.0.0.1:{self.port}", "--timeout", "120", "--log-level", "warning"]
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}
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
    """One workbench user with a session cookie and CSRF token, as the browser would have them."""

    def __init__(self, server, user_id, scenario, usage_id):
        self.server, self.user_id, self.usage_id = server, user_id, usage_id
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.opener.open(f"{server.url}/scenario/{scenario}/?student={user_id}", timeout=TIMEOUT).read()
        self.csrf = next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def post(self, handler, payload):
        """(status, milliseconds) of one handler call."""
        request = urllib.request.Request(  # noqa: S310 (loopback only)
            f"{self.server.url}/handler/{self.usage_id}/{handler}/?student={self.user_id}",
            data=json.dumps(payload).encode(), method="POST",
            headers={"Content-Type": "application/json", "X-CSRFToken": self.csrf,
                     "Referer": f"{self.server.url}/"},
        )
        started = time.perf_counter()
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except OSError:
            status = 0
        return status, (time.perf_counter() - started) * 1000


def run(server, scenario, usage_id, calls, writers):
    """Send `calls` [(user_id, handler, payload)] from `writers` threads at once; returns the figures."""
    users = sorted({user for user, _, _ in calls})
    with ThreadPoolExecutor(max_workers=writers) as pool:
        clients = dict(zip(users, pool.map(lambda user: Client(server, user, scenario, usage_id), users), strict=True))
        started = time.perf_counter()
        results = list(pool.map(lambda call: clients[call[0]].post(call[1], call[2]), calls))
        elapsed = time.perf_counter() - started
    latencies = [ms for _, ms in results]
    statuses = [status for status, _ in results]
    return {
        "requests": len(results),
        "writers": writers,
        "ok": sum(1 for status in statuses if 200 <= status < 300),
        "refused_4xx": sum(1 for status in statuses if 400 <= status < 500),
        "errors_5xx": sum(1 for status in statuses if status >= 500),
        "failed_connections": sum(1 for status in statuses if status == 0),
        "requests_per_second": len(results) / elapsed if elapsed else None,
        "p50_ms": stats.percentile(latencies, 0.50),
        "p95_ms": stats.percentile(latencies, 0.95),
        "p99_ms": stats.percentile(latencies, 0.99),
    }
