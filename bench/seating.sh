#!/usr/bin/env bash
# The automatic seating at a wedding's size: starts the Release build of the server on 127.0.0.1 with the demo studio
# (embedded SQLite), seeds an event of 600 guests in households of 1 to 6 and 60 tables of 10 (bench/seating.py), and
# times POST .../seating/arrange with reseatAll, RUNS times after a warm-up: p50, p99 and max, seated and left out.
# Results: bench/results/seating-<UTC stamp>/result.json. See bench/README.md, "Seating".
#
# Environment (all optional): GUESTS=600 TABLES=60 SEATS=10 RUNS=50 BENCH_PORT=5096
# Exit status: 0 done, 1 setup failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
GUESTS="${GUESTS:-600}"
TABLES="${TABLES:-60}"
SEATS="${SEATS:-10}"
RUNS="${RUNS:-50}"
PORT="${BENCH_PORT:-5096}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "seating-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

demo_bench seating
log "seeding $GUESTS guests and $TABLES tables of $SEATS, then $RUNS arrangements"
python3 "$ROOT/bench/seating.py" "$BASE" "$TENANT" "$TOKEN" "$GUESTS" "$TABLES" "$SEATS" "$RUNS" | tee "$OUT/result.json"
ln -sfn "seating-$STAMP" "$ROOT/bench/results/seating-latest"
