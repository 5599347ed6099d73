# Shared by the bench scripts. Expects log and die, and ROOT, BASE, OUT, WORK, TENANT and LOGIN_BODY set
# (and THREADS for run_wrk).
# shellcheck shell=bash

# Databases a run creates on PostgreSQL are named $PG_PREFIX…, so that drop_pg_databases removes those and no others.
PG_PREFIX="wtbench$(date -u +%m%d%H%M%S)_"

# stop_group PGID: SIGTERM to the process group, SIGKILL after 10 s.
stop_group() {
    local pgid=$1
    kill -0 -- "-$pgid" 2>/dev/null || return 0
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 50); do
        kill -0 -- "-$pgid" 2>/dev/null || return 0
        sleep 0.2
    done
    log "process group $pgid did not stop on SIGTERM in 10 s; SIGKILL"
    kill -KILL -- "-$pgid" 2>/dev/null || true
}

# ensure_port_free PORT: dies when something already listens there (a server this script did not start).
ensure_port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        die "something already listens on 127.0.0.1:$1; not benchmarking a server this script did not start"
    fi
}

# build_release PROJECT...: dotnet build -c Release of each project, output to $OUT/build.log; dies on failure.
build_release() {
    local project
    log "building $* (Release), log: $OUT/build.log"
    : >"$OUT/build.log"
    for project in "$@"; do
        if ! dotnet build -c Release "$project" >>"$OUT/build.log" 2>&1; then
            tail -n 40 "$OUT/build.log" >&2
            die "build failed"
        fi
    done
}

# spawn LOG CMD...: CMD in the background in its own process group (setsid), output to LOG.
# Sets SPAWNED to its pid, which is also its process group id. Without job control a background
# job never leads a process group, so setsid execs without forking; the wait covers the moment
# before it has.
spawn() {
    local out=$1 pgid=""
    shift
    setsid "$@" </dev/null >"$out" 2>&1 &
    SPAWNED=$!
    for _ in $(seq 1 50); do
        pgid="$(ps -o pgid= -p "$SPAWNED" 2>/dev/null | tr -d ' ' || true)"
        [ "$pgid" != "$SPAWNED" ] || return 0
        [ -n "$pgid" ] || break          # already exited
        sleep 0.1
    done
    # Never signal a group this script did not create.
    kill -TERM "$SPAWNED" 2>/dev/null || true
    return 1
}

# Waits up to 120 s for GET $BASE/health to answer 200, while the process (or group) $1 is alive.
wait_for_health() {
    local server="$1" deadline
    log "waiting for GET /health = 200 (120 s)"
    deadline=$((SECONDS + 120))
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/health" || true)" = "200" ]; do
        if ! kill -0 "$server" 2>/dev/null; then
            tail -n 40 "$OUT/server.log" >&2
            die "the server exited before answering /health"
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            tail -n 40 "$OUT/server.log" >&2
            die "no 200 from $BASE/health within 120 s"
        fi
        sleep 0.5
    done
}

# start_demo_server DIR DATA: the released server in DIR with the demo studio on $BASE, its data in DATA and its log in
# $OUT/server.log, sign-ins unthrottled, plus the settings in the array DEMO_SETTINGS if the caller set it (NAME=value
# each); sets SERVER_PID and returns once /health answers.
start_demo_server() {
    local dir="$1" data="$2"
    mkdir -p "$data"
    log "starting the server on $BASE, log: $OUT/server.log"
    spawn "$OUT/server.log" env -C "$dir" \
        ASPNETCORE_ENVIRONMENT=Production \
        Demo__Seed=true \
        Tenancy__DataDirectory="$data" \
        Tenancy__TenantUrlTemplate="http://{slug}.localhost:$PORT" \
        Auth__SigningKey="$(head -c 32 /dev/urandom | base64)" \
        Auth__LoginPermitsPerMinute=1000 \
        Logging__LogLevel__Default=Warning \
        ${DEMO_SETTINGS[@]+"${DEMO_SETTINGS[@]}"} \
        dotnet WedTech.Server.dll --urls "$BASE" \
        || { tail -n 40 "$OUT/server.log" >&2; die "the server exited at once, or did not get its own process group"; }
    SERVER_PID=$SPAWNED
    wait_for_health "$SERVER_PID"
}

# Prints a fresh access token (POST /api/v1/auth/login with X-Tenant: $TENANT).
login() {
    local status
    status="$(curl -sS --max-time 15 -o "$WORK/login.json" -w '%{http_code}' -X POST \
        -H "X-Tenant: $TENANT" -H 'Content-Type: application/json' --data "$LOGIN_BODY" \
        "$BASE/api/v1/auth/login")" || { log "login request failed"; return 1; }
    if [ "$status" != "200" ]; then
        log "login answered $status: $(head -c 500 "$WORK/login.json")"
        return 1
    fi
    python3 -c 'import json, sys; t = json.load(open(sys.argv[1])).get("accessToken"); print(t) if t else sys.exit("bench: no accessToken in the login response")' "$WORK/login.json"
}

