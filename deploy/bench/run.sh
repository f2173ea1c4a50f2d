#!/usr/bin/env bash
# Benchmarks Essor on the network-scale data (deploy/bench/generate.sh) on MariaDB, with wrk.
#   mvn -DskipTests install && deploy/bench/generate.sh && deploy/bench/run.sh
# Prints, for each query-backed figure, the time of the raw SQL it needs (RawSql.java, same run, same
# database) and the SQL statements the server issued per request (MariaDB's global Questions and
# Com_select counters over the run, divided by the requests: run it when nothing else uses the server).
# Also: cold start to the first page and resident memory at idle, on MariaDB and on the embedded H2
# demo database. Options (environment): BENCH_DB (essor_bench), BENCH_DB_HOST/PORT/USER/PASSWORD,
# BENCH_PORT (18480), BENCH_DURATION (20 s per load run), BENCH_SKIP_H2=1, BENCH_ONLY=national (the national
# figures of issue 12 alone, with BENCH_SKIP_H2=1: a year by association, the ten-year trend, open then closed),
# BENCH_ONLY=loans (issue 14 alone, with BENCH_SKIP_H2=1: the nightly arrears run and a year's FEC export of one
# association; BENCH_ARREARS_AS_OF (2026-11-15, the data's today), BENCH_FEC_ASSOCIATION (NAA), BENCH_FEC_YEAR (2025)),
# BENCH_ONLY=allocations (issue 15 alone: the 32-client allocations beside the raw-SQL limit of the same transaction).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../lib.sh"
bench_db -N -B
port="${BENCH_PORT:-18480}"
duration="${BENCH_DURATION:-20}"
base="http://127.0.0.1:$port"
work="$(mktemp -d /tmp/essor-bench.XXXXXX)"
sql() { "${mysql_cmd[@]}" "$db" -e "$1"; }
[ "${BENCH_ONLY:-}" = "loans" ] || command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
# BENCH_PAYARA_MICRO=<payara-micro.jar>: run web/target/essor.war on that Payara Micro (as ROOT.war, with the jar's
# pre-boot commands) instead of deploy/target/essor.jar, where the uber jar cannot be built (e.g. offline)
if [ -n "${BENCH_PAYARA_MICRO:-}" ]; then
  [ -f "$root/web/target/essor.war" ] || { echo "build first: mvn -DskipTests package -pl model,service,demo,web" >&2; exit 1; }
else
  [ -f "$jar" ] || { echo "build first: mvn -DskipTests install" >&2; exit 1; }
fi
cp_file="$root/service/target/bench.classpath"
[ -f "$cp_file" ] || mvn -o -q -f "$root/pom.xml" -pl service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file" >/dev/null
classpath="$root/service/target/classes:$(cat "$cp_file")"
jdbc="jdbc:mysql://$host:$dbport/$db"
java_opts="-Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Duser.timezone=UTC"
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

b64() { printf '%s' "$1:essor-bench" | base64 -w0; }
counters() { "${mysql_cmd[@]}" -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions', 'Com_select')" \
  | awk '{v[$1]=$2} END {print v["Questions"], v["Com_select"]}'; }
rss_mb() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

# start_essor <label> <dir> [env...]: starts the jar, prints the time to the first page (login page answered 200)
start_essor() {
  local label="$1" dir="$2"; shift 2
  local t0 t1
  t0=$(date +%s.%N)
  if [ -n "${BENCH_PAYARA_MICRO:-}" ]; then
    cp "$root/web/target/essor.war" "$dir/ROOT.war"
    (cd "$dir" && exec env "$@" java $java_opts -jar "$BENCH_PAYARA_MICRO" --deploy "$dir/ROOT.war" --prebootcommandfile \
      "$root/deploy/src/main/config/pre-boot-commands.asadmin" --port "$port" --nohazelcast >"$dir/server.log" 2>&1) &
  else
    (cd "$dir" && exec env "$@" java $java_opts -jar "$jar" --port "$port" --nohazelcast >"$dir/server.log" 2>&1) &
  fi
  pid=$!
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -L -w '%{http_code}' "$base/" 2>/dev/null)" = "200" ]; then
      t1=$(date +%s.%N)
      printf 'START %-8s cold start to the first page: %.1f s (target < 15 s)\n' "$label" "$(echo "$t1 - $t0" | bc)"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "Essor stopped, see $dir/server.log" >&2; tail -30 "$dir/server.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "Essor did not answer in 120 s" >&2; exit 1
}
stop_essor() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }
idle_rss() {
  sleep 20
  printf 'RSS   %-8s resident memory at idle: %d MB (target < 600 MB)\n' "$1" "$(rss_mb "$pid")"
}

