# shellcheck shell=bash
# Throwaway Redis, SMTP and S3-compatible servers on loopback, for CI, the benchmark and developers.
#
#   source .ci/servers.sh
#   servers_start       # starts all three; exports the variables below
#   ...                 # run tests
#   servers_stop        # stops only what servers_start started, deletes their files
#
# After servers_start:
#   WEDTECH_TEST_REDIS          StackExchange.Redis configuration (127.0.0.1:56379)
#   WEDTECH_TEST_SMTP           host:port of an aiosmtpd server (127.0.0.1:52525) that stores every
#   WEDTECH_TEST_SMTP_MAILDIR   message it accepts in this Maildir
#   WEDTECH_TEST_S3             endpoint URL of s3rver (http://127.0.0.1:54568), credentials S3RVER/S3RVER,
#   WEDTECH_TEST_S3_BUCKET      with this bucket created
#
# Needs: redis-server, python3-aiosmtpd (Debian's /usr/bin/python3), node + npx (s3rver from npm).

REDIS_PORT="${REDIS_PORT:-56379}"
SMTP_PORT="${SMTP_PORT:-52525}"
S3_PORT="${S3_PORT:-54568}"

_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

_wait_port() {
    local port="$1" name="$2"
    for _ in $(seq 1 120); do
        _port_open "$port" && return 0
        sleep 0.5
    done
    echo "servers_start: $name did not open port $port" >&2
    return 1
}

servers_start() {
    if [ -n "${WEDTECH_SERVERS_DIR:-}" ]; then
        echo "servers_start: already started in $WEDTECH_SERVERS_DIR (servers_stop first)" >&2
        return 1
    fi
    local port
    for port in "$REDIS_PORT" "$SMTP_PORT" "$S3_PORT"; do
        if _port_open "$port"; then
            echo "servers_start: port $port on 127.0.0.1 is already in use; not touching whatever owns it" >&2
            return 1
        fi
    done
    WEDTECH_SERVERS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-servers.XXXXXX")" || return 1
    export WEDTECH_SERVERS_DIR
    local dir="$WEDTECH_SERVERS_DIR"
    # Python's Maildir creates tmp/new/cur only in a folder it creates itself: without them every message fails.
    mkdir -p "$dir/maildir/tmp" "$dir/maildir/new" "$dir/maildir/cur" "$dir/s3"

    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
        --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" || { servers_stop; return 1; }

    # Each server in its own process group, so stopping it takes its children (npx → node) too.
    setsid /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" \
        -c aiosmtpd.handlers.Mailbox "$dir/maildir" >"$dir/smtp.log" 2>&1 &
    echo $! >"$dir/smtp.pid"

    setsid npx -y s3rver@3.7.1 -d "$dir/s3" -a 127.0.0.1 -p "$S3_PORT" \
        --configure-bucket wedtech-test >"$dir/s3.log" 2>&1 &
    echo $! >"$dir/s3.pid"

    _wait_port "$REDIS_PORT" Redis || { cat "$dir/redis.log" >&2; servers_stop; return 1; }
    _wait_port "$SMTP_PORT" SMTP || { cat "$dir/smtp.log" >&2; servers_stop; return 1; }
    _wait_port "$S3_PORT" s3rver || { cat "$dir/s3.log" >&2; servers_stop; return 1; }
    # s3rver opens its port before the bucket exists: wait until the bucket answers.

    for _ in $(seq 1 60); do
        curl -sf -o /dev/null "http://127.0.0.1:$S3_PORT/wedtech-test" && break
        sleep 0.5
    done

    export WEDTECH_TEST_REDIS="127.0.0.1:$REDIS_PORT"
    export WEDTECH_TEST_SMTP="127.0.0.1:$SMTP_PORT"
    export WEDTECH_TEST_SMTP_MAILDIR="$dir/maildir"
    export WEDTECH_TEST_S3="http://127.0.0.1:$S3_PORT"
    export WEDTECH_TEST_S3_BUCKET="wedtech-test"
    echo "servers_start: Redis on :$REDIS_PORT, SMTP on :$SMTP_PORT, S3 on :$S3_PORT, files in $dir" >&2
}

servers_stop() {
    local dir="${WEDTECH_SERVERS_DIR:-}" pid
    if [ -z "$dir" ]; then
        return 0
    fi
    if [ -f "$dir/redis.pid" ]; then
        kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    fi
    for pid in "$dir/smtp.pid" "$dir/s3.pid"; do
        if [ -f "$pid" ]; then
            kill -- "-$(cat "$pid")" 2>/dev/null || true
        fi
    done
    sleep 0.5
    rm -rf "$dir"
    unset WEDTECH_SERVERS_DIR WEDTECH_TEST_REDIS WEDTECH_TEST_SMTP WEDTECH_TEST_SMTP_MAILDIR WEDTECH_TEST_S3 WEDTECH_TEST_S3_BUCKET
}
