#!/usr/bin/env bash
# Loading a wedding of many events and guests: seeds one wedding with 10 events over 3 days and 30 run-of-show
# items each, and 600 households (2,000 guests) invited to 8 of them, through the API; then times GET
# /api/v1/weddings/{id}/schedule (the whole schedule in one answer), the wedding page's requests (GET
# /api/v1/weddings/{id} with .../events, or with .../schedule), a page of the guest list and the headcounts:
# sequential latency (bench/schedule.py: REQUESTS one after another, with response sizes and database
# commands per request) and throughput with CONNECTIONS concurrent connections (wrk, bench/report.lua).
# Builds and starts the server in Release on 127.0.0.1 as bench/run.sh does. Results:
# bench/results/schedule-<UTC stamp>/. See bench/README.md ("Loading a wedding of many events").
#
# Environment (all optional):
#   REQUESTS=500       sequential requests per target (in rounds: each target once per round)
#   DURATION=20s       each throughput run (wrk -d), after a WARMUP=5s run
#   CONNECTIONS=16     wrk -c for the throughput runs
#   THREADS=2          wrk -t
#   BENCH_DB=sqlite    or postgres (WEDTECH_TEST_POSTGRES: a role that may create databases; with Redis
#                      too when WEDTECH_TEST_REDIS is set)
#   BENCH_PORT=5093    server port (127.0.0.1 only)
# Exit status: 0 done, 1 setup failed, 2 a throughput run had non-2xx responses or socket errors.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

REQUESTS="${REQUESTS:-500}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
BENCH_DB="${BENCH_DB:-sqlite}"
PORT="${BENCH_PORT:-5093}"
BASE="http://127.0.0.1:$PORT"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "schedule-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$REQUESTS" "$CONNECTIONS" "$THREADS"; do
    case "$value" in ''|*[!0-9]*|0) die "REQUESTS, CONNECTIONS and THREADS must be positive whole numbers" ;; esac
done
bench_db_check
for tool in curl python3 dotnet setsid wrk; do
    command -v "$tool" >/dev/null || die "$tool not found (wrk: apt-get install wrk)"
done
ensure_port_free "$PORT"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/schedule-$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-schedule.XXXXXX")"
SERVER_PID=""
WRK_PID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$WRK_PID" ]; then
        kill -TERM "$WRK_PID" 2>/dev/null || true
        wait "$WRK_PID" 2>/dev/null || true
    fi
    if [ -n "$SERVER_PID" ]; then stop_group "$SERVER_PID"; fi
    if [ "$BENCH_DB" = postgres ]; then drop_pg_databases; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- build and start the server ----------------------------------------------------------------
build_release src/WedTech.Server/WedTech.Server.csproj
mkdir -p "$WORK/data"
settings=(
    ASPNETCORE_ENVIRONMENT=Production
    Demo__Seed=true
    Tenancy__DataDirectory="$WORK/data"
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64)"
    Logging__LogLevel__Default=Warning
)
if [ "$BENCH_DB" = postgres ]; then
    pg_settings schedule
    settings+=("${PG_SETTINGS[@]}")
    [ -z "${WEDTECH_TEST_REDIS:-}" ] || settings+=(Redis__Connection="$WEDTECH_TEST_REDIS")
fi
log "starting the server ($BENCH_DB) on $BASE, log: $OUT/server.log"
# The built app itself, from the project folder as its content root, in a process group of its own.
spawn "$OUT/server.log" env -C "$ROOT/src/WedTech.Server" "${settings[@]}" bin/Release/net10.0/WedTech.Server --urls "$BASE" \
    || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once, or did not get its own process group"; }
SERVER_PID=$SPAWNED
wait_for_health "$SERVER_PID"

