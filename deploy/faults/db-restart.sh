#!/usr/bin/env bash
# Fault: the database restarts while entrepreneurs submit and advisors allocate.
#
# Starts its OWN MariaDB server (data under $FAULT_DIR, port 3307, loopback only), Essor on it
# (deploy/target/essor.jar with the demo data, port 18080), prepares a convention and an approved
# file over the REST API, then runs the client (FaultClient.java: two entrepreneurs submitting,
# two advisor threads allocating) for LOAD_SECONDS; OUTAGE_AT seconds in, it stops MariaDB
# (SIGTERM, or SIGKILL with FAULT_SIGNAL=KILL), keeps it down OUTAGE_SECONDS, and starts it again
# on the same data. Essor is not touched. Afterwards it compares every id the client saw
# acknowledged (2xx) with the database and prints the result. Exit code 0 = PASS.
#
# Needs: java 17, mariadbd + mariadb-install-db + mariadb (Debian: apt-get install mariadb-server),
# curl, and deploy/target/essor.jar (mvn -DskipTests package).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../lib.sh"
dir="${FAULT_DIR:-/tmp/essor-faultdb}"
db_port="${FAULT_DB_PORT:-3307}"
http_port="${FAULT_HTTP_PORT:-18080}"
load_seconds="${LOAD_SECONDS:-90}"
outage_at="${OUTAGE_AT:-25}"
outage_seconds="${OUTAGE_SECONDS:-20}"
signal="${FAULT_SIGNAL:-TERM}"
sock="$dir/mariadb.sock"
base="http://127.0.0.1:$http_port"

[ -f "$jar" ] || { echo "essor.jar not found: mvn -DskipTests package" >&2; exit 1; }

db_pid=""
essor_pid=""
load_pid=""
cleanup() {
  for p in $load_pid $essor_pid $db_pid; do
    if [ -n "$p" ] && kill -0 "$p" 2>/dev/null; then
      kill "$p" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$p" 2>/dev/null || break; sleep 1; done
      kill -9 "$p" 2>/dev/null || true
    fi
  done
}
trap cleanup EXIT INT TERM

sql() { mariadb --socket="$sock" -uroot -N -B "$@"; }

start_db() {
  mariadbd --no-defaults --datadir="$dir/data" --port="$db_port" --bind-address=127.0.0.1 --socket="$sock" \
    --pid-file="$dir/mariadb.pid" --user=root --skip-name-resolve --innodb-buffer-pool-size=64M \
    --log-error="$dir/mariadb.err" &
  db_pid=$!
  for _ in $(seq 1 60); do
    if mariadb --socket="$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "MariaDB did not start (see $dir/mariadb.err)" >&2
  return 1
}

rm -rf "$dir"
mkdir -p "$dir/data"
echo "== own MariaDB on 127.0.0.1:$db_port (data in $dir/data)"
mariadb-install-db --no-defaults --datadir="$dir/data" --user=root --auth-root-authentication-method=normal \
  --skip-test-db >"$dir/install.log" 2>&1
start_db
sql -e "CREATE DATABASE essor CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
        CREATE USER 'essor'@'127.0.0.1' IDENTIFIED BY 'essor-fault';
        GRANT ALL PRIVILEGES ON essor.* TO 'essor'@'127.0.0.1';"

echo "== Essor on $base (log $dir/essor.log)"
(
  cd "$dir"
  export ESSOR_DB_URL="jdbc:mysql://127.0.0.1:$db_port/essor?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000&socketTimeout=30000"
  export ESSOR_DB_USER=essor ESSOR_DB_PASSWORD=essor-fault ESSOR_DEMO_DATA=true
  exec java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Duser.timezone=UTC -jar "$jar" \
    --port "$http_port" --nohazelcast >"$dir/essor.log" 2>&1
) &
essor_pid=$!
wait_healthy "   Essor" "$base" "$essor_pid" "$dir/essor.log" || exit 1

partner=$(sql essor -e "SELECT id FROM partner WHERE name = 'Banque des Territoires'")
association=$(sql essor -e "SELECT id FROM association WHERE code = 'CVL'")
echo "== set-up over the API (partner $partner, association $association)"
setup=$(java "$here/FaultClient.java" setup "$base" "$partner" "$association")
echo "   $setup"
convention=$(sed -n 's/.*convention=\([0-9]*\).*/\1/p' <<<"$setup")
application=$(sed -n 's/.*application=\([0-9]*\).*/\1/p' <<<"$setup")
lines=$(sql essor -e "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id
                      WHERE d.application_id = $application AND d.outcome = 'APPROVED' ORDER BY g.line_no" | paste -sd,)
echo "   granted lines $lines"

echo "== load for ${load_seconds}s; database down at +${outage_at}s for ${outage_seconds}s (SIG$signal)"
java "$here/FaultClient.java" load "$base" "$load_seconds" "$convention" "$lines" "$dir/client.log" &
load_pid=$!
sleep "$outage_at"
outage_start=$(now_ms)
kill -s "$signal" "$db_pid"
wait "$db_pid" 2>/dev/null || true
db_pid=""
echo "   MariaDB stopped after $(( $(now_ms) - outage_start )) ms"
health_down=$(curl -s -m 20 -o /dev/null -w '%{http_code} in %{time_total}s' "$base/health" || true)
echo "   /health while down: $health_down"
sleep "$outage_seconds"
start_db
outage_end=$(now_ms)
echo "   MariaDB accepts connections again after $(( (outage_end - outage_start) / 1000 )) s down"
wait "$load_pid"
load_pid=""
health_up=$(curl -s -m 20 -o /dev/null -w '%{http_code}' "$base/health" || true)
echo "   /health after the load: $health_up"

echo "== checking the acknowledged ids against the database"
sql essor -e "SELECT id FROM application WHERE status <> 'DRAFT'" >"$dir/db-submitted.txt"
sql essor -e "SELECT id FROM allocation" >"$dir/db-allocations.txt"
over=$(sql essor -e "SELECT (SELECT COUNT(*) FROM granted_line g WHERE g.amount < (SELECT COALESCE(SUM(a.amount - a.released), 0)
                       FROM allocation a WHERE a.granted_line_id = g.id))
                     + (SELECT COUNT(*) FROM convention c WHERE c.amount < (SELECT COALESCE(SUM(a.amount - a.released), 0)
                       FROM allocation a WHERE a.convention_id = c.id))")
echo "   over-allocated lines or conventions: $over"
traces=$(grep -c 'SEVERE' "$dir/essor.log" || true)
echo "   SEVERE lines in Essor's log: $traces (stack traces stay in the log, never in a response)"
java "$here/FaultClient.java" report "$dir/client.log" "$outage_start" "$outage_end" \
  "$dir/db-submitted.txt" "$dir/db-allocations.txt"
