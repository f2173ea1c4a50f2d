# shellcheck shell=bash
# What the scripts under deploy/ share, sourced by them (. "$here/../lib.sh") after their "set -euo pipefail":
# the repository's root, the uber jar, a clock in milliseconds, the benchmark database's settings, and the wait for
# an Essor instance to answer its health check with its database up.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/deploy/target/essor.jar"

now_ms() { date +%s%3N; }

# bench_db [mysql option...]: the benchmark database from the environment, BENCH_DB (essor_bench), BENCH_DB_HOST
# (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root), BENCH_DB_PASSWORD (empty), into db, host, dbport, user and
# password; mysql_cmd, the mysql client on its server with the options given.
bench_db() {
  db="${BENCH_DB:-essor_bench}"
  host="${BENCH_DB_HOST:-127.0.0.1}"
  dbport="${BENCH_DB_PORT:-3306}"
  user="${BENCH_DB_USER:-root}"
  password="${BENCH_DB_PASSWORD:-}"
  mysql_cmd=(mysql -h "$host" -P "$dbport" -u "$user" "$@")
  if [ -n "$password" ]; then mysql_cmd+=("-p$password"); fi
}

# wait_healthy <name> <base url> <pid> <log>: waits until the instance's /health reports its database
# ("essor-database"), at most 10 minutes, then says how long it took; returns 1 if the process stops or time runs out.
wait_healthy() {
  local name=$1 base=$2 pid=$3 log=$4 t0
  t0=$(now_ms)
  until curl -fsS "$base/health" 2>/dev/null | grep -q '"essor-database"'; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited, see $log" >&2; return 1; }
    [ $(( $(now_ms) - t0 )) -lt 600000 ] || { echo "$name not up in 10 minutes" >&2; return 1; }
    sleep 2
  done
  echo "$name up in $(( ($(now_ms) - t0) / 1000 )) s"
}
