#!/usr/bin/env bash
# order-analytics-service benchmark (issue 13): a broker and PostgreSQL each in their own JVM, the service in a third.
# The projection alone over change events already on the topic, a year's report by day and channel over rollups of
# 10M order lines, basket rules over 1M orders, a PDF report; each beside a reference measured in the same run.
# Prints a markdown table for docs/benchmarks.md. Its ports (31492, 31493, 31532, 31084) differ from bench/ingest.sh's.
#   bench/order-analytics.sh [--events N] [--orders N] [--only projection]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package -pl bench,order-analytics-service,local-stack -am

source bench/lib/stack.sh
mkdir -p bench/out
start_broker_and_postgres bench/out/ 31492 31493 31532

"$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow \
  -Dloader.main=io.keliu.bench.OrderAnalyticsBenchmark \
  -cp bench/target/keliu-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --bootstrap localhost:31492 --jdbc jdbc:postgresql://localhost:31532/postgres --out bench/out "$@"
