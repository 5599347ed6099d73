#!/usr/bin/env bash
# HTTP load benchmark: GET /api/v1/weddings (the real endpoint: auth, tenancy, database, JSON)
# against GET /bench/floor (the same JSON from memory: the framework's floor on this machine).
# Builds and starts the server in Release on 127.0.0.1, logs in to the demo tenant, runs wrk
# against both alternately, writes raw outputs and a summary to bench/results/<UTC stamp>/.
# See bench/README.md.
#
# Environment (all optional):
#   DURATION=30s     measured run per target (wrk -d: 30, 30s, 2m)
#   WARMUP=10s       warm-up run before each measured run (0 to skip)
#   CONNECTIONS=64   wrk -c
#   THREADS=2        wrk -t
#   ROUNDS=1         floor, real, floor, real, ... this many times
#   BENCH_PORT=5080  server port (127.0.0.1 only)
#   BENCH_ENFORCE=1  exit 3 when a target is missed (real >= 50% of floor req/s, real p99 < 50 ms)
# Exit status: 0 done, 1 setup failed, 2 a measured run had HTTP errors or timeouts (numbers
# invalid), 3 targets missed with BENCH_ENFORCE=1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ROUNDS="${ROUNDS:-1}"
PORT="${BENCH_PORT:-5080}"
BASE="http://127.0.0.1:$PORT"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'
TARGET_RATIO="0.50"
TARGET_P99_MS="50"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Leave no idle MSBuild worker nodes behind to share the 2 cores with the run.
export MSBUILDDISABLENODEREUSE=1

log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

case "$ROUNDS" in ''|*[!0-9]*|0) die "ROUNDS must be a positive integer" ;; esac

# --- tools -------------------------------------------------------------------------------------
for tool in curl python3 dotnet setsid; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        log "installing wrk"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
    else
        die "wrk not found: sudo apt-get install wrk"
    fi
fi

# --- output, temp dir, cleanup -----------------------------------------------------------------
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-bench.XXXXXX")"
SERVER_PGID=""
WRK_PID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$WRK_PID" ]; then
        kill -TERM "$WRK_PID" 2>/dev/null || true
        wait "$WRK_PID" 2>/dev/null || true
    fi
    if [ -n "$SERVER_PGID" ]; then stop_group "$SERVER_PGID"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

ensure_port_free "$PORT"

# --- build and start the server ----------------------------------------------------------------
build_release src/WedTech.Server/WedTech.Server.csproj

mkdir -p "$WORK/data"
SIGNING_KEY="$(head -c 32 /dev/urandom | base64)"
log "starting the server on $BASE, log: $OUT/server.log"
# A subshell in the project directory (content root, as for a developer's `dotnet run`) that
# execs setsid: the server (dotnet run and the app it launches) gets its own process group,
# whose id is the pid of this background job.
spawn "$OUT/server.log" env -C "$ROOT/src/WedTech.Server" \
    ASPNETCORE_ENVIRONMENT=Production \
    Demo__Seed=true \
    Bench__FloorEndpoint=true \
    Tenancy__DataDirectory="$WORK/data" \
    Auth__SigningKey="$SIGNING_KEY" \
    Logging__LogLevel__Default=Warning \
    dotnet run -c Release --no-build --no-launch-profile -- --urls "$BASE" \
    || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once, or did not get its own process group"; }
SERVER_PGID=$SPAWNED

wait_for_health "$SERVER_PGID"

TOKEN="$(login)" || die "login failed"
log "logged in to tenant '$TENANT'"

# One GET with curl: must answer 200; the body goes to $2.
check_get() {
    local path=$1 body=$2 status
    shift 2
    status="$(curl -sS --max-time 15 -o "$body" -w '%{http_code}' -H "X-Tenant: $TENANT" "$@" \
        "$BASE$path")" || die "GET $path failed"
    [ "$status" = "200" ] || die "GET $path answered $status: $(head -c 500 "$body")"
}
check_get /bench/floor "$OUT/floor-body.json"
check_get /api/v1/weddings "$OUT/real-body.json" -H "Authorization: Bearer $TOKEN"
python3 - "$OUT/floor-body.json" "$OUT/real-body.json" <<'PY' >&2
import json, os, sys
floor, real = sys.argv[1], sys.argv[2]
fs, rs = os.path.getsize(floor), os.path.getsize(real)
try:
    same = json.load(open(floor)) == json.load(open(real))
except ValueError as e:
    same = None
    print(f"bench: WARNING: a body is not JSON ({e})")
print(f"bench: response bodies: floor {fs} bytes, real {rs} bytes, same JSON: {same}")
if same is False:
    print("bench: WARNING: /bench/floor does not return the same JSON as /api/v1/weddings; "
          "the ratio compares different work")
PY

