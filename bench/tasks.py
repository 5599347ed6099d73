#!/usr/bin/env python3
""""My tasks" at a busy planner's size. Seeds WEDDINGS weddings with TASKS tasks each, every one assigned to the signed-in
admin (the worst case for "my tasks": every task of the studio is theirs): due dates spread from 60 days ago to 300 days
ahead (some counted from the wedding's day, some without a date), a fifth done, priorities mixed. Then times, RUNS times
each after three warm-up calls: "my tasks" (the first page, 50, overdue first; and the last page), one wedding's whole
list (the Kanban's and the list's answer), and a Kanban move.
Prints one JSON line: p50, p99 and max in ms of each, and counts as a check.

usage: tasks.py BASE TENANT TOKEN [WEDDINGS TASKS RUNS]"""
import datetime
import json
import random
import sys
from concurrent.futures import ThreadPoolExecutor

from benchlib import Api, timed

BASE, TENANT, TOKEN = sys.argv[1:4]
WEDDINGS, TASKS, RUNS = (int(x) for x in (sys.argv[4:7] + ["100", "200", "50"][len(sys.argv[4:7]):]))
api = Api(BASE, TENANT, TOKEN)
random.seed(19)
me = api.call("GET", "/api/v1/me")["id"]
today = datetime.date.today()
weddings = [api.call("POST", "/api/v1/weddings", {
    "title": f"Tasks bench {w}", "brideName": "Meera", "groomName": "Kabir", "city": "Jaipur",
    "primaryDate": (today + datetime.timedelta(days=30 + w * 3)).isoformat()}) for w in range(WEDDINGS)]


def task(n):
    wedding = weddings[n % WEDDINGS]
    kind = n % 10
    if kind < 6:
        due = {"on": (today + datetime.timedelta(days=random.randint(-60, 300))).isoformat()}
    elif kind < 9:
        due = {"anchor": "wedding", "days": -random.randint(1, 180)}
    else:
        due = None
    return api.call("POST", f"/api/v1/weddings/{wedding['id']}/tasks", {
        "title": f"Task {n}", "assignees": [me], "priority": ["low", "normal", "high", "urgent"][n % 4],
        "status": "done" if n % 5 == 0 else ["to-do", "in-progress", "blocked", "to-do"][n % 4], "due": due,
        "checklist": [{"id": None, "text": "Call", "done": False}, {"id": None, "text": "Confirm", "done": n % 2 == 0}]})["task"]


with ThreadPoolExecutor(max_workers=4) as pool:
    tasks = list(pool.map(task, range(WEDDINGS * TASKS)))

first, first_timing = timed(lambda: api.call("GET", "/api/v1/tasks/mine?pageSize=50"), RUNS)
last_page = (first["totalCount"] + 49) // 50
last, last_timing = timed(lambda: api.call("GET", f"/api/v1/tasks/mine?pageSize=50&page={last_page}"), RUNS)
wedding_list, wedding_timing = timed(lambda: api.call("GET", f"/api/v1/weddings/{weddings[0]['id']}/tasks"), RUNS)
moving = next(t for t in tasks if t["weddingId"] == weddings[1]["id"] and t["status"] != "done")
states = iter(["in-progress", "to-do"] * (RUNS + 3))
_, move_timing = timed(lambda: api.call("POST", f"/api/v1/weddings/{weddings[1]['id']}/tasks/{moving['id']}/move", {"status": next(states), "position": 0}), RUNS)
overdue_first = all(a["overdue"] or not b["overdue"] for a, b in zip(first["items"], first["items"][1:]))
print(json.dumps({
    "weddings": WEDDINGS, "tasks": len(tasks), "runs": RUNS,
    "my_tasks_first_page": {**first_timing, "not_done": first["totalCount"], "overdue_on_page": sum(t["overdue"] for t in first["items"]),
                            "overdue_first": overdue_first},
    "my_tasks_last_page": {**last_timing, "page": last_page, "items": len(last["items"])},
    "one_wedding_list": {**wedding_timing, "items": len(wedding_list["items"]) if isinstance(wedding_list, dict) else len(wedding_list)},
    "kanban_move": move_timing,
}))
