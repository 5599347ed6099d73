#!/usr/bin/env bash
# Outbox throughput: messages per second from the first one queued (POST /api/v1/messages) to the
# last one `sent` by the background jobs, per channel: e-mail over SMTP to a local aiosmtpd, and SMS
# through Twilio's API to a local stand-in (bench/twilio_fake.py). With the server's CPU time and
# memory. Builds the server in Release and starts it on 127.0.0.1 with the demo studio, as
# bench/run.sh does. Writes to bench/results/outbox-<UTC stamp>/. See bench/README.md ("Outbox").
#
# Environment (all optional):
#   MESSAGES=2000          messages per channel, measured
#   WARMUP_MESSAGES=200    messages per channel sent first, not measured (0 to skip)
#   CONCURRENCY=32         POSTs in flight at once (curl --parallel-max)
#   CHANNELS="email sms"   channels, measured one after the other
#   WORKER_COUNTS=4        Jobs:WorkerCount values; the server is started afresh for each ("4 16")
#   SMTP_CONNECTIONS=4     Messaging:Smtp:MaxConnections (SMTP connections kept open, so e-mails sent at once)
#   BENCH_DB=sqlite        sqlite (embedded: SQLite databases and Hangfire storage) or postgres
#                          (WEDTECH_TEST_POSTGRES: a role that may create databases; with Redis too
#                          when WEDTECH_TEST_REDIS is set)
#   DRAIN_TIMEOUT=600      seconds to wait for the last message to be sent
#   BENCH_PORT=5082 SMTP_PORT=52626 TWILIO_PORT=52627   ports on 127.0.0.1
# Exit status: 0 done; 1 setup failed; 2 a run did not complete (a POST not 201, a message not sent).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

MESSAGES="${MESSAGES:-2000}"
WARMUP_MESSAGES="${WARMUP_MESSAGES:-200}"
CONCURRENCY="${CONCURRENCY:-32}"
CHANNELS="${CHANNELS:-email sms}"
WORKER_COUNTS="${WORKER_COUNTS:-4}"
SMTP_CONNECTIONS="${SMTP_CONNECTIONS:-4}"
BENCH_DB="${BENCH_DB:-sqlite}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-600}"
PORT="${BENCH_PORT:-5082}"
SMTP_PORT="${SMTP_PORT:-52626}"
TWILIO_PORT="${TWILIO_PORT:-52627}"
BASE="http://127.0.0.1:$PORT"
TENANT="demo"
LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'
# Debian's python3-aiosmtpd is installed for the system interpreter, not for a pyenv one on PATH.
SYSTEM_PYTHON=/usr/bin/python3
TICKS="$(getconf CLK_TCK)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1

log() { echo "outbox-bench: $*" >&2; }
die() { log "$*"; exit 1; }
# shellcheck source=bench/lib.sh
source bench/lib.sh  # from the repository root, where the script has moved

for n in "$MESSAGES" "$WARMUP_MESSAGES" "$CONCURRENCY" "$DRAIN_TIMEOUT" "$SMTP_CONNECTIONS"; do
    case "$n" in ''|*[!0-9]*) die "MESSAGES, WARMUP_MESSAGES, CONCURRENCY, DRAIN_TIMEOUT and SMTP_CONNECTIONS are whole numbers" ;; esac
done
if [ "$MESSAGES" -lt 1 ] || [ "$MESSAGES" -gt 99999 ]; then die "MESSAGES must be 1..99999"; fi
for c in $CHANNELS; do
    case "$c" in email|sms) ;; *) die "CHANNELS: email and/or sms, not '$c'" ;; esac
done
for w in $WORKER_COUNTS; do
    case "$w" in ''|*[!0-9]*|0) die "WORKER_COUNTS: positive whole numbers" ;; esac
done
bench_db_check
for tool in curl dotnet setsid python3 awk; do
    command -v "$tool" >/dev/null || die "$tool not found"
done
"$SYSTEM_PYTHON" -c 'import aiosmtpd' 2>/dev/null || die "python3-aiosmtpd not installed for $SYSTEM_PYTHON (apt-get install python3-aiosmtpd)"
for port in "$PORT" "$SMTP_PORT" "$TWILIO_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        die "something already listens on 127.0.0.1:$port; not benchmarking against what this script did not start"
    fi
done

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$ROOT/bench/results/outbox-$STAMP"
mkdir -p "$OUT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-outbox-bench.XXXXXX")"
SERVER_PID=""
SMTP_PID=""
TWILIO_PID=""