# --- load --------------------------------------------------------------------------------------
{
    echo "# WedTech HTTP benchmark $STAMP"
    echo "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:     $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); wrk and the server on the same machine"
    echo "tools:       $(wrk --version 2>&1 | head -n 1 | cut -d' ' -f1-2), dotnet $(dotnet --version)"
    echo "settings:    wrk -t $THREADS -c $CONNECTIONS -d $DURATION --latency (warm-up $WARMUP each), rounds $ROUNDS"
    echo "targets:     real >= $TARGET_RATIO x floor req/s; real p99 < $TARGET_P99_MS ms"
    echo
    printf '%-6s %-6s %12s %10s %10s %8s %8s\n' round target "req/s" "p50 ms" "p99 ms" non2xx sockerr
} >"$OUT/summary.txt"

invalid=0
for round in $(seq 1 "$ROUNDS"); do
    for target in floor real; do
        if [ "$target" = floor ]; then
            path=/bench/floor
            auth=()
        else
            path=/api/v1/weddings
            TOKEN="$(login)" || die "login failed"      # fresh token: runs may outlast its lifetime
            auth=(-H "Authorization: Bearer $TOKEN")
        fi
        if [ "$WARMUP" != "0" ] && [ "$WARMUP" != "0s" ]; then
            log "round $round: $target warm-up ($WARMUP)"
            run_wrk "$target-r$round-warmup" "$WARMUP" "$CONNECTIONS" "$path" "${auth[@]}"
        fi
        log "round $round: $target ($DURATION, $CONNECTIONS connections)"
        name="$target-r$round"
        run_wrk "$name" "$DURATION" "$CONNECTIONS" "$path" "${auth[@]}"
        rps="$(field "$name" rps)"
        p50="$(awk -v us="$(field "$name" lat_p50_us)" 'BEGIN { printf "%.2f", us / 1000 }')"
        p99="$(awk -v us="$(field "$name" lat_p99_us)" 'BEGIN { printf "%.2f", us / 1000 }')"
        non2xx="$(field "$name" non2xx)"
        sockerr=$(( $(field "$name" err_connect) + $(field "$name" err_read) \
            + $(field "$name" err_write) + $(field "$name" err_timeout) ))
        if [ "$non2xx" -ne 0 ] || [ "$(field "$name" err_timeout)" -ne 0 ] \
            || [ "$(field "$name" err_connect)" -ne 0 ]; then
            invalid=1
        fi
        printf '%-6s %-6s %12s %10s %10s %8s %8s\n' "$round" "$target" "$rps" "$p50" "$p99" \
            "$non2xx" "$sockerr" | tee -a "$OUT/summary.txt" >&2
        printf '%s %s %s %s\n' "$round" "$target" "$rps" "$p99" >>"$WORK/rows"
    done
done

# Per round ratio; overall: mean req/s of each target, worst p99.
awk -v target_ratio="$TARGET_RATIO" -v target_p99="$TARGET_P99_MS" -v invalid="$invalid" '
    { rps[$1, $2] = $3; p99[$1, $2] = $4; rounds = ($1 > rounds ? $1 : rounds)
      sum[$2] += $3; if ($4 > worst[$2]) worst[$2] = $4 }
    END {
        print ""
        for (r = 1; r <= rounds; r++)
            printf "round %d ratio real/floor req/s: %.3f\n", r, rps[r, "real"] / rps[r, "floor"]
        f = sum["floor"] / rounds; q = sum["real"] / rounds; ratio = q / f
        print ""
        printf "floor  /bench/floor      %10.1f req/s (mean of %d), p99 %s ms (worst)\n", f, rounds, worst["floor"]
        printf "real   /api/v1/weddings  %10.1f req/s (mean of %d), p99 %s ms (worst)\n", q, rounds, worst["real"]
        printf "ratio  real/floor        %10.3f\n", ratio
        print ""
        printf "target ratio >= %.2f:  %s\n", target_ratio, (ratio >= target_ratio ? "met" : "MISSED")
        printf "target p99 < %d ms:    %s\n", target_p99, (worst["real"] < target_p99 ? "met" : "MISSED")
        if (invalid) print "INVALID: a measured run had non-2xx responses, connect errors or timeouts (see the raw outputs)"
        if (ratio < target_ratio || worst["real"] >= target_p99) exit 3
    }' "$WORK/rows" >>"$OUT/summary.txt" && missed=0 || missed=$?

ln -sfn "$STAMP" "$ROOT/bench/results/latest"
echo
cat "$OUT/summary.txt"
echo
echo "raw wrk outputs, response bodies and server log: bench/results/$STAMP/"

if [ "$invalid" -ne 0 ]; then
    exit 2
fi
if [ "$missed" -eq 3 ] && [ "${BENCH_ENFORCE:-0}" = "1" ]; then
    exit 3
fi
if [ "$missed" -ne 0 ] && [ "$missed" -ne 3 ]; then
    die "summary failed"
fi
exit 0
