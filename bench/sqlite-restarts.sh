#!/usr/bin/env bash
# Acknowledged writes per second on SQLite across restarts of the same data folder (issue 11: "988 → 330 → 256
# across three kill -9 restarts"). Per cycle: start the server on the data folder, WRITERS threads POST
# /api/v1/weddings for DURATION seconds (bench/sqlite_writes.py; a write counts when it answers 201), then record
# the files' sizes and the hot tables' row counts (read-only sqlite3, while the server still runs), stop the
# server (STOP) and record the sizes again. Builds and starts the server in Release on 127.0.0.1 as
# bench/schedule.sh does. Results: bench/results/sqlite-restarts-<UTC stamp>/. See bench/README.md
# ("SQLite writes across restarts").
#
# Environment (all optional):
#   CYCLES=4           measured cycles (at most 10)
#   DURATION=30        seconds of writes per cycle (at most 300)
#   WRITERS=12         concurrent writers (one keep-alive connection each)
#   WARMUP=0           seconds of unmeasured writes after each start (0: the cycle measures from the start)
#   STOP=kill          how each cycle ends: kill (SIGKILL to the server's process group), term (SIGTERM, the
#                      server's clean shutdown), none (no restart: the cycles follow each other on one server)
#   CHECKPOINT=0       1: after each stop, PRAGMA wal_checkpoint(TRUNCATE) on every database file of the data
#                      folder before the next start (with STOP=kill or term)
#   BENCH_PORT=5096    server port (127.0.0.1 only)
#   KEEP_DATA=0        1: keep the data folder (its path is printed)
# Exit status: 0 done, 1 setup failed, 2 a write failed (numbers not valid).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

CYCLES="${CYCLES:-4}"
DURATION="${DURATION:-30}"
WRITERS="${WRITERS:-12}"
WARMUP="${WARMUP:-0}"
STOP="${STOP:-kill}"
CHECKPOINT="${CHECKPOINT:-0}"
KEEP_DATA="${KEEP_DATA:-0}"
PORT="${BENCH_PORT:-5096}"
BASE="http://127.0.0.1:$PORT"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "sqlite-restarts: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$CYCLES" "$DURATION" "$WRITERS"; do
    case "$value" in ''|*[!0-9]*|0) die "CYCLES, DURATION and WRITERS must be positive whole numbers" ;; esac
done
[ "$CYCLES" -le 10 ] && [ "$DURATION" -le 300 ] && [ "$WRITERS" -le 64 ] || die "at most CYCLES=10, DURATION=300, WRITERS=64"
case "$STOP" in kill|term|none) ;; *) die "STOP: kill, term or none" ;; esac
case "$WARMUP" in ''|*[!0-9]*) die "WARMUP: whole seconds" ;; esac
case "$CHECKPOINT" in 0|1) ;; *) die "CHECKPOINT: 0 or 1" ;; esac
for tool in curl python3 dotnet setsid sqlite3; do
    command -v "$tool" >/dev/null || die "$tool not found (sqlite3: apt-get install sqlite3)"
done
ensure_port_free "$PORT"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/sqlite-restarts-$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-sqlite-restarts.XXXXXX")"
DATA="$WORK/data"
SERVER_PID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$SERVER_PID" ]; then stop_group "$SERVER_PID"; fi
    if [ "$KEEP_DATA" = 1 ]; then log "data folder kept: $DATA"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_release src/WedTech.Server/WedTech.Server.csproj
mkdir -p "$DATA"
SIGNING_KEY="$(head -c 32 /dev/urandom | base64)"      # the same key for every start: one deployment restarted

# start_server N: starts the server on $DATA; sets SERVER_PID and STARTUP (seconds from spawn to /health = 200).
start_server() {
    local began
    began="$(date +%s.%N)"
    spawn "$OUT/server-$1.log" env -C "$ROOT/src/WedTech.Server" ASPNETCORE_ENVIRONMENT=Production Demo__Seed=true \
        Tenancy__DataDirectory="$DATA" Auth__SigningKey="$SIGNING_KEY" Auth__LoginPermitsPerMinute=100000 \
        Logging__LogLevel__Default=Warning bin/Release/net10.0/WedTech.Server --urls "$BASE" \
        || { tail -n 40 "$OUT/server-$1.log" >&2; die "the server exited at once, or did not get its own process group"; }
    SERVER_PID=$SPAWNED
    # wait_for_health tails $OUT/server.log on failure
    ln -sfn "server-$1.log" "$OUT/server.log"
    wait_for_health "$SERVER_PID"
    STARTUP="$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')"
}

