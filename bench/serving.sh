# Sourced by the bench scripts: 'terroir serve' processes of the benchmark's own (the program as
# deployed: its JVM options, its embedded store, its Bolt port), on any free ports.
#   serve STORE LOG [JVM options…]   starts one and waits until it says where it serves; sets serve_pid,
#                                    serve_url (http://host:port) and serve_bolt (bolt://host:port)
#   stop_servers                     stops every one started, each waited for
# Needs the command line built first (the servers run with TERROIR_NO_BUILD=1).
serve_pids=()

serve() {
  local store="$1" log="$2"
  shift 2
  TERROIR_NO_BUILD=1 TERROIR_JAVA_OPTS="$*" ./terroir serve --data-dir "$store" --port 0 --bolt-port 0 > "$log" 2>&1 &
  serve_pid=$!
  serve_pids+=("$serve_pid")
  for _ in $(seq 6000); do
    grep -q '^GraphQL API:' "$log" && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$log" >&2; echo "bench: the server on $store did not start" >&2; exit 1; }
    sleep 0.1
  done
  serve_url="$(sed -n 's|^GraphQL API: \(http://[^/ ]*\)/graphql.*|\1|p' "$log")"
  serve_bolt="$(grep -o 'bolt://localhost:[0-9]*' "$log" | head -n 1 || true)"
  [ -n "$serve_url" ] && [ -n "$serve_bolt" ] \
    || { cat "$log" >&2; echo "bench: no API or Bolt address in the output of the server on $store" >&2; exit 1; }
}

stop_servers() {
  local pid
  for pid in "${serve_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  serve_pids=()
}
