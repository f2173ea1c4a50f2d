#!/usr/bin/env bash
# Stops what deploy/cluster/start.sh started, by the pids it recorded: nginx, the Payara Micro
# instances, then the private MariaDB. Keeps the data (delete $CLUSTER_DIR to start afresh).
set -uo pipefail
dir="${CLUSTER_DIR:-/tmp/essor-cluster}"
stop_pid() {
  local name=$1 file="$dir/$1.pid" pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null
      echo "$name (pid $pid) killed"
    else
      echo "$name (pid $pid) stopped"
    fi
  fi
  rm -f "$file"
}
stop_pid nginx
stop_pid node1
stop_pid node2
stop_pid mariadb
