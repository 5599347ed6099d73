# Shared by the bench scripts. Expects log and die, and BASE, OUT, WORK, TENANT and LOGIN_BODY set.
# shellcheck shell=bash

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