# shellcheck disable=SC2317  # invoked by the trap
cleanup() {
    [ -z "$SERVER_PID" ] || stop_group "$SERVER_PID"
    [ -z "$SMTP_PID" ] || stop_group "$SMTP_PID"
    [ -z "$TWILIO_PID" ] || stop_group "$TWILIO_PID"
    if [ "$BENCH_DB" = postgres ]; then
        drop_pg_databases
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_own_group VAR LOGFILE NAME COMMAND...: spawn (lib.sh), the group's id stored in VAR.
start_own_group() {
    local var=$1 logfile=$2 name=$3
    shift 3
    spawn "$logfile" "$@" || { tail -n 20 "$logfile" >&2; die "$name exited at once, or did not get its own process group"; }
    printf -v "$var" '%s' "$SPAWNED"
}

wait_port() {
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
        sleep 0.1
    done
    die "$2 did not open port $1"
}

# --- the SMTP server and the Twilio stand-in ---------------------------------------------------
mkdir -p "$WORK/maildir/tmp" "$WORK/maildir/new" "$WORK/maildir/cur"
start_own_group SMTP_PID "$OUT/smtp.log" aiosmtpd "$SYSTEM_PYTHON" -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
    -c aiosmtpd.handlers.Mailbox "$WORK/maildir"
start_own_group TWILIO_PID "$OUT/twilio.log" "Twilio stand-in" python3 "$ROOT/bench/twilio_fake.py" "$TWILIO_PORT"
wait_port "$SMTP_PORT" aiosmtpd
wait_port "$TWILIO_PORT" "the Twilio stand-in"
log "aiosmtpd on :$SMTP_PORT (Maildir), Twilio stand-in on :$TWILIO_PORT"

# --- build -------------------------------------------------------------------------------------
log "building src/WedTech.Server (Release), log: $OUT/build.log"
if ! dotnet build -c Release src/WedTech.Server/WedTech.Server.csproj >"$OUT/build.log" 2>&1; then
    tail -n 40 "$OUT/build.log" >&2
    die "build failed"
fi
APP="$ROOT/src/WedTech.Server/bin/Release/net10.0/WedTech.Server"
[ -x "$APP" ] || die "no $APP after the build"

# --- measurements ------------------------------------------------------------------------------
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }               # utime + stime
rss_mb() { awk -v k="$2" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# busy and total jiffies of the whole machine
machine_ticks() { awk '$1 == "cpu" { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }
now() { date +%s.%N; }

# count CHANNEL STATUS: how many of the channel's messages have that status
count() {
    curl -sS --max-time 15 -H "X-Tenant: $TENANT" -H "Authorization: Bearer $TOKEN" \
        "$BASE/api/v1/messages?channel=$1&status=$2&pageSize=1" | sed -n 's/.*"totalCount":\([0-9]*\).*/\1/p'
}

# queue CHANNEL PREFIX N: POSTs N messages, CONCURRENCY at a time; every answer must be 201.
queue() {
    local channel=$1 prefix=$2 n=$3 config="$WORK/queue.curl"
    awk -v n="$n" -v channel="$channel" -v prefix="$prefix" -v url="$BASE/api/v1/messages" \
        -v tenant="$TENANT" -v token="$TOKEN" 'BEGIN {
        for (i = 1; i <= n; i++) {
            to = channel == "email" ? sprintf("%s-%05d@bench.example", prefix, i) : sprintf("%s%08d", prefix, i)
            printf "url = \"%s\"\n", url
            printf "header = \"X-Tenant: %s\"\nheader = \"Authorization: Bearer %s\"\nheader = \"Content-Type: application/json\"\n", tenant, token
            printf "data-raw = \"{\\\"channel\\\":\\\"%s\\\",\\\"recipient\\\":\\\"%s\\\",\\\"recipientName\\\":\\\"Guest %d\\\",", channel, to, i
            printf "\\\"templateKey\\\":\\\"announcement\\\",\\\"language\\\":\\\"en\\\",\\\"variables\\\":{\\\"title\\\":\\\"Mehendi moved\\\",\\\"text\\\":\\\"The mehendi starts at 4 pm.\\\"}}\"\n"
            printf "max-time = 60\noutput = \"/dev/null\"\nwrite-out = \"%%{http_code}\\n\"\n"
            if (i < n) print "next"
        }
    }' >"$config"
    curl -sS --parallel --parallel-immediate --parallel-max "$CONCURRENCY" -K "$config" >"$WORK/codes" 2>"$WORK/curl.err" || true
    local created
    created="$(grep -c '^201$' "$WORK/codes" || true)"
    if [ "$created" != "$n" ]; then
        sort "$WORK/codes" | uniq -c >&2
        head -n 5 "$WORK/curl.err" >&2
        log "$channel: $created of $n POSTs answered 201"
        return 2
    fi
}

# wait_sent CHANNEL TARGET: until TARGET of the channel's messages are sent (or any failed)
wait_sent() {
    local channel=$1 target=$2 deadline=$((SECONDS + DRAIN_TIMEOUT)) sent failed
    while :; do
        sent="$(count "$channel" sent)"
        if [ "$sent" -ge "$target" ]; then
            return 0
        fi
        failed="$(count "$channel" failed)"
        if [ "$failed" -gt 0 ]; then
            log "$channel: $failed message(s) failed"
            return 2
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            log "$channel: only $sent of $target sent after $DRAIN_TIMEOUT s"
            return 2
        fi
        sleep 0.25
    done
}

# timestamps CHANNEL PREFIX N: "first_created last_sent max_attempts" of the N messages to PREFIX…,
# from the server's own records (newest first, so the measured ones are on the first pages).
timestamps() {
    BASE="$BASE" TENANT="$TENANT" TOKEN="$TOKEN" python3 - "$@" <<'PY'
import json, os, sys, urllib.request
from datetime import datetime
channel, prefix, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def when(text):
    # .NET writes 7 fractional digits; Python reads at most 6.
    head, _, rest = text.partition(".")
    if not rest:
        return datetime.fromisoformat(text).timestamp()
    digits = "".join(c for c in rest if c.isdigit())
    return datetime.fromisoformat(f"{head}.{digits[:6]}{rest[len(digits):]}").timestamp()
found, page = [], 1
while len(found) < n:
    request = urllib.request.Request(f"{os.environ['BASE']}/api/v1/messages?channel={channel}&page={page}&pageSize=100",
        headers={"X-Tenant": os.environ["TENANT"], "Authorization": "Bearer " + os.environ["TOKEN"]})
    items = json.load(urllib.request.urlopen(request, timeout=30))["items"]
    if not items:
        break
    found += [m for m in items if m["recipient"].startswith(prefix)]
    page += 1
if len(found) != n or any(m["status"] != "sent" or not m["sentAt"] for m in found):
    sys.exit(f"expected {n} sent messages to {prefix}…, found {len(found)} ({sorted(set(m['status'] for m in found))})")
print(f"{min(when(m['createdAt']) for m in found):.3f} {max(when(m['sentAt']) for m in found):.3f} {max(m['attempts'] for m in found)}")
PY
}

# --- one server per worker count ---------------------------------------------------------------
start_server() {
    local workers=$1 data="$WORK/data-$1"
    local -a settings=(
        ASPNETCORE_ENVIRONMENT=Production
        Demo__Seed=true
        Tenancy__DataDirectory="$data"
        Auth__SigningKey="$(head -c 32 /dev/urandom | base64)"
        Logging__LogLevel__Default=Warning
        Jobs__WorkerCount="$workers"
        Messaging__Quotas__Professional__Sms=1000000
        Messaging__Smtp__Host=127.0.0.1
        Messaging__Smtp__Port="$SMTP_PORT"
        Messaging__Smtp__Security=None
        Messaging__Smtp__MaxConnections="$SMTP_CONNECTIONS"
        Messaging__Twilio__BaseUrl="http://127.0.0.1:$TWILIO_PORT"
        Messaging__Twilio__AccountSid=AC00000000000000000000000000bench
        Messaging__Twilio__AuthToken=bench-auth-token
        Messaging__Twilio__From=+15005550006
    )
    if [ "$BENCH_DB" = postgres ]; then
        pg_settings "w$workers"
        settings+=("${PG_SETTINGS[@]}")
        [ -z "${WEDTECH_TEST_REDIS:-}" ] || settings+=(Redis__Connection="$WEDTECH_TEST_REDIS")
    fi
    log "starting the server (Jobs:WorkerCount=$workers, $BENCH_DB) on $BASE, log: $OUT/server-w$workers.log"
    # The built app itself (not `dotnet run`, which would put a second process in front of it), from the
    # project folder as its content root: its pid is the process whose CPU time is measured.
    start_own_group SERVER_PID "$OUT/server-w$workers.log" server env -C "$ROOT/src/WedTech.Server" "${settings[@]}" "$APP" --urls "$BASE"
    wait_for_health "$SERVER_PID"
}

read -r LOAD1 LOAD5 LOAD15 _ </proc/loadavg
{
    echo "# WedTech outbox benchmark $STAMP"
    echo "commit:     $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo none)$(git -C "$ROOT" status --porcelain 2>/dev/null | grep -q . && echo ' + uncommitted changes')"
    echo "machine:    $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(awk '$1 == "MemTotal:" { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
    echo "load avg:   $LOAD1 $LOAD5 $LOAD15 (1/5/15 min) before the run; the server, curl, aiosmtpd and the Twilio stand-in share the machine"
    echo "database:   $BENCH_DB"
    echo "settings:   $MESSAGES messages per channel after $WARMUP_MESSAGES warm-up, $CONCURRENCY POSTs in flight, Messaging:Smtp:MaxConnections $SMTP_CONNECTIONS, Jobs:PollInterval 1 s (default)"
    echo
    echo "msg/s: messages / (last sentAt - first createdAt), from the server's records."
    echo "queue s: time for all POSTs to be answered 201. server CPU: utime+stime of the server process over"
    echo "the run (1.00 cores = one core busy throughout). stand-in s: CPU seconds of aiosmtpd (email) or the"
    echo "Twilio stand-in (sms). others: the rest of the machine's busy time, in cores (curl, PostgreSQL when"
    echo "used, other users of the machine)."
    echo
    printf '%-6s %7s %6s %8s %8s %9s %9s %8s %9s %8s %8s %10s %8s\n' channel workers msgs "queue s" "POST/s" "total s" "msg/s" \
        "cores" "CPU ms/msg" "RSS MB" "peak MB" "stand-in s" "others"
} >"$OUT/summary.txt"

status=0
for workers in $WORKER_COUNTS; do
    start_server "$workers"
    TOKEN="$(login)" || die "login failed"
    if [ "$WARMUP_MESSAGES" -gt 0 ]; then
        for channel in $CHANNELS; do
            log "w$workers: warm-up, $WARMUP_MESSAGES $channel messages"
            prefix="$([ "$channel" = email ] && echo warm || echo +9197)"
            queue "$channel" "$prefix" "$WARMUP_MESSAGES" || die "warm-up failed"
            wait_sent "$channel" "$WARMUP_MESSAGES" || die "warm-up failed"
        done
    fi
    for channel in $CHANNELS; do
        TOKEN="$(login)" || die "login failed"
        prefix="$([ "$channel" = email ] && echo msg || echo +9198)"
        fake_pid="$([ "$channel" = email ] && echo "$SMTP_PID" || echo "$TWILIO_PID")"
        log "w$workers: $MESSAGES $channel messages, $CONCURRENCY POSTs at a time"
        sleep 2
        server0="$(cpu_ticks "$SERVER_PID")"; fake0="$(cpu_ticks "$fake_pid")"; read -r busy0 total0 < <(machine_ticks)
        t0="$(now)"
        if ! queue "$channel" "$prefix" "$MESSAGES"; then status=2; continue; fi
        t1="$(now)"
        if ! wait_sent "$channel" "$((MESSAGES + WARMUP_MESSAGES))"; then status=2; continue; fi
        server1="$(cpu_ticks "$SERVER_PID")"; fake1="$(cpu_ticks "$fake_pid")"; read -r busy1 total1 < <(machine_ticks)
        rss="$(rss_mb "$SERVER_PID" VmRSS)"; hwm="$(rss_mb "$SERVER_PID" VmHWM)"
        if ! read -r first last attempts < <(timestamps "$channel" "$prefix" "$MESSAGES"); then status=2; continue; fi
        [ "$attempts" = 1 ] || log "w$workers $channel: some messages took $attempts attempts"
        awk -v ch="$channel" -v w="$workers" -v n="$MESSAGES" -v t0="$t0" -v t1="$t1" -v first="$first" -v last="$last" \
            -v s0="$server0" -v s1="$server1" -v f0="$fake0" -v f1="$fake1" -v b0="$busy0" -v b1="$busy1" -v T0="$total0" -v T1="$total1" \
            -v hz="$TICKS" -v cores="$(nproc)" -v rss="$rss" -v hwm="$hwm" 'BEGIN {
            span = last - first; cpu = (s1 - s0) / hz; fake = (f1 - f0) / hz
            # Over the measuring window (all cores jiffies / cores = wall time): the server busy, and the
            # rest of the machine busy but for the server and the stand-in of this channel.
            wall = (T1 - T0) / hz / cores
            others = ((b1 - b0) / hz - cpu - fake) / wall
            printf "%-6s %7d %6d %8.2f %8.0f %9.2f %9.0f %8.2f %9.2f %8d %8d %10.2f %7.2fc\n", ch, w, n, t1 - t0, n / (t1 - t0), span, n / span,
                cpu / wall, cpu * 1000 / n, rss, hwm, fake, others
        }' | tee -a "$OUT/summary.txt" >&2
    done
    stop_group "$SERVER_PID"
    SERVER_PID=""
done

{
    echo
    echo "Twilio stand-in accepted $(curl -sS "http://127.0.0.1:$TWILIO_PORT/count" | python3 -c 'import json, sys; print(json.load(sys.stdin)["accepted"])') SMS;" \
        "aiosmtpd stored $(find "$WORK/maildir/new" -type f | wc -l) e-mails (warm-up included, all worker counts)."
} >>"$OUT/summary.txt"
ln -sfn "outbox-$STAMP" "$ROOT/bench/results/outbox-latest"
echo
cat "$OUT/summary.txt"
echo
echo "summary and server logs: bench/results/outbox-$STAMP/"
exit "$status"
