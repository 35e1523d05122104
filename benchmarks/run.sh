#!/usr/bin/env bash
# Builds the authority and the benchmarks, starts PostgreSQL (a throw-away cluster on 127.0.0.1)
# and the authority as a separate process on SQLite and on PostgreSQL, drives POST /v1/activate
# with the load generator, measures each database's own ceiling with the same statements (a JDBC
# loop for SQLite, pgbench for PostgreSQL), runs the JMH benchmarks and prints one table.
# Everything runs on this machine against 127.0.0.1 and stops by itself. docs/benchmarks.md.
#
# Settings (environment): CLIENTS (64), WARMUP (10 s), DURATION (20 s), RETAIL_KEYS (20000),
# MAK_KEYS (2000), MAK_POOL (200: enough new machines for the open-loop phases at 6,000/s), RETRIES (10 %), PG_CLIENTS ("8 16 32"), HTTP (raw: the load
# generator's lean HTTP/1.1 client; jdk: java.net.http.HttpClient), JMH (1: run JMH, 0: skip),
# ONLY ("sqlite", "postgresql" or both), CEILINGS (1; 0 skips the databases' ceilings: A/B runs
# of two authorities), BUILD (1), KEEP (0: delete the work directory),
# QUIET_WAIT (600 s: how long to wait for other processes to leave the CPU before each step),
# CLI_JAR (the authority to measure; default cli/target/keyward.jar, for before/after runs),
# OPEN_LOOP ("0.5 0.8": open-loop runs at these shares of the closed-loop peak; "" for none),
# TIMELINE (a directory: each open-loop phase's requests, due time and latency, the authority's
# GC log and, when the kernel runs DAMON daemons, when they ran go there, for benchmarks/stalls.py).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

CLIENTS=${CLIENTS:-64}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
RETAIL_KEYS=${RETAIL_KEYS:-20000}
MAK_KEYS=${MAK_KEYS:-2000}
MAK_POOL=${MAK_POOL:-200}
RETRIES=${RETRIES:-10}
PG_CLIENTS=${PG_CLIENTS:-"8 16 32"}
HTTP=${HTTP:-raw}
JMH=${JMH:-1}
OPEN_LOOP=${OPEN_LOOP-"0.5 0.8"}
ONLY=${ONLY:-"sqlite postgresql"}
CEILINGS=${CEILINGS:-1}
BUILD=${BUILD:-1}
KEEP=${KEEP:-0}
PORT=${PORT:-18480}
PG_PORT=${PG_PORT:-55480}

JAVA_HOME=$(bin/find-jdk)
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
for tool in initdb pg_ctl pgbench psql; do
  if [ ! -x "$PG_BIN/$tool" ]; then
    echo "run.sh: $tool not found under ${PG_BIN:-/usr/lib/postgresql/*/bin}:" \
      "apt-get install postgresql postgresql-contrib" >&2
    exit 1
  fi
done

if [ "$BUILD" = 1 ]; then
  echo "== build (mvn -Pbenchmarks package -pl cli,benchmarks -am -DskipTests)"
  mvn -B -ntp -q -Pbenchmarks package -pl cli,benchmarks -am -DskipTests
fi
CLI_JAR=${CLI_JAR:-$ROOT/cli/target/keyward.jar}
BENCH_JAR=$ROOT/benchmarks/target/benchmarks.jar

WORK=$(mktemp -d /tmp/keyward-bench.XXXXXX)
chmod 755 "$WORK"
AUTHORITY_PID=
TICKS_PID=
cleanup() {
  if [ -n "$TICKS_PID" ]; then kill "$TICKS_PID" 2>/dev/null || true; fi
  if [ -n "$AUTHORITY_PID" ]; then kill "$AUTHORITY_PID" 2>/dev/null || true; wait "$AUTHORITY_PID" 2>/dev/null || true; fi
  if [ -d "$WORK/pg" ]; then as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1 || true; fi
  if [ "$KEEP" = 1 ]; then echo "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# initdb refuses to run as root: the cluster then belongs to the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

RESULTS=$WORK/results.txt
: > "$RESULTS"

# Cores busy over 3 seconds, all processes (/proc/stat: everything but idle and iowait).
busy_cores() {
  local a b
  a=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)
  sleep 3
  b=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)
  awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", (b - a) / 100 / 3}'
}

