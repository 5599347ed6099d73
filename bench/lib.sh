# Shared by the bench scripts. Expects log and die, and BASE, OUT, WORK, TENANT and LOGIN_BODY set.
# shellcheck shell=bash

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