# load <name> <connections> <lua> : runs wrk, prints its latency distribution and SQL statements per request
load() {
  local name="$1" conns="$2" lua="$3" out before after requests
  before=$(counters)
  # a request is given 60 s (wrk's default of 2 s would count a slow figure as a timeout and time nothing)
  out=$(wrk -t"$(( conns < 2 ? conns : 2 ))" -c"$conns" -d"${duration}s" --timeout 60s --latency -s "$here/$lua" "$base" 2>&1)
  after=$(counters)
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  [ "${requests:-0}" -gt 0 ] 2>/dev/null || requests=1  # no request completed: the counters are shown per 1
  echo "$out" | sed "s/^/  [$name c=$conns] /" | grep -E "Latency |50%|75%|90%|99%|requests in|Requests/sec|Non-2xx|ALLOCATIONS|Socket errors" || true
  local q s
  q=$(echo "$before $after $requests" | awk '{printf "%.2f", ($3-$1-1)/$5}')
  s=$(echo "$before $after $requests" | awk '{printf "%.2f", ($4-$2)/$5}')
  echo "  [$name c=$conns] SQL per request: $s SELECT, $q statements in all (incl. transaction control)"
  echo "$out" > "$work/$name-c$conns.txt"
}
# p95 from wrk's --latency output (it prints 50/75/90/99): interpolated between 90 % and 99 %
rawsql() { java -cp "$classpath" "$here/RawSql.java" "$jdbc?useSSL=false" "$user" "$password" "$@"; }

# ---------- national figures (issue 12): a year by association, the ten-year trend ----------
national_bench() {
  local admin="admin@bench.essor" first=$(( year - 8 )) last=$(( year + 1 ))
  local by="/api/v1/indicators/associations?year=$year" tr="/api/v1/indicators/years?from=$first&to=$last"
  sql "DELETE FROM published_breakdown; DELETE FROM published_figure; DELETE FROM year_closing"
  for p in "$by" "$tr"; do for _ in 1 2 3; do curl -s -o /dev/null -u "$admin:essor-bench" "$base$p"; done; done
  echo "== national figures by association for $year (admin; no year closed: computed from the records)"
  curl -s -u "$admin:essor-bench" "$base$by" | jq -c '{year, associations: (.associations | length), network}' || true
  BENCH_AUTH=$(b64 "$admin") BENCH_PATHS="$by" load national 1 get.lua
  rawsql 20 "national:$year"
  echo "== network trend $first-$last (admin; no year closed: ten years computed from the records)"
  BENCH_AUTH=$(b64 "$admin") BENCH_PATHS="$tr" load trend 1 get.lua
  rawsql 10 "trend:$first:$last"
  echo "== closing $first-$year (each: the network's and the 35 associations' figures published)"
  for y in $(seq "$first" "$year"); do
    local t0 t1 code
    t0=$(date +%s.%N)
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "$admin:essor-bench" -H 'Content-Type: application/json' \
      -d "{\"year\":$y}" "$base/api/v1/indicators/closings")
    t1=$(date +%s.%N)
    printf '  close %d: %s in %.2f s\n' "$y" "$code" "$(echo "$t1 - $t0" | bc)"
  done
  for p in "$by" "$tr"; do for _ in 1 2 3; do curl -s -o /dev/null -u "$admin:essor-bench" "$base$p"; done; done
  echo "== national figures by association for $year, closed (the published figures, the live network beside them)"
  BENCH_AUTH=$(b64 "$admin") BENCH_PATHS="$by" load national-closed 1 get.lua
  echo "== network trend $first-$last with $first-$year closed (published figures; $(( year + 1 )) computed)"
  BENCH_AUTH=$(b64 "$admin") BENCH_PATHS="$tr" load trend-closed 1 get.lua
  rawsql 10 "trend:$last:$last"
  sql "DELETE FROM published_breakdown; DELETE FROM published_figure; DELETE FROM year_closing"
}

