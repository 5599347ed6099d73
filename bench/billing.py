#!/usr/bin/env python3
"""Invoices, payments and the books at a busy studio's size (bench/billing.sh starts the server).

1. Issuing: INVOICES tax invoice drafts on one wedding, then each issued (POST …/invoices/{id}/issue, If-Match its version)
   from CONNECTIONS connections at once: issues/s, p50/p99, and whether the numbers are gapless and unique.
2. Webhooks: WEDDINGS weddings, each with a payment plan of LINKS instalments and a pay link for each (created through the
   API at a Razorpay stand-in this script serves on STAND_IN_PORT). Razorpay's payment_link.paid for every link, signed
   with the studio's webhook secret, from CONNECTIONS connections on the studio's host: first deliveries, then the same
   events again (replays), then a second event (a new event id) for a tenth of the same payments, as Razorpay may send.
   Checks every payment is recorded exactly once (receipts with its gateway payment id).
3. Books: each wedding also has two issued invoices; GET profit-and-loss (the whole financial year) and receivables, RUNS
   times each after a warm-up.
Prints one JSON object; progress and PASS/FAIL lines go to stderr. Exit 2 when a check failed.

usage: billing.py BASE TENANT TOKEN STAND_IN_PORT [INVOICES CONNECTIONS WEDDINGS LINKS RUNS]"""
import hashlib
import hmac
import json
import re
import secrets
import string
import sys
import threading
import time
import urllib.error
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from benchlib import Api, concurrently as concurrently_at, statuses, timed

BASE, TENANT, TOKEN, STAND_IN_PORT = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
INVOICES, CONNECTIONS, WEDDINGS, LINKS, RUNS = (int(x) for x in (sys.argv[5:10] + ["1000", "16", "200", "3", "50"][len(sys.argv[5:10]):]))


class Explained(Api):
    def send(self, method, path, body=None, headers=None):
        """As Api.send; a refusal is told with its problem details before it is raised."""
        try:
            return super().send(method, path, body, headers)
        except urllib.error.HTTPError as error:
            print(f"billing-bench: {method} {path} answered {error.code}: {error.read()[:500].decode(errors='replace')}", file=sys.stderr)
            raise


api = Explained(BASE, TENANT, TOKEN)
SERVER = urllib.parse.urlsplit(BASE)
STUDIO_HOST = f"{TENANT}.localhost:{SERVER.port}"   # Tenancy__TenantUrlTemplate of lib.sh: http://{slug}.localhost:PORT
KEY_ID, KEY_SECRET, WEBHOOK_SECRET = "rzp_test_bench", secrets.token_hex(16), secrets.token_hex(16)
failed = []


def say(text):
    print(f"billing-bench: {text}", file=sys.stderr, flush=True)


def check(name, ok, detail=""):
    say(f"{'PASS' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not ok:
        failed.append(name)
    return ok


def concurrently(jobs, connections, request):
    return concurrently_at(BASE, jobs, connections, request)


def alnum(n):
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(n))


# ---- Razorpay's API, as far as pay links go: POST /v1/payment_links (and GET one back).
links = {}


