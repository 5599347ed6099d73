#!/usr/bin/env python3
"""An automation sweep over LEADS leads (bench/automations.sh starts the server and gives the operator command to run).

1. Removes the demo studio's starting rules and makes one, "lead created → e-mail the couple", through the API.
2. Seeds LEADS leads, each with its "created" timeline line, straight into the studio's database (the Leads module has no
   API to create leads yet): SQLite with the sqlite3 module, PostgreSQL with psql (PG* variables set by the script).
3. Runs the sweep from outside, as the operator command `automations sweep demo` (the server's own recurring sweep is
   set to a day it does not reach): its wall time as the command reports it (the sweep alone, not the process start),
   and the process's; subjects/s.
4. Two sweeps at once (two processes), then a rerun: each must find everything already done.
5. Counts in the database: exactly LEADS outbox messages to the seeded leads (one per lead, no address twice) and LEADS
   firing rows.
Prints one JSON object; progress and PASS/FAIL lines go to stderr. Exit 2 when a check failed.

usage: automations.py BASE TENANT TOKEN DB LOCATION LEADS -- SWEEP_COMMAND...
  DB: sqlite (LOCATION: the tenant data directory) or postgres (LOCATION: the tenant database's name)"""
import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import uuid

from benchlib import Api

BASE, TENANT, TOKEN, DB, LOCATION, LEADS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
SWEEP = sys.argv[sys.argv.index("--") + 1:]
EMAIL = "bench-lead-{}@example.com"
failed = False


def log(text):
    print(f"automations-bench: {text}", file=sys.stderr, flush=True)


def check(ok, text):
    global failed
    log(("PASS " if ok else "FAIL ") + text)
    failed = failed or not ok


def sqlite_path():
    import glob
    for path in sorted(glob.glob(f"{LOCATION}/**/*.db", recursive=True)):
        if os.path.basename(path).startswith("_template"):
            continue  # the schema new studios' databases are copied from
        with sqlite3.connect(path) as c:
            if c.execute("SELECT 1 FROM sqlite_master WHERE name = 'leads'").fetchone():
                return path
    raise SystemExit("automations-bench: no tenant database with a leads table under " + LOCATION)


def psql(sql, *variables):
    args = ["psql", "-d", LOCATION, "-v", "ON_ERROR_STOP=1", "-Atq", "-c", sql]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


