#!/usr/bin/env bash
# Rooming list, pickup planning and drivers' manifests at a wedding's size: starts the Release build of the server on
# 127.0.0.1 with the demo studio (embedded SQLite), seeds GUESTS guests in households of 1 to 6, each household with a
# room and an arrival at one of three places over two days, and 30 vehicles (bench/travel.py); then times the rooming
# list (XLSX and PDF), planning every pickup afresh, and a driver's manifest PDF, RUNS times after a warm-up.
# Results: bench/results/travel-<UTC stamp>/result.json. See bench/README.md, "Travel and rooms".
#
# Environment (all optional): GUESTS=600 RUNS=30 BENCH_PORT=5096
# Exit status: 0 done, 1 setup failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
GUESTS="${GUESTS:-600}"
RUNS="${RUNS:-30}"
PORT="${BENCH_PORT:-5096}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "travel-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

demo_bench travel
log "seeding $GUESTS guests with rooms and arrivals, then $RUNS runs of each"
python3 "$ROOT/bench/travel.py" "$BASE" "$TENANT" "$TOKEN" "$GUESTS" "$RUNS" | tee "$OUT/result.json"
ln -sfn "travel-$STAMP" "$ROOT/bench/results/travel-latest"
