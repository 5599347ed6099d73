#!/usr/bin/env bash
# Realtime fan-out benchmark: how many SignalR WebSocket connections one server holds, and how long a
# change takes to reach all of them. Builds the server and bench/RealtimeBench in Release, starts the
# server on 127.0.0.1 (Production settings, demo studio seeded, fresh data folder), then RealtimeBench
# opens CONNECTIONS WebSockets to /hubs/realtime as the demo studio's four people (all may see the
# couple's wedding), joins each to that wedding, makes UPDATES changes through the API and measures,
# per change and connection, the time from sending the write to the message arriving (and, for the
# run-of-show, to the watcher having fetched what changed). Server CPU and RSS come from /proc.
# Results: bench/results/realtime-<UTC stamp>/. See bench/README.md.
#
# Environment (all optional):
#   SCENARIO=wedding     wedding: the admin updates the wedding (PUT); run-of-show: a coordinator taps
#                        run-of-show items of an event done and pending again (POST …/status)
#   CONNECTIONS          WebSocket connections to open and hold (1000; run-of-show: 50)
#   UPDATES              measured changes, one at a time (the next once every connection has the last,
#                        and has fetched it), after 10 for warm-up (50; run-of-show: 200)
#   FETCH=item           run-of-show: what each watcher fetches on hearing of a tap: item, event (as the
#                        app's event page), schedule (as the app's wedding page) or none
#   EVENTS=1 ITEMS=10    run-of-show: events added to the wedding and items each (EVENTS=10 ITEMS=30: the
#                        wedding of bench/schedule.sh); the first event's items are tapped in turn
#   INTERVAL_MS=100      pause after each change is delivered
#   BENCH_DB=sqlite      or postgres (WEDTECH_TEST_POSTGRES: a role that may create databases)
#   BENCH_PORT=5092      server port (127.0.0.1 only)
#   REDIS=host:port      run the server with the Redis backplane (Redis:Connection) instead of in-process
# Exit status: 0 done, 1 setup failed, 2 connections failed or deliveries went missing (numbers invalid).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

SCENARIO="${SCENARIO:-wedding}"
case "$SCENARIO" in
    wedding) CONNECTIONS="${CONNECTIONS:-1000}"; UPDATES="${UPDATES:-50}" ;;
    run-of-show) CONNECTIONS="${CONNECTIONS:-50}"; UPDATES="${UPDATES:-200}" ;;
    *) echo "realtime-bench: SCENARIO is wedding or run-of-show" >&2; exit 1 ;;
esac
FETCH="${FETCH:-item}"
EVENTS="${EVENTS:-1}"
ITEMS="${ITEMS:-10}"
INTERVAL_MS="${INTERVAL_MS:-100}"
BENCH_DB="${BENCH_DB:-sqlite}"
PORT="${BENCH_PORT:-5092}"
BASE="http://127.0.0.1:$PORT"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export MSBUILDDISABLENODEREUSE=1

log() { echo "realtime-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$CONNECTIONS" "$UPDATES" "$INTERVAL_MS" "$EVENTS" "$ITEMS"; do
    case "$value" in ''|*[!0-9]*) die "CONNECTIONS, UPDATES, INTERVAL_MS, EVENTS and ITEMS must be whole numbers" ;; esac
done
bench_db_check
for tool in curl python3 dotnet setsid ps getconf; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
# Each connection is a socket in the server and one in the bench client; so is each watcher's HTTP connection.
SOCKETS=$((2 * CONNECTIONS + 1000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$SOCKETS" ]; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge "$SOCKETS" ] \
        || die "open files limit $(ulimit -n) is too low for $CONNECTIONS connections (ulimit -n)"
fi

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/realtime-$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-realtime.XXXXXX")"
SERVER_PGID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$SERVER_PGID" ]; then stop_group "$SERVER_PGID"; fi
    if [ "$BENCH_DB" = postgres ]; then drop_pg_databases; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_port_free "$PORT"

# --- build -------------------------------------------------------------------------------------
build_release src/WedTech.Server/WedTech.Server.csproj bench/RealtimeBench/WedTech.RealtimeBench.csproj

# --- start the server --------------------------------------------------------------------------
mkdir -p "$WORK/data"
BACKPLANE="none (one node, in-process)"
REDIS_ENV=()
if [ -n "${REDIS:-}" ]; then
    BACKPLANE="Redis at $REDIS"
    REDIS_ENV=(Redis__Connection="$REDIS" Realtime__ChannelPrefix="wedtech-bench-$STAMP")
fi
PG_SETTINGS=()
if [ "$BENCH_DB" = postgres ]; then pg_settings realtime; fi
log "starting the server on $BASE (backplane: $BACKPLANE), log: $OUT/server.log"
# The built server itself (not `dotnet run`), so that its pid is the process measured; in the project
# directory, the content root a developer's `dotnet run` has. setsid gives it its own process group.
spawn "$OUT/server.log" env -C "$ROOT/src/WedTech.Server" \
    ASPNETCORE_ENVIRONMENT=Production \
    Demo__Seed=true \
    Tenancy__DataDirectory="$WORK/data" \
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" \
    Logging__LogLevel__Default=Warning \
    Realtime__MaxConnectionsPerAddress=0 Realtime__MaxConnectionsPerStudio=0 \
    "${REDIS_ENV[@]}" "${PG_SETTINGS[@]}" \
    bin/Release/net10.0/WedTech.Server --urls "$BASE" \
    || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once, or did not get its own process group"; }
SERVER_PGID=$SPAWNED
SERVER_PID=$SPAWNED
wait_for_health "$SERVER_PID"
login >/dev/null || die "login to the demo studio failed"

# --- measure -----------------------------------------------------------------------------------
{
    echo "# WedTech realtime fan-out benchmark $STAMP"
    echo "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:     $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); bench client and server on the same machine"
    echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before the run)"
    echo "settings:    $SCENARIO: $CONNECTIONS WebSocket connections, $UPDATES updates, $INTERVAL_MS ms apart$([ "$SCENARIO" = run-of-show ] && echo ", $EVENTS events of $ITEMS items, fetch: $FETCH"); database: $BENCH_DB; backplane: $BACKPLANE"
    echo
} >"$OUT/summary.txt"
log "running RealtimeBench ($SCENARIO): $CONNECTIONS connections, $UPDATES updates"
status=0
dotnet bench/RealtimeBench/bin/Release/net10.0/WedTech.RealtimeBench.dll \
    --base "$BASE" --tenant "$TENANT" --connections "$CONNECTIONS" --updates "$UPDATES" --interval-ms "$INTERVAL_MS" \
    --server-pid "$SERVER_PID" --clock-ticks "$(getconf CLK_TCK)" --out "$OUT" \
    --scenario "$SCENARIO" --fetch "$FETCH" --events "$EVENTS" --items "$ITEMS" \
    >>"$OUT/summary.txt" 2>"$OUT/bench.err" || status=$?
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/summary.txt"

ln -sfn "realtime-$STAMP" "$ROOT/bench/results/realtime-latest"
echo
cat "$OUT/summary.txt"
echo
echo "per-delivery latencies (latencies.csv), server log and build log: bench/results/realtime-$STAMP/"
if [ "$status" -ne 0 ]; then
    [ -s "$OUT/bench.err" ] && tail -n 20 "$OUT/bench.err" >&2
    [ "$status" -eq 2 ] && exit 2
    die "RealtimeBench failed (exit $status)"
fi
exit 0
