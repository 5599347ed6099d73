#!/usr/bin/env python3
"""Seating at a wedding's size: seeds an event with GUESTS guests in households of 1 to 6 (both sides, a dozen groups) and
TABLES tables of SEATS seats, then times POST .../seating/arrange with reseatAll (everyone seated afresh each time) RUNS times.
Each timed call starts from empty tables (every household unseated first, untimed), so it writes every seat; then the
same RUNS times with reseatAll on a full plan whose answer is the same (reads and arranges, writes nothing).
Prints one JSON line: p50, p99, max in ms of each, guests seated and households left out.

usage: seating.py BASE TENANT TOKEN [GUESTS TABLES SEATS RUNS]"""
import json
import random
import statistics
import sys
import time
import urllib.request

BASE, TENANT, TOKEN = sys.argv[1:4]
GUESTS, TABLES, SEATS, RUNS = (int(x) for x in (sys.argv[4:8] + ["600", "60", "10", "50"][len(sys.argv[4:8]):]))


def call(method, path, body=None, expect=(200, 201)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE + path, data=data, method=method, headers={
        "Authorization": f"Bearer {TOKEN}", "X-Tenant": TENANT, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        if response.status not in expect:
            sys.exit(f"seating-bench: {method} {path} answered {response.status}")
        return json.loads(response.read() or b"null")


random.seed(15)
wedding = call("POST", "/api/v1/weddings", {"title": "Seating bench", "brideName": "Meera", "groomName": "Kabir", "primaryDate": "2027-02-14", "city": "Jaipur"})
event = call("POST", f"/api/v1/weddings/{wedding['id']}/events", {"type": "reception", "name": "Reception", "start": "2027-02-14T19:00:00", "end": "2027-02-14T23:00:00"})
seating = f"/api/v1/weddings/{wedding['id']}/events/{event['id']}/seating"
groups = ["Mama's side", "Chacha's side", "College", "School", "Office", "Neighbours", "Bua's side", "Mausi's side", "Gym", "Cousins", "Dadi's side", "Club"]
left, n = GUESTS, 0
while left > 0:
    size = min(left, random.choice([1, 2, 2, 3, 3, 4, 4, 5, 6]))
    left -= size
    n += 1
    side = random.choice(["bride", "groom"])
    household = call("POST", f"/api/v1/weddings/{wedding['id']}/households", {
        "displayName": f"Household {n}", "side": side, "group": random.choice(groups),
        "members": [{"name": f"Guest {n}.{i}"} for i in range(size)]})
    request = urllib.request.Request(BASE + f"/api/v1/weddings/{wedding['id']}/households/{household['id']}/invitations",
                                     data=json.dumps({"events": [{"eventId": event["id"], "places": size}]}).encode(), method="PUT",
                                     headers={"Authorization": f"Bearer {TOKEN}", "X-Tenant": TENANT, "Content-Type": "application/json",
                                              "If-Match": f"\"{household['version']}\""})
    urllib.request.urlopen(request, timeout=60).read()
for t in range(TABLES):
    call("POST", f"{seating}/tables", {"name": f"Table {t + 1}", "shape": "round", "seats": SEATS})

households = [h["id"] for h in call("GET", seating)["households"]]


def timed(body, before=None):
    timings, result = [], None
    for run in range(RUNS + 3):
        if before:
            before()
        began = time.perf_counter()
        result = call("POST", f"{seating}/arrange", body)
        elapsed = (time.perf_counter() - began) * 1000
        if run >= 3:  # the first calls warm the server up
            timings.append(elapsed)
    timings.sort()
    return result, {"p50_ms": round(statistics.median(timings), 1), "p99_ms": round(timings[min(len(timings) - 1, int(len(timings) * 0.99))], 1),
                    "max_ms": round(timings[-1], 1)}


def unseat_all():
    call("POST", f"{seating}/moves", {"moves": [{"householdId": h, "tableId": None} for h in households]})


result, writing = timed({"reseatAll": False}, before=unseat_all)
_, unchanged = timed({"reseatAll": True})
print(json.dumps({
    "guests": GUESTS, "households": n, "tables": TABLES, "seats": SEATS, "runs": RUNS,
    "into_empty_tables": writing, "reseat_all_unchanged": unchanged,
    "seated": result["seated"], "unseated": result["unseated"], "households_left_out": len(result["issues"]),
}))
