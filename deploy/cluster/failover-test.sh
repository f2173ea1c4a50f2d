#!/usr/bin/env bash
# Scale-out test: starts the cluster (start.sh: own MariaDB, two Payara Micro nodes in one data
# grid, nginx in front), then
#   1. concurrent allocations sent to BOTH nodes directly never over-allocate: 120 requests of
#      1,000.00 from 16 threads against a 50,000.00 convention; exactly 50 are created, and SQL
#      afterwards finds no convention nor line allocated beyond its amount; then (1b) the audit
#      events of both nodes are all sealed, each sequence once, and each node's chain check is intact;
#   2. EclipseLink's shared cache stays fresh: the administrator creates an association on node1,
#      node2 lists it (and caches it), node1 deactivates it, node2 must show it deactivated
#      (CLUSTER_CACHE_COORDINATION=off shows the stale copy this step catches);
#   3. a browser session survives the loss of its node: signs in through nginx with the login form
#      (cookie kept), finds the node that served it (nginx's X-Essor-Upstream header), stops that
#      node (SIGTERM, or SIGKILL with FAILOVER_SIGNAL=KILL), then on the other node: a page that
#      needs the login loads with the same user signed in, and a form posted with the view state
#      rendered by the stopped node is accepted (the language switch).
# Stops everything it started (stop.sh), also on failure. Exit code 0 = PASS.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/../lib.sh"
export CLUSTER_DIR="${CLUSTER_DIR:-/tmp/essor-cluster-test}"
dir="$CLUSTER_DIR"
lb="http://127.0.0.1:${CLUSTER_LB_PORT:-18090}"
signal="${FAILOVER_SIGNAL:-TERM}"
client="$root/deploy/faults/FaultClient.java"
user="conseil@demo.essor"

trap '"$here/stop.sh"' EXIT INT TERM
if [ -d "$dir" ] && ! ls "$dir"/*.pid >/dev/null 2>&1; then rm -rf "$dir"; fi
"$here/start.sh"
sql() { mariadb --socket="$dir/mariadb.sock" -uroot -N -B essor -e "$1"; }
fail=0
check() { # check DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then echo "   ok: $what"; else echo "   FAILED: $what"; fail=1; fi
}

echo "== 1. concurrent allocations on both nodes"
partner=$(sql "SELECT id FROM partner WHERE name = 'Banque des Territoires'")
association=$(sql "SELECT id FROM association WHERE code = 'CVL'")
setup=$(java "$client" setup "$lb" "$partner" "$association" 50000.00)
convention=$(sed -n 's/.*convention=\([0-9]*\).*/\1/p' <<<"$setup")
application=$(sed -n 's/.*application=\([0-9]*\).*/\1/p' <<<"$setup")
lines=$(sql "SELECT g.id FROM granted_line g JOIN decision d ON d.id = g.decision_id
             WHERE d.application_id = $application AND d.outcome = 'APPROVED' ORDER BY g.line_no" | paste -sd,)
race=$(java "$client" race "http://127.0.0.1:18081,http://127.0.0.1:18082" "$convention" "$lines" 120 1000.00)
echo "   $race"
created=$(sed -n 's/.*: \([0-9]*\) created (201.*/\1/p' <<<"$race")
allocated=$(sql "SELECT CAST(COALESCE(SUM(amount - released), 0) AS DECIMAL(15,2)) FROM allocation WHERE convention_id = $convention")
over=$(sql "SELECT (SELECT COUNT(*) FROM convention c WHERE c.amount < (SELECT COALESCE(SUM(a.amount - a.released), 0)
              FROM allocation a WHERE a.convention_id = c.id))
            + (SELECT COUNT(*) FROM granted_line g WHERE g.amount < (SELECT COALESCE(SUM(a.amount - a.released), 0)
              FROM allocation a WHERE a.granted_line_id = g.id))")
echo "   SQL: convention $convention allocated $allocated of 50000.00; conventions or lines over-allocated: $over"
check "exactly 50 allocations created" [ "$created" = 50 ]
check "the convention holds exactly its amount" [ "$allocated" = "50000.00" ]
check "nothing over-allocated anywhere" [ "$over" = 0 ]

echo "== 1b. the audit trail after writes on both nodes: sealed once, in one chain"
# Each node runs its sealer every second; both sealed the events of the race above.
unsealed=1
for _ in $(seq 1 20); do
  unsealed=$(sql "SELECT COUNT(*) FROM audit_event WHERE seq IS NULL")
  [ "$unsealed" = 0 ] && break
  sleep 0.5
