#!/usr/bin/env python3
"""A wedding's budget and the vendor book at a busy studio's size. Seeds VENDORS vendors (a few categories each, in
50 cities), a wedding of five events with 300 households invited (attending answers on each), 25 bookings (a third of
them per plate of an event, with payments) and 150 budget lines (fixed and per guest). Then times, RUNS times each after
three warm-up calls: GET the budget, a what-if (two events' headcounts and three lines changed, a line added), and the
vendor book searched by a word of the name, by a category, and by a phone number.
Prints one JSON line: p50, p99 and max in ms of each, and the budget's total as a check that it was computed.

usage: budget.py BASE TENANT TOKEN [VENDORS RUNS]"""
import json
import random
import sys
from concurrent.futures import ThreadPoolExecutor

from benchlib import Api, timed

BASE, TENANT, TOKEN = sys.argv[1:4]
VENDORS, RUNS = (int(x) for x in (sys.argv[4:6] + ["5000", "50"][len(sys.argv[4:6]):]))
api = Api(BASE, TENANT, TOKEN)
random.seed(16)

CATEGORIES = ["Caterer", "Decorator", "Photographer", "Mehendi artist", "Pandit", "DJ", "Dhol", "Tent house", "Transport", "Florist"]
NAMES = ["Sharma", "Verma", "Gupta", "Agarwal", "Jain", "Khan", "Singh", "Mehta", "Kapoor", "Rao", "Iyer", "Das", "Bose", "Patel", "Shah"]
CITIES = [f"City {i}" for i in range(50)]


def vendor(i):
    return api.call("POST", "/api/v1/vendors", {
        "name": f"{random.choice(NAMES)} {random.choice(CATEGORIES)} {i}", "categories": random.sample(CATEGORIES, 2),
        "contacts": [{"name": f"Owner {i}", "phone": f"9{800000000 + i:09d}"}], "city": random.choice(CITIES), "stateCode": "08", "rating": 1 + i % 5})


with ThreadPoolExecutor(max_workers=4) as pool:
    vendors = list(pool.map(vendor, range(VENDORS)))

wedding = api.call("POST", "/api/v1/weddings", {"title": "Budget bench", "brideName": "Meera", "groomName": "Kabir", "primaryDate": "2027-02-14", "city": "Jaipur"})
w = f"/api/v1/weddings/{wedding['id']}"
events = [api.call("POST", f"{w}/events", {"type": kind, "name": kind.title(), "start": f"2027-02-{10 + n}T18:00:00", "end": f"2027-02-{10 + n}T23:00:00"})
          for n, kind in enumerate(["mehendi", "haldi", "sangeet", "ceremony", "reception"])]
for h in range(300):
    household = api.call("POST", f"{w}/households", {"displayName": f"Household {h}", "side": random.choice(["bride", "groom"]),
                                                    "members": [{"name": f"Guest {h}.{m}"} for m in range(3)]})
    api.call("PUT", f"{w}/households/{household['id']}/invitations", {"events": [{"eventId": e["id"], "places": 3} for e in events]}, {"If-Match": '"1"'})
    for e in events:
        api.call("POST", f"{w}/households/{household['id']}/invitations/{e['id']}/answer", {"attending": random.randint(0, 3)})
for b in range(25):
    e = events[b % 5]
    per_plate = b % 3 == 0
    lines = [{"description": "Per plate", "unitPaise": 1_200_00 + b * 1000, "perGuest": True, "gstRateBasisPoints": 500}] if per_plate else []
    lines += [{"description": f"Item {i}", "quantity": 1 + i, "unitPaise": 10_000_00 + i * 500_00, "gstRateBasisPoints": 1800} for i in range(3)]
    booking = api.call("POST", f"{w}/bookings", {"vendorId": vendors[b]["id"], "eventId": e["id"], "service": f"Service {b}", "status": "booked", "lines": lines,
                                                 "schedule": [{"label": "Advance", "kind": "advance", "dueOn": "2027-01-10", "amountPaise": 5_000_00}]})
    api.call("POST", f"{w}/bookings/{booking['id']}/payments", {"paidOn": "2026-11-20", "mode": "neft", "amountPaise": 5_000_00, "tdsPaise": 0})
lines = []
for n in range(150):
    per_guest = n % 4 == 0
    body = {"category": CATEGORIES[n % len(CATEGORIES)], "description": f"Line {n}"}
    body.update({"eventId": events[n % 5]["id"], "perGuestPaise": 200_00 + n} if per_guest else {"amountPaise": 25_000_00 + n * 100})
    lines.append(api.call("POST", f"{w}/budget/lines", body))

budget, get_budget = timed(lambda: api.call("GET", f"{w}/budget"), RUNS)
fixed = [line for line in lines if line.get("amountPaise")]
what_if_body = {"headcounts": [{"eventId": events[2]["id"], "guests": 300}, {"eventId": events[4]["id"], "guests": 450}],
                "lines": [{"id": fixed[0]["id"], "amountPaise": 1}, {"id": fixed[1]["id"], "remove": True}, {"id": lines[0]["id"], "perGuestPaise": 999_00}],
                "newLines": [{"category": "DJ", "description": "Second DJ", "amountPaise": 80_000_00}]}
what_if, what_if_timing = timed(lambda: api.call("POST", f"{w}/budget/what-if", what_if_body), RUNS)
_, by_name = timed(lambda: api.call("GET", "/api/v1/vendors?q=sharma&pageSize=50"), RUNS)
_, by_category = timed(lambda: api.call("GET", "/api/v1/vendors?category=Mehendi%20artist&pageSize=50"), RUNS)
found, by_phone = timed(lambda: api.call("GET", f"/api/v1/vendors?q={800000000 + VENDORS // 2}"), RUNS)
print(json.dumps({
    "vendors": VENDORS, "runs": RUNS, "budget_lines": len(budget["lines"]), "bookings": 25, "categories": len(budget["categories"]),
    "get_budget": {**get_budget, "couple_total_paise": budget["totals"]["coupleTotalPaise"]},
    "what_if": {**what_if_timing, "couple_total_paise": what_if["totals"]["coupleTotalPaise"]},
    "vendor_search_name": by_name, "vendor_search_category": by_category, "vendor_search_phone": {**by_phone, "found": found["totalCount"]},
}))
