# Starting and stopping moto servers on free loopback ports, for scripts that
# need a local AWS. Source it; every server started is stopped on exit.

moto_pids=()

moto_free_port() {
    .venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# moto_start VAR [ENV=VALUE ...]: starts a server with the given environment,
# waits until it answers, and stores its URL in VAR.
moto_start() {
    local var=$1
    shift
    local port log
    port=$(moto_free_port)
    log=$(mktemp -t ecslab-moto.XXXXXX)
    env MOTO_IAM_LOAD_MANAGED_POLICIES=true "$@" \
        .venv/bin/moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
    local pid=$!
    moto_pids+=("$pid")
    local tries=0
    until curl -fsS -o /dev/null "http://127.0.0.1:$port/moto-api/data.json" 2>/dev/null; do
        tries=$((tries + 1))
        if ! kill -0 "$pid" 2>/dev/null || [ $tries -gt 300 ]; then
            echo "moto did not start on port $port:" >&2
            cat "$log" >&2
            return 1
        fi
        sleep 0.1
    done
    printf -v "$var" 'http://127.0.0.1:%s' "$port"
}

moto_stop_all() {
    local pid
    for pid in "${moto_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${moto_pids[@]}"; do
        wait "$pid" 2>/dev/null || true
    done
    moto_pids=()
}

trap moto_stop_all EXIT