# ---------- loans (issue 14): the nightly arrears run, a year's FEC export of one association ----------
# post_timed <label> <path> <body>: one POST as the national administrator, prints its status and time
post_timed() {
  local out
  out=$(curl -s -o "$work/post.json" -w '%{http_code} %{time_total}' -u "admin@bench.essor:essor-bench" \
    -H 'Content-Type: application/json' -d "$3" "$base$2")
  printf '  %-52s HTTP %s in %.2f s\n' "$1" "${out% *}" "${out#* }"
  echo "    $(head -c 240 "$work/post.json")"
}
loans_bench() {
  local asof="${BENCH_ARREARS_AS_OF:-2026-11-15}" code="${BENCH_FEC_ASSOCIATION:-NAA}" fy="${BENCH_FEC_YEAR:-2025}"
  echo "== loans: $(sql "SELECT CONCAT((SELECT COUNT(DISTINCT allocation_id) FROM instalment), ' loans with a schedule (',
    (SELECT COUNT(*) FROM allocation WHERE loan_product_id IS NOT NULL), ' participative), ', (SELECT COUNT(*) FROM instalment),
    ' instalments (', (SELECT COUNT(*) FROM instalment WHERE status IN ('DUE', 'LATE')), ' open), ',
    (SELECT COUNT(*) FROM guaranteed_loan), ' guaranteed bank loans')")"
  # every run from scratch: no run, snapshot or notice left by an earlier benchmark
  sql "DELETE FROM dunning_notice; DELETE FROM arrears_snapshot; DELETE FROM arrears_run"
  echo "== nightly arrears run (POST /api/v1/arrears/runs as the national administrator; target < 60 s)"
  post_timed "as of $asof (the data's today), first run" "/api/v1/arrears/runs" "{\"asOf\":\"$asof\"}"
  post_timed "as of $asof again (replaces the snapshot)" "/api/v1/arrears/runs" "{\"asOf\":\"$asof\"}"
  echo "  buckets as of $asof: $(sql "SELECT GROUP_CONCAT(CONCAT(bucket, ' ', n) ORDER BY bucket SEPARATOR ', ') FROM (SELECT s.bucket,
    COUNT(*) n FROM arrears_snapshot s JOIN arrears_run r ON r.id = s.run_id WHERE r.as_of = '$asof' GROUP BY s.bucket) t")"
  # the night's first step (LateInstalmentTimer, 02:15): one UPDATE of the instalments past due, rolled back here
  local t0 t1 marked
  t0=$(date +%s.%N)
  marked=$(sql "START TRANSACTION; UPDATE instalment SET status = 'LATE' WHERE status = 'DUE' AND due_date < CURRENT_DATE;
    SELECT ROW_COUNT(); ROLLBACK")
  t1=$(date +%s.%N)
  printf '  %-52s %s rows in %.2f s (rolled back)\n' "instalments past due marked LATE (the 02:15 timer)" "$marked" "$(echo "$t1 - $t0" | bc)"
  # today, as the timer does (ArrearsTimer: the same runner, as of today, with the dunning notices of the day)
  post_timed "as of today, with the dunning notices (the timer's run)" "/api/v1/arrears/runs" "{}"
  echo "  $(sql "SELECT CONCAT(COUNT(*), ' dunning notices recorded') FROM dunning_notice")"
  echo "== FEC export of $code for $fy (GET /api/v1/accounting/$code/fec; target < 30 s)"
  local path="/api/v1/accounting/$code/fec?from=$fy-01-01&to=$fy-12-31" out
  echo "  $(sql "SELECT CONCAT(COUNT(*), ' ledger movements of $code in $fy') FROM ledger_movement m JOIN convention c ON
    c.id = m.convention_id JOIN association a ON a.id = c.association_id WHERE a.code = '$code' AND m.occurred_on BETWEEN '$fy-01-01' AND '$fy-12-31'")"
  for n in 1 2 3; do
    out=$(curl -s -o "$work/fec-$n.txt" -w '%{http_code} %{time_total}' -u "admin@bench.essor:essor-bench" "$base$path")
    printf '  export %d: HTTP %s in %.2f s, %d lines, %d bytes\n' "$n" "${out% *}" "${out#* }" "$(wc -l < "$work/fec-$n.txt")" \
      "$(wc -c < "$work/fec-$n.txt")"
  done
  cmp -s "$work/fec-1.txt" "$work/fec-3.txt" && echo "  the same bytes twice: yes" || echo "  the same bytes twice: NO"
  out=$(curl -s -o "$work/fec-summary.json" -w '%{http_code} %{time_total}' -u "admin@bench.essor:essor-bench" \
    "$base/api/v1/accounting/$code/fec/summary?from=$fy-01-01&to=$fy-12-31")
  printf '  summary: HTTP %s in %.2f s: %s\n' "${out% *}" "${out#* }" "$(head -c 240 "$work/fec-summary.json")"
}

echo "== Essor benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"\
  "$("${mysql_cmd[@]}" -e 'SELECT VERSION()'), buffer pool $(( $("${mysql_cmd[@]}" -e 'SELECT @@innodb_buffer_pool_size') / 1048576 )) MB"
echo "== data: $(sql "SELECT CONCAT((SELECT COUNT(*) FROM association), ' associations, ', (SELECT COUNT(*) FROM application),
  ' applications, ', (SELECT COUNT(*) FROM ledger_movement), ' ledger movements, ', (SELECT COUNT(*) FROM allocation), ' allocations')")"

# ---- the embedded H2 demo: cold start (demo data loaded on the first start) and memory ----
if [ "${BENCH_SKIP_H2:-0}" != "1" ]; then
  mkdir -p "$work/h2"
  start_essor "H2-demo" "$work/h2"
  idle_rss "H2-demo"
  stop_essor
fi

# ---- MariaDB ----
# the allocation benchmark starts from empty BENCH-* conventions (runs repeat)
bench_ids=$(sql "SELECT GROUP_CONCAT(id) FROM convention WHERE reference LIKE 'BENCH-%'")
# (the kept totals of issue 15 go back to 0 with the ledger; their audit events stay: they are sealed)
reset_bench() {
  sql "DELETE FROM ledger_movement WHERE convention_id IN ($bench_ids); DELETE FROM allocation WHERE convention_id IN ($bench_ids);
       UPDATE convention SET allocated = 0, repaid = 0, amount = 25000.00 WHERE id IN ($bench_ids);
       UPDATE convention SET amount = 500.00 WHERE reference = 'BENCH-NAH'"
}
reset_bench
mkdir -p "$work/maria"
start_essor "MariaDB" "$work/maria" ESSOR_DB_URL="$jdbc" ESSOR_DB_USER="$user" ESSOR_DB_PASSWORD="$password" ESSOR_DEMO_DATA=false
idle_rss "MariaDB"

advisor="advisor1.naa@bench.essor"
nat=$(sql "SELECT id FROM convention WHERE reference = 'NAT-NAA'")
year=2025
# BENCH_ONLY=national: the national figures alone (issue 12), then stop
if [ "${BENCH_ONLY:-}" = "national" ]; then
  national_bench
  stop_essor
  echo "== done (BENCH_ONLY=national)"
  exit 0
fi
# BENCH_ONLY=loans: the arrears run and the FEC export alone (issue 14), then stop
if [ "${BENCH_ONLY:-}" = "loans" ]; then
  echo "== load: $(uptime)"
  loans_bench
  echo "== load: $(uptime)"
  stop_essor
  echo "== done (BENCH_ONLY=loans)"
  exit 0
fi
# BENCH_ONLY=allocations: the allocations alone (issue 15: the server beside the raw-SQL limit), no read load
if [ "${BENCH_ONLY:-}" != "allocations" ]; then
echo "== NAT-NAA (the partner dashboard's convention): $(sql "SELECT CONCAT((SELECT COUNT(*) FROM allocation WHERE convention_id = $nat),
  ' allocations, ', (SELECT COUNT(*) FROM ledger_movement WHERE convention_id = $nat), ' ledger movements')")"

# ---------- advisor queue ----------
q1="/api/v1/applications?sort=-submittedAt&size=25"
q2="/api/v1/applications?status=SUBMITTED,IN_REVIEW,INFO_REQUESTED,READY_FOR_COMMITTEE&sort=enterprise&size=25"
q3="/api/v1/applications?q=atelier&sort=-submittedAt&size=25&page=2"
a01=$(sql "SELECT id FROM association WHERE code = 'NAA'")
# the caller's account with its roles (one statement; the server also runs it once more to authenticate)
account="SELECT t0.id, t0.active, t0.created_at, t0.display_name, t0.email, t0.password_hash, t0.preferred_locale, t0.version, t0.association_id, t0.partner_id, t1.role FROM user_account t0 LEFT OUTER JOIN account_role t1 ON t1.account_id = t0.id WHERE t0.email = '%s' AND t0.active = TRUE;"
# the statements the server runs (QueueSql): the page's ids from narrow indexes, then those rows; the count
rows="SELECT a.id, a.reference, a.title, e.legal_name, e.siret, e.department, a.stage, a.status,
 (SELECT SUM(l.amount) FROM application_line l WHERE l.application_id = a.id), a.submitted_at, a.assigned_advisor_id, u.display_name, a.version
 FROM application a JOIN enterprise e ON e.id = a.enterprise_id LEFT JOIN user_account u ON u.id = a.assigned_advisor_id
 JOIN (SELECT a.id AS page_id FROM application a JOIN enterprise e ON e.id = a.enterprise_id"
text="(a.reference LIKE 'ATELIER%' ESCAPE '!' OR (e.id IN (SELECT t.enterprise_id FROM enterprise_search_term t WHERE t.term LIKE 'atelier%' ESCAPE '!')))"
open="a.status IN ('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'READY_FOR_COMMITTEE')"
by_date="ORDER BY a.submitted_at DESC, a.id DESC"
by_name="ORDER BY e.legal_name ASC, a.id ASC"
{
  echo "--- request"; printf "$account\n" "$advisor"
  echo "$rows WHERE a.status <> 'DRAFT' AND e.association_id = $a01 $by_date LIMIT 25 OFFSET 0) p ON p.page_id = a.id $by_date;"
  echo "SELECT COUNT(*) FROM application a JOIN enterprise e ON e.id = a.enterprise_id WHERE a.status <> 'DRAFT' AND e.association_id = $a01;"
  echo "--- request"; printf "$account\n" "$advisor"
  echo "$rows WHERE a.status <> 'DRAFT' AND e.association_id = $a01 AND $open $by_name LIMIT 25 OFFSET 0) p ON p.page_id = a.id $by_name;"
  echo "SELECT COUNT(*) FROM application a JOIN enterprise e ON e.id = a.enterprise_id WHERE a.status <> 'DRAFT' AND e.association_id = $a01 AND $open;"
  echo "--- request"; printf "$account\n" "$advisor"
  echo "$rows WHERE a.status <> 'DRAFT' AND e.association_id = $a01 AND $text $by_date LIMIT 25 OFFSET 50) p ON p.page_id = a.id $by_date;"
  echo "SELECT COUNT(*) FROM application a JOIN enterprise e ON e.id = a.enterprise_id WHERE a.status <> 'DRAFT' AND e.association_id = $a01 AND $text;"
} > "$work/queue.sql"

# ---------- partner dashboard (the REST calls behind the dashboard page) ----------
partner="partner@bench.essor"
figures="COALESCE(SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0),
 COALESCE(SUM(CASE WHEN m.kind = 'DISBURSEMENT' THEN m.amount ELSE 0 END), 0), COALESCE(SUM(CASE WHEN m.kind = 'REPAYMENT' THEN m.amount ELSE 0 END), 0)"
joins="FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id
 JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id"
d1="/api/v1/conventions/$nat"; d2="/api/v1/conventions/$nat/consumption"; d7="/api/v1/conventions/$nat/funded?size=25"
dash_paths="$d1 $d2"
{
  echo "--- request"; printf "$account\n" "$partner"
  echo "SELECT id, amount, kind, period_end, period_start, reference, revolving, status, target_advised, target_financed, target_jobs, version, association_id, partner_id FROM convention WHERE id = $nat;"
  for t in "instrument FROM convention_instrument" "department FROM convention_department" "legal_form FROM convention_legal_form" "stage FROM convention_stage"; do
    echo "SELECT $t WHERE convention_id = $nat;"
  done
  echo "SELECT c.id, c.reference, p.name, a.code, c.kind, c.status, c.period_start, c.period_end, c.amount, c.revolving, $figures
 FROM convention c JOIN partner p ON p.id = c.partner_id JOIN association a ON a.id = c.association_id LEFT JOIN ledger_movement m ON m.convention_id = c.id
 WHERE c.id = $nat GROUP BY c.id, c.reference, p.name, a.code, c.kind, c.status, c.period_start, c.period_end, c.amount, c.revolving;"
  echo "SELECT COUNT(DISTINCT ap.enterprise_id), COALESCE(SUM(ap.jobs_created), 0) FROM application ap WHERE ap.id IN (SELECT d.application_id
 FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id WHERE al.convention_id = $nat AND al.status <> 'RELEASED');"
  echo "--- request"; printf "$account\n" "$partner"
  echo "SELECT YEAR(m.occurred_on), MONTH(m.occurred_on), SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END),
 SUM(CASE WHEN m.kind = 'DISBURSEMENT' THEN m.amount ELSE 0 END), SUM(CASE WHEN m.kind = 'REPAYMENT' THEN m.amount ELSE 0 END)
 FROM ledger_movement m WHERE m.convention_id = $nat GROUP BY YEAR(m.occurred_on), MONTH(m.occurred_on) ORDER BY 1, 2;"
  for dim in "INSTRUMENT g.instrument" "DEPARTMENT e.department" "LEGAL_FORM e.legal_form" "STAGE ap.stage"; do
    set -- $dim
    dash_paths="$dash_paths /api/v1/conventions/$nat/breakdowns/$1"
    echo "--- request"; printf "$account\n" "$partner"
    echo "SELECT id, amount, kind, period_end, period_start, reference, revolving, status, target_advised, target_financed, target_jobs, version, association_id, partner_id FROM convention WHERE id = $nat;"
    echo "SELECT $2, COUNT(*), SUM(al.amount - al.released) $joins WHERE al.convention_id = $nat AND al.status <> 'RELEASED' GROUP BY $2 ORDER BY 3 DESC;"
  done
  echo "--- request"; printf "$account\n" "$partner"
  echo "SELECT e.legal_name, e.department, e.sector, e.legal_form, ap.stage, g.instrument, SUM(al.amount - al.released), SUM(al.disbursed),
 MAX(ap.jobs_created), MAX(ap.jobs_maintained) $joins WHERE al.convention_id = $nat AND al.status <> 'RELEASED'
 GROUP BY e.id, e.legal_name, e.department, e.sector, e.legal_form, ap.id, ap.stage, g.instrument ORDER BY e.legal_name, ap.id, g.instrument LIMIT 25 OFFSET 0;"
  echo "SELECT COUNT(*) FROM (SELECT 1 AS one FROM allocation al JOIN granted_line g ON g.id = al.granted_line_id JOIN decision d ON d.id = g.decision_id
 WHERE al.convention_id = $nat AND al.status <> 'RELEASED' GROUP BY d.application_id, g.instrument) x;"
} > "$work/dashboard.sql"
dash_paths="$dash_paths $d7"

