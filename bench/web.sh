#!/usr/bin/env bash
# Web benchmark: what a first visit downloads, and how soon the page is usable, for the public
# pages (landing at the product host, sign-in at a studio's host) and the WebAssembly app shell
# (/app/ on the studio's host, signed in). Publishes the server in Release (the app is trimmed and
# precompressed at publish), runs the published server on 127.0.0.1 with Production settings and
# the demo studio seeded, measures each page with Lighthouse in headless Chromium, adds up the
# published boot files of the app, and writes raw reports and a summary to
# bench/results/web-<UTC stamp>/. See bench/README.md, "Web app".
#
# Environment (all optional):
#   RUNS=3                   Lighthouse runs per page and preset (the median run is reported)
#   PRESETS="mobile desktop" Lighthouse presets; targets are judged on mobile (Lighthouse's default)
#   BENCH_PORT=5091          server port (127.0.0.1 only)
#   CHROME_PATH=/usr/bin/chromium
#   LIGHTHOUSE=lighthouse@13 npm package run with npx
#   BENCH_ENFORCE=1          exit 3 when a target is missed
# Exit status: 0 done, 1 setup failed, 2 a Lighthouse run failed or an app run was not signed in
# (numbers incomplete), 3 targets missed with BENCH_ENFORCE=1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

RUNS="${RUNS:-3}"
PRESETS="${PRESETS:-mobile desktop}"
PORT="${BENCH_PORT:-5091}"
LIGHTHOUSE="${LIGHTHOUSE:-lighthouse@13}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
BASE="http://127.0.0.1:$PORT"                 # API calls and health checks
PRODUCT="http://localhost:$PORT"               # the product host: landing and signup
STUDIO="http://demo.localhost:$PORT"           # the demo studio's host: sign-in and the app
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'
# curl resolves both host names to the server; Chromium resolves *.localhost to loopback itself.
RESOLVE=(--resolve "localhost:$PORT:127.0.0.1" --resolve "demo.localhost:$PORT:127.0.0.1")

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export MSBUILDDISABLENODEREUSE=1
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false

log() { echo "web-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

case "$RUNS" in ''|*[!0-9]*|0) die "RUNS must be a positive integer" ;; esac
for preset in $PRESETS; do
    case "$preset" in mobile|desktop) ;; *) die "PRESETS: '$preset' is not mobile or desktop" ;; esac
done

# --- tools -------------------------------------------------------------------------------------
for tool in curl python3 dotnet setsid node npx ps; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
[ -x "$CHROME_PATH" ] || die "no Chromium at $CHROME_PATH (set CHROME_PATH; Debian: apt-get install chromium)"

# --- output, temp dir, cleanup -----------------------------------------------------------------
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
NAME="web-$STAMP"
OUT="$ROOT/bench/results/$NAME"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-web.XXXXXX")"
SERVER_PGID=""
LH_PGID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    if [ -n "$LH_PGID" ]; then stop_group "$LH_PGID"; fi
    if [ -n "$SERVER_PGID" ]; then stop_group "$SERVER_PGID"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    die "something already listens on 127.0.0.1:$PORT; not measuring a server this script did not start"
fi

# --- publish -----------------------------------------------------------------------------------
PUB="$WORK/publish"
log "publishing src/WedTech.Server (Release) to a temp dir, log: $OUT/publish.log"
if ! dotnet publish src/WedTech.Server/WedTech.Server.csproj -c Release -o "$PUB" >"$OUT/publish.log" 2>&1; then
    tail -n 40 "$OUT/publish.log" >&2
    die "publish failed"
fi
APP="$PUB/wwwroot/app"
[ -d "$APP/_framework" ] || die "the publish output has no wwwroot/app/_framework"

# The app's host page, which the server serves (AppShell) for every app address.
[ -f "$APP/index.html" ] || die "the publish output has no wwwroot/app/index.html: the published server would answer /app/ with 404"
SHELL_NOTE="wwwroot/app/index.html published by the SDK"
cp "$APP/index.html" "$OUT/app-index.html"

# The boot set: the resources dotnet.js lists in its boot configuration (runtime, assemblies),
# plus dotnet.js and blazor.webassembly.js themselves; with raw, brotli and gzip sizes.
python3 - "$APP/_framework" >"$OUT/boot-set.json" <<'PY'
import json, os, re, sys
fw = sys.argv[1]
loaders = [f for f in os.listdir(fw) if re.fullmatch(r"dotnet(\.[a-z0-9]{10})?\.js", f)]
if len(loaders) != 1:
    sys.exit(f"web-bench: expected one dotnet[.<fingerprint>].js, found {loaders}")
