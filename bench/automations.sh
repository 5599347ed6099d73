#!/usr/bin/env bash
# An automation sweep over a busy studio's leads: starts the Release build of the server on 127.0.0.1 with the demo studio
# (embedded SQLite, or PostgreSQL with BENCH_DB=postgres), its own recurring sweep set to a day the run does not reach. Then
# (bench/automations.py): one rule "lead created → e-mail the couple" made through the API, LEADS leads seeded straight
# into the studio's database, one sweep run from outside with the operator command `automations sweep demo` (wall time,
# subjects/s), then two sweeps at once and a rerun; checks the outbox holds exactly one message per lead and there is
# exactly one firing row per lead. Results: bench/results/automations-<UTC stamp>/result.json. See bench/README.md,
# "Automations".
#
# Environment (all optional): LEADS=10000 BENCH_PORT=5200 BENCH_DB=sqlite
# Exit status: 0 done, every check passed; 1 setup failed; 2 a check failed (a lead not fired, or fired twice).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
LEADS="${LEADS:-10000}"
PORT="${BENCH_PORT:-5200}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "automations-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

case "$LEADS" in ''|*[!0-9]*|0) die "LEADS must be a positive whole number" ;; esac
# The server's own sweep would race the measured one: 1 January, 00:00 UTC only.
DEMO_SETTINGS=(Automations__SweepCron="0 0 1 1 *")
PG_NAME=auto  # "automations" makes tenant database names longer than PostgreSQL takes
demo_bench automations
log "one sweep over $LEADS leads, then two at once and a rerun (${BENCH_DB:-sqlite})"
{
    echo "commit:   $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:  $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); client and server on the same machine"
    echo "load:     $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average before measuring)"
    echo "database: ${BENCH_DB:-sqlite}"
} | tee "$OUT/summary.txt" >&2

# The operator command runs with the server's configuration (same data, same databases), in its own process.
SWEEP=(env -C "$ROOT/src/WedTech.Server/bin/Release/net10.0" ASPNETCORE_ENVIRONMENT=Production Tenancy__DataDirectory="$WORK/data"
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" Logging__LogLevel__Default=Warning "${DEMO_SETTINGS[@]}"
    dotnet WedTech.Server.dll automations sweep "$TENANT")
if [ "${BENCH_DB:-sqlite}" = postgres ]; then
    pg_env
    LOCATION="$(psql -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${PG_PREFIX}${PG_NAME}_t_%' AND datname NOT LIKE '%\_t\_template\_%' LIMIT 1")"
    [ -n "$LOCATION" ] || die "no tenant database named ${PG_PREFIX}${PG_NAME}_t_…"
else
    LOCATION="$WORK/data"
fi
status=0
python3 "$ROOT/bench/automations.py" "$BASE" "$TENANT" "$TOKEN" "${BENCH_DB:-sqlite}" "$LOCATION" "$LEADS" -- "${SWEEP[@]}" \
    >"$OUT/result.json" 2> >(tee "$OUT/automations.log" >&2) || status=$?
cat "$OUT/result.json"
ln -sfn "automations-$STAMP" "$ROOT/bench/results/automations-latest"
case "$status" in
    0) ;;
    2) log "a check failed (see FAIL above)"; exit 2 ;;
    *) die "automations.py failed ($status)" ;;
esac