# ---- warm-up: every path a few times ----
for p in $q1 $q2 $q3; do for _ in 1 2 3 4 5; do curl -s -o /dev/null -u "$advisor:essor-bench" "$base$p"; done; done
for p in $dash_paths; do for _ in 1 2 3; do curl -s -o /dev/null -u "$partner:essor-bench" "$base$p"; done; done
for _ in 1 2 3; do curl -s -o /dev/null -u "admin@bench.essor:essor-bench" "$base/api/v1/indicators?year=$year"; done
echo "== sample answers:"
curl -s -u "$advisor:essor-bench" "$base$q1" | head -c 300 || true; echo
curl -s -u "$partner:essor-bench" "$base$d1" | head -c 300 || true; echo
curl -s -u "admin@bench.essor:essor-bench" "$base/api/v1/indicators?year=$year" | head -c 300 || true; echo

echo "== advisor queue (advisor of NAA; three queries in turn: all files by date, open files by enterprise, a text search page 3)"
BENCH_AUTH=$(b64 "$advisor") BENCH_PATHS="$q1 $q2 $q3" load queue 1 get.lua
BENCH_AUTH=$(b64 "$advisor") BENCH_PATHS="$q1 $q2 $q3" load queue 8 get.lua
rawsql 300 "$work/queue.sql"

