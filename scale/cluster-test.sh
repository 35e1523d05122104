#!/usr/bin/env bash
# Several authority nodes over a PostgreSQL cluster that fails over, all on 127.0.0.1
# (docs/scale-out.md). Starts etcd, Patroni with two PostgreSQL 15 instances (synchronous_mode),
# two `keyward authority serve` nodes sharing their secrets through the database (one master key),
# and HAProxy with two frontends: HTTP to the authority nodes (health check GET /healthz) and TCP
# to the current PostgreSQL primary (health check: Patroni's REST GET /primary). Then it drives a
# bounded, fixed-rate load of activations through HAProxy (ClusterLoad: a client that sends an
# interrupted activation again and records every certificate it receives), kills the PostgreSQL
# primary (kill -9 of its Patroni and postmaster) and one authority node during the load, and
# checks:
#   - every certificate a client received is stored exactly so and verifies (ClusterCheck);
#   - every pool count equals its stored activations; a MAK raced across both nodes has exactly
#     its pool size of activations; as many activations are stored as machines got certificates;
#   - no machine got two different certificates, and retried activations got the same one;
#   - the audit chain verifies (`keyward admin audit verify`);
#   - the cluster served again within SERVE_AGAIN_LIMIT seconds of the kill;
#   - a third node started with an empty data directory takes the same keys and admin token.
# Everything it starts is stopped on exit (trap), every wait is bounded, all data lives in a temp
# directory, ports are random free ones.
#
# Needs (Debian): postgresql-15 etcd-server etcd-client patroni haproxy curl. Run as root (etcd and
# Patroni then run as the postgres user through setpriv) or as an ordinary user.
#
# Settings (environment): BUILD (1: build cli and benchmarks first), RETAIL (1600 machines, one
# retail key each), MAK_POOL (50), MAK_MACHINES (150), RATE (40 activations/s), CLIENTS (16),
# KILL_PG_AT (10 s into the load), KILL_NODE_AT (15 s), SERVE_AGAIN_LIMIT (60 s), KILLS (1; 0: no
# kills, to measure the cluster's rate), KEEP (0: delete the work directory).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BUILD=${BUILD:-1}
RETAIL=${RETAIL:-1600}
MAK_POOL=${MAK_POOL:-50}
MAK_MACHINES=${MAK_MACHINES:-150}
RATE=${RATE:-40}
CLIENTS=${CLIENTS:-16}
KILL_PG_AT=${KILL_PG_AT:-10}
KILL_NODE_AT=${KILL_NODE_AT:-15}
SERVE_AGAIN_LIMIT=${SERVE_AGAIN_LIMIT:-60}
KEEP=${KEEP:-0}
KILLS=${KILLS:-1}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

T0=$(date +%s)
say() { printf '[%4ss] %s\n' "$(($(date +%s) - T0))" "$*"; }
fail() { say "FAIL: $*"; exit 1; }

for tool in etcd patroni haproxy curl "$PG_BIN/postgres" "$PG_BIN/psql"; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] ||
    fail "$tool not found: apt-get install postgresql-15 etcd-server etcd-client patroni haproxy curl"
done

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
if [ "$BUILD" = 1 ]; then
  say "build: mvn -Pbenchmarks package -pl cli,benchmarks -am -DskipTests"
  mvn -B -ntp -q ${MVN_OFFLINE:+-o} -Pbenchmarks package -pl cli,benchmarks -am -DskipTests
fi
CLI_JAR=$ROOT/cli/target/keyward.jar
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar
[ -f "$CLI_JAR" ] && [ -f "$BENCH_JAR" ] || fail "build the jars first (BUILD=1)"

