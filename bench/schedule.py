"""Seeds and times a wedding of many events and guests for bench/schedule.sh (see bench/README.md, "Loading a wedding").

  schedule.py seed BASE TENANT TOKEN            prints the new wedding's id
  schedule.py measure BASE TENANT TOKEN WEDDING ROUNDS OUT_CSV

Standard library only. One keep-alive connection, requests one after another, the targets taking turns;
times are wall-clock from sending the request to having read the whole body (perf_counter), so they
include this client's own overhead (the /health row shows how much).
"""
import datetime
import gzip
import http.client
import json
import re
import sys
import time
import urllib.parse

# Ten events over three days: (day, type, name, start "HH:MM", hours).
EVENTS = [
    (0, "haldi", "Haldi", "09:00", 3),
    (0, "mehendi", "Mehendi", "13:00", 5),
    (0, "welcome-dinner", "Welcome dinner", "19:30", 4),
    (1, "brunch", "Family brunch", "10:00", 3),
    (1, "engagement", "Ring ceremony", "15:00", 2.5),
    (1, "sangeet", "Sangeet", "19:00", 6),
    (2, "custom", "Chooda ceremony", "07:30", 2),
    (2, "baraat", "Baraat", "16:00", 2),
    (2, "ceremony", "Pheras", "18:30", 4),
    (2, "reception", "Reception", "21:00", 3),
]
ITEMS_PER_EVENT = 30
# The guest list: 600 households of 1 to 6 (2,000 guests), each invited to the 8 events from the Mehendi on, three in five answered.
HOUSEHOLDS = 600
MEMBERS = [1, 2, 3, 4, 5, 6, 4, 3, 2, 3]  # cycled: 3.3 a household on average
FIRST = ["Aarav", "Vivaan", "Ishaan", "Ananya", "Diya", "Saanvi", "Rohan", "Kavya", "Arjun", "Meera", "प्रिया", "राहुल", "सुनीता", "Chris", "Fatima"]
LAST = ["Sharma", "Verma", "Mehta", "Iyer", "Reddy", "Khan", "Gill", "D'Souza", "Banerjee", "शर्मा", "Nair", "Kapoor"]
DIETS = ["veg", "jain", "non-veg", "eggetarian", "vegan", None]
OWNERS = ["DJ Aman", "Shubh Decor", "Rasoi Caterers", "Lens & Light Studio", "Pandit Sharma ji", None]
PLACES = ["Main lawn", "Stage", "Bride's suite", "Entrance", "Poolside", "Banquet hall"]


class Client:
    def __init__(self, base, tenant, token):
        url = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
        self.headers = {"X-Tenant": tenant, "Authorization": f"Bearer {token}"}

    def call(self, method, path, body=None, expect=200, if_match=None):
        headers = dict(self.headers)
        if if_match is not None:
            headers["If-Match"] = if_match
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        if response.status != expect:
            sys.exit(f"schedule-bench: {method} {path} answered {response.status}: {content[:500]!r}")
        return content


def seed(client):
    first = datetime.date.today() + datetime.timedelta(days=60)
    wedding = json.loads(client.call("POST", "/api/v1/weddings", {
        "title": "Bench: Aditi & Kunal", "brideName": "Aditi", "groomName": "Kunal", "primaryDate": str(first + datetime.timedelta(days=2)),
        "city": "Udaipur", "status": "booked", "guestCountEstimate": 400, "notes": "Ten events over three days.",
    }, expect=201))
    events = []
    for day, kind, name, start, hours in EVENTS:
        begins = datetime.datetime.combine(first + datetime.timedelta(days=day), datetime.time.fromisoformat(start))
        event = json.loads(client.call("POST", f"/api/v1/weddings/{wedding['id']}/events", {
            "type": kind, "name": name, "start": begins.isoformat(), "end": (begins + datetime.timedelta(hours=hours)).isoformat(),
            "dressCode": "Pastels and florals", "expectedGuests": 350, "notes": "Vendors report to the event lead 90 minutes before.",
            "status": "confirmed",
        }, expect=201))
        events.append(event["id"])
        step = hours * 60 / ITEMS_PER_EVENT
        for i in range(ITEMS_PER_EVENT):
            client.call("POST", f"/api/v1/events/{event['id']}/run-of-show", {
                "start": (begins + datetime.timedelta(minutes=round(i * step))).isoformat(),
                "durationMinutes": max(5, round(step)),
                "title": f"{name}: step {i + 1} — guests move to the next ritual",
                "ownerName": OWNERS[i % len(OWNERS)],
                "location": PLACES[i % len(PLACES)],
                "notes": "Confirm with the family elder; keep the dhol ready at the gate." if i % 2 == 0 else None,
                "isFixed": i % 10 == 5,
                "isShared": i % 3 == 0,
            }, expect=201)
    seed_guests(client, wedding["id"], events[1:9])
    print(wedding["id"])


