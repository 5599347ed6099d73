#!/usr/bin/env bash
# The guest list at a wedding's size, in the browser and on a guest's phone: publishes the server in Release (the
# WebAssembly app trimmed and precompressed, as web.sh does), starts it on 127.0.0.1 with the demo studio, seeds the
# wedding of bench/schedule.py (600 households, 2,000 guests, 8 events), then measures
#   render: the app's guest list page in Chromium, signed in as the studio's admin: from the last page of households
#           arriving to the list shown, and the search box's answer to "sharma" (bench/GuestBench, Playwright);
#   rsvp:   a household's RSVP page: bytes and Lighthouse mobile score (lighthouse-summary.py rsvp), and throughput with
#           CONNECTIONS connections, one answer (POST) in five, against the framework floor (GET /bench/floor) of the
#           same server (wrk, bench/rsvp.lua);
#   import: a workbook of IMPORT_ROWS guests (bench/GuestBench workbook) previewed and imported into a new wedding, end
#           to end, with the server's peak resident memory (bench/guests.py import).
# Results: bench/results/guests-<UTC stamp>/ (guests-latest links the newest). See bench/README.md, "The guest list".
#
# Environment (all optional):
#   PARTS="render rsvp import"  what to measure
#   RUNS=7              render runs (a fresh browser profile each)
#   LH_RUNS=3           Lighthouse runs of the RSVP page
#   DURATION=20s        each throughput run (wrk -d), after a WARMUP=5s run; ROUNDS=2 floor/rsvp pairs
#   CONNECTIONS=64      wrk -c;  THREADS=2 wrk -t
#   IMPORT_ROWS=5000    guests in the imported workbook
#   BENCH_PORT=5095     server port (127.0.0.1 only)
#   PUBLISHED=DIR       a `dotnet publish src/WedTech.Server -c Release -o DIR` of this commit to run, instead of publishing
#   CHROME_PATH=/usr/bin/chromium;  LIGHTHOUSE=lighthouse@13 (npm package run with npx)
# Exit status: 0 done, 1 setup failed, 2 a run failed or had errors (numbers not valid).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

PARTS="${PARTS:-render rsvp import}"
RUNS="${RUNS:-7}"
LH_RUNS="${LH_RUNS:-3}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-5s}"
ROUNDS="${ROUNDS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
IMPORT_ROWS="${IMPORT_ROWS:-5000}"
PORT="${BENCH_PORT:-5095}"
LIGHTHOUSE="${LIGHTHOUSE:-lighthouse@13}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
BASE="http://127.0.0.1:$PORT"
STUDIO_HOST="demo.localhost:$PORT"
STUDIO="http://$STUDIO_HOST"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false

log() { echo "guests-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for value in "$RUNS" "$LH_RUNS" "$ROUNDS" "$CONNECTIONS" "$THREADS" "$IMPORT_ROWS"; do
    case "$value" in ''|*[!0-9]*|0) die "RUNS, LH_RUNS, ROUNDS, CONNECTIONS, THREADS and IMPORT_ROWS must be positive whole numbers" ;; esac
done
for part in $PARTS; do
    case "$part" in render|rsvp|import) ;; *) die "PARTS: '$part' is not render, rsvp or import" ;; esac
