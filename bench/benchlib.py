"""What the Python halves of the benches share: calls to the API as the signed-in admin, and timing a call.

from benchlib import Api, timed
api = Api(BASE, TENANT, TOKEN); api.call("GET", "/api/v1/me"); result, stats = timed(lambda: api.send("GET", url), runs=30)"""
import http.client
import json
import queue
import statistics
import threading
import time
import urllib.parse
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


def stats(timings, wall):
    timings = sorted(timings)
    return {"count": len(timings), "per_s": round(len(timings) / wall, 1), "wall_s": round(wall, 2),
            "p50_ms": round(statistics.median(timings), 1), "p99_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))], 1),
            "max_ms": round(timings[-1], 1)}


def concurrently(base, jobs, connections, request):
    """On the server at base: request(job) -> (method, path, body bytes, headers), sent over `connections` kept-alive connections at once. Returns the
    (status, answer bytes) of each job in order, and the stats of the timings."""
    server = urllib.parse.urlsplit(base)
    work = queue.Queue()
    for i, job in enumerate(jobs):
        work.put((i, job))
    answers, timings, lock = [None] * len(jobs), [], threading.Lock()
    start = threading.Barrier(connections + 1)

    def worker():
        connection = http.client.HTTPConnection(server.hostname, server.port, timeout=120)
        connection.connect()
        start.wait()
        mine = []
        while True:
            try:
                i, job = work.get_nowait()
            except queue.Empty:
                break
            method, path, body, headers = request(job)
            began = time.perf_counter()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
            mine.append((time.perf_counter() - began) * 1000)
            answers[i] = (response.status, data)
        connection.close()
        with lock:
            timings.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    return answers, stats(timings, time.perf_counter() - began)


def statuses(answers):
    counts = {}
    for status, _ in answers:
        counts[status] = counts.get(status, 0) + 1
    return counts
