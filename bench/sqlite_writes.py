#!/usr/bin/env python3
"""Acknowledged writes for bench/sqlite-restarts.sh: WRITERS threads, each on one keep-alive connection,
POST /api/v1/weddings one after another for SECONDS; a write counts when it answers 201.

    sqlite_writes.py BASE TENANT TOKEN WRITERS SECONDS

Prints writes=N seconds=S wps=R p50_ms=… p99_ms=… max_ms=… errors=E (non-201 answers and socket errors;
the first few are printed to stderr), then per_second=… (writes acknowledged in each second of the run).
Exit 2 when any write failed.
"""
import http.client
import json
import sys
import threading
import time
import urllib.parse

BODY_TEMPLATE = {"title": "W", "brideName": "A", "groomName": "B", "primaryDate": "2027-02-14", "status": "booked"}


def main():
    base, tenant, token, writers, seconds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
    url = urllib.parse.urlsplit(base)
    headers = {"X-Tenant": tenant, "Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    lock = threading.Lock()
    latencies, errors, samples = [], [0], []
    start = time.perf_counter()
    deadline = start + seconds

    def writer(index):
        connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
        mine, n = [], 0
        while True:
            sent = time.perf_counter()
            if sent >= deadline:
                break
            n += 1
            body = json.dumps(dict(BODY_TEMPLATE, title=f"W {index}-{n}"))
            try:
                connection.request("POST", "/api/v1/weddings", body=body, headers=headers)
                response = connection.getresponse()
                text = response.read()
                ok = response.status == 201
            except (OSError, http.client.HTTPException) as e:
                ok, text = False, repr(e).encode()
                connection.close()
                connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
            done = time.perf_counter()
            if ok:
                mine.append((done - start, done - sent))
            else:
                with lock:
                    errors[0] += 1
                    if len(samples) < 5:
                        samples.append(text[:300])
        connection.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=writer, args=(i,), daemon=True) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    per_second = [0] * (int(elapsed) + 1)
    for at, _ in latencies:
        per_second[int(at)] += 1
    latencies = sorted(latency for _, latency in latencies)

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else 0.0

    for sample in samples:
        print(f"sqlite_writes: failed write: {sample!r}", file=sys.stderr)
    print(f"writes={len(latencies)} seconds={elapsed:.1f} wps={len(latencies) / elapsed:.1f} "
          f"p50_ms={pct(0.50):.1f} p99_ms={pct(0.99):.1f} max_ms={pct(1.0):.1f} errors={errors[0]}")
    print("per_second=" + ",".join(str(n) for n in per_second[:int(seconds)]))
    sys.exit(2 if errors[0] else 0)


if __name__ == "__main__":
    main()
