#!/usr/bin/env bash
# Check-in at the door: GUESTS guests (households of four) arriving over a simulated 30 minutes, compressed SPEED times,
# checked in by COORDINATORS coordinators at once from their guest passes, while a planner's realtime connection follows
# the arrivals. Builds the server and bench/CheckInBench in Release, starts the server on 127.0.0.1 (Production settings,
# demo studio seeded, fresh SQLite data folder), seeds a wedding through the API and runs the door.
# Measured: scan-to-saved p50/p99 (the check-in POST) and the time from a scan to the planner hearing of it and to the
# planner's counts including it. Results: bench/results/checkin-<UTC stamp>/. See bench/README.md.
#
# Environment (all optional): GUESTS=500 COORDINATORS=10 SPEED=30 BENCH_PORT=5096
# Exit status: 0 done, 1 setup failed, 2 arrivals or deliveries went missing (numbers invalid).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

GUESTS="${GUESTS:-500}"
COORDINATORS="${COORDINATORS:-10}"
SPEED="${SPEED:-30}"
PORT="${BENCH_PORT:-5096}"
BASE="http://127.0.0.1:$PORT"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "checkin-bench: $*" >&2; }
die() { log "$*"; exit 1; }
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$GUESTS" "$COORDINATORS" "$SPEED"; do
    case "$value" in ''|*[!0-9]*|0) die "GUESTS, COORDINATORS and SPEED must be positive whole numbers" ;; esac
done
for tool in curl python3 dotnet setsid ps; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
ensure_port_free "$PORT"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/checkin-$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-checkin.XXXXXX")"
SERVER_PID=""
CHILD_PGID=""
cleanup() {
    if [ -n "$CHILD_PGID" ]; then stop_group "$CHILD_PGID"; fi
    if [ -n "$SERVER_PID" ]; then stop_group "$SERVER_PID"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_release src/WedTech.Server/WedTech.Server.csproj bench/CheckInBench/WedTech.CheckInBench.csproj
SERVER_DIR="$ROOT/src/WedTech.Server/bin/Release/net10.0"

start_demo_server "$SERVER_DIR" "$WORK/data"
login >/dev/null || die "login failed"

{
    echo "# WedTech check-in benchmark $STAMP"
    echo "commit:  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); load generator and server on the same machine, SQLite"
    echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before the run)"
    echo
} >"$OUT/summary.txt"

rc=0
spawn "$OUT/bench.log" "$ROOT/bench/CheckInBench/bin/Release/net10.0/WedTech.CheckInBench" --base "$BASE" --tenant "$TENANT" \
    --guests "$GUESTS" --coordinators "$COORDINATORS" --speed "$SPEED" || die "the bench did not start"
CHILD_PGID=$SPAWNED
wait "$CHILD_PGID" || rc=$?
CHILD_PGID=""
cat "$OUT/bench.log" >>"$OUT/summary.txt"
cat "$OUT/summary.txt"
log "results in $OUT"
exit "$rc"
