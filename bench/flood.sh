#!/usr/bin/env bash
# Flood benchmark: a node turns away a flood of live connections past its limit and stays up. Builds the server and
# bench/RealtimeBench in Release, starts the server on 127.0.0.1 (Production settings, fresh data folder) with an
# open-files limit of NOFILE (so the limits derived from it are reached with a bounded count), then RealtimeBench
# --flood signs up STUDIOS studios and uses each once, counts the server's descriptors (/proc/<pid>/fd; tenant database
# files apart) just after and once the studios are idle, opens CONNECTIONS WebSockets to the hub (more than the server
# takes), and counts what was held, what was refused with 503 + Retry-After and what failed otherwise; checks the API
# answers and the server is still up; records RSS. Stops by itself. Results: bench/results/flood-<UTC stamp>/.
#
# Environment (all optional):
#   STUDIOS=200          studios signed up and used once
#   CONNECTIONS=3000     WebSockets opened (held ones are kept open until the end)
#   NOFILE=4096          the server's open-files limit (soft and hard); its connection limits derive from it
#   IDLE=20s             Tenancy:CloseIdleDatabasesAfter; the bench waits up to IDLE_WAIT_S for idle studios' files to close
#   IDLE_WAIT_S=90
#   FIX=on               off: the server runs with the new limits and idle closing switched off (as before the change:
#                        pools closed only by Microsoft.Data.Sqlite's own pruning, no caps), to compare
#   BENCH_PORT=5093      server port (127.0.0.1 only)
# Exit status: 0 done; 1 setup failed; 2 the server went down, the API failed while full, or a refusal was not a 503 with Retry-After.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

STUDIOS="${STUDIOS:-200}"
CONNECTIONS="${CONNECTIONS:-3000}"
NOFILE="${NOFILE:-4096}"
IDLE="${IDLE:-20s}"
IDLE_WAIT_S="${IDLE_WAIT_S:-90}"
FIX="${FIX:-on}"
PORT="${BENCH_PORT:-5093}"
BASE="http://127.0.0.1:$PORT"
# shellcheck disable=SC2034  # used by lib.sh
TENANT="demo"
# shellcheck disable=SC2034
LOGIN_BODY='{}'

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export MSBUILDDISABLENODEREUSE=1

log() { echo "flood-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$STUDIOS" "$CONNECTIONS" "$NOFILE" "$IDLE_WAIT_S"; do
    case "$value" in ''|*[!0-9]*) die "STUDIOS, CONNECTIONS, NOFILE and IDLE_WAIT_S must be whole numbers" ;; esac
done
case "$IDLE" in *s) IDLE_SPAN="00:00:${IDLE%s}" ;; *) die "IDLE is seconds, e.g. 20s" ;; esac
[ "${IDLE%s}" -lt 60 ] || die "IDLE must be under 60s"
case "$FIX" in on|off) ;; *) die "FIX is on or off" ;; esac
for tool in curl dotnet setsid ps getconf prlimit; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
# The bench client holds a socket per connection too.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((CONNECTIONS + 1000)) ]; then
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge $((CONNECTIONS + 1000)) ] || die "open files limit $(ulimit -n) is too low for $CONNECTIONS connections"
fi

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/flood-$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-flood.XXXXXX")"
SERVER_PGID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$SERVER_PGID" ]; then stop_group "$SERVER_PGID"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_port_free "$PORT"

build_release src/WedTech.Server/WedTech.Server.csproj bench/RealtimeBench/WedTech.RealtimeBench.csproj

mkdir -p "$WORK/data"
LIMITS=(Realtime__MaxConnectionsPerAddress=0)      # every connection comes from 127.0.0.1: the node's limit is the one measured
if [ "$FIX" = off ]; then
    LIMITS+=(Tenancy__CloseIdleDatabasesAfter=1.00:00:00 Tenancy__MaxOpenTenantDatabases=1000000 Realtime__MaxConnections=1000000
        Realtime__MaxConnectionsPerStudio=0 Limits__MaxConnections=1000000 Limits__MaxUpgradedConnections=1000000)
else
    LIMITS+=(Tenancy__CloseIdleDatabasesAfter="$IDLE_SPAN")
fi
log "starting the server on $BASE (open files $NOFILE, fix $FIX), log: $OUT/server.log"
spawn "$OUT/server.log" prlimit --nofile="$NOFILE:$NOFILE" -- env -C "$ROOT/src/WedTech.Server" \
    ASPNETCORE_ENVIRONMENT=Production \
    Demo__Seed=false \
    Tenancy__DataDirectory="$WORK/data" \
    Tenancy__SignupPermitsPerHour=100000 \
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" \
    Logging__LogLevel__Default=Warning \
    Logging__LogLevel__WedTech.Server.Platform.Persistence.IdleTenantDatabaseCloser=Information \
    "${LIMITS[@]}" \
    bin/Release/net10.0/WedTech.Server --urls "$BASE" \
    || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once, or did not get its own process group"; }
SERVER_PGID=$SPAWNED
SERVER_PID=$SPAWNED
wait_for_health "$SERVER_PID"

{
    echo "# WedTech flood benchmark $STAMP"
    echo "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:     $(nproc) cores; bench client and server on the same machine"
    echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (before the run)"
    echo "settings:    $STUDIOS studios, $CONNECTIONS WebSockets, server open files $NOFILE, idle $IDLE, fix $FIX"
    echo "limits:      $(grep -o 'Limits: [^"]*' "$OUT/server.log" | head -n 1 || true)"
    echo
} >"$OUT/summary.txt"
log "running RealtimeBench --flood: $STUDIOS studios, $CONNECTIONS connections"
status=0
dotnet bench/RealtimeBench/bin/Release/net10.0/WedTech.RealtimeBench.dll --flood 1 \
    --base "$BASE" --studios "$STUDIOS" --connections "$CONNECTIONS" --idle-wait-s "$IDLE_WAIT_S" \
    --server-pid "$SERVER_PID" --clock-ticks "$(getconf CLK_TCK)" --data "$WORK/data" \
    >>"$OUT/summary.txt" 2>"$OUT/bench.err" || status=$?
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/summary.txt"
grep -c 'Out of memory\|SQLite Error 14' "$OUT/server.log" | sed 's/^/server log: "Out of memory" or "SQLite Error 14" lines: /' >>"$OUT/summary.txt" || true

ln -sfn "flood-$STAMP" "$ROOT/bench/results/flood-latest"
echo
cat "$OUT/summary.txt"
if [ "$status" -ne 0 ]; then
    [ -s "$OUT/bench.err" ] && tail -n 20 "$OUT/bench.err" >&2
    [ "$status" -eq 2 ] && exit 2
    die "RealtimeBench --flood failed (exit $status)"
fi
exit 0