done
wants() { case " $PARTS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
for tool in curl python3 dotnet setsid wrk node npx ps; do
    command -v "$tool" >/dev/null || die "$tool not found (wrk: apt-get install wrk)"
done
[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH (set CHROME_PATH; Debian: apt-get install chromium)"
ensure_port_free "$PORT"

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
NAME="guests-$STAMP"
OUT="$ROOT/bench/results/$NAME"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-guests.XXXXXX")"
SERVER_PID=""
WRK_PID=""
CHILD_PGID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$WRK_PID" ]; then
        kill -TERM "$WRK_PID" 2>/dev/null || true
        wait "$WRK_PID" 2>/dev/null || true
    fi
    if [ -n "$CHILD_PGID" ]; then stop_group "$CHILD_PGID"; fi
    if [ -n "$SERVER_PID" ]; then stop_group "$SERVER_PID"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# run_child LOG CMD...: CMD in its own process group (a Chromium it starts goes with it on Ctrl-C); its exit status.
run_child() {
    local rc=0
    spawn "$@" || return 1
    CHILD_PGID=$SPAWNED
    wait "$CHILD_PGID" || rc=$?
    stop_group "$CHILD_PGID"
    CHILD_PGID=""
    return "$rc"
}

# --- publish, build the helper, start -------------------------------------------------------------
if [ -n "${PUBLISHED:-}" ]; then
    PUB="$PUBLISHED"
    log "using the publish output in $PUB"
else
    PUB="$WORK/publish"
    log "publishing src/WedTech.Server (Release) to a temp dir, log: $OUT/publish.log"
    dotnet publish src/WedTech.Server/WedTech.Server.csproj -c Release -o "$PUB" >"$OUT/publish.log" 2>&1 \
        || { tail -n 40 "$OUT/publish.log" >&2; die "publish failed"; }
fi
[ -f "$PUB/wwwroot/app/index.html" ] || die "the publish output has no wwwroot/app/index.html"
build_release bench/GuestBench/WedTech.GuestBench.csproj
GUEST_BENCH="$ROOT/bench/GuestBench/bin/Release/net10.0/WedTech.GuestBench"

mkdir -p "$WORK/data"
log "starting the published server on $BASE, log: $OUT/server.log"
# GuestPages__RequestsPerMinute lifts the guests' pages' limit per address (60 a minute): every request here comes
# from 127.0.0.1. The limiter itself still runs on every request.
spawn "$OUT/server.log" env -C "$PUB" \
    ASPNETCORE_ENVIRONMENT=Production \
    Demo__Seed=true \
    Bench__FloorEndpoint=true \
    Tenancy__DataDirectory="$WORK/data" \
    Tenancy__TenantUrlTemplate="http://{slug}.localhost:$PORT" \
    Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" \
    Auth__LoginPermitsPerMinute=1000 \
    GuestPages__RequestsPerMinute=1000000000 \
    Logging__LogLevel__Default=Warning \
    dotnet WedTech.Server.dll --urls "$BASE" \
    || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once, or did not get its own process group"; }
SERVER_PID=$SPAWNED
wait_for_health "$SERVER_PID"

# --- seed ----------------------------------------------------------------------------------------
TOKEN="$(login)" || die "login failed"
log "seeding the wedding of bench/schedule.py: 10 events, 300 run-of-show items, 600 households"
began=$SECONDS
WEDDING="$(python3 "$ROOT/bench/schedule.py" seed "$BASE" "$TENANT" "$TOKEN")" || die "seeding failed"
log "seeded wedding $WEDDING in $((SECONDS - began)) s"
HOUSEHOLDS="$(curl -sS -H "X-Tenant: $TENANT" -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/weddings/$WEDDING/households?page=1&pageSize=1" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["totalCount"])')"

{
    echo "# WedTech guest list benchmark $STAMP"
    echo "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:     $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); browser, load generator and server on the same machine"
    echo "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min load average after seeding)"
    echo "wedding:     $WEDDING, $HOUSEHOLDS households (seeded in $((SECONDS - began)) s)"
    echo
} >"$OUT/summary.txt"
failed=0

# --- render ------------------------------------------------------------------------------------------
if wants render; then
    log "render: $RUNS runs of the guest list page in Chromium"
    TOKEN="$(login)" || die "login failed"
    if WEDTECH_BENCH_TOKEN="$TOKEN" run_child "$OUT/render.log" "$GUEST_BENCH" render "$STUDIO" "$WEDDING" "$HOUSEHOLDS" "$RUNS" "$OUT/render.csv"; then
        python3 - "$OUT/render.csv" >>"$OUT/summary.txt" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1])))
