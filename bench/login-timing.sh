#!/usr/bin/env bash
# Does a failed sign-in (or a password-reset request) take longer when the address has an account? Starts the
# server in Release on 127.0.0.1 with the demo studio (as bench/run.sh does), then times ROUNDS failed sign-ins for
# an unknown address, a real account with a wrong password and a locked account with its right password, and reset
# requests for an unknown and a real address (bench/login_timing.py). See bench/README.md ("Sign-in timing").
#
# Environment (optional): ROUNDS=60, BENCH_PORT=5094. Exit status: 0 done, 1 setup failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"
ROUNDS="${ROUNDS:-60}"
PORT="${BENCH_PORT:-5094}"
BASE="http://127.0.0.1:$PORT"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "login-timing: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

case "$ROUNDS" in ''|*[!0-9]*|0) die "ROUNDS must be a positive whole number" ;; esac
ensure_port_free "$PORT"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/login-timing-$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-login-timing.XXXXXX")"
SERVER_PID=""
# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$SERVER_PID" ]; then stop_group "$SERVER_PID"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

build_release src/WedTech.Server/WedTech.Server.csproj
mkdir -p "$WORK/data"
spawn "$OUT/server.log" env -C "$ROOT/src/WedTech.Server" ASPNETCORE_ENVIRONMENT=Production Demo__Seed=true Tenancy__DataDirectory="$WORK/data" \
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" Auth__LoginPermitsPerMinute=100000 Logging__LogLevel__Default=Warning \
    bin/Release/net10.0/WedTech.Server --urls "$BASE" || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once"; }
SERVER_PID=$SPAWNED
wait_for_health "$SERVER_PID"
login >/dev/null || die "login failed"
{
    echo "# WedTech sign-in timing $STAMP"
    echo "commit:  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)"
    echo "machine: $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg) before measuring"
    echo
    python3 "$ROOT/bench/login_timing.py" "$BASE" "$TENANT" "$ROUNDS"
} | tee "$OUT/summary.txt"
