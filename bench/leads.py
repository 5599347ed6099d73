#!/usr/bin/env python3
"""A Kanban of LEADS leads (bench/leads.sh starts the server).

1. Seeding: LEADS leads through POST /api/v1/leads from CONNECTIONS connections at once, spread round-robin over the open
   stages and Proposal sent; then a twentieth of them lost (POST …/lost), a call with a follow-up on every fifth (within
   the next two weeks) and a note on every tenth (POST …/activities). Checks the board then counts every lead once.
2. GET /api/v1/leads/board, RUNS requests from READERS connections: p50/p99, and the answer's size.
3. GET /api/v1/leads?pageSize=50 (pages 1 to 10 in turn), RUNS requests from READERS connections: p50/p99.
4. A card move, POST /api/v1/leads/{id}/move to the top of another open column (beforeId its first card), RUNS moves of
   distinct leads from READERS connections: p50/p99; checks each answered 200 and the board still counts every lead once.
Prints one JSON object; progress and PASS/FAIL lines go to stderr. Exit 2 when a check failed.

usage: leads.py BASE TENANT TOKEN [LEADS CONNECTIONS RUNS READERS]"""
import gzip
import json
import random
import sys
from datetime import datetime, timedelta, timezone

from benchlib import concurrently, statuses

BASE, TENANT, TOKEN = sys.argv[1:4]
LEADS, CONNECTIONS, RUNS, READERS = (int(x) for x in (sys.argv[4:8] + ["2000", "8", "200", "4"][len(sys.argv[4:8]):]))
HEADERS = {"Authorization": f"Bearer {TOKEN}", "X-Tenant": TENANT, "Content-Type": "application/json"}
CITIES = ["Jaipur", "Udaipur", "Mumbai", "Delhi", "Goa", "Bengaluru", "Hyderabad", "Kochi", "Lucknow", "Chandigarh"]
SOURCES = ["Website", "Instagram", "Facebook", "WedMeGood", "WeddingWire", "ShaadiSaga", "Referral", "WalkIn", "Phone", "Other"]
BUDGETS = ["Under10Lakh", "From10To25Lakh", "From25To50Lakh", "From50LakhTo1Crore", "From1To2Crore", "Above2Crore"]
failed = []
random.seed(2000)


def kebab(name):
    """An enum's name as the API writes it (System.Text.Json's KebabCaseLower: a dash before an upper-case letter that follows a
    lower-case letter or a digit, or starts a word after an acronym)."""
    out = ""
    for i, c in enumerate(name):
        if c.isupper() and i > 0 and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower())):
            out += "-"
        out += c.lower()
    return out


SOURCES, BUDGETS = [kebab(s) for s in SOURCES], [kebab(b) for b in BUDGETS]
OPEN_KINDS = ("open", "proposal-sent")


def say(text):
    print(f"leads-bench: {text}", file=sys.stderr, flush=True)