def line(label, key):
    values = sorted(float(r[key]) for r in rows)
    p95 = values[max(0, -(-len(values) * 95 // 100) - 1)]
    return f"  {label:<44} median {statistics.median(values):8.0f} ms   p95 {p95:8.0f} ms   ({', '.join(f'{v:.0f}' for v in values)})"
print(f"## Render in Chromium ({len(rows)} runs, a fresh profile each; {rows[0]['pages']} pages of households; the search found {rows[0]['search_matches']} households)")
print(line("last households page arrived -> list shown", "render_after_data_ms"))
print(line("page opened -> list shown (app boot included)", "rendered_ms"))
print(line("search \"sharma\" typed -> count shown (150 ms debounce)", "search_ms"))
print()
PY
    else
        log "render failed: see $OUT/render.log"; tail -n 20 "$OUT/render.log" >&2; failed=1
    fi
fi

# --- rsvp --------------------------------------------------------------------------------------------
if wants rsvp; then
    TOKEN="$(login)" || die "login failed"
    python3 "$ROOT/bench/guests.py" links "$BASE" "$TENANT" "$TOKEN" "$WEDDING" 64 >"$WORK/rsvp-paths.txt" || die "issuing RSVP links failed"
    FIRST_PAGE="$(head -n 1 "$WORK/rsvp-paths.txt")"
    curl -sS --resolve "$STUDIO_HOST:127.0.0.1" -o "$OUT/rsvp.html" "$STUDIO$FIRST_PAGE" || die "GET the RSVP page failed"

    log "rsvp: fetching $LIGHTHOUSE with npx (first run only)"
    LH_VERSION="$(npx -y "$LIGHTHOUSE" --version 2>"$OUT/npx.log")" || { cat "$OUT/npx.log" >&2; die "npx $LIGHTHOUSE failed"; }
    for run in $(seq 1 "$LH_RUNS"); do
        log "rsvp: lighthouse mobile run $run/$LH_RUNS"
        run_child "$OUT/lh-rsvp-mobile-$run.log" npx -y "$LIGHTHOUSE" "$STUDIO$FIRST_PAGE" \
            --chrome-flags="--headless --no-sandbox --disable-gpu" --only-categories=performance \
            --output=json --output-path="$OUT/lh-rsvp-mobile-$run.json" --quiet \
            || { log "lighthouse run $run failed: see $OUT/lh-rsvp-mobile-$run.log"; failed=1; }
    done
    {
        echo "## The RSVP page (Lighthouse $LH_VERSION, mobile preset, $LH_RUNS runs, a household of $(grep -c 'type="radio"' "$OUT/rsvp.html" || true) answer buttons)"
        python3 "$ROOT/bench/lighthouse-summary.py" rsvp "$OUT" || true
        echo
    } >>"$OUT/summary.txt"

    # Throughput: the answers are prepared from each page as a guest's browser sees it (one antiforgery cookie for all).
    python3 "$ROOT/bench/guests.py" rsvp-script "$BASE" "$STUDIO_HOST" "$WORK/rsvp-paths.txt" "$WORK/rsvp-data.txt" || die "preparing the answers failed"
    {
        echo "## Throughput, wrk -c $CONNECTIONS -t $THREADS, $DURATION after $WARMUP of warm-up, $ROUNDS rounds; 64 households' pages in turn"
        printf '%-34s %10s %10s %10s %8s\n' target "req/s" "p50 ms" "p99 ms" errors
    } >>"$OUT/summary.txt"
    export BENCH_LUA_DIR="$ROOT/bench" RSVP_DATA="$WORK/rsvp-data.txt"
    summarise() {
        local name=$1 label=$2 errors
        errors=$(( $(field "$name" non2xx) + $(field "$name" err_connect) + $(field "$name" err_read) + $(field "$name" err_write) + $(field "$name" err_timeout) ))
        [ "$errors" -eq 0 ] || failed=1
        printf '%-34s %10s %10.2f %10.2f %8s\n' "$label" "$(field "$name" rps)" \
            "$(awk -v us="$(field "$name" lat_p50_us)" 'BEGIN { print us / 1000 }')" \
            "$(awk -v us="$(field "$name" lat_p99_us)" 'BEGIN { print us / 1000 }')" "$errors" >>"$OUT/summary.txt"
    }
    ratios=()
    for round in $(seq 1 "$ROUNDS"); do
        log "rsvp: round $round/$ROUNDS: floor, then the RSVP pages"
        run_wrk "floor-warmup" "$WARMUP" "$CONNECTIONS" /bench/floor
        run_wrk "floor-r$round" "$DURATION" "$CONNECTIONS" /bench/floor
        RSVP_POST_EVERY=0 run_wrk "rsvp-warmup" "$WARMUP" "$CONNECTIONS" /rsvp -s "$ROOT/bench/rsvp.lua" -H "Host: $STUDIO_HOST"
        RSVP_POST_EVERY=0 run_wrk "visits-r$round" "$DURATION" "$CONNECTIONS" /rsvp -s "$ROOT/bench/rsvp.lua" -H "Host: $STUDIO_HOST"
        RSVP_POST_EVERY=5 run_wrk "rsvp-r$round" "$DURATION" "$CONNECTIONS" /rsvp -s "$ROOT/bench/rsvp.lua" -H "Host: $STUDIO_HOST"
        summarise "floor-r$round" "floor (GET /bench/floor) r$round"
        summarise "visits-r$round" "RSVP pages, visits only, r$round"
        summarise "rsvp-r$round" "RSVP pages, 1 POST in 5, r$round"
        ratios+=("$(awk -v r="$(field "rsvp-r$round" rps)" -v v="$(field "visits-r$round" rps)" -v f="$(field "floor-r$round" rps)" 'BEGIN { printf "%.4f (visits only %.4f)", r / f, v / f }')")
    done
    printf 'ratio RSVP/floor, round by round: %s\n' "$(IFS=';'; echo "${ratios[*]}")" >>"$OUT/summary.txt"
    echo >>"$OUT/summary.txt"
fi

# --- import ------------------------------------------------------------------------------------------
if wants import; then
    TOKEN="$(login)" || die "login failed"
    "$GUEST_BENCH" workbook "$WORK/guests-$IMPORT_ROWS.xlsx" "$IMPORT_ROWS" || die "writing the workbook failed"
    IMPORT_WEDDING="$(curl -sS -X POST -H "X-Tenant: $TENANT" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data '{"title":"Bench: the import","brideName":"Isha","groomName":"Dev","primaryDate":"2027-03-01","city":"Jaipur","status":"booked","guestCountEstimate":5000}' \
        "$BASE/api/v1/weddings" | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')" || die "creating the import's wedding failed"
    log "import: $IMPORT_ROWS rows into a new wedding"
    {
        echo "## Import of a $IMPORT_ROWS-row workbook into a new wedding (load $(cut -d' ' -f1 /proc/loadavg))"
        python3 "$ROOT/bench/guests.py" import "$BASE" "$TENANT" "$TOKEN" "$IMPORT_WEDDING" "$WORK/guests-$IMPORT_ROWS.xlsx" "$SERVER_PID" \
            || { echo "import failed"; failed=1; }
        echo "## The same workbook again (every household already on the list)"
        python3 "$ROOT/bench/guests.py" import "$BASE" "$TENANT" "$TOKEN" "$IMPORT_WEDDING" "$WORK/guests-$IMPORT_ROWS.xlsx" "$SERVER_PID" \
            || { echo "import failed"; failed=1; }
        echo
    } >>"$OUT/summary.txt"
fi

echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/summary.txt"
ln -sfn "$NAME" "$ROOT/bench/results/guests-latest"
echo
cat "$OUT/summary.txt"
echo
echo "raw outputs (render.csv, Lighthouse reports, wrk outputs, server log): bench/results/$NAME/"
[ "$failed" -eq 0 ] || { log "a run failed or had errors: numbers not valid"; exit 2; }
exit 0
