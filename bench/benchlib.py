"""What the Python halves of the benches share: calls to the API as the signed-in admin, and timing a call.

from benchlib import Api, timed
api = Api(BASE, TENANT, TOKEN); api.call("GET", "/api/v1/me"); result, stats = timed(lambda: api.send("GET", url), runs=30)"""
import json
import statistics
import time
import urllib.request


class Api:
    def __init__(self, base, tenant, token):
        self.base = base
        self.headers = {"Authorization": f"Bearer {token}", "X-Tenant": tenant, "Content-Type": "application/json"}

    def send(self, method, path, body=None, headers=None):
        """The answer's bytes; an HTTP error raises."""
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={**self.headers, **(headers or {})})
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.read()

    def call(self, method, path, body=None, headers=None):
        """The answer's JSON (None for an empty one)."""
        return json.loads(self.send(method, path, body, headers) or b"null")


def timed(action, runs, before=None, warmup=3):
    """Runs action warmup + runs times (before, untimed, ahead of each); its last result and p50, p99 and max in ms of the timed runs."""
    timings, result = [], None
    for run in range(runs + warmup):
        if before:
            before()
        began = time.perf_counter()
        result = action()
        elapsed = (time.perf_counter() - began) * 1000
        if run >= warmup:
            timings.append(elapsed)
    timings.sort()
    return result, {"p50_ms": round(statistics.median(timings), 1), "p99_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))], 1),
                    "max_ms": round(timings[-1], 1)}
