#!/usr/bin/env bash
# Starts Essor from the runnable jar built by `mvn package` (deploy/target/essor.jar).
# Without ESSOR_DB_URL it runs on the embedded H2 database under ./data with the demo data.
# Options: ESSOR_PORT (default 8080), ESSOR_BIND (default 127.0.0.1), JAVA_OPTS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/essor.jar"
if [ ! -f "$jar" ]; then
  echo "essor.jar not found: build it first with 'mvn -DskipTests package'" >&2
  exit 1
fi
cd "$root"
mkdir -p data
port="${ESSOR_PORT:-8080}"
java_opts="${JAVA_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
# One node: no data grid (deploy/cluster/start.sh runs several nodes in one).
echo "Essor: starting on http://localhost:${port}/ (database: ${ESSOR_DB_URL:-embedded H2 in ./data})"
# shellcheck disable=SC2086
exec java $java_opts -Duser.timezone=UTC -jar "$jar" --port "$port" --nohazelcast
