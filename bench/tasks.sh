#!/usr/bin/env bash
# "My tasks" at a busy planner's size: starts the Release build of the server on 127.0.0.1 with the demo studio (embedded
# SQLite, or PostgreSQL with BENCH_DB=postgres), seeds WEDDINGS weddings with TASKS tasks each, all the admin's
# (bench/tasks.py); then times "my tasks" (first and last page), one wedding's list and a Kanban move, RUNS times after a
# warm-up. Results: bench/results/tasks-<UTC stamp>/result.json. See bench/README.md, "Tasks".
#
# Environment (all optional): WEDDINGS=100 TASKS=200 RUNS=50 BENCH_PORT=5099 BENCH_DB=sqlite
# Exit status: 0 done, 1 setup failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
WEDDINGS="${WEDDINGS:-100}"
TASKS="${TASKS:-200}"
RUNS="${RUNS:-50}"
PORT="${BENCH_PORT:-5099}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "tasks-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

demo_bench tasks
log "seeding $WEDDINGS weddings with $TASKS tasks each, then $RUNS runs of each"
python3 "$ROOT/bench/tasks.py" "$BASE" "$TENANT" "$TOKEN" "$WEDDINGS" "$TASKS" "$RUNS" | tee "$OUT/result.json"
ln -sfn "tasks-$STAMP" "$ROOT/bench/results/tasks-latest"
