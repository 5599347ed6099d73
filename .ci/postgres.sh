# shellcheck shell=bash
# Throwaway PostgreSQL 15 cluster on loopback, for CI, the benchmark and developers.
#
#   source .ci/postgres.sh
#   pg_start            # initdb + start; exports WEDTECH_TEST_POSTGRES
#   ...                 # run tests
#   pg_stop             # stop the cluster this shell started and delete its files
#
# Works as root (the cluster runs as user `postgres`) and as an ordinary user (the cluster
# runs as that user). Nothing here changes the caller's shell options; both functions return
# non-zero on failure.
#
# Settings (environment, optional):
#   PG_BIN   binaries     (default /usr/lib/postgresql/15/bin)
#   PG_PORT  TCP port     (default 55432; listens on 127.0.0.1 only)
#
# After pg_start:
#   WEDTECH_TEST_POSTGRES  Npgsql connection string for role `wedtech` (LOGIN CREATEDB), no Database
#   WEDTECH_PG_PASSWORD    that role's password (random per start)
#   WEDTECH_PG_DIR         temp dir: data/, server.log, the Unix socket
# A database named `wedtech` (owned by the role) also exists, so a client that connects without
# naming a database (Npgsql and psql default the database to the user name) gets in.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_PORT="${PG_PORT:-55432}"

# Run a command as the cluster's owner.
_pg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# Superuser psql over the Unix socket in the temp dir (trust auth, local only).
pg_psql() {
    _pg_as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$WEDTECH_PG_DIR" -p "$PG_PORT" -U postgres -d postgres "$@"
}

pg_start() {
    if [ -n "${WEDTECH_PG_DIR:-}" ]; then
        echo "pg_start: a cluster from this shell is already in $WEDTECH_PG_DIR (pg_stop first)" >&2
        return 1
    fi
    if [ ! -x "$PG_BIN/initdb" ]; then
        echo "pg_start: $PG_BIN/initdb not found (apt-get install postgresql)" >&2
        return 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$PG_PORT") 2>/dev/null; then
        echo "pg_start: port $PG_PORT on 127.0.0.1 is already in use; not touching whatever owns it" >&2
        return 1
    fi

    local dir pw superpw
    dir="$(mktemp -d "${TMPDIR:-/tmp}/wedtech-pg.XXXXXX")" || return 1
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres:postgres "$dir" || { rm -rf "$dir"; return 1; }
    fi
    chmod 700 "$dir"
    # Hex only: safe inside a connection string and an SQL literal.
    pw="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
    superpw="$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')"
    WEDTECH_PG_DIR="$dir"

    ( umask 077 && printf '%s\n' "$superpw" >"$dir/superpw" ) || { pg_stop; return 1; }
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$dir/superpw"

    if ! _pg_as_owner "$PG_BIN/initdb" -D "$dir/data" -U postgres --pwfile="$dir/superpw" \
            --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
            >"$dir/initdb.log" 2>&1; then
        echo "pg_start: initdb failed:" >&2
        cat "$dir/initdb.log" >&2
        pg_stop
        return 1
    fi
    rm -f "$dir/superpw"

    # max_connections: the tests run several server nodes at once, each with a small pool per studio
    # database and Hangfire's own connections; 100 (the default) runs out. Production puts PgBouncer in front.
    # max_wal_size: every studio's database is written to the WAL as it is copied from the template; recycle it early
    # (checkpoints are cheap with fsync off) so a run's WAL stays small on a small disk.
    if ! _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400 -c max_wal_size=256MB -c min_wal_size=64MB" \
            start >/dev/null; then
        echo "pg_start: pg_ctl start failed:" >&2
        cat "$dir/server.log" >&2 2>/dev/null
        pg_stop
        return 1
    fi

    if ! pg_psql -c "CREATE ROLE wedtech LOGIN CREATEDB PASSWORD '$pw'" \
            -c "CREATE DATABASE wedtech OWNER wedtech"; then
        echo "pg_start: creating role wedtech failed" >&2
        pg_stop
        return 1
    fi

    export WEDTECH_PG_DIR
    export WEDTECH_PG_PASSWORD="$pw"
    export WEDTECH_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=wedtech;Password=$pw"
    echo "pg_start: PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') on 127.0.0.1:$PG_PORT, data in $dir" >&2
}

# Stops only the cluster pg_start made in this shell (by its data directory) and deletes it.
# Safe to call twice, or when pg_start never ran or failed half-way.
pg_stop() {
    local dir="${WEDTECH_PG_DIR:-}"
    if [ -z "$dir" ]; then
        return 0
    fi
    if [ -f "$dir/data/postmaster.pid" ]; then
        _pg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
            || echo "pg_stop: pg_ctl stop failed for $dir/data" >&2
    fi
    rm -rf "$dir"
    unset WEDTECH_PG_DIR WEDTECH_PG_PASSWORD WEDTECH_TEST_POSTGRES
}