def check(name, ok, detail=""):
    say(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not ok:
        failed.append(name)
    return ok


def run(jobs, connections, request, what):
    """concurrently() on the server; every answer must be a 2xx (the first refusal is shown)."""
    answers, timing = concurrently(BASE, jobs, connections, request)
    if None in answers:
        sys.exit(f"leads-bench: {what}: {answers.count(None)} requests were never sent (see the traceback above)")
    counts = statuses(answers)
    bad = next((a for a in answers if not 200 <= a[0] < 300), None)
    if bad:
        say(f"{what}: {bad[0]} {bad[1][:400].decode(errors='replace')}")
    check(f"{what}: every request answered 2xx", bad is None, json.dumps(counts))
    return answers, timing


def request(method, path, body=None):
    return method, path, None if body is None else json.dumps(body).encode(), HEADERS


def board():
    answers, _ = concurrently(BASE, [0], 1, lambda _: request("GET", "/api/v1/leads/board"))
    status, data = answers[0]
    if status != 200:
        sys.exit(f"leads-bench: the board answered {status}: {data[:400]!r}")
    return json.loads(data), len(data)


def board_counts_every_lead(name):
    columns = board()[0]["columns"]
    total = sum(c["count"] for c in columns)
    open_ok = all(len(c["leads"]) == c["count"] for c in columns if c["kind"] in OPEN_KINDS)
    check(name, total == LEADS and open_ok, f"counts add up to {total} of {LEADS}; open columns show all their cards: {open_ok}")
    return columns


# ---- 1. Seeding
stages = concurrently(BASE, [0], 1, lambda _: request("GET", "/api/v1/pipeline/stages"))[0][0]
stages = json.loads(stages[1])
placeable = [s for s in stages if s["kind"] in OPEN_KINDS]
if not placeable:
    sys.exit("leads-bench: no open stage in the pipeline")
say(f"stages: {', '.join(s['name'] + ' (' + s['kind'] + ')' for s in stages)}")
today = datetime.now(timezone.utc).date()


def new_lead(i):
    wedding = today + timedelta(days=30 + (i * 7) % 600)
    return {
        "names": f"Couple {i:04d} & Partner", "contactName": f"Contact {i:04d}", "phone": f"+9198{i:08d}",
        "email": f"lead{i:04d}@bench.wedtech.test", "dates": [wedding.isoformat(), (wedding + timedelta(days=1)).isoformat()],
        "events": ["Mehendi", "Sangeet", "Wedding"][: 1 + i % 3], "city": CITIES[i % len(CITIES)],
        "guestEstimate": 100 + (i * 37) % 900, "budget": BUDGETS[i % len(BUDGETS)], "source": SOURCES[i % len(SOURCES)],
        "message": "Looking for a planner for a three-day wedding.", "stageId": placeable[i % len(placeable)]["id"],
    }


say(f"seeding {LEADS} leads from {CONNECTIONS} connections")
answers, seed_stats = run(list(range(LEADS)), CONNECTIONS, lambda i: request("POST", "/api/v1/leads", new_lead(i)), "creating leads")
ids = [json.loads(data)["id"] for status, data in answers if status == 201]
lost = ids[::20]
_, lost_stats = run(lost, CONNECTIONS, lambda i: request("POST", f"/api/v1/leads/{i}/lost", {"reason": "Chose another planner."}), "marking leads lost")
now = datetime.now(timezone.utc)
activities = [(lead, {"kind": "call", "text": "Called; they want a quote.",
                      "followUpAt": (now + timedelta(days=n % 14, hours=1 + n % 9)).isoformat()}) for n, lead in enumerate(ids[1::5])]
activities += [(lead, {"kind": "note", "text": "Prefers a palace venue."}) for lead in ids[3::10]]
_, activity_stats = run(activities, CONNECTIONS, lambda a: request("POST", f"/api/v1/leads/{a[0]}/activities", a[1]), "adding activities")
say(f"{len(ids)} leads ({len(lost)} lost), {len(activities)} activities")

# ---- 2. The board
columns = board_counts_every_lead("the board counts every lead once after seeding")
data_size = board()[1]
answers, board_stats = run([0] * RUNS, READERS, lambda _: request("GET", "/api/v1/leads/board"), "GET the board")
sizes = {len(data) for _, data in answers}
board_json = json.loads(answers[-1][1])
cards = sum(len(c["leads"]) for c in board_json["columns"])
gzip_kb = round(len(gzip.compress(answers[-1][1])) / 1024, 1)

# ---- 3. The list
_, list_stats = run(list(range(RUNS)), READERS, lambda n: request("GET", f"/api/v1/leads?pageSize=50&page={1 + n % 10}"), "GET the list")

# ---- 4. Card moves: distinct open leads, each to the top of another open column.
open_columns = [c for c in columns if c["kind"] in OPEN_KINDS]
movers = [(card["id"], column["stageId"]) for column in open_columns for card in column["leads"][1:]]
random.shuffle(movers)
moves = []
for lead, stage in movers[:RUNS]:
    target = random.choice([c for c in open_columns if c["stageId"] != stage])
    moves.append((lead, target["stageId"], target["leads"][0]["id"]))
_, move_stats = run(moves, READERS, lambda m: request("POST", f"/api/v1/leads/{m[0]}/move", {"stageId": m[1], "afterId": None, "beforeId": m[2]}), "moving cards")
board_counts_every_lead("the board counts every lead once after the moves")

result = {
    "leads": len(ids), "lost": len(lost), "activities": len(activities), "stages": len(stages),
    "seed": {"connections": CONNECTIONS, "create": seed_stats, "lost": lost_stats, "activities": activity_stats},
    "board": {"connections": READERS, **board_stats, "cards": cards, "size_kb": round(data_size / 1024, 1), "gzip_kb": gzip_kb,
              "columns": {c["name"]: {"count": c["count"], "cards": len(c["leads"])} for c in board_json["columns"]}},
    "list_page_50": {"connections": READERS, **list_stats},
    "move": {"connections": READERS, **move_stats},
}
print(json.dumps(result, indent=2))
if failed:
    say(f"{len(failed)} check(s) failed: {', '.join(failed)}")
    sys.exit(2)
