#!/usr/bin/env bash
# forecast-service benchmark (issue 12): a broker and PostgreSQL each in their own JVM, the service in a third.
# A year of traffic by day and province over buckets of 10M order lines, the live stream's latency with 200 clients,
# a refresh of 1,000 forecast series; each beside a reference measured in the same run.
# Prints a markdown table for docs/benchmarks.md.
#   bench/forecast-service.sh [--clients N] [--events N] [--series N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package -pl bench,forecast-service,local-stack -am

source bench/lib/stack.sh
mkdir -p bench/out
start_broker_and_postgres bench/out/forecast- 29472 29473 25872

"$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow \
  -Dloader.main=io.keliu.bench.ForecastServiceBenchmark \
  -cp bench/target/keliu-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher \
  --bootstrap localhost:29472 --jdbc jdbc:postgresql://localhost:25872/postgres --out bench/out "$@"