# stop_server: as STOP says; waits until the process group is gone.
stop_server() {
    case "$STOP" in
        kill) kill -KILL -- "-$SERVER_PID" 2>/dev/null || true ;;
        term) kill -TERM -- "-$SERVER_PID" 2>/dev/null || true ;;
    esac
    for _ in $(seq 1 150); do
        kill -0 -- "-$SERVER_PID" 2>/dev/null || { SERVER_PID=""; return 0; }
        sleep 0.2
    done
    log "process group $SERVER_PID still there 30 s after $STOP; SIGKILL"
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    sleep 1
    SERVER_PID=""
}

tenant_db() { find "$DATA/tenants" -maxdepth 1 -name '*.db' -printf '%s %p\n' | sort -rn | head -n 1 | cut -d' ' -f2-; }
kb() { if [ -e "$1" ]; then echo $(( ($(stat -c %s "$1") + 1023) / 1024 )); else echo "-"; fi; }
# sizes LABEL: one line of KB per file (db, -wal, -shm) for the tenant's database, jobs.db and catalog.db
sizes() {
    local t
    t="$(tenant_db)"
    echo "$1 tenant=$(kb "$t")/$(kb "$t-wal")/$(kb "$t-shm") jobs=$(kb "$DATA/jobs.db")/$(kb "$DATA/jobs.db-wal")/$(kb "$DATA/jobs.db-shm") catalog=$(kb "$DATA/catalog.db")/$(kb "$DATA/catalog.db-wal")/$(kb "$DATA/catalog.db-shm")"
}
# counts FILE: "table rows" for every table of FILE, read-only (a read-only connection never checkpoints)
counts() {
    local table
    for table in $(sqlite3 -readonly "$1" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
        echo "$table $(sqlite3 -readonly "$1" "SELECT count(*) FROM \"$table\"")"
    done
}
row() { awk -v t="$2" '$1 == t { print $2 }' "$1"; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }

{
    echo "# WedTech SQLite writes across restarts $STAMP"
    echo "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:     $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); client and server on the same machine"
    echo "sqlite3:     $(sqlite3 --version | cut -d' ' -f1)"
    echo "settings:    STOP=$STOP CHECKPOINT=$CHECKPOINT CYCLES=$CYCLES DURATION=${DURATION}s WRITERS=$WRITERS WARMUP=${WARMUP}s"
    echo "sizes:       KB, db/wal/shm, taken after the writes (server running) and after the stop"
    echo
    printf '%-5s %8s %8s %7s %7s %9s %9s %6s %-22s %-22s %-22s %-12s %s\n' cycle "start s" "writes/s" "p50 ms" "p99 ms" weddings audit cores \
        "tenant (running)" "tenant (stopped)" "jobs (stopped)" "catalog" "load before → after"
} >"$OUT/summary.txt"

