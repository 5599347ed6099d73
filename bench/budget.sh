#!/usr/bin/env bash
# A wedding's budget and the vendor book at a busy studio's size: starts the Release build of the server on 127.0.0.1 with
# the demo studio (embedded SQLite), seeds VENDORS vendors, a wedding of five events with 300 households answering, 25
# bookings and 150 budget lines (bench/budget.py); then times GET budget, a what-if, and three vendor book searches, RUNS
# times after a warm-up. Results: bench/results/budget-<UTC stamp>/result.json. See bench/README.md, "Vendors and budget".
#
# Environment (all optional): VENDORS=5000 RUNS=50 BENCH_PORT=5097
# Exit status: 0 done, 1 setup failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
VENDORS="${VENDORS:-5000}"
RUNS="${RUNS:-50}"
PORT="${BENCH_PORT:-5097}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "budget-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

demo_bench budget
log "seeding $VENDORS vendors, a wedding with 25 bookings and 150 budget lines, then $RUNS runs of each"
python3 "$ROOT/bench/budget.py" "$BASE" "$TENANT" "$TOKEN" "$VENDORS" "$RUNS" | tee "$OUT/result.json"
ln -sfn "budget-$STAMP" "$ROOT/bench/results/budget-latest"