echo "== partner dashboard of NAT-NAA (the 7 REST calls of the page in turn: detail, consumption, 4 breakdowns, funded page)"
BENCH_AUTH=$(b64 "$partner") BENCH_PATHS="$dash_paths" load dashboard 1 get.lua
BENCH_AUTH=$(b64 "$partner") BENCH_PATHS="$dash_paths" load dashboard 8 get.lua
rawsql 210 "$work/dashboard.sql"

echo "== network indicators for $year (admin)"
BENCH_AUTH=$(b64 "admin@bench.essor") BENCH_PATHS="/api/v1/indicators?year=$year" load indicators 1 get.lua
rawsql 20 "indicators:$year"

national_bench

loans_bench
fi

echo "== allocations: 32 clients, 10.00 EUR each on approved honour-loan lines of NAA-NAH into BENCH-NAA..NAH (BENCH-NAH: 500.00 only)"
sql "SELECT CONCAT('advisor1.', LOWER(a.code), '@bench.essor'), c.id, g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id
 JOIN application ap ON ap.id = d.application_id JOIN enterprise e ON e.id = ap.enterprise_id JOIN association a ON a.id = e.association_id
 JOIN convention c ON c.reference = CONCAT('BENCH-', a.code)
 WHERE ap.status = 'APPROVED' AND g.instrument = 'HONOUR_LOAN' AND a.code BETWEEN 'NAA' AND 'NAH'" \
  | while read -r email conv line; do echo "$(b64 "$email") $conv $line"; done > "$work/alloc.txt"