text = open(os.path.join(fw, loaders[0]), encoding="utf-8").read()
m = re.search(r"/\*json-start\*/(.*?)/\*json-end\*/", text, re.S)
if not m:
    sys.exit("web-bench: no boot configuration in dotnet.js")
boot = json.loads(m.group(1))
names = {loaders[0]} | {f for f in os.listdir(fw) if re.fullmatch(r"blazor\.webassembly(\.[a-z0-9]{10})?\.js", f)}
for kind, entries in boot["resources"].items():
    if isinstance(entries, list):
        names |= {e["name"] for e in entries}
    elif isinstance(entries, dict) and entries:
        print(f"web-bench: boot resource group '{kind}' not counted: {sorted(entries)[:5]}", file=sys.stderr)
def size(path):
    return os.path.getsize(path) if os.path.exists(path) else None
files = [{"name": n, "raw": size(os.path.join(fw, n)), "br": size(os.path.join(fw, n + ".br")),
          "gz": size(os.path.join(fw, n + ".gz"))} for n in sorted(names)]
on_disk = {f for f in os.listdir(fw) if not f.endswith((".br", ".gz"))}
json.dump({"files": files, "not_in_boot_set": sorted(on_disk - names),
           "globalizationMode": boot.get("globalizationMode"), "linkerEnabled": boot.get("linkerEnabled")},
          sys.stdout, indent=1)
PY

# --- start the published server -----------------------------------------------------------------
mkdir -p "$WORK/data"
SIGNING_KEY="$(head -c 32 /dev/urandom | base64)"
log "starting the published server on $BASE, log: $OUT/server.log"
spawn "$OUT/server.log" env -C "$PUB" \
    ASPNETCORE_ENVIRONMENT=Production \
    Demo__Seed=true \
    Tenancy__MigrateTenantsOnStartup=true \
    Tenancy__DataDirectory="$WORK/data" \
    Tenancy__TenantUrlTemplate="http://{slug}.localhost:$PORT" \
    Auth__SigningKey="$SIGNING_KEY" \
    Logging__LogLevel__Default=Warning \
    dotnet WedTech.Server.dll --urls "$BASE" \
    || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once, or did not get its own process group"; }
SERVER_PGID=$SPAWNED

wait_for_health "$SERVER_PGID"

# The app reads its session from the HttpOnly cookie the sign-in form sets; Lighthouse sends the
# same cookie, made from a token of the JSON login, as an extra header (from a file: no token on
# a command line). Access tokens live 15 minutes and logins are rate-limited (10 a minute), so a
# token is reused for up to 10 minutes.
COOKIE=""
COOKIE_AT=0
ensure_session() {
    local token
    if [ -n "$COOKIE" ] && [ $((SECONDS - COOKIE_AT)) -lt 600 ]; then
        return 0
    fi
    token="$(login)" || die "login failed"
    python3 -c 'import json, sys; json.dump({"Cookie": "wedtech_session=" + sys.argv[1]}, open(sys.argv[2], "w"))' \
        "$token" "$WORK/cookie-headers.json"
    COOKIE="wedtech_session=$token"
    COOKIE_AT=$SECONDS
}

