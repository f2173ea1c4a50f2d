#!/usr/bin/env bash
# Generates the network-scale benchmark data into a fresh MariaDB/MySQL database:
# 35 associations, 10 years (2017-2026), ~300,000 applications, ~1,000,000 ledger movements.
#   deploy/bench/generate.sh            # database essor_bench on 127.0.0.1:3306 as root, seed 42
# Options (environment): BENCH_DB (essor_bench), BENCH_DB_HOST (127.0.0.1), BENCH_DB_PORT (3306), BENCH_DB_USER (root),
# BENCH_DB_PASSWORD (empty), BENCH_SEED (42), BENCH_ASSOCIATIONS (35), BENCH_YEARS (10), BENCH_APPS_PER_YEAR (857).
# Needs the modules built once: mvn -DskipTests package (the generator is in the demo module).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../lib.sh"
bench_db
cd "$root"
if [ ! -d demo/target/classes ]; then
  echo "build first: mvn -DskipTests package" >&2; exit 1
fi
# The generator lives in the demo module. Its class path (the reactor's service and model classes, compiled in the
# same run so that they resolve to their target/classes without an install, and the MySQL driver of its test
# scope) is written by the dependency plugin.
cp_file="$root/demo/target/bench.classpath"
if [ ! -f "$cp_file" ] || [ demo/pom.xml -nt "$cp_file" ]; then
  mvn -o -q -pl demo -am compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
echo "Dropping and creating database $db on $host:$dbport"
"${mysql_cmd[@]}" -e "DROP DATABASE IF EXISTS \`$db\`; CREATE DATABASE \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
url="jdbc:mysql://$host:$dbport/$db?rewriteBatchedStatements=true&useServerPrepStmts=false&cachePrepStmts=true"
start=$(date +%s)
java -Xmx1g -Duser.timezone=UTC -cp "demo/target/classes:$(cat "$cp_file")" fr.essor.demo.NetworkGenerator \
  "$url" "$user" "$password" "${BENCH_SEED:-42}" "${BENCH_ASSOCIATIONS:-35}" "${BENCH_YEARS:-10}" "${BENCH_APPS_PER_YEAR:-857}"
"${mysql_cmd[@]}" "$db" -e "ANALYZE TABLE application, enterprise, decision, granted_line, allocation, ledger_movement, instalment, support_record, application_line, application_status_change, convention, guaranteed_loan, guaranteed_loan_line" >/dev/null
echo "Generated $db in $(( $(date +%s) - start )) s (including ANALYZE TABLE)"