done
chain=$(sql "SELECT CONCAT(COUNT(*), ' ', COUNT(DISTINCT seq), ' ', MIN(seq), ' ', MAX(seq)) FROM audit_event WHERE seq IS NOT NULL")
read -r sealed distinct first last <<<"$chain"
echo "   SQL: $sealed sealed events, $distinct distinct sequences from $first to $last, $unsealed unsealed"
check "nothing left unsealed" [ "$unsealed" = 0 ]
check "no sequence given twice and none skipped (two sealers, one chain)" \
  bash -c "[ '$sealed' = '$distinct' ] && [ $((last - first + 1)) = '$sealed' ]"
admin_auth="Authorization: Basic $(printf '%s' 'admin@demo.essor:essor-demo' | base64)"
for port in 18081 18082; do
  verdict=$(curl -sS -H "$admin_auth" "http://127.0.0.1:$port/api/v1/admin/audit/check")
  echo "   node on $port: $verdict"
  check "the chain check on $port finds it intact up to the head" \
    bash -c "grep -q '\"intact\":true' <<<'$verdict' && grep -q '\"unsealed\":0' <<<'$verdict' \
      && grep -q '\"headSeq\":$last[,}]' <<<'$verdict'"
done

view_state() { sed -n 's/.*name="jakarta.faces.ViewState"[^>]*value="\([^"]*\)".*/\1/p' "$1" | head -1; }
upstream() { tr -d '\r' <"$1" | sed -n 's/^X-Essor-Upstream: //Ip' | tail -1; }
signed_in() { grep -o 'id="signed-in-as">[^<]*' "$1" | cut -d'>' -f2; }
# login BASE JAR EMAIL: the login form (GET for the view state, then POST); prints the HTTP status
login() {
  local base=$1 jar=$2 email=$3 vs
  curl -sS -c "$jar" -b "$jar" -o "$dir/login-page" "$base/login.xhtml"
  vs=$(view_state "$dir/login-page")
  curl -sS -c "$jar" -b "$jar" -D "$dir/login-h" -o /dev/null -w '%{http_code}' -H "Origin: $base" \
    --data-urlencode "login=login" --data-urlencode "login:email=$email" --data-urlencode "login:password=essor-demo" \
    --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$vs" "$base/login.xhtml"
}
# row_of PAGE CODE: the table row of an association on the administrators' associations page
row_of() { tr '\n' ' ' <"$1" | sed 's/<tr/\n<tr/g' | grep ">$2<" | head -1; }

echo "== 2. EclipseLink's shared cache stays fresh across nodes (Association is @Cacheable)"
n1=http://127.0.0.1:18081
n2=http://127.0.0.1:18082
code_a=CACHETEST
la=$(login "$n1" "$dir/admin1.txt" admin@demo.essor)
lb2=$(login "$n2" "$dir/admin2.txt" admin@demo.essor)
echo "   admin login: node1 HTTP $la, node2 HTTP $lb2"
check "the administrator signs in on each node directly" [ "$la$lb2" = 302302 ]
curl -sS -c "$dir/admin1.txt" -b "$dir/admin1.txt" -o "$dir/assoc1" "$n1/admin/associations.xhtml"
code=$(curl -sS -c "$dir/admin1.txt" -b "$dir/admin1.txt" -o "$dir/assoc1b" -w '%{http_code}' -H "Origin: $n1" \
  --data-urlencode "create=create" --data-urlencode "create:code=$code_a" --data-urlencode "create:name=Cache $code_a" \
  --data-urlencode "create:region=Test" --data-urlencode "create:submit=" \
  --data-urlencode "jakarta.faces.ViewState=$(view_state "$dir/assoc1")" "$n1/admin/associations.xhtml")