def seed_guests(client, wedding, events):
    households = f"/api/v1/weddings/{wedding}/households"
    for h in range(HOUSEHOLDS):
        last = LAST[h % len(LAST)]
        size = MEMBERS[h % len(MEMBERS)]
        members = [{"name": f"{FIRST[(h + m) % len(FIRST)]} {last}", "ageGroup": "child" if m == 3 else "adult", "diet": DIETS[(h + m) % len(DIETS)]}
                   for m in range(size)]
        household = json.loads(client.call("POST", households, {
            "displayName": f"{last} family {h + 1}", "side": ["bride", "groom", "both"][h % 3], "phone": f"+9198{h:08d}",
            "city": ["Jaipur", "Delhi", "Mumbai", "Pune", "Chennai"][h % 5], "tags": ["outstation"] if h % 4 == 0 else ["local"],
            "members": members,
        }, expect=201))
        household = json.loads(client.call("PUT", f"{households}/{household['id']}/invitations", {
            "events": [{"eventId": e, "places": size} for e in events]}, if_match=f'"{household["version"]}"'))
        if h % 5 < 3:
            for i, invitation in enumerate(household["invitations"]):
                client.call("POST", f"{households}/{household['id']}/invitations/{invitation['eventId']}/answer", {"attending": (h + i) % (size + 1)})


def queries(client):
    """Database commands run so far (all databases) and their total seconds, from /metrics."""
    text = client.call("GET", "/metrics").decode()
    count = sum(float(m) for m in re.findall(r'^database_query_duration_seconds_count\{[^}]*\} (\S+)$', text, re.M))
    seconds = sum(float(m) for m in re.findall(r'^database_query_duration_seconds_sum\{[^}]*\} (\S+)$', text, re.M))
    return count, seconds


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))]


def measure(client, wedding, requests, out_csv):
    targets = [
        ("health (client floor)", ["/health"]),
        ("schedule", [f"/api/v1/weddings/{wedding}/schedule"]),
        ("wedding", [f"/api/v1/weddings/{wedding}"]),
        ("events", [f"/api/v1/weddings/{wedding}/events"]),
        ("page: wedding + events", [f"/api/v1/weddings/{wedding}", f"/api/v1/weddings/{wedding}/events"]),
        ("page: wedding + schedule", [f"/api/v1/weddings/{wedding}", f"/api/v1/weddings/{wedding}/schedule"]),
        ("guest list page (100)", [f"/api/v1/weddings/{wedding}/households?page=3&pageSize=100"]),
        ("guest search", [f"/api/v1/weddings/{wedding}/households?q=sharma&pageSize=100"]),
        ("headcounts", [f"/api/v1/weddings/{wedding}/headcounts"]),
    ]
    schedule = json.loads(client.call("GET", f"/api/v1/weddings/{wedding}/schedule"))
    items = sum(len(e["runOfShow"]) for e in schedule["events"])
    counts = json.loads(client.call("GET", f"/api/v1/weddings/{wedding}/headcounts"))
    invited = sum(1 for e in counts["events"] if e["households"] > 0)
    print(f"wedding:    {schedule['weddingTitle']} ({wedding}): {len(schedule['events'])} events, {items} run-of-show items;"
          f" {counts['households']} households, {counts['guests']} guests invited to {invited} events; as the studio's admin")
    print(f"method:     {requests} rounds after 50 unmeasured, each target once per round (so that the machine's other work falls on all"
          " alike), one after another on one keep-alive connection; a page is its requests one after another")
    print()

    def load(paths):
        began = time.perf_counter()
        for path in paths:
            client.call("GET", path)
        return (time.perf_counter() - began) * 1000

    for _ in range(50):
        for _, paths in targets:
            load(paths)
    times = {name: [] for name, _ in targets}
    for _ in range(requests):
        for name, paths in targets:
            times[name].append(load(paths))

    print(f"{'target':<26} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'bytes':>9} {'gzip':>8} {'queries':>8} {'db ms':>6}")
    rows = ["target,round,ms"]
    for name, paths in targets:
        # Database commands per load, counted apart (the /metrics read itself runs none; anything else the server ran meanwhile counts too).
        before = queries(client)
        for _ in range(20):
            load(paths)
        after = queries(client)
        bodies = [client.call("GET", path) for path in paths]
        size = sum(len(b) for b in bodies)
        zipped = sum(len(gzip.compress(b, 6)) for b in bodies)
        series = times[name]
        print(f"{name:<26} {percentile(series, 50):8.2f} {percentile(series, 95):8.2f} {percentile(series, 99):8.2f} {max(series):8.2f}"
              f" {size:9,} {zipped:8,} {(after[0] - before[0]) / 20:8.1f} {(after[1] - before[1]) * 1000 / 20:6.2f}")
        rows += [f"{name},{i + 1},{ms:.3f}" for i, ms in enumerate(series)]
    with open(out_csv, "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


def main():
    command, base, tenant, token = sys.argv[1:5]
    client = Client(base, tenant, token)
    if command == "seed":
        seed(client)
    elif command == "measure":
        measure(client, sys.argv[5], int(sys.argv[6]), sys.argv[7])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