# First requests with curl: each page must answer 200 (the app only when signed in).
ensure_session
for check in "landing $PRODUCT/" "login $STUDIO/login" "app $STUDIO/app/"; do
    name=${check%% *}
    url=${check#* }
    extra=()
    [ "$name" = app ] && extra=(-H "Cookie: $COOKIE")
    status="$(curl -sS --max-time 15 "${RESOLVE[@]}" "${extra[@]}" -o "$OUT/$name.html" -w '%{http_code}' "$url")" \
        || die "GET $url failed"
    [ "$status" = "200" ] || die "GET $url answered $status: $(head -c 300 "$OUT/$name.html")"
done
# The service worker keeps /app/ (the shell with its content policy) for offline use; its install fails if that is not served.
SW_SHELL_STATUS="$(curl -s --max-time 15 "${RESOLVE[@]}" -o /dev/null -w '%{http_code}' "$STUDIO/app/" || true)"

# --- Lighthouse --------------------------------------------------------------------------------
log "fetching $LIGHTHOUSE with npx (first run only)"
LH_VERSION="$(npx -y "$LIGHTHOUSE" --version 2>"$OUT/npx.log")" || { cat "$OUT/npx.log" >&2; die "npx $LIGHTHOUSE failed"; }

failed=0
for preset in $PRESETS; do
    preset_args=()
    [ "$preset" = desktop ] && preset_args=(--preset=desktop)
    for run in $(seq 1 "$RUNS"); do
        for page in landing login app; do
            case "$page" in
                landing) url="$PRODUCT/" ;;
                login) url="$STUDIO/login" ;;
                app) url="$STUDIO/app/" ;;
            esac
            page_args=()
            if [ "$page" = app ]; then
                ensure_session
                page_args=(--extra-headers="$WORK/cookie-headers.json")
            fi
            report="$OUT/lh-$page-$preset-$run.json"
            log "lighthouse $preset run $run/$RUNS: $page ($url)"
            # In the background in its own group + wait: Ctrl-C reaches this script's trap,
            # which stops Lighthouse and its Chromium.
            if spawn "$OUT/lh-$page-$preset-$run.log" npx -y "$LIGHTHOUSE" "$url" \
                --chrome-flags="--headless --no-sandbox --disable-gpu" \
                --only-categories=performance "${preset_args[@]}" "${page_args[@]}" \
                --output=json --output-path="$report" --quiet; then
                LH_PGID=$SPAWNED
                wait "$LH_PGID" && rc=0 || rc=$?
                stop_group "$LH_PGID"           # a Chromium left behind, if any
                LH_PGID=""
            else
                rc=1
            fi
            if [ "$rc" -ne 0 ] || [ ! -s "$report" ]; then
                log "lighthouse failed ($page, $preset, run $run): see $OUT/lh-$page-$preset-$run.log"
                failed=1
            fi
        done
    done
done

# --- response headers of everything the pages loaded ----------------------------------------------
# Each URL Lighthouse saw, once more with curl (Accept-Encoding: br, gzip): status, encoding,
# bytes of body on the wire, cache policy.
python3 "$ROOT/bench/lighthouse-summary.py" urls "$OUT" >"$WORK/urls.txt"
ensure_session
while read -r url; do
    extra=()
    case "$url" in "$STUDIO"/*) extra=(-H "Cookie: $COOKIE") ;; esac
    curl -s --max-time 15 "${RESOLVE[@]}" "${extra[@]}" -H 'Accept-Encoding: br, gzip' -D "$WORK/h" \
        -o /dev/null -w '%{http_code}\t%{size_download}\t%{content_type}\n' "$url" >"$WORK/w" || true
    encoding="$(tr -d '\r' <"$WORK/h" | sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p' | tail -n 1)"
    cache="$(tr -d '\r' <"$WORK/h" | sed -n 's/^[Cc]ache-[Cc]ontrol: *//p' | tail -n 1)"
    printf '%s\t%s\t%s\t%s\n' "$url" "$(cat "$WORK/w")" "${encoding:--}" "${cache:--}"
done <"$WORK/urls.txt" >"$OUT/http-checks.tsv"

# --- summary -----------------------------------------------------------------------------------
{
    echo "# WedTech web benchmark $STAMP"
    echo "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    # shellcheck disable=SC1091  # the OS's file, read at run time
    echo "machine:     $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1); $(sed -n 's/^PRETTY_NAME=//p' /etc/os-release | tr -d '"'); Chromium and the server on the same machine"
    echo "tools:       dotnet $(dotnet --version), $("$CHROME_PATH" --version 2>/dev/null | head -n 1), Lighthouse $LH_VERSION, node $(node --version)"
    echo "settings:    $RUNS run(s) per page and preset ($PRESETS), Lighthouse defaults otherwise (simulated throttling), cold cache each run"
    echo "server:      dotnet publish -c Release; ASPNETCORE_ENVIRONMENT=Production, Demo__Seed=true, on $BASE"
    echo "app shell:   $SHELL_NOTE"
    echo "GET /app/ (service worker's offline shell): $SW_SHELL_STATUS$([ "$SW_SHELL_STATUS" = 200 ] || echo ' -> the service worker install fails: no offline shell')"
    echo
} >"$OUT/summary.txt"
python3 "$ROOT/bench/lighthouse-summary.py" summary "$OUT" >>"$OUT/summary.txt" && missed=0 || missed=$?

ln -sfn "$NAME" "$ROOT/bench/results/web-latest"
echo
cat "$OUT/summary.txt"
echo
echo "Lighthouse reports, response headers, boot set and server log: bench/results/$NAME/"

case "$missed" in
    0|3) ;;
    2) failed=1 ;;                              # a run failed or the app was not signed in
    *) die "summary failed" ;;
esac
if [ "$failed" -ne 0 ]; then
    exit 2
fi
if [ "$missed" -eq 3 ] && [ "${BENCH_ENFORCE:-0}" = "1" ]; then
    exit 3
fi
exit 0
