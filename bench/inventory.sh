#!/usr/bin/env bash
# Stock availability at a busy studio's size: starts the Release build of the server on 127.0.0.1 with the demo studio
# (embedded SQLite), seeds ITEMS stock items and EVENTS events over one month with RESERVATIONS reservations
# (bench/inventory.py); then times availability of every item for the month (with and without days), one item's, and a
# reservation (the check and the save), RUNS times after a warm-up. Results: bench/results/inventory-<UTC stamp>/result.json.
# See bench/README.md, "Inventory".
#
# Environment (all optional): ITEMS=1000 EVENTS=200 RESERVATIONS=3000 RUNS=50 BENCH_PORT=5098
# Exit status: 0 done, 1 setup failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
ITEMS="${ITEMS:-1000}"
EVENTS="${EVENTS:-200}"
RESERVATIONS="${RESERVATIONS:-3000}"
RUNS="${RUNS:-50}"
PORT="${BENCH_PORT:-5098}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "inventory-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

demo_bench inventory
log "seeding $ITEMS items, $EVENTS events in a month and $RESERVATIONS reservations, then $RUNS runs of each"
python3 "$ROOT/bench/inventory.py" "$BASE" "$TENANT" "$TOKEN" "$ITEMS" "$EVENTS" "$RESERVATIONS" "$RUNS" | tee "$OUT/result.json"
ln -sfn "inventory-$STAMP" "$ROOT/bench/results/inventory-latest"