invalid=0
hz="$(getconf CLK_TCK)"
for cycle in $(seq 1 "$CYCLES"); do
    STARTUP="-"
    TOKEN=""
    if [ -z "$SERVER_PID" ]; then
        log "cycle $cycle: starting the server on $DATA"
        start_server "$cycle"
        if [ "$WARMUP" -gt 0 ]; then
            TOKEN="$(login)" || die "login failed"
            log "cycle $cycle: $WRITERS writers for $WARMUP s of warm-up"
            python3 "$ROOT/bench/sqlite_writes.py" "$BASE" "$TENANT" "$TOKEN" "$WRITERS" "$WARMUP" >"$OUT/warmup-$cycle.txt" 2>&1 \
                || log "cycle $cycle: some warm-up writes failed"
        fi
    fi
    [ -n "$TOKEN" ] || TOKEN="$(login)" || die "login failed"
    load_before="$(cut -d' ' -f1 /proc/loadavg)"
    ticks_before="$(cpu_ticks "$SERVER_PID")"
    log "cycle $cycle: $WRITERS writers for $DURATION s"
    status=0
    python3 "$ROOT/bench/sqlite_writes.py" "$BASE" "$TENANT" "$TOKEN" "$WRITERS" "$DURATION" >"$OUT/writes-$cycle.txt" 2>"$OUT/writes-$cycle.err" || status=$?
    [ "$status" -eq 0 ] || { invalid=1; log "cycle $cycle: some writes failed (exit $status): $(head -c 300 "$OUT/writes-$cycle.err")"; }
    cores="$(awk -v a="$ticks_before" -v b="$(cpu_ticks "$SERVER_PID")" -v hz="$hz" -v s="$DURATION" 'BEGIN { printf "%.2f", (b - a) / hz / s }')"
    load_after="$(cut -d' ' -f1 /proc/loadavg)"
    cat "$OUT/writes-$cycle.txt" >&2
    field_of() { tr ' ' '\n' <"$OUT/writes-$cycle.txt" | sed -n "s/^$1=//p"; }

    t="$(tenant_db)"
    counts "$t" >"$OUT/counts-$cycle-tenant.txt"
    counts "$DATA/jobs.db" >"$OUT/counts-$cycle-jobs.txt"
    sqlite3 -readonly "$t" "PRAGMA page_size; PRAGMA page_count; PRAGMA freelist_count; PRAGMA journal_mode; PRAGMA wal_autocheckpoint; PRAGMA synchronous" \
        | paste -sd' ' | sed 's/^/page_size page_count freelist journal_mode wal_autocheckpoint synchronous: /' >"$OUT/pragmas-$cycle.txt"
    running="$(sizes running)"
    if [ "$STOP" != none ]; then
        log "cycle $cycle: stopping the server ($STOP)"
        stop_server
    fi
    stopped="$(sizes stopped)"
    { echo "$running"; echo "$stopped"; } >"$OUT/sizes-$cycle.txt"
    if [ "$CHECKPOINT" = 1 ] && [ "$STOP" != none ]; then
        for db in "$t" "$DATA/jobs.db" "$DATA/catalog.db"; do
            echo "$(basename "$db"): wal_checkpoint(TRUNCATE) = $(sqlite3 "$db" 'PRAGMA wal_checkpoint(TRUNCATE)' | tr '|' ' ')" >>"$OUT/sizes-$cycle.txt"
        done
        sizes checkpointed >>"$OUT/sizes-$cycle.txt"
    fi
    pick() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
    printf '%-5s %8s %8s %7s %7s %9s %9s %6s %-22s %-22s %-22s %-12s %s\n' "$cycle" "$STARTUP" "$(field_of wps)" "$(field_of p50_ms)" "$(field_of p99_ms)" \
        "$(row "$OUT/counts-$cycle-tenant.txt" weddings)" "$(row "$OUT/counts-$cycle-tenant.txt" audit_entries)" "$cores" \
        "$(pick "$running" tenant)" "$(pick "$stopped" tenant)" "$(pick "$stopped" jobs)" "$(pick "$stopped" catalog)" "$load_before → $load_after" >>"$OUT/summary.txt"
done
{
    echo
    echo "writes acknowledged per second:"
    for cycle in $(seq 1 "$CYCLES"); do echo "  cycle $cycle: $(sed -n 's/^per_second=//p' "$OUT/writes-$cycle.txt")"; done
    echo "tenant tables (rows after the last cycle):"
    sort -k2 -rn "$OUT/counts-$CYCLES-tenant.txt" | awk '$2 > 0' | head -n 12 | sed 's/^/  /'
    echo "jobs.db tables (rows after the last cycle):"
    sort -k2 -rn "$OUT/counts-$CYCLES-jobs.txt" | head -n 12 | sed 's/^/  /'
    echo "$(cat "$OUT/pragmas-$CYCLES.txt")"
} >>"$OUT/summary.txt"

ln -sfn "sqlite-restarts-$STAMP" "$ROOT/bench/results/sqlite-restarts-latest"
echo
cat "$OUT/summary.txt"
echo
echo "per-cycle counts, sizes, writer outputs, server logs: bench/results/sqlite-restarts-$STAMP/"
[ "$invalid" -eq 0 ] || { log "some writes failed: numbers not valid"; exit 2; }
exit 0
