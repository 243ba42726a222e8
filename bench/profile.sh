#!/usr/bin/env bash
# profile-service benchmark (issue 11): a broker and PostgreSQL each in their own JVM; change events of order lines
# for N customers (default 1,000,000; about 2.2 events each) produced onto keliu.orders.v1 first, then profile-service
# (-Xmx2g) started on the backlog alone. Measures the projection's rate, a full refit, and the latency of the customer
# view and the list. Prints a markdown table for docs/benchmarks.md.
#   bench/profile.sh [--customers N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests -pl bench,profile-service,local-stack -am package

data=$(mktemp -d -t keliu-bench.XXXXXX)
mkdir -p bench/out
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

wait_for() {  # wait_for "what" file-with-output pattern
  for _ in $(seq 1 480); do
    grep -q "$3" "$2" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$1 did not start; see $2" >&2
  exit 1
}

bench() {
  "$JAVA_HOME/bin/java" -Xmx1g -Dloader.main=io.keliu.bench.ProfileBenchmark -cp bench/target/keliu-bench.jar \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

bin/keliu broker --port 29092 --controller-port 29093 --data-dir "$data/kafka" > bench/out/broker.log 2>&1 &
pids+=($!)
bin/keliu postgres --port 25432 --data-dir "$data/postgres" > bench/out/postgres.log 2>&1 &
pids+=($!)
wait_for Kafka bench/out/broker.log "Kafka is up"
wait_for PostgreSQL bench/out/postgres.log "PostgreSQL is up"

events=$(bench produce --bootstrap localhost:29092 "$@" | tail -1)
echo "produced $events change events" >&2

KELIU_DB_URL=jdbc:postgresql://localhost:25432/postgres KELIU_DB_USER=postgres KELIU_DB_PASSWORD=postgres \
KELIU_KAFKA_BOOTSTRAP=localhost:29092 KELIU_REFIT_CRON=- KELIU_REFIT_FIRSTREFITEVERY=PT100H SERVER_PORT=28082 \
  "$JAVA_HOME/bin/java" -Xmx2g -jar profile-service/target/profile-service-0.1.0-SNAPSHOT.jar \
  > bench/out/profile-service.log 2>&1 &
pids+=($!)
wait_for profile-service bench/out/profile-service.log "Started ProfileApplication"

bench measure --service http://localhost:28082 --events "$events" "$@"
