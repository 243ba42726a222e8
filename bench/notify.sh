#!/usr/bin/env bash
# notify-service benchmark (issue 14): a broker and PostgreSQL each in their own JVM, notify-service in a third and a
# WeCom robot stand-in in the benchmark's JVM. 10,000 alerts in one minute through grouping (every one must end in a
# SENT notification), then the latency from an alert on keliu.alerts.v1 to the provider's accept outside grouping
# windows, beside the broker's own round trip. Prints markdown tables for docs/benchmarks.md.
#   bench/notify.sh [--alerts N] [--latency-alerts N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package -pl notify-service,bench,local-stack -am

source bench/lib/stack.sh
mkdir -p bench/out
start_broker_and_postgres bench/out/notify- 29192 29193 25532

"$JAVA_HOME/bin/java" -Xmx512m --sun-misc-unsafe-memory-access=allow \
  -Dloader.main=io.keliu.bench.NotifyBenchmark \
  -cp bench/target/keliu-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --bootstrap localhost:29192 --jdbc jdbc:postgresql://localhost:25532/postgres --out bench/out "$@"
