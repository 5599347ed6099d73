#!/usr/bin/env bash
# Invoices, payments and the books at a busy studio's size: starts the Release build of the server on 127.0.0.1 with the
# demo studio (embedded SQLite, or PostgreSQL with BENCH_DB=postgres), with Razorpay's API pointed at a stand-in that
# bench/billing.py runs on BENCH_PORT+1. Then (bench/billing.py): issues INVOICES drafts from CONNECTIONS connections at
# once and checks their numbers are gapless and unique; seeds WEDDINGS weddings (two issued invoices, LINKS pay links
# each); delivers Razorpay's signed payment_link.paid webhook for every link from CONNECTIONS connections, then the same
# events again (replays), and checks each payment is recorded once; times the profit and loss and the receivables RUNS
# times. Results: bench/results/billing-<UTC stamp>/result.json. See bench/README.md, "Invoices, payments and the books".
#
# Environment (all optional): INVOICES=1000 CONNECTIONS=16 WEDDINGS=200 LINKS=3 RUNS=50 BENCH_PORT=5190 BENCH_DB=sqlite
# Exit status: 0 done, every check passed; 1 setup failed; 2 a check failed (numbers with gaps or twice, a payment
# recorded twice or not at all, requests refused).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
INVOICES="${INVOICES:-1000}"
CONNECTIONS="${CONNECTIONS:-16}"
WEDDINGS="${WEDDINGS:-200}"
LINKS="${LINKS:-3}"
RUNS="${RUNS:-50}"
PORT="${BENCH_PORT:-5190}"
STAND_IN_PORT=$((PORT + 1))
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "billing-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$INVOICES" "$CONNECTIONS" "$WEDDINGS" "$LINKS" "$RUNS"; do
    case "$value" in ''|*[!0-9]*|0) die "INVOICES, CONNECTIONS, WEDDINGS, LINKS and RUNS must be positive whole numbers" ;; esac
done
[ "$LINKS" -le 12 ] || die "LINKS: at most 12 (a payment plan's instalments)"
ensure_port_free "$STAND_IN_PORT"
DEMO_SETTINGS=(Payments__Razorpay__BaseUrl="http://127.0.0.1:$STAND_IN_PORT")
demo_bench billing
log "$INVOICES invoices from $CONNECTIONS connections; $WEDDINGS weddings with $LINKS pay links each, their webhooks; books $RUNS times (${BENCH_DB:-sqlite})"
{
    echo "commit:   $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:  $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); client and server on the same machine"
    echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before measuring)"
    echo "database: ${BENCH_DB:-sqlite}"
} | tee "$OUT/summary.txt" >&2
status=0
python3 "$ROOT/bench/billing.py" "$BASE" "$TENANT" "$TOKEN" "$STAND_IN_PORT" "$INVOICES" "$CONNECTIONS" "$WEDDINGS" "$LINKS" "$RUNS" \
    >"$OUT/result.json" 2> >(tee "$OUT/billing.log" >&2) || status=$?
cat "$OUT/result.json"
ln -sfn "billing-$STAMP" "$ROOT/bench/results/billing-latest"
case "$status" in
    0) ;;
    2) log "a check failed (see FAIL above)"; exit 2 ;;
    *) die "billing.py failed ($status)" ;;
esac