# The numbers mean something only on an otherwise idle machine: wait (up to QUIET_WAIT seconds)
# until other processes use less than a quarter of a core, and say so when they never do.
QUIET_WAIT=${QUIET_WAIT:-600}
wait_quiet() {
  local waited=0 busy
  while true; do
    busy=$(busy_cores)
    if awk -v b="$busy" 'BEGIN {exit !(b < 0.25)}'; then return 0; fi
    if [ "$waited" -ge "$QUIET_WAIT" ]; then
      echo "WARNING: other processes keep $busy cores busy; measuring anyway" | tee -a "$RESULTS"
      return 0
    fi
    echo "(other processes use $busy cores; waiting for a quiet machine)"
    sleep 10
    waited=$((waited + 13))
  done
}

# The kernel's DAMON daemons (some virtual machines run one that reclaims page cache) take bursts
# of a core every sampling interval; on two vCPUs they show in the open-loop tail (tenth pass).
damon_state() {
  local state="" f
  for f in /sys/kernel/mm/damon/admin/kdamonds/*/state; do
    [ -r "$f" ] || continue
    local dir=${f%/state} sample=""
    sample=$(cat "$dir"/contexts/0/monitoring_attrs/intervals/sample_us 2>/dev/null || true)
    state="$state${state:+,}$(cat "$f")${sample:+ every $((sample / 1000)) ms}"
  done
  echo "${state:-none}"
}

# With TIMELINE, when the DAMON daemons run, for stalls.py --ticks.
if [ -n "${TIMELINE:-}" ] && kdamonds=$(pgrep '^kdamond' | tr '\n' ' ') && [ -n "$kdamonds" ]; then
  mkdir -p "$TIMELINE"
  # shellcheck disable=SC2086 # one argument a pid
  python3 "$ROOT/benchmarks/cputicks.py" "$TIMELINE/kdamond.txt" $kdamonds &
  TICKS_PID=$!
fi

echo "== machine"
{
  echo "MACHINE cpus=$(nproc) model=\"$(lscpu | sed -n 's/^Model name: *//p' | head -1)\"" \
    "memory=\"$(free -g | awk '/^Mem:/ {print $2 " GiB"}')\"" \
    "jdk=\"$("$JAVA" -version 2>&1 | head -1)\"" \
    "postgresql=\"$("$PG_BIN/postgres" --version)\"" \
    "damon=\"$(damon_state)\""
} | tee -a "$RESULTS"

start_postgres() {
  mkdir -p "$WORK/pg" "$WORK/pgrun"
  if [ "$(id -u)" = 0 ]; then chown postgres "$WORK/pg" "$WORK/pgrun"; fi
  as_pg "$PG_BIN/initdb" -D "$WORK/pg" -U keyward --auth=trust -E UTF8 >"$WORK/initdb.log"
  # Defaults of a fresh cluster (fsync on, synchronous_commit on), reachable on 127.0.0.1 only.
  as_pg "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pgrun/postgres.log" -w \
    -o "-p $PG_PORT -k $WORK/pgrun -c listen_addresses=127.0.0.1 -c max_connections=200" start \
    >/dev/null
  psql_ postgres -c "CREATE DATABASE keyward" -c "CREATE DATABASE ceiling" >/dev/null
}
psql_() { local db=$1; shift; "$PG_BIN/psql" -q -X -h 127.0.0.1 -p "$PG_PORT" -U keyward -d "$db" "$@"; }

# The servers' JVM options as bin/keyward starts them; AUTHORITY_JAVA_OPTS adds to them.
SERVER_JAVA_OPTS=$(sed -e 's/#.*//' "$ROOT/bin/server-java-options" | tr -s ' \n' ' ')