echo "  $(wc -l < "$work/alloc.txt") lines to allocate on"
# the database's own limit for the same transaction (issue 15): 32 JDBC threads, same lines, same duration, then
# the BENCH conventions emptied again for the server
rawsql 1 "allocations:32:$duration:$work/alloc.txt"
reset_bench
# each advisor signs in once before the load, as the read benchmarks warm up theirs: the load measures allocations,
# not 32 first requests hashing the same 8 passwords at once (PBKDF2, at most one hash per source at a time)
for token in $(cut -d' ' -f1 "$work/alloc.txt" | sort -u); do
  curl -s -o /dev/null -H "Authorization: Basic $token" "$base/api/v1/conventions?size=1"
done
BENCH_ALLOC_FILE="$work/alloc.txt" load allocations 32 allocate.lua
echo "  check: $(sql "SELECT CONCAT(COUNT(*), ' allocations recorded, ', SUM(al.amount), ' EUR') FROM allocation al JOIN convention c ON c.id = al.convention_id WHERE c.reference LIKE 'BENCH-%'")"
echo "  check: conventions allocated beyond their amount (must be 0): $(sql "SELECT COUNT(*) FROM convention c WHERE c.amount < (SELECT COALESCE(SUM(CASE m.kind
 WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0) FROM ledger_movement m WHERE m.convention_id = c.id)")"
echo "  check: lines allocated beyond their granted amount (must be 0): $(sql "SELECT COUNT(*) FROM granted_line g WHERE g.amount < (SELECT
 COALESCE(SUM(al.amount - al.released), 0) FROM allocation al WHERE al.granted_line_id = g.id AND al.status <> 'RELEASED')")"
echo "  check: conventions whose kept totals differ from their ledger (must be 0): $(sql "SELECT COUNT(*) FROM convention c
 WHERE c.allocated <> (SELECT COALESCE(SUM(CASE m.kind WHEN 'ALLOCATION' THEN m.amount WHEN 'RELEASE' THEN -m.amount ELSE 0 END), 0)
 FROM ledger_movement m WHERE m.convention_id = c.id)")"
echo "  check: BENCH-NAH (500.00): $(sql "SELECT CONCAT(COALESCE(SUM(m.amount), 0), ' EUR allocated') FROM ledger_movement m JOIN convention c ON c.id = m.convention_id WHERE c.reference = 'BENCH-NAH' AND m.kind = 'ALLOCATION'")"
echo "  check: allocations without their ALLOCATION movement (must be 0): $(sql "SELECT COUNT(*) FROM allocation al JOIN convention c ON c.id = al.convention_id
 WHERE c.reference LIKE 'BENCH-%' AND NOT EXISTS (SELECT 1 FROM ledger_movement m WHERE m.allocation_id = al.id AND m.kind = 'ALLOCATION' AND m.amount = al.amount)")"
printf 'RSS   %-8s resident memory after the benchmarks: %d MB\n' "MariaDB" "$(rss_mb "$pid")"
stop_essor
echo "== done"
