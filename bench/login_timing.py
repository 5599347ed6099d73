#!/usr/bin/env python3
"""Times failed sign-ins and reset requests for an address with no account, a real account with a wrong
password, and a locked account with its right password; the three must not be told apart by timing.

usage: login_timing.py BASE TENANT ROUNDS
Targets take turns within each round, so the machine's other work falls on all of them alike.
"""
import json
import statistics
import sys
import time
import urllib.error
import urllib.request

BASE, TENANT, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])
PASSWORD = "Demo-Wedding-2026"
PLANNER = "planner@demo.wedtech.test"
COORDINATOR = "coordinator@demo.wedtech.test"


def post(path, body):
    request = urllib.request.Request(BASE + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-Tenant": TENANT})
    began = time.perf_counter()
    try:
        with urllib.request.urlopen(request) as response:
            status, text = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read()
    return status, (time.perf_counter() - began) * 1000, text


def login(email, password):
    return post("/api/v1/auth/login", {"email": email, "password": password})


# Lock the coordinator's account: five wrong passwords.
for _ in range(5):
    login(COORDINATOR, "Wrong-password-1")

targets = {
    "login: no such account": lambda i: login(f"nobody-{i}@demo.wedtech.test", "Wrong-password-1"),
    "login: wrong password": lambda i: login(PLANNER, "Wrong-password-1"),
    "login: locked, right password": lambda i: login(COORDINATOR, PASSWORD),
    "reset: no such account": lambda i: post("/api/v1/auth/password-reset", {"email": f"nobody-{i}@demo.wedtech.test"}),
    "reset: real account": lambda i: post("/api/v1/auth/password-reset", {"email": PLANNER}),
}
times = {name: [] for name in targets}
answers = {name: set() for name in targets}
for i in range(ROUNDS):
    for name, target in targets.items():
        status, ms, text = target(i)
        times[name].append(ms)
        body = json.loads(text) if text else {}
        answers[name].add((status, body.get("title"), body.get("detail")))
    # Keep the planner below the lockout: a right password resets the count (not measured).
    if i % 4 == 3:
        login(PLANNER, PASSWORD)

print(f"{'target':32} {'n':>4} {'p10 ms':>8} {'median':>8} {'p90 ms':>8} {'median / no-account':>20}  answer")
for group in ("login", "reset"):
    reference = statistics.median(times[f"{group}: no such account"])
    for name in (n for n in targets if n.startswith(group)):
        values = sorted(times[name])
        decile = max(1, len(values) // 10)
        answer = "; ".join(f"{s} {t}" for s, t, _ in sorted(answers[name], key=str))
        print(f"{name:32} {len(values):>4} {values[decile - 1]:>8.1f} {statistics.median(values):>8.1f} {values[-decile]:>8.1f} "
              f"{statistics.median(values) / reference:>20.2f}  {answer}")