# Starts `keyward authority serve` on $1 (sqlite|postgresql); rate limits and the connection cap off
# (one client address).
start_authority() {
  local db=$1 data=$WORK/authority-$1
  mkdir -p "$data"
  printf 'rateLimits:\n  perAddress: {burst: 0, perSecond: 1}\n  perKey: {burst: 0, perSecond: 1}\n  failuresPerAddress: {burst: 0}\nconnections: {maxPerAddress: 0}\n' \
    >"$data/authority.yaml"
  local args=(authority serve --data "$data" --port "$PORT")
  if [ "$db" = postgresql ]; then
    args+=(--db "jdbc:postgresql://127.0.0.1:$PG_PORT/keyward?user=keyward")
  fi
  local gc_log=()
  if [ -n "${TIMELINE:-}" ]; then
    mkdir -p "$TIMELINE"
    gc_log=("-Xlog:gc:file=$TIMELINE/gc-$db.log:time,uptime")
  fi
  # shellcheck disable=SC2086
  "$JAVA" $SERVER_JAVA_OPTS ${AUTHORITY_JAVA_OPTS:-} "${gc_log[@]}" --enable-native-access=ALL-UNNAMED \
    -jar "$CLI_JAR" "${args[@]}" \
    >"$WORK/authority-$db.out" 2>&1 &
  AUTHORITY_PID=$!
  for _ in $(seq 1 120); do
    if [ -s "$data/authority.url" ]; then return 0; fi
    if ! kill -0 "$AUTHORITY_PID" 2>/dev/null; then break; fi
    sleep 0.5
  done
  echo "run.sh: the authority did not start:" >&2
  cat "$WORK/authority-$db.out" >&2
  exit 1
}

stop_authority() {
  kill "$AUTHORITY_PID"
  wait "$AUTHORITY_PID" 2>/dev/null || true
  AUTHORITY_PID=
}

load() {
  local db=$1
  echo "== load: authority on $db, $CLIENTS clients, ${WARMUP}s warm-up, ${DURATION}s measured;" \
    "then open loop at ${OPEN_LOOP:-no} shares of that peak (3 s warm-up, ${DURATION}s each)"
  start_authority "$db"
  wait_quiet
  # A young generation of 2 GiB: the load generator allocates ~25 MB/s, so it does not collect
  # during a measured window (its young pauses, stretched to 40-60 ms on two cores busy with the
  # authority, delayed every request due meanwhile and counted as the server's latency). Its
  # OPENLOOP lines report the collections it did run in the window (load_gc=count/ms).
  "$JAVA" -Xms3g -Xmx3g -Xmn2g -cp "$BENCH_JAR" dev.keyward.benchmarks.LoadGenerator \
    --url "http://127.0.0.1:$PORT" --token-file "$WORK/authority-$db/admin-token" \
    --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" \
    --retail-keys "$RETAIL_KEYS" --mak-keys "$MAK_KEYS" --mak-pool "$MAK_POOL" \
    --retries "0.$(printf '%02d' "$RETRIES")" --label "$db" --cpu-pid "$AUTHORITY_PID" \
    --http "$HTTP" --open-loop "$OPEN_LOOP" ${TIMELINE:+--timeline "$TIMELINE"} \
    | tee -a "$RESULTS"
  stop_authority
}

sqlite_ceiling() {
  echo "== ceiling: SQLite, one writer, WAL, synchronous=FULL, the same statements over JDBC;" \
    "one commit per activation, then 64 a commit (the authority's group commit)"
  local group
  for group in 1 64; do
    wait_quiet
    "$JAVA" --enable-native-access=ALL-UNNAMED -cp "$BENCH_JAR" dev.keyward.benchmarks.SqliteCeiling \
      --dir "$WORK/sqlite-ceiling-$group" --warmup 3 --duration "$DURATION" \
      --retail-keys "$RETAIL_KEYS" --mak-keys "$MAK_KEYS" --mak-pool "$MAK_POOL" \
      --retries "0.$(printf '%02d' "$RETRIES")" --group "$group" \
      | if [ "$group" = 1 ]; then sed 's/^CEILING /CEILING_SINGLE /'; else cat; fi \
      | tee -a "$RESULTS"
  done
}

postgres_ceiling() {
  echo "== ceiling: PostgreSQL, pgbench -M prepared with the same statements (benchmarks/pgbench)"
  # The shared migrations (the tables an activation touches, key_downgrades included).
  local migration
  for migration in $(ls "$ROOT"/authority/src/main/resources/dev/keyward/authority/db/migration/V*.sql | sort -V); do
    psql_ ceiling -f "$migration"
  done
  psql_ ceiling -v retail="$RETAIL_KEYS" -v makkeys="$MAK_KEYS" -v pool="$MAK_POOL" \
    -f "$ROOT/benchmarks/pgbench/keys.sql"
  local best=0 best_clients=0
  for c in $PG_CLIENTS; do
    local out tps
    wait_quiet
    out=$("$PG_BIN/pgbench" -h 127.0.0.1 -p "$PG_PORT" -U keyward -n -M prepared -c "$c" -j 2 \
      -T "$DURATION" -D retail="$RETAIL_KEYS" -D makkeys="$MAK_KEYS" -D pool="$MAK_POOL" \
      -D retries="$RETRIES" -f "$ROOT/benchmarks/pgbench/activation.sql" ceiling 2>&1)
    tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p')
    echo "pgbench $c clients: $tps transactions/s ($(echo "$out" | sed -n 's/^latency average = //p') average)"
    if awk -v a="$tps" -v b="$best" 'BEGIN {exit !(a > b)}'; then best=$tps; best_clients=$c; fi
  done
  echo "CEILING label=postgresql clients=$best_clients rate=$best" | tee -a "$RESULTS"
}