class StandIn(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        if self.path != "/v1/payment_links":
            return self.answer(404, {"error": {"code": "BAD_REQUEST_ERROR", "description": "The requested URL was not found on the server."}})
        link_id = "plink_" + alnum(14)
        link = {"id": link_id, "short_url": f"https://rzp.io/i/{alnum(8)}", "status": "created", "amount": body["amount"], "amount_paid": 0,
                "currency": "INR", "reference_id": body.get("reference_id"), "payments": None, "created_at": int(time.time())}
        links[link_id] = link
        self.answer(200, link)

    def do_GET(self):
        link = links.get(self.path.rsplit("/", 1)[-1])
        self.answer(200 if link else 404, link or {"error": {"code": "BAD_REQUEST_ERROR", "description": "The id provided does not exist"}})

    def log_message(self, *args):
        pass


stand_in = ThreadingHTTPServer(("127.0.0.1", STAND_IN_PORT), StandIn)
threading.Thread(target=stand_in.serve_forever, daemon=True).start()

# ---- The studio, ready to bill: GSTIN (Rajasthan), billing details, Razorpay keys.
ALPHABET = string.digits + string.ascii_uppercase


def gstin(state="08", pan="AAACR5055K"):
    first14 = f"{state}{pan}1Z"
    total = 0
    for i, c in enumerate(first14):
        product = ALPHABET.index(c) * (1 if i % 2 == 0 else 2)
        total += product // 36 + product % 36
    return first14 + ALPHABET[(36 - total % 36) % 36]


settings = api.call("GET", "/api/v1/settings")
api.call("PUT", "/api/v1/settings", {"companyName": settings["companyName"], "timeZone": settings["timeZone"], "gstin": settings.get("gstin") or gstin()}, {"If-Match": "*"})
api.call("PUT", "/api/v1/billing/settings", {
    "legalName": "Shubh Vivah Planners LLP", "address": "12 MI Road", "city": "Jaipur", "stateCode": "08", "pincode": "302001",
    "bankDetails": "HDFC Bank · A/c 50200012345678 · IFSC HDFC0001234", "terms": "Payment within 15 days.",
    "razorpayKeyId": KEY_ID, "razorpayKeySecret": KEY_SECRET, "razorpayWebhookSecret": WEBHOOK_SECRET}, {"If-Match": "*"})

JSON_HEADERS = {"Authorization": f"Bearer {TOKEN}", "X-Tenant": TENANT, "Content-Type": "application/json"}


def invoice(recipient, paise):
    return {"kind": "taxInvoice", "recipient": {"name": recipient, "address": "4 Civil Lines", "city": "Jaipur", "stateCode": "08", "country": "IN"},
            "lines": [{"description": "Wedding planning fee", "quantity": 1, "unitPaise": paise, "gstRateBasisPoints": 1800}]}


def wedding(n, date):
    return api.call("POST", "/api/v1/weddings", {"title": f"Billing bench {n}", "brideName": f"Meera {n}", "groomName": f"Kabir {n}", "primaryDate": date, "city": "Jaipur"})


# ---- 1. Issuing INVOICES invoices at once, a hundred on each wedding (a wedding has at most 500 documents).
say(f"drafting {INVOICES} invoices on {(INVOICES + 99) // 100} weddings")
issuing = [wedding(-k, "2027-02-14") for k in range((INVOICES + 99) // 100)]
with ThreadPoolExecutor(max_workers=4) as pool:
    drafts = list(pool.map(lambda i: (issuing[i // 100]["id"], api.call("POST", f"/api/v1/weddings/{issuing[i // 100]['id']}/invoices",
                                                                          invoice(f"Meera Sharma {i}", 1_00_000_00 + i * 100))), range(INVOICES)))
say(f"issuing them from {CONNECTIONS} connections")
answers, issue_stats = concurrently(drafts, CONNECTIONS, lambda d: ("POST", f"/api/v1/weddings/{d[0]}/invoices/{d[1]['id']}/issue", b"",
                                                                    {**JSON_HEADERS, "If-Match": f'"{d[1]["version"]}"'}))
issued = [json.loads(body) for status, body in answers if status == 200]
issue_statuses = statuses(answers)
check("every issue answered 200", issue_statuses == {200: INVOICES}, json.dumps(issue_statuses) + "".join(
    f"; first {status}: {body[:300].decode(errors='replace')}" for status, body in answers[:1] if status != 200))
numbers = [i["number"] for i in issued]
pattern = re.compile(r"^(.*/)(\d+)$")
serials = sorted(int(pattern.match(n).group(2)) for n in numbers)
prefixes = {pattern.match(n).group(1) for n in numbers}
first = serials[0] if serials else 0
gapless = len(set(numbers)) == len(numbers) == INVOICES and serials == list(range(first, first + INVOICES)) and len(prefixes) == 1 and first == 1
check("invoice numbers gapless and unique", gapless, f"{len(numbers)} numbers, {len(set(numbers))} distinct, {min(numbers, default='-')} … {max(numbers, default='-')}")
stored = [i for wd in issuing for i in api.call("GET", f"/api/v1/weddings/{wd['id']}/invoices")["items"]]
stored_numbers = sorted(i["number"] for i in stored if i["status"] == "issued")
check("issued invoices as stored", stored_numbers == sorted(numbers), f"{len(stored_numbers)} issued of {len(stored)}")

# ---- Seeding WEDDINGS weddings: two issued invoices each, a plan of LINKS instalments and a pay link for each.
say(f"seeding {WEDDINGS} weddings with two issued invoices and {LINKS} pay links each")
INSTALMENT = 50_000_00


def seed(n):
    day = 1 + n % 28
    month = ["2027-01", "2027-02", "2027-03"][n % 3]
    wd = wedding(n + 1, f"{month}-{day:02d}")
    w = f"/api/v1/weddings/{wd['id']}"
    for k in range(2):
        draft = api.call("POST", f"{w}/invoices", {**invoice(f"Couple {n}", 1_50_000_00 + k * 25_000_00), "dueOn": "2026-11-15" if k == 0 else "2027-01-15"})
        api.call("POST", f"{w}/invoices/{draft['id']}/issue", None, {"If-Match": f'"{draft["version"]}"'})
    plan = api.call("PUT", f"{w}/payment-plan", {"instalments": [
        {"label": f"Instalment {k + 1}", "kind": "advance" if k == 0 else "beforeEvent", "dueOn": f"2026-{10 + k % 3}-01", "amountPaise": INSTALMENT} for k in range(LINKS)]},
        {"If-Match": '"0"'})
    made = []
    for planned in plan["instalments"]:
        link = api.call("POST", f"{w}/payment-plan/instalments/{planned['instalment']['id']}/pay-link")
        made.append({"wedding": wd["id"], "link": link["linkId"], "amount": link["amountPaise"]})
    return made


began = time.perf_counter()
with ThreadPoolExecutor(max_workers=4) as pool:
    paylinks = [link for made in pool.map(seed, range(WEDDINGS)) for link in made]
seed_seconds = round(time.perf_counter() - began, 1)
say(f"seeded in {seed_seconds} s: {len(paylinks)} pay links")

# ---- 2. Razorpay's webhooks.
now = int(time.time())


def paid_event(link, payment_id):
    entity = dict(links[link["link"]], status="paid", amount_paid=link["amount"])
    entity.pop("payments")
    payment = {"id": payment_id, "entity": "payment", "amount": link["amount"], "currency": "INR", "status": "captured", "order_id": "order_" + alnum(14),
               "method": "upi", "amount_refunded": 0, "captured": True, "notes": [], "created_at": now}
    order = {"id": payment["order_id"], "entity": "order", "amount": link["amount"], "amount_paid": link["amount"], "amount_due": 0, "status": "paid"}
    return json.dumps({"entity": "event", "account_id": "acc_bench" + alnum(6), "event": "payment_link.paid", "contains": ["payment_link", "order", "payment"],
                       "payload": {"payment_link": {"entity": entity}, "order": {"entity": order}, "payment": {"entity": payment}}, "created_at": now}).encode()


for link in paylinks:
    link["payment"] = "pay_" + alnum(14)
    link["event"] = "evt_" + alnum(20)
    link["body"] = paid_event(link, link["payment"])


def webhook(job):
    body, event_id = job
    return ("POST", "/api/v1/webhooks/razorpay", body, {"Host": STUDIO_HOST, "Content-Type": "application/json", "User-Agent": "Razorpay-Webhook/v1",
                                                        "X-Razorpay-Signature": hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest(),
                                                        "X-Razorpay-Event-Id": event_id})


say(f"delivering {len(paylinks)} payment_link.paid webhooks from {CONNECTIONS} connections")
answers, first_stats = concurrently([(l["body"], l["event"]) for l in paylinks], CONNECTIONS, webhook)
first_statuses = statuses(answers)
check("first deliveries answered 200, none a replay", first_statuses == {200: len(paylinks)} and not any(json.loads(b)["replay"] for _, b in answers), json.dumps(first_statuses))
say("delivering the same events again (replays)")
answers, replay_stats = concurrently([(l["body"], l["event"]) for l in paylinks], CONNECTIONS, webhook)
replay_statuses = statuses(answers)
check("replays answered 200 replay", replay_statuses == {200: len(paylinks)} and all(json.loads(b)["replay"] for s, b in answers if s == 200), json.dumps(replay_statuses))
again = paylinks[::10]
say(f"a second event (new event id) for {len(again)} of the same payments")
answers, _ = concurrently([(l["body"], "evt_" + alnum(20)) for l in again], CONNECTIONS, webhook)
check("second events for paid payments taken", statuses(answers) == {200: len(again)}, json.dumps(statuses(answers)))
unknown = paylinks[0] | {"link": "plink_" + alnum(14)}
links[unknown["link"]] = dict(links[paylinks[0]["link"]], id=unknown["link"])
answers, _ = concurrently([(paid_event(unknown, "pay_" + alnum(14)), "evt_" + alnum(20))], 1, webhook)
check("a webhook about a link not the studio's refused (404)", answers[0][0] == 404, str(answers[0][0]))

weddings = sorted({l["wedding"] for l in paylinks})
expected = {l["payment"] for l in paylinks}


def receipts():
    with ThreadPoolExecutor(max_workers=4) as pool:
        items = [p for got in pool.map(lambda w: api.call("GET", f"/api/v1/weddings/{w}/payments")["items"], weddings) for p in got]
    return [p["gatewayPaymentId"] for p in items if p.get("gatewayPaymentId")]


say("waiting for the queued webhooks to be applied")
began = time.perf_counter()
recorded = receipts()
while len(set(recorded)) < len(expected) and time.perf_counter() - began < 180:
    time.sleep(1)
    recorded = receipts()
applied_after = round(time.perf_counter() - began, 1)
time.sleep(3)   # anything still queued (the second events) has had its chance to record a payment twice
recorded = receipts()
check("each payment recorded exactly once", len(recorded) == len(expected) and set(recorded) == expected,
      f"{len(recorded)} receipts for {len(expected)} payments, {len(set(recorded))} distinct; all applied within {applied_after} s of the last delivery")

# ---- 3. The books.
say(f"timing the profit and loss and the receivables, {RUNS} times each")
pl, pl_stats = timed(lambda: api.call("GET", "/api/v1/books/profit-and-loss?from=2026-04-01&to=2027-03-31"), RUNS)
rec, rec_stats = timed(lambda: api.call("GET", "/api/v1/books/receivables"), RUNS)
pl_text, rec_text = json.dumps(pl), json.dumps(rec)
check("profit and loss covers every wedding", all(w in pl_text for w in weddings + [wd["id"] for wd in issuing]))
check("receivables answered", len(rec_text) > 2)

print(json.dumps({
    "invoices": INVOICES, "connections": CONNECTIONS, "weddings": WEDDINGS, "pay_links": len(paylinks), "runs": RUNS, "seed_s": seed_seconds,
    "issue": {**issue_stats, "statuses": issue_statuses, "first": min(numbers, default=None), "last": max(numbers, default=None), "gapless_unique": gapless},
    "webhook_first": {**first_stats, "statuses": first_statuses}, "webhook_replay": {**replay_stats, "statuses": replay_statuses},
    "receipts": len(recorded), "payments": len(expected), "applied_within_s": applied_after,
    "profit_and_loss": {**pl_stats, "bytes": len(pl_text)}, "receivables": {**rec_stats, "bytes": len(rec_text)},
    "failed": failed,
}))
stand_in.shutdown()
sys.exit(2 if failed else 0)
