#!/usr/bin/env python3
"""Stock availability at a busy studio's size. Seeds ITEMS stock items (10 to 200 pieces each, some in maintenance), EVENTS
events spread over February 2027 across 40 weddings, and RESERVATIONS reservations of random items for random events (with
setup and teardown buffers; refusals when an item is full are counted, not errors). Then times, RUNS times each after three
warm-up calls: availability of every item for the month, the same per day, one item's for the month, and a reservation
made and released.
Prints one JSON line: p50, p99 and max in ms of each, and counts as a check.

usage: inventory.py BASE TENANT TOKEN [ITEMS EVENTS RESERVATIONS RUNS]"""
import json
import random
import sys
import urllib.error
from concurrent.futures import ThreadPoolExecutor

from benchlib import Api, timed

BASE, TENANT, TOKEN = sys.argv[1:4]
ITEMS, EVENTS, RESERVATIONS, RUNS = (int(x) for x in (sys.argv[4:8] + ["1000", "200", "3000", "50"][len(sys.argv[4:8]):]))
api = Api(BASE, TENANT, TOKEN)
random.seed(19)
CATEGORIES = ["decor", "props", "furniture", "linen", "lights", "mandapSets", "other"]


def item(i):
    owned = random.randint(10, 200)
    return api.call("POST", "/api/v1/inventory/items", {
        "name": f"Item {i}", "category": CATEGORIES[i % len(CATEGORIES)], "unit": "piece", "quantityOwned": owned, "warehouse": f"Godown {i % 5}",
        "replacementCostPaise": 500_00 + i, "lowStockThreshold": 5, "inMaintenance": owned // 20})


with ThreadPoolExecutor(max_workers=4) as pool:
    items = list(pool.map(item, range(ITEMS)))

weddings = [api.call("POST", "/api/v1/weddings", {"title": f"Stock bench {w}", "brideName": "Meera", "groomName": "Kabir", "primaryDate": "2027-02-14",
                                                  "city": "Jaipur"}) for w in range(40)]


def event(n):
    day, hour = 1 + n % 28, 8 + (n * 7) % 12
    return api.call("POST", f"/api/v1/weddings/{weddings[n % len(weddings)]['id']}/events", {
        "type": "sangeet", "name": f"Event {n}", "start": f"2027-02-{day:02d}T{hour:02d}:00:00", "end": f"2027-02-{day:02d}T{hour + 4:02d}:00:00"})


with ThreadPoolExecutor(max_workers=4) as pool:
    events = list(pool.map(event, range(EVENTS)))


def reserve(n):
    e, i = random.choice(events), random.choice(items)
    try:
        api.send("POST", f"/api/v1/events/{e['id']}/stock", {"itemId": i["id"], "quantity": random.randint(1, 15), "setupHours": 4, "teardownHours": 3})
        return 201
    except urllib.error.HTTPError as refused:
        if refused.code != 409:
            raise
        return 409


with ThreadPoolExecutor(max_workers=4) as pool:
    statuses = list(pool.map(reserve, range(RESERVATIONS)))

month, month_timing = timed(lambda: api.call("GET", "/api/v1/inventory/availability?from=2027-02-01&to=2027-02-28"), RUNS)
days, days_timing = timed(lambda: api.call("GET", "/api/v1/inventory/availability?from=2027-02-01&to=2027-02-28&days=true"), RUNS)
one, one_timing = timed(lambda: api.call("GET", f"/api/v1/inventory/availability?from=2027-02-01&to=2027-02-28&item={items[0]['id']}"), RUNS)


def reserve_and_release():
    e = events[0]
    made = api.call("POST", f"/api/v1/events/{e['id']}/stock", {"itemId": items[1]["id"], "quantity": 1, "setupHours": 2, "teardownHours": 2})
    api.send("DELETE", f"/api/v1/events/{e['id']}/stock/{made['id']}")
    return made


_, reserve_timing = timed(reserve_and_release, RUNS)
print(json.dumps({
    "items": ITEMS, "events": EVENTS, "reservations_made": statuses.count(201), "reservations_refused": statuses.count(409), "runs": RUNS,
    "availability_month": {**month_timing, "items": len(month["items"]), "peak_sum": sum(i["peakReserved"] for i in month["items"])},
    "availability_month_per_day": {**days_timing, "days": len(days["items"][0]["days"])},
    "availability_one_item": {**one_timing, "items": len(one["items"])},
    "reserve_and_release": reserve_timing,
}))
