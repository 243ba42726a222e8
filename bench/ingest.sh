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

source bench/lib/stack.sh
# another output directory (logs, files) when two runs go side by side: KELIU_BENCH_OUT=dir
out=${KELIU_BENCH_OUT:-bench/out}
mkdir -p "$out"
# other ports when another benchmark runs on this machine: KELIU_BENCH_PORTS="kafka controller postgres"
read -r kafka_port controller_port postgres_port <<< "${KELIU_BENCH_PORTS:-29092 29093 25432}"
start_broker_and_postgres "$out/" "$kafka_port" "$controller_port" "$postgres_port"

"$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow -jar bench/target/keliu-bench.jar \
  --bootstrap "localhost:$kafka_port" --jdbc "jdbc:postgresql://localhost:$postgres_port/postgres" --out "$out" "$@"
