#!/usr/bin/env python3
"""Rooms and pickups at a wedding's size: seeds GUESTS guests in households of 1 to 6, gives each household a room of a
hotel block for two nights and an arrival (flight or train) at one of three places over two days, and 30 vehicles of 4,
6 and 12 seats. Then times, RUNS times each after three warm-up calls: the rooming list as XLSX and as PDF, planning
every pickup afresh (all trips deleted first, untimed), and the busiest driver's manifest PDF for the first day.
Prints one JSON line: p50, p99 and max in ms of each, and what was made (rooms, trips, trips without a vehicle).

usage: travel.py BASE TENANT TOKEN [GUESTS RUNS]"""
import json
import random
import sys

from benchlib import Api, timed as timed_runs

BASE, TENANT, TOKEN = sys.argv[1:4]
GUESTS, RUNS = (int(x) for x in (sys.argv[4:6] + ["600", "30"][len(sys.argv[4:6]):]))
API = Api(BASE, TENANT, TOKEN)
send, call = API.send, API.call


random.seed(16)
wedding = call("POST", "/api/v1/weddings", {"title": "Travel bench", "brideName": "Meera", "groomName": "Kabir", "primaryDate": "2027-02-14", "city": "Jaipur"})
api = f"/api/v1/weddings/{wedding['id']}"
hotel = call("POST", "/api/v1/venues", {"name": "Bench Palace Hotel", "city": "Jaipur", "stateCode": "08"})
block = call("POST", f"{api}/room-blocks", {"venueId": hotel["id"], "roomType": "Deluxe double", "rooms": 500, "checkIn": "2027-02-12",
                                            "checkOut": "2027-02-16", "paidBy": "family"})
places = [("Jaipur International Airport", "T2", "flight"), ("Jaipur International Airport", "T1", "flight"), ("Jaipur Junction", None, "train")]
left, n = GUESTS, 0
while left > 0:
    size = min(left, random.choice([1, 2, 2, 3, 3, 4, 4, 5, 6]))
    left -= size
    n += 1
    household = call("POST", f"{api}/households", {"displayName": f"Household {n}", "side": random.choice(["bride", "groom"]),
                                                   "members": [{"name": f"Guest {n}.{i}"} for i in range(size)]})
    members = [m["id"] for m in household["members"]]
    day = 12 + (n % 2)
    call("POST", f"{api}/room-blocks/{block['id']}/rooms", {"householdId": household["id"], "guests": members[:8], "checkIn": f"2027-02-{day}", "checkOut": f"2027-02-{day + 2}"})
    place, terminal, mode = random.choice(places)
    minute = random.randrange(6 * 60, 22 * 60)
    call("POST", f"{api}/travel", {"householdId": household["id"], "guests": members, "direction": "arrival", "mode": mode,
                                   "time": f"2027-02-{day}T{minute // 60:02}:{minute % 60:02}:00", "carrier": "IndiGo", "number": f"6E {1000 + n}",
                                   "place": place, "terminal": terminal})
for v in range(30):
    seats = [4, 6, 12][v % 3]
    call("POST", f"{api}/vehicles", {"kind": f"Vehicle {v + 1}", "seats": seats, "driverName": f"Driver {v + 1}", "driverPhone": f"98290 {10000 + v}"})


def timed(action, before=None):
    return timed_runs(action, RUNS, before)


def trips():
    found, page = [], 1
    while True:
        batch = call("GET", f"{api}/trips?page={page}&pageSize=100")
        found += batch["items"]
        if page * 100 >= batch["totalCount"]:
            return found
        page += 1


def delete_trips():
    for trip in trips():
        send("DELETE", f"{api}/trips/{trip['id']}")


xlsx, rooming_xlsx = timed(lambda: send("GET", f"{api}/rooming-list"))
pdf, rooming_pdf = timed(lambda: send("GET", f"{api}/rooming-list?format=pdf"))
plan, planning = timed(lambda: call("POST", f"{api}/trips/plan", {"direction": "arrival", "windowMinutes": 60}), before=delete_trips)
busiest = max((t for t in plan["trips"] if t["vehicle"] and t["time"].startswith("2027-02-12")),
              key=lambda t: sum(1 for o in plan["trips"] if o["vehicle"] and o["vehicle"]["id"] == t["vehicle"]["id"]))["vehicle"]["id"]
manifest, manifest_timing = timed(lambda: send("GET", f"{api}/vehicles/{busiest}/manifest?day=2027-02-12"))
print(json.dumps({
    "guests": GUESTS, "households": n, "runs": RUNS,
    "rooming_list_xlsx": {**rooming_xlsx, "bytes": len(xlsx)}, "rooming_list_pdf": {**rooming_pdf, "bytes": len(pdf)},
    "plan_pickups": {**planning, "trips": len(plan["trips"]), "legs_placed": plan["legsPlaced"], "without_vehicle": plan["withoutVehicle"]},
    "driver_manifest_pdf": {**manifest_timing, "bytes": len(manifest)},
}))