for db in $ONLY; do
  case $db in
    sqlite)
      load sqlite
      if [ "$CEILINGS" = 1 ]; then sqlite_ceiling; fi
      ;;
    postgresql)
      start_postgres
      load postgresql
      if [ "$CEILINGS" = 1 ]; then postgres_ceiling; fi
      ;;
  esac
done

if [ "$JMH" = 1 ]; then
  wait_quiet
  echo "== JMH (1 fork, 3 x 2 s warm-up, 5 x 2 s measured)"
  "$JAVA" -jar "$BENCH_JAR" -rf json -rff "$WORK/jmh.json" 'dev.keyward.benchmarks.*' \
    | tee "$WORK/jmh.txt" | grep -E '^(Benchmark|[A-Z][A-Za-z]+Benchmark\.)' || true
fi

echo
echo "== results"
awk '
  /^RESULT / || /^CEILING / {
    kind = $1; delete f
    for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    if (kind == "RESULT") { rate[f["label"]] = f["rate"]; p50[f["label"]] = f["p50"]; p99[f["label"]] = f["p99"]; cl[f["label"]] = f["clients"]; cpu[f["label"]] = f["authority_cpu"]; mcpu[f["label"]] = f["machine_cpu"]; ms[f["label"]] = f["cpu_ms"]; nj[f["label"]] = f["cpu_ms_nojit"]; wr[f["label"]] = f["writer_cpu"] }
    else { ceil[f["label"]] = f["rate"]; ceilc[f["label"]] = ("group" in f) ? "1 writer, " f["group"] " a commit" : f["clients"] " clients" }
  }
  END {
    print "Closed loop (each client sends when its answer came: at the peak, latency is queueing)"
    printf "| database | clients | activations/s | p50 ms | p99 ms | authority CPU (cores) | authority CPU ms/activation (without JIT threads) | SQLite writer thread (cores) | machine CPU (cores) | ceiling/s | ratio |\n"
    printf "|---|---|---|---|---|---|---|---|---|---|---|\n"
    n = split("sqlite postgresql", dbs, " ")
    for (i = 1; i <= n; i++) {
      d = dbs[i]
      if (!(d in rate)) continue
      printf "| %s | %s | %.0f | %.1f | %.1f | %s | %s (%s) | %s | %s | %s | %s |\n", d, cl[d], rate[d], p50[d], p99[d], cpu[d], ms[d], nj[d], (d == "sqlite" ? wr[d] : "-"), mcpu[d], (ceil[d] > 0 ? sprintf("%.0f (%s)", ceil[d], ceilc[d]) : "-"), (ceil[d] > 0 ? sprintf("%.2f", rate[d] / ceil[d]) : "-")
    }
  }' "$RESULTS"
if grep -q '^OPENLOOP ' "$RESULTS"; then
  echo
  echo "Open loop (fixed arrival rate; latency from each request's due time: service time under that load)"
  awk '
    BEGIN {
      printf "| database | share of peak | asked/s | answered/s (due in the window) | p50 ms | p99 ms | p99.9 ms | max ms | errors | authority CPU ms/activation (without JIT threads) | load generator collections (ms) |\n"
      printf "|---|---|---|---|---|---|---|---|---|---|---|\n"
    }
    /^OPENLOOP / {
      delete f
      for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      split(f["load_gc"], gc, "/")
      printf "| %s | %s | %.0f | %.0f | %.1f | %.1f | %.1f | %.1f | %s | %s (%s) | %s (%s) |\n", f["label"], f["share"], f["target"], f["rate"], f["p50"], f["p99"], f["p999"], f["max"], f["errors"], f["cpu_ms"], f["cpu_ms_nojit"], gc[1], gc[2]
    }' "$RESULTS"
fi
if [ "$JMH" = 1 ]; then
  echo
  sed -n '/^Benchmark /,$p' "$WORK/jmh.txt"
fi