# bench_db_check: BENCH_DB is sqlite (embedded) or postgres (WEDTECH_TEST_POSTGRES: a role that may create databases).
bench_db_check() {
    case "${BENCH_DB:-sqlite}" in
        sqlite) ;;
        postgres)
            [ -n "${WEDTECH_TEST_POSTGRES:-}" ] || die "BENCH_DB=postgres needs WEDTECH_TEST_POSTGRES (source .ci/postgres.sh, or /tmp/wedtech-env.sh)"
            command -v psql >/dev/null || die "psql not found (it drops the benchmark's databases afterwards)" ;;
        *) die "BENCH_DB: sqlite or postgres" ;;
    esac
}

# pg_settings NAME: sets PG_SETTINGS to the server's environment for PostgreSQL, its catalog and tenant databases
# named $PG_PREFIX$NAME… (a name per server start keeps the starts of one run apart).
pg_settings() {
    # shellcheck disable=SC2034  # read by the script that sourced this file
    PG_SETTINGS=(
        Tenancy__Provider=Postgres
        ConnectionStrings__Postgres="$WEDTECH_TEST_POSTGRES"
        Tenancy__CatalogDatabase="${PG_PREFIX}$1_catalog"
        Tenancy__TenantDatabasePrefix="${PG_PREFIX}$1_t_"
    )
}

# shellcheck disable=SC2317  # pg_env and drop_pg_databases run from the scripts' exit traps
# PostgreSQL connection for psql, from the Npgsql connection string (Host=…;Port=…;Username=…;Password=…).
pg_env() {
    local part key value
    IFS=';' read -ra parts <<<"$WEDTECH_TEST_POSTGRES"
    for part in "${parts[@]}"; do
        key="${part%%=*}"; value="${part#*=}"
        case "${key,,}" in
            host|server) export PGHOST="$value" ;;
            port) export PGPORT="$value" ;;
            username|user\ id|userid|user) export PGUSER="$value" ;;
            password) export PGPASSWORD="$value" ;;
        esac
    done
}

# shellcheck disable=SC2317
drop_pg_databases() {
    local name
    pg_env
    for name in $(psql -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${PG_PREFIX}%'"); do
        psql -d postgres -qc "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null || log "could not drop $name"
    done
}

# run_wrk NAME DURATION CONNECTIONS PATH [extra wrk args...]: wrk with bench/report.lua (at most THREADS threads,
# one per connection), output to $OUT/NAME.txt; WRK_PID is wrk's pid while it runs.
run_wrk() {
    local name=$1 dur=$2 connections=$3 path=$4
    shift 4
    # In the background + wait: a Ctrl-C then reaches the script's trap (and ends the whole
    # benchmark) instead of only making wrk print early results.
    wrk -t "$((connections < THREADS ? connections : THREADS))" -c "$connections" -d "$dur" --latency --timeout 10s \
        -s "$ROOT/bench/report.lua" -H "X-Tenant: $TENANT" "$@" "$BASE$path" \
        >"$OUT/$name.txt" 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || { cat "$OUT/$name.txt" >&2; die "wrk failed ($name)"; }
    WRK_PID=""
    grep -q '^BENCH_RESULT ' "$OUT/$name.txt" || { cat "$OUT/$name.txt" >&2; die "no BENCH_RESULT in $name"; }
}

# field NAME KEY: a value from the BENCH_RESULT line of $OUT/NAME.txt
field() {
    sed -n 's/^BENCH_RESULT //p' "$OUT/$1.txt" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# demo_bench NAME: the start of a bench against the demo studio on embedded SQLite, or on PostgreSQL with
# BENCH_DB=postgres (see bench_db_check; its databases are dropped on exit). Makes the results folder
# bench/results/NAME-<UTC stamp> ($OUT, $STAMP) and a scratch folder ($WORK), both cleaned up with the server on exit;
# builds the Release server and starts it on $PORT ($BASE) with DEMO_SETTINGS if set; signs in as the demo admin
# ($TOKEN, for X-Tenant $TENANT). The caller sets ROOT and PORT, and log and die; and PG_NAME when NAME is too long for the
# PostgreSQL databases' names (at most 63 characters: $PG_PREFIX, 18, + PG_NAME + _t_ + the tenant's 32).
demo_bench() {
    BASE="http://127.0.0.1:$PORT"
    TENANT="demo"
    LOGIN_BODY='{"email":"admin@demo.wedtech.test","password":"Demo-Wedding-2026"}'
    STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
    OUT="$ROOT/bench/results/$1-$STAMP"
    WORK="$(mktemp -d)"
    mkdir -p "$OUT"
    SERVER_PID=""
    trap 'demo_bench_cleanup' EXIT
    bench_db_check
    if [ "${BENCH_DB:-sqlite}" = postgres ]; then
        pg_settings "${PG_NAME:-$1}"
        DEMO_SETTINGS+=("${PG_SETTINGS[@]}")
    fi
    ensure_port_free "$PORT"
    build_release src/WedTech.Server/WedTech.Server.csproj
    start_demo_server "$ROOT/src/WedTech.Server/bin/Release/net10.0" "$WORK/data"
    TOKEN="$(login)" || die "login failed"
}

demo_bench_cleanup() {
    [ -n "$SERVER_PID" ] && stop_group "$SERVER_PID"
    if [ "${BENCH_DB:-sqlite}" = postgres ]; then drop_pg_databases; fi
    rm -rf "$WORK"
}