# --- seed --------------------------------------------------------------------------------------
TOKEN="$(login)" || die "login failed"
log "seeding a wedding: 10 events over 3 days, 30 run-of-show items each, 600 households of guests"
began=$SECONDS
WEDDING="$(python3 "$ROOT/bench/schedule.py" seed "$BASE" "$TENANT" "$TOKEN")" || die "seeding failed"
log "seeded wedding $WEDDING in $((SECONDS - began)) s"

{
    echo "# WedTech schedule benchmark $STAMP"
    echo "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:     $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); client and server on the same machine"
    echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before measuring)"
    echo "database:    $BENCH_DB$([ "$BENCH_DB" = postgres ] && [ -n "${WEDTECH_TEST_REDIS:-}" ] && echo ' (+ Redis)')"
    echo
    echo "## Sequential (bench/schedule.py)"
} >"$OUT/summary.txt"
log "timing $REQUESTS sequential requests per target"
TOKEN="$(login)" || die "login failed"
python3 "$ROOT/bench/schedule.py" measure "$BASE" "$TENANT" "$TOKEN" "$WEDDING" "$REQUESTS" "$OUT/sequential.csv" >>"$OUT/summary.txt" \
    || die "sequential timing failed"

# --- throughput ----------------------------------------------------------------------------------
{
    echo
    echo "## Throughput (wrk -c $CONNECTIONS, $DURATION after $WARMUP of warm-up; a page's requests go in turn on each connection)"
    printf '%-26s %10s %10s %10s %10s %8s\n' target "req/s" "pages/s" "p50 ms" "p99 ms" errors
} >>"$OUT/summary.txt"
invalid=0
for target in schedule wedding events page-events page-schedule guest-page headcounts; do
    paths=""
    case "$target" in
        schedule) path="/api/v1/weddings/$WEDDING/schedule" ;;
        wedding) path="/api/v1/weddings/$WEDDING" ;;
        events) path="/api/v1/weddings/$WEDDING/events" ;;
        page-events) path="/api/v1/weddings/$WEDDING"; paths="$path $path/events" ;;
        page-schedule) path="/api/v1/weddings/$WEDDING"; paths="$path $path/schedule" ;;
        guest-page) path="/api/v1/weddings/$WEDDING/households?page=3&pageSize=100" ;;
        headcounts) path="/api/v1/weddings/$WEDDING/headcounts" ;;
    esac
    TOKEN="$(login)" || die "login failed"      # fresh token: runs may outlast its lifetime
    log "throughput: $target ($DURATION, $CONNECTIONS connections)"
    BENCH_PATHS="$paths" run_wrk "$target-warmup" "$WARMUP" "$CONNECTIONS" "$path" -H "Authorization: Bearer $TOKEN"
    BENCH_PATHS="$paths" run_wrk "$target" "$DURATION" "$CONNECTIONS" "$path" -H "Authorization: Bearer $TOKEN"
    errors=$(( $(field "$target" non2xx) + $(field "$target" err_connect) + $(field "$target" err_read) + $(field "$target" err_write) + $(field "$target" err_timeout) ))
    [ "$errors" -eq 0 ] || invalid=1
    rps="$(field "$target" rps)"
    per_page=1
    [ -z "$paths" ] || per_page=2
    printf '%-26s %10s %10.1f %10.2f %10.2f %8s\n' "$target" "$rps" "$(awk -v r="$rps" -v n="$per_page" 'BEGIN { print r / n }')" \
        "$(awk -v us="$(field "$target" lat_p50_us)" 'BEGIN { print us / 1000 }')" \
        "$(awk -v us="$(field "$target" lat_p99_us)" 'BEGIN { print us / 1000 }')" "$errors" >>"$OUT/summary.txt"
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/summary.txt"

ln -sfn "schedule-$STAMP" "$ROOT/bench/results/schedule-latest"
echo
cat "$OUT/summary.txt"
echo
echo "per-request times (sequential.csv), raw wrk outputs, server log: bench/results/schedule-$STAMP/"
[ "$invalid" -eq 0 ] || { log "a throughput run had errors: numbers not valid"; exit 2; }
exit 0
