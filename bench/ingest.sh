#!/usr/bin/env bash
# End-to-end ingest benchmark (issue 2): a broker and PostgreSQL each in their own JVM, ingest-service in a third,
# 2M order lines from keliu.raw.orders to PostgreSQL, a 1M-line CSV import through bin/keliu import, and a plain COPY
# of the same rows as the reference. Prints a markdown table for docs/benchmarks.md.
#   bench/ingest.sh [--lines N] [--import-lines N]
#   bench/ingest.sh --latency 10,100,1000,10000 [--latency-seconds 60]   (latency at fixed rates instead)
#   bench/ingest.sh --imports 500000   (imports only: a synthetic and a real-shaped file, direct and through the gateway)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package

data=$(mktemp -d -t keliu-bench.XXXXXX)
# another output directory (logs, files) when two runs go side by side: KELIU_BENCH_OUT=dir
out=${KELIU_BENCH_OUT:-bench/out}
mkdir -p "$out"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

wait_for() {  # wait_for "what" file-with-output pattern
  for _ in $(seq 1 1200); do
    grep -q "$3" "$2" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$1 did not start; see $2" >&2
  exit 1
}

# other ports when another benchmark runs on this machine: KELIU_BENCH_PORTS="kafka controller postgres"
read -r kafka_port controller_port postgres_port <<< "${KELIU_BENCH_PORTS:-29092 29093 25432}"
bin/keliu broker --port "$kafka_port" --controller-port "$controller_port" --data-dir "$data/kafka" \
  > "$out/broker.log" 2>&1 &
pids+=($!)
bin/keliu postgres --port "$postgres_port" --data-dir "$data/postgres" > "$out/postgres.log" 2>&1 &
pids+=($!)
wait_for Kafka "$out/broker.log" "Kafka is up"
wait_for PostgreSQL "$out/postgres.log" "PostgreSQL is up"

"$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow -jar bench/target/keliu-bench.jar \
  --bootstrap "localhost:$kafka_port" --jdbc "jdbc:postgresql://localhost:$postgres_port/postgres" --out "$out" "$@"
