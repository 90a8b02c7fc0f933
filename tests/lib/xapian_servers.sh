# Sourced by tests: xapian-tcpsrv processes on 127.0.0.1 only (xapian-tcpsrv has no
# authentication), on free ports picked at start, each in its own process group so that
# stop_servers (run it from the caller's EXIT trap) kills a server and the children it forks
# for its connections.
# start_server DB...   starts one server for the databases; sets $server_port and $server_pgid.
# stop_servers         kills every server started.
server_pgids=()

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_server() {
  local attempt log
  for attempt in 1 2 3 4 5; do
    server_port=$(free_port)
    log=$(mktemp)
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$server_port" "$@" >"$log" 2>&1 &
    server_pgid=$!
    server_pgids+=("$server_pgid")
    # Ready when the port accepts connections; a port taken since free_port() makes it exit.
    local i
    for i in $(seq 1 100); do
      if ! kill -0 "$server_pgid" 2>/dev/null; then break; fi
      if /usr/bin/python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1).close()' \
        "$server_port" 2>/dev/null; then
        rm -f "$log"
        return 0
      fi
      sleep 0.05
    done
    echo "xapian-tcpsrv on port $server_port did not start (attempt $attempt): $(cat "$log")" >&2
    rm -f "$log"
    kill -KILL -- "-$server_pgid" 2>/dev/null || true
  done
  return 1
}

stop_servers() {
  local pgid
  for pgid in "${server_pgids[@]}"; do
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
  for pgid in "${server_pgids[@]}"; do
    wait "$pgid" 2>/dev/null || true
  done
  server_pgids=()
}