def binary(at):
    """EF Core's DateTimeOffsetToBinaryConverter (SQLite): ticks/1000 shifted by 11 bits, the offset in minutes (0: UTC) below."""
    ticks = (at - datetime.datetime(1, 1, 1, tzinfo=datetime.timezone.utc)) // datetime.timedelta(microseconds=1) * 10
    return (ticks // 1000) << 11


def seed(stage_id, at):
    began = time.perf_counter()
    if DB == "sqlite":
        path = sqlite_path()
        stamp = binary(at)
        leads, lines = [], []
        for i in range(LEADS):
            lead = str(uuid.uuid4()).upper()
            names, contact, email = f"Couple {i} & Partner", f"Parent of couple {i}", EMAIL.format(i)
            leads.append((lead, names, contact, "+919876543210", email, '["2027-11-20"]', '["Sangeet","Wedding"]', "Website", stage_id,
                          -float(i), stamp, "\n".join([names, contact, email, "+919876543210"]).lower(), 1, stamp, stamp))
            lines.append((str(uuid.uuid4()).upper(), lead, "Created", stamp, "Seeded by the bench."))
        with sqlite3.connect(path, timeout=60) as c:
            c.executemany('INSERT INTO leads (Id, Names, ContactName, Phone, Email, Dates, Events, Source, StageId, Position, StageChangedAt, SearchText, '
                          'Version, CreatedAt, UpdatedAt) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', leads)
            c.executemany("INSERT INTO lead_activities (Id, LeadId, Kind, At, Text) VALUES (?,?,?,?,?)", lines)
    else:
        ts = at.isoformat()
        psql(f"""BEGIN;
INSERT INTO leads ("Id","Names","ContactName","Phone","Email","Dates","Events","Source","StageId","Position","StageChangedAt","SearchText","Version","CreatedAt","UpdatedAt")
SELECT gen_random_uuid(), 'Couple '||g||' & Partner', 'Parent of couple '||g, '+919876543210', 'bench-lead-'||g||'@example.com', '["2027-11-20"]', '["Sangeet","Wedding"]',
       'Website', '{stage_id}', -g, '{ts}', lower('couple '||g||' & partner'||chr(10)||'parent of couple '||g||chr(10)||'bench-lead-'||g||'@example.com'||chr(10)||'+919876543210'),
       1, '{ts}', '{ts}'
FROM generate_series(0, {LEADS - 1}) g;
INSERT INTO lead_activities ("Id","LeadId","Kind","At","Text")
SELECT gen_random_uuid(), "Id", 'Created', "CreatedAt", 'Seeded by the bench.' FROM leads WHERE "Email" LIKE 'bench-lead-%';
COMMIT;""")
    return time.perf_counter() - began


def counts():
    if DB == "sqlite":
        with sqlite3.connect(sqlite_path(), timeout=60) as c:
            messages, recipients = c.execute("SELECT count(*), count(DISTINCT Recipient) FROM outbox_messages WHERE Recipient LIKE 'bench-lead-%'").fetchone()
            firings = c.execute("SELECT count(*) FROM automation_firings").fetchone()[0]
            done = c.execute("SELECT count(*) FROM automation_firings WHERE Outcome = 'Done'").fetchone()[0]
    else:
        messages, recipients = (int(x) for x in psql("""SELECT count(*), count(DISTINCT "Recipient") FROM outbox_messages WHERE "Recipient" LIKE 'bench-lead-%'""").split("|"))
        firings = int(psql("SELECT count(*) FROM automation_firings"))
        done = int(psql("""SELECT count(*) FROM automation_firings WHERE "Outcome" = 'Done'"""))
    return {"messages": messages, "distinct_recipients": recipients, "firings": firings, "firings_done": done}


PATTERN = re.compile(r"(\d+) done, (\d+) skipped, (\d+) failed, (\d+) already done, in ([\d.]+) s")


def start_sweep():
    return subprocess.Popen(SWEEP, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True), time.perf_counter()


def finish_sweep(started):
    process, began = started
    out, err = process.communicate()
    wall = time.perf_counter() - began
    found = PATTERN.search(out)
    if process.returncode != 0 or not found:
        log(f"the sweep command failed ({process.returncode}): {out[-2000:]} {err[-3000:]}")
        raise SystemExit(1)
    log(out.strip())
    done, skipped, failed_, already, seconds = found.groups()
    return {"done": int(done), "skipped": int(skipped), "failed": int(failed_), "already_done": int(already),
            "sweep_s": float(seconds), "process_s": round(wall, 2)}


api = Api(BASE, TENANT, TOKEN)
for rule in api.call("GET", "/api/v1/automations"):
    api.send("DELETE", f"/api/v1/automations/{rule['id']}")
rule = api.call("POST", "/api/v1/automations", {
    "name": "Welcome a new lead", "trigger": "lead-created", "conditions": [],
    "actions": [{"kind": "send-message", "channel": "email", "subject": "Thank you, {{coupleNames}}",
                 "text": "Namaste {{contactName}}, thank you for writing to us about {{coupleNames}}."}]})
stage = next(s for s in api.call("GET", "/api/v1/automations/choices")["stages"] if s["kind"] == "open")
log(f"rule {rule['id']} active since {rule['activeSince']}; seeding {LEADS} leads into stage {stage['name']}")
time.sleep(0.01)
at = datetime.datetime.now(datetime.timezone.utc)
seed_id = stage["id"].upper() if DB == "sqlite" else stage["id"]
seeded_s = seed(seed_id, at)
log(f"seeded {LEADS} leads in {seeded_s:.1f} s")
time.sleep(0.01)

first = finish_sweep(start_sweep())
check(first["done"] == LEADS and first["skipped"] == 0 and first["failed"] == 0, f"the first sweep fired all {LEADS} leads ({first})")
after_first = counts()
both = [finish_sweep(s) for s in [start_sweep(), start_sweep()]]
check(all(b["done"] == 0 and b["already_done"] == LEADS for b in both), f"two sweeps at once found every lead already done ({both})")
rerun = finish_sweep(start_sweep())
check(rerun["done"] == 0 and rerun["already_done"] == LEADS, f"the rerun found every lead already done ({rerun})")
final = counts()
check(final == {"messages": LEADS, "distinct_recipients": LEADS, "firings": LEADS, "firings_done": LEADS},
      f"exactly {LEADS} messages (one per lead) and {LEADS} firings, all done: {final}")
check(final == after_first, "nothing was added after the first sweep")

print(json.dumps({
    "database": DB, "leads": LEADS, "seed_s": round(seeded_s, 2),
    "first_sweep": {**first, "subjects_per_s": round(LEADS / first["sweep_s"], 1)},
    "two_at_once": both, "rerun": {**rerun, "subjects_per_s": round(LEADS / rerun["sweep_s"], 1)},
    "counts": final, "passed": not failed}, indent=2))
sys.exit(2 if failed else 0)