echo "   association $code_a created on node1: HTTP $code"
curl -sS -b "$dir/admin2.txt" -c "$dir/admin2.txt" -o "$dir/assoc2" "$n2/admin/associations.xhtml"
before=$(row_of "$dir/assoc2" "$code_a" | grep -o 'status-o[a-z]*' | head -1)
check "node2 lists $code_a as active (and now holds it in its cache)" [ "$before" = status-ok ]
curl -sS -c "$dir/admin1.txt" -b "$dir/admin1.txt" -o "$dir/assoc1c" "$n1/admin/associations.xhtml"
button=$(row_of "$dir/assoc1c" "$code_a" | grep -o 'name="list:associations:[0-9]*:toggle"' | head -1 | cut -d'"' -f2)
code=$(curl -sS -c "$dir/admin1.txt" -b "$dir/admin1.txt" -o "$dir/assoc1d" -w '%{http_code}' -H "Origin: $n1" \
  --data-urlencode "list=list" --data-urlencode "$button=" \
  --data-urlencode "jakarta.faces.ViewState=$(view_state "$dir/assoc1c")" "$n1/admin/associations.xhtml")
in_db=$(sql "SELECT active FROM association WHERE code = '$code_a'")
echo "   $code_a deactivated on node1 ($button): HTTP $code; in the database active=$in_db"
curl -sS -b "$dir/admin2.txt" -c "$dir/admin2.txt" -o "$dir/assoc2b" "$n2/admin/associations.xhtml"
shown=$(row_of "$dir/assoc2b" "$code_a" | grep -o 'status-o[a-z]*' | head -1)
echo "   node2 now shows $code_a as: $shown (status-ok = active, status-off = deactivated)"
check "the database holds the deactivation" [ "$in_db" = 0 ]
check "node2 shows $code_a deactivated, not its stale cached copy" [ "$shown" = status-off ]

echo "== 3. session failover through nginx"
jar="$dir/cookies.txt"
rm -f "$jar"
code=$(login "$lb" "$jar" "$user")
location=$(tr -d '\r' <"$dir/login-h" | sed -n 's/^Location: //Ip')
echo "   login: HTTP $code to $location (served by $(upstream "$dir/login-h"))"
check "the login form signs in (302 to the advisor's home)" [ "$code" = 302 ]
code=$(curl -sS -c "$jar" -b "$jar" -D "$dir/h3" -o "$dir/b3" -w '%{http_code}' "$lb/advisor/index.xhtml")
served=$(upstream "$dir/h3")
served=${served##*, }
echo "   advisor home: HTTP $code, served by $served, $(signed_in "$dir/b3")"
check "the advisor's home loads signed in" grep -q "signed-in-as\">[^<]*$user" "$dir/b3"
vs_before=$(view_state "$dir/b3")
case "$served" in
  *:18081) victim=node1; survivor=18082 ;;
  *:18082) victim=node2; survivor=18081 ;;
  *) echo "   cannot tell which node served: '$served'"; exit 1 ;;
esac
pid=$(cat "$dir/$victim.pid")
t0=$(date +%s%3N)
kill -s "$signal" "$pid"
for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
echo "   $victim (pid $pid, served the session) stopped with SIG$signal in $(( $(date +%s%3N) - t0 )) ms"
t1=$(date +%s%3N)
code=$(curl -sS -c "$jar" -b "$jar" -D "$dir/h4" -o "$dir/b4" -w '%{http_code}' "$lb/advisor/index.xhtml")
t2=$(date +%s%3N)
now=$(upstream "$dir/h4")
echo "   advisor home again: HTTP $code in $((t2 - t1)) ms, served by $now, $(signed_in "$dir/b4")"
check "served by the other node" [ "${now##*, }" = "127.0.0.1:$survivor" ]
check "same user still signed in on the other node (HTTP 200, not the login page)" \
  bash -c "[ '$code' = 200 ] && grep -q 'signed-in-as\">[^<]*$user' '$dir/b4'"
code=$(curl -sS -c "$jar" -b "$jar" -D "$dir/h5" -o "$dir/b5" -w '%{http_code}' -H "Origin: $lb" \
  --data-urlencode "lang=lang" --data-urlencode "lang:switch=English" --data-urlencode "jakarta.faces.ViewState=$vs_before" \
  "$lb/advisor/index.xhtml")
echo "   form posted with the stopped node's view state: HTTP $code, served by $(upstream "$dir/h5"),\
 $(signed_in "$dir/b5")"
check "the postback is accepted on the other node and switches the language" \
  bash -c "[ '$code' = 200 ] && grep -q 'signed-in-as\">Signed in: $user' '$dir/b5'"
sessions=$(grep -c "ESSORSESSION" "$jar" || true)
echo "   session cookies held: $sessions"

if [ "$fail" = 0 ]; then echo "RESULT: PASS"; else echo "RESULT: FAIL"; fi
exit "$fail"
