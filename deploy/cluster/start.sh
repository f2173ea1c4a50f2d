#!/usr/bin/env bash
# Starts Essor as a cluster on this machine, all on 127.0.0.1:
#   - a MariaDB server of its own (port 3308, data in $CLUSTER_DIR/db), unless ESSOR_DB_URL is set;
#   - two Payara Micro instances of deploy/target/essor.jar (HTTP 18081 and 18082) in one Payara
#     data grid (Hazelcast, TCP/IP discovery on 127.0.0.1:6900-6901, cluster "essor-local"):
#     web sessions are replicated in the grid, EclipseLink's shared cache is coordinated over it;
#   - nginx (Debian's package) in front on http://127.0.0.1:18090/, with its own configuration,
#     pid and logs under $CLUSTER_DIR, never the system service.
# Stop everything with deploy/cluster/stop.sh (it reads the pid files). Logs: $CLUSTER_DIR/*.log.
# Settings: CLUSTER_DIR (default /tmp/essor-cluster), ESSOR_DB_URL/USER/PASSWORD (an existing
# database instead of the private MariaDB), ESSOR_DEMO_DATA (default true), JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../lib.sh"
dir="${CLUSTER_DIR:-/tmp/essor-cluster}"
db_port="${CLUSTER_DB_PORT:-3308}"
nodes=(node1 node2)
http_ports=(18081 18082)
hz_port=6900
lb_port="${CLUSTER_LB_PORT:-18090}"
java_opts="${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

[ -f "$jar" ] || { echo "essor.jar not found: build it with 'mvn -DskipTests package'" >&2; exit 1; }
command -v nginx >/dev/null || { echo "nginx not found: apt-get install -y nginx" >&2; exit 1; }
if [ -f "$dir/nginx.pid" ] || ls "$dir"/*.pid >/dev/null 2>&1; then
  echo "a cluster seems to run already ($dir/*.pid): deploy/cluster/stop.sh first" >&2
  exit 1
fi

started_ok=""
on_exit() {
  if [ -z "$started_ok" ]; then
    echo "start failed: stopping what was started" >&2
    "$here/stop.sh" || true
  fi
}
trap on_exit EXIT

mkdir -p "$dir/tmp"

# ---- database -------------------------------------------------------------------------------------
if [ -z "${ESSOR_DB_URL:-}" ]; then
  sock="$dir/mariadb.sock"
  if [ ! -d "$dir/db/mysql" ]; then
    mkdir -p "$dir/db"
    mariadb-install-db --no-defaults --datadir="$dir/db" --user=root --auth-root-authentication-method=normal \
      --skip-test-db >"$dir/mariadb-install.log" 2>&1
    fresh=1
  fi
  mariadbd --no-defaults --datadir="$dir/db" --port="$db_port" --bind-address=127.0.0.1 --socket="$sock" \
    --pid-file="$dir/mariadbd.pidfile" --user=root --skip-name-resolve --innodb-buffer-pool-size=128M \
    --log-error="$dir/mariadb.log" >/dev/null 2>&1 &
  echo $! >"$dir/mariadb.pid"
  for _ in $(seq 1 60); do
    mariadb --socket="$sock" -uroot -e 'SELECT 1' >/dev/null 2>&1 && break
    sleep 0.5
  done
  if [ "${fresh:-0}" = 1 ]; then
    mariadb --socket="$sock" -uroot -e "CREATE DATABASE essor CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
      CREATE USER 'essor'@'127.0.0.1' IDENTIFIED BY 'essor-cluster';
      GRANT ALL PRIVILEGES ON essor.* TO 'essor'@'127.0.0.1';"
  fi
  export ESSOR_DB_URL="jdbc:mysql://127.0.0.1:$db_port/essor?sslMode=DISABLED&allowPublicKeyRetrieval=true&connectTimeout=5000"
  export ESSOR_DB_USER=essor ESSOR_DB_PASSWORD=essor-cluster
  echo "MariaDB (own): 127.0.0.1:$db_port, pid $(cat "$dir/mariadb.pid")"
fi
export ESSOR_DEMO_DATA="${ESSOR_DEMO_DATA:-true}"
# nginx in front, on this machine: its X-Forwarded-For names the client for the login throttle
export ESSOR_TRUSTED_PROXIES="${ESSOR_TRUSTED_PROXIES:-127.0.0.1}"

# ---- Payara Micro instances -------------------------------------------------------------------------
cat >"$dir/pre-boot.asadmin" <<'EOF'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.security-service.activate-default-principal-to-role-mapping=true
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false
set configs.config.server-config.availability-service.web-container-availability.availability-enabled=true
set configs.config.server-config.availability-service.web-container-availability.persistence-type=hazelcast
EOF
members="127.0.0.1:$hz_port,127.0.0.1:$((hz_port + 1))"
# EclipseLink's shared cache (Association, Partner) coordinated over the data grid: a node's commit
# refreshes the other nodes' copies. CLUSTER_CACHE_COORDINATION=off only to show what goes wrong without.
coordination="-Declipselink.cache.coordination.protocol=fish.payara.persistence.eclipselink.cache.coordination.HazelcastPublishingTransportManager -Declipselink.cache.coordination.channel=essor-cache"
if [ "${CLUSTER_CACHE_COORDINATION:-on}" = off ]; then coordination=""; fi
start_node() {
  local i=$1 name=${nodes[$1]} port=${http_ports[$1]}
  # shellcheck disable=SC2086
  java $java_opts $coordination -Duser.timezone=UTC -jar "$jar" --port "$port" --name "$name" \
    --clustername essor-local --clustermode "tcpip:$members" --interfaces 127.0.0.1 \
    --startport "$((hz_port + i))" --nohostaware \
    --prebootcommandfile "$dir/pre-boot.asadmin" >"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
  echo "$name: http://127.0.0.1:$port/ pid $(cat "$dir/$name.pid") (log $dir/$name.log)"
}
wait_node() {
  local name=${nodes[$1]}
  wait_healthy "$name" "http://127.0.0.1:${http_ports[$1]}" "$(cat "$dir/$name.pid")" "$dir/$name.log"
}
# the first node migrates the schema and loads the demo data alone; the second starts once it is up
start_node 0
wait_node 0
start_node 1
wait_node 1
grep -h "DG Size" "$dir/node2.log" | tail -1 || true

# ---- nginx ------------------------------------------------------------------------------------------
sed -e "s#@DIR@#$dir#g" -e "s#@LB_PORT@#$lb_port#g" -e "s#@NODE1@#127.0.0.1:${http_ports[0]}#g" \
  -e "s#@NODE2@#127.0.0.1:${http_ports[1]}#g" "$here/nginx.conf.in" >"$dir/nginx.conf"
mkdir -p "$dir/tmp/body" "$dir/tmp/proxy" "$dir/tmp/fastcgi" "$dir/tmp/uwsgi" "$dir/tmp/scgi"
# nginx started by root runs its worker as nobody, which buffers large bodies there
chmod 1777 "$dir/tmp"/*
nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log"
for _ in $(seq 1 20); do [ -s "$dir/nginx.pid" ] && break; sleep 0.2; done
echo "nginx: http://127.0.0.1:$lb_port/ pid $(cat "$dir/nginx.pid")"
curl -fsS -o /dev/null "http://127.0.0.1:$lb_port/health"
started_ok=1
echo "cluster up: http://127.0.0.1:$lb_port/ (stop with deploy/cluster/stop.sh)"