WORK=$(mktemp -d /tmp/keyward-cluster.XXXXXX)
chmod 755 "$WORK"
# as_pg replaces the shell it runs in (exec): `as_pg CMD &` leaves $! the pid of CMD itself, so
# that a kill reaches etcd or Patroni, not a subshell waiting for it.
if [ "$(id -u)" = 0 ]; then
  as_pg() { exec setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
  PG_USER=postgres
else
  as_pg() { exec "$@"; }
  PG_USER=$(id -un)
fi

# ---- ports: random free ones on 127.0.0.1 below the ephemeral range, none twice
TAKEN=" "
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 12000))
    if [[ "$TAKEN" != *" $p "* ]] && [ -z "$(ss -Htan "sport = :$p")" ]; then
      TAKEN="$TAKEN$p "
      echo "$p"
      return 0
    fi
  done
  return 1
}
ETCD_CLIENT=$(free_port); ETCD_PEER=$(free_port)
PG1=$(free_port); PG2=$(free_port); REST1=$(free_port); REST2=$(free_port)
LB_PG=$(free_port); LB_HTTP=$(free_port)
NODE1=$(free_port); NODE2=$(free_port); NODE3=$(free_port)

# ---- stopping everything this script started
PIDS_AUTH=()
ETCD_PID=
HAPROXY_PID=
PATRONI_PIDS=()
stop_pid() { # pid, seconds to wait after TERM before KILL
  local pid=$1 wait=${2:-15}
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((wait * 5))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  set +e
  for pid in "${PIDS_AUTH[@]}"; do stop_pid "$pid" 15; done
  stop_pid "$HAPROXY_PID" 5
  for pid in "${PATRONI_PIDS[@]}"; do stop_pid "$pid" 30; done
  # A postmaster left by a killed Patroni: stopped by its own pid file.
  for n in 1 2; do
    if [ -f "$WORK/pg$n/data/postmaster.pid" ]; then
      stop_pid "$(head -1 "$WORK/pg$n/data/postmaster.pid")" 15
    fi
  done
  stop_pid "$ETCD_PID" 10
  wait 2>/dev/null
  if [ "$KEEP" = 1 ] || [ $status -ne 0 ]; then
    say "work directory kept: $WORK (logs: *.log)"
  else
    rm -rf "$WORK"
  fi
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_until() { # seconds, description, command...
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  fail "$what: not within $seconds s"
}
http_code() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$1" || true; }
is_primary() { [ "$(http_code "http://127.0.0.1:$1/primary")" = 200 ]; }
is_replica() { [ "$(http_code "http://127.0.0.1:$1/replica")" = 200 ]; }
healthy() { [ "$(http_code "http://127.0.0.1:$1/healthz")" = 200 ]; }

# ---- etcd (one member; the issue's three-member set-up only adds start time)
mkdir -p "$WORK/etcd" "$WORK/pg1" "$WORK/pg2"
chown "$PG_USER" "$WORK/etcd" "$WORK/pg1" "$WORK/pg2" 2>/dev/null || true
chmod 700 "$WORK/etcd" "$WORK/pg1" "$WORK/pg2"
say "etcd on 127.0.0.1:$ETCD_CLIENT"
as_pg etcd --name e1 --data-dir "$WORK/etcd/data" \
  --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT" \
  --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT" \
  --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" \
  --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
  --initial-cluster "e1=http://127.0.0.1:$ETCD_PEER" --initial-cluster-state new \
  >"$WORK/etcd.log" 2>&1 &
ETCD_PID=$!
wait_until 30 "etcd healthy" curl -sf -m 2 "http://127.0.0.1:$ETCD_CLIENT/health"

# ---- Patroni: two PostgreSQL 15 instances, synchronous replication
patroni_config() { # n, pg port, rest port
  cat <<EOF
scope: keyward-$ETCD_CLIENT
name: pg$1
restapi:
  listen: 127.0.0.1:$3
  connect_address: 127.0.0.1:$3
etcd3:
  hosts: 127.0.0.1:$ETCD_CLIENT
bootstrap:
  dcs:
    ttl: 20
    loop_wait: 2
    retry_timeout: 5
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        max_connections: 200
        wal_log_hints: "on"
        synchronous_commit: "on"
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
postgresql:
  listen: 127.0.0.1:$2
  connect_address: 127.0.0.1:$2
  data_dir: $WORK/pg$1/data
  bin_dir: $PG_BIN
  pgpass: $WORK/pg$1/pgpass
  authentication:
    superuser: {username: postgres, password: keyward}
    replication: {username: replicator, password: keyward}
    rewind: {username: rewinder, password: keyward}
  parameters:
    unix_socket_directories: $WORK/pg$1
  pg_hba:
    - local all all trust
    - host all all 127.0.0.1/32 trust
    - host replication replicator 127.0.0.1/32 trust
EOF
}
patroni_config 1 "$PG1" "$REST1" >"$WORK/pg1/patroni.yml"
patroni_config 2 "$PG2" "$REST2" >"$WORK/pg2/patroni.yml"
chown "$PG_USER" "$WORK"/pg?/patroni.yml 2>/dev/null || true
say "Patroni pg1 (PostgreSQL 127.0.0.1:$PG1, REST :$REST1), then pg2 (:$PG2, REST :$REST2)"
as_pg patroni "$WORK/pg1/patroni.yml" >"$WORK/pg1/patroni.log" 2>&1 &
PATRONI_PIDS+=($!)
wait_until 60 "pg1 primary" is_primary "$REST1"
as_pg patroni "$WORK/pg2/patroni.yml" >"$WORK/pg2/patroni.log" 2>&1 &
PATRONI_PIDS+=($!)
wait_until 90 "pg2 streaming replica" is_replica "$REST2"
wait_until 30 "pg2 synchronous standby" \
  bash -c "curl -s -m 2 http://127.0.0.1:$REST1/cluster | grep -q '\"sync_standby\"'"
say "PostgreSQL cluster up: pg1 primary, pg2 synchronous standby"

# ---- HAProxy: authority nodes (HTTP, /healthz) and the PostgreSQL primary (TCP, Patroni /primary)
# With no node up (while every /healthz reports the database away) the load balancer answers like
# a node: 503, Retry-After and the retryable code 0xC0DE0058, which clients send again.
{
  printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/problem+json\r\n'
  printf 'Retry-After: 2\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n'
  printf '%s' '{"type":"https://keyward.dev/errors/0xC0DE0058","title":"KW_E_AUTHORITY_DATABASE_UNAVAILABLE",' \
    '"status":503,"detail":"No authority node can reach the database at the moment; the request was not applied. Send it again.",' \
    '"code":"0xC0DE0058","name":"KW_E_AUTHORITY_DATABASE_UNAVAILABLE",' \
    '"message":"No authority node can reach the database at the moment; the request was not applied. Send it again.",' \
    '"remedy":"Send the same request again after the Retry-After seconds."}'
} >"$WORK/haproxy-503.http"
cat >"$WORK/haproxy.cfg" <<EOF
global
  maxconn 4000
defaults
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 2s
frontend authority
  mode http
  bind 127.0.0.1:$LB_HTTP
  default_backend authority_nodes
backend authority_nodes
  mode http
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  option forwardfor
  errorfile 503 $WORK/haproxy-503.http
  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions
  server node1 127.0.0.1:$NODE1 check
  server node2 127.0.0.1:$NODE2 check
listen postgres_primary
  mode tcp
  bind 127.0.0.1:$LB_PG
  option httpchk GET /primary
  http-check expect status 200
  default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions
  server pg1 127.0.0.1:$PG1 check port $REST1
  server pg2 127.0.0.1:$PG2 check port $REST2
EOF
haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
sleep 1
kill -0 "$HAPROXY_PID" 2>/dev/null || fail "HAProxy did not start: $(cat "$WORK/haproxy.log")"
PSQL=("$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$LB_PG" -U postgres)
wait_until 30 "PostgreSQL through HAProxy" "${PSQL[@]}" -d postgres -c "SELECT 1"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE keyward"
say "HAProxy: authority on 127.0.0.1:$LB_HTTP, PostgreSQL primary on 127.0.0.1:$LB_PG"

# ---- authority nodes: one master key, one database, secrets shared through it
head -c 32 /dev/urandom | base64 >"$WORK/master.key"
chmod 600 "$WORK/master.key"
DB_URL="jdbc:postgresql://127.0.0.1:$LB_PG/keyward?user=postgres&connectTimeout=3&socketTimeout=30&tcpKeepAlive=true"
start_node() { # n, port
  local data=$WORK/node$1
  mkdir -p "$data"
  chmod 700 "$data"
  # One client address (the load balancer, trusted for X-Forwarded-For): no per-address limits.
  printf '%s\n' 'rateLimits:' '  perAddress: {burst: 0, perSecond: 1}' \
    '  perKey: {burst: 0, perSecond: 1}' '  failuresPerAddress: {burst: 0}' \
    'connections: {maxPerAddress: 0}' 'trustedProxies: [127.0.0.1]' >"$data/authority.yaml"
  "$JAVA" -Xmx256m --enable-native-access=ALL-UNNAMED -jar "$CLI_JAR" authority serve \
    --data "$data" --port "$2" --db "$DB_URL" --master-key-file "$WORK/master.key" \
    >"$WORK/node$1.log" 2>&1 &
  PIDS_AUTH+=($!)
}
say "authority nodes on :$NODE1 and :$NODE2 (started together: one stores the secrets)"
start_node 1 "$NODE1"
start_node 2 "$NODE2"
NODE1_PID=${PIDS_AUTH[0]}
NODE2_PID=${PIDS_AUTH[1]}
wait_until 90 "node1 healthy" healthy "$NODE1"
wait_until 90 "node2 healthy" healthy "$NODE2"
wait_until 10 "the load balancer sees the nodes" healthy "$LB_HTTP"
cmp -s "$WORK/node1/admin-token" "$WORK/node2/admin-token" || fail "the nodes have different admin tokens"
[ "$(curl -s "http://127.0.0.1:$NODE1/v1/trust")" = "$(curl -s "http://127.0.0.1:$NODE2/v1/trust")" ] ||
  fail "the nodes publish different keys"
say "both nodes up, same admin token and same published keys; cluster up in $(($(date +%s) - T0)) s"

# ---- the load, and the kills during it
primary_rest() { if is_primary "$REST1"; then echo "$REST1"; else echo "$REST2"; fi; }
say "load: $RETAIL retail machines and $MAK_MACHINES machines on a MAK of pool $MAK_POOL, $RATE/s, $CLIENTS clients"
"$JAVA" -cp "$BENCH_JAR" dev.keyward.benchmarks.cluster.ClusterLoad \
  --url "http://127.0.0.1:$LB_HTTP" --token-file "$WORK/node1/admin-token" \
  --retail "$RETAIL" --mak-pool "$MAK_POOL" --mak-machines "$MAK_MACHINES" --rate "$RATE" \
  --clients "$CLIENTS" --out "$WORK/certificates.jsonl" >"$WORK/load.log" 2>&1 &
LOAD_PID=$!
wait_until 120 "the load started" grep -q LOAD_START "$WORK/load.log"
if [ "$KILLS" = 1 ]; then
sleep "$KILL_PG_AT"
OLD=$(primary_rest)
if [ "$OLD" = "$REST1" ]; then N=1; NEW_REST=$REST2; else N=2; NEW_REST=$REST1; fi
POSTMASTER=$(head -1 "$WORK/pg$N/data/postmaster.pid")
KILL_MS=$(date +%s%3N)
kill -9 "${PATRONI_PIDS[$((N - 1))]}" "$POSTMASTER"
say "killed the PostgreSQL primary pg$N (kill -9 of its Patroni and its postmaster $POSTMASTER)"
sleep $((KILL_NODE_AT - KILL_PG_AT))
kill -9 "$NODE2_PID"
say "killed authority node2 (kill -9)"
wait_until 90 "the standby promoted" is_primary "$NEW_REST"
say "failover: the standby is the primary $(( ($(date +%s%3N) - KILL_MS) / 1000 )) s after the kill"
fi
for _ in $(seq 1 600); do kill -0 "$LOAD_PID" 2>/dev/null || break; sleep 0.5; done
kill -0 "$LOAD_PID" 2>/dev/null && fail "the load did not end within 5 minutes"
wait "$LOAD_PID" || fail "the load generator failed: $(tail -5 "$WORK/load.log")"
grep -v '^LOAD_START' "$WORK/load.log"

# ---- CPU each kind of node used from its start to the end of the load (machine shared: rough)
cpu_s() { # pid: user + system seconds, or "-" once gone
  if [ -r "/proc/$1/stat" ]; then
    awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat"
  else echo "-"; fi
}
say "CPU seconds so far: node1 $(cpu_s "$NODE1_PID"), HAProxy $(cpu_s "$HAPROXY_PID"), etcd $(cpu_s "$ETCD_PID"), Patroni $(cpu_s "${PATRONI_PIDS[0]}") + $(cpu_s "${PATRONI_PIDS[1]}") (Python only; PostgreSQL not included)"

# ---- checks
RESULT=$(grep '^RESULT ' "$WORK/load.log")
field() { echo "$RESULT" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
MAK_ID=$(sed -n 's/^MAK_ID //p' "$WORK/load.log")
FAILED=0
check() { if [ "$1" = ok ]; then echo "ok   $2"; else echo "FAIL $2"; FAILED=1; fi; }
[ "$(field retail_granted)" = "$RETAIL" ] && r=ok || r=no
check $r "every retail machine got a certificate: $(field retail_granted)/$RETAIL"
[ "$(field mak_granted)" = "$MAK_POOL" ] && [ "$(field mak_refused)" = $((MAK_MACHINES - MAK_POOL)) ] && r=ok || r=no
check $r "MAK clients: $(field mak_granted) granted, $(field mak_refused) refused (pool $MAK_POOL of $MAK_MACHINES machines)"
[ "$(field mismatches)" = 0 ] && [ "$(field unexpected)" = 0 ] && r=ok || r=no
check $r "no machine got two different certificates ($(field repeats) deliberate repeats, $(field interrupted_then_reissued) interrupted activations answered with the stored certificate), no unexpected answer"
if [ "$KILLS" = 1 ]; then
  [ "$(field retries)" -gt 0 ] && r=ok || r=no
  check $r "the kills interrupted requests that the clients sent again: $(field retries) retries"
fi
GAP=$(field longest_gap_ms)
[ "$GAP" -le $((SERVE_AGAIN_LIMIT * 1000)) ] && r=ok || r=no
check $r "served again: longest time without an answer $((GAP / 1000)).$(( (GAP % 1000) / 100 )) s (limit $SERVE_AGAIN_LIMIT s)"
"$JAVA" -cp "$BENCH_JAR" dev.keyward.benchmarks.cluster.ClusterCheck \
  --jdbc "jdbc:postgresql://127.0.0.1:$LB_PG/keyward?user=postgres" \
  --url "http://127.0.0.1:$LB_HTTP" --certs "$WORK/certificates.jsonl" \
  --mak-id "$MAK_ID" --mak-pool "$MAK_POOL" || FAILED=1
if "$JAVA" -jar "$CLI_JAR" admin --authority "http://127.0.0.1:$LB_HTTP" --data "$WORK/node1" \
  audit verify >"$WORK/audit.txt" 2>"$WORK/audit.err"; then
  check ok "keyward admin audit verify: $(head -1 "$WORK/audit.txt")"
else
  check no "keyward admin audit verify: $(cat "$WORK/audit.txt" "$WORK/audit.err")"
fi

# ---- the killed PostgreSQL node rejoins as a standby (Patroni rewinds it with pg_rewind)
if [ "$KILLS" = 1 ]; then
  as_pg patroni "$WORK/pg$N/patroni.yml" >>"$WORK/pg$N/patroni.log" 2>&1 &
  PATRONI_PIDS[$((N - 1))]=$!
  wait_until 120 "pg$N rejoined as a streaming standby" is_replica "$OLD"
  check ok "pg$N, killed as the primary, rejoined as a standby"
fi

# ---- add a node: an empty data directory and the master key are all it needs
start_node 3 "$NODE3"
wait_until 90 "node3 healthy" healthy "$NODE3"
cmp -s "$WORK/node1/admin-token" "$WORK/node3/admin-token" &&
  [ "$(curl -s "http://127.0.0.1:$NODE1/v1/trust")" = "$(curl -s "http://127.0.0.1:$NODE3/v1/trust")" ] &&
  r=ok || r=no
check $r "a node added with an empty data directory took the shared keys and admin token"

say "done in $(($(date +%s) - T0)) s"
[ $FAILED = 0 ] || fail "some checks failed"
echo "CLUSTER TEST PASSED"
