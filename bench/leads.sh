#!/usr/bin/env bash
# A Kanban of 2,000 leads: starts the Release build of the server on 127.0.0.1 with the demo studio (embedded SQLite, or
# PostgreSQL with BENCH_DB=postgres). Then (bench/leads.py): seeds LEADS leads through the API from CONNECTIONS connections,
# spread over the open stages and Proposal sent, a twentieth lost, calls with follow-ups and notes on some; times GET
# /api/v1/leads/board, GET /api/v1/leads?pageSize=50 and a card move (POST /api/v1/leads/{id}/move), RUNS requests each from
# READERS connections: p50/p99, and the board's size. Results: bench/results/leads-<UTC stamp>/result.json.
# See bench/README.md, "Leads".
#
# Environment (all optional): LEADS=2000 CONNECTIONS=8 RUNS=200 READERS=4 BENCH_PORT=5196 BENCH_DB=sqlite
# Exit status: 0 done, every check passed; 1 setup failed; 2 a check failed (requests refused, the board's counts wrong).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
LEADS="${LEADS:-2000}"
CONNECTIONS="${CONNECTIONS:-8}"
RUNS="${RUNS:-200}"
READERS="${READERS:-4}"
PORT="${BENCH_PORT:-5196}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "leads-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$LEADS" "$CONNECTIONS" "$RUNS" "$READERS"; do
    case "$value" in ''|*[!0-9]*|0) die "LEADS, CONNECTIONS, RUNS and READERS must be positive whole numbers" ;; esac
done
[ "$LEADS" -le 99999999 ] || die "LEADS: at most 99999999 (each gets a phone number of its own)"
demo_bench leads
log "$LEADS leads from $CONNECTIONS connections; board, list and moves $RUNS times each from $READERS connections (${BENCH_DB:-sqlite})"
{
    echo "commit:   $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:  $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); client and server on the same machine"
    echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before measuring)"
    echo "database: ${BENCH_DB:-sqlite}"
} | tee "$OUT/summary.txt" >&2
status=0
python3 "$ROOT/bench/leads.py" "$BASE" "$TENANT" "$TOKEN" "$LEADS" "$CONNECTIONS" "$RUNS" "$READERS" \
    >"$OUT/result.json" 2> >(tee "$OUT/leads.log" >&2) || status=$?
echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (after)" | tee -a "$OUT/summary.txt" >&2
cat "$OUT/result.json"
ln -sfn "leads-$STAMP" "$ROOT/bench/results/leads-latest"
case "$status" in
    0) ;;
    2) log "a check failed (see FAIL above)"; exit 2 ;;
    *) die "leads.py failed ($status)" ;;
esac
