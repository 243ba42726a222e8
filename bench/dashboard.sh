#!/usr/bin/env bash
# Dashboard benchmark (issue 15): a broker and PostgreSQL each in their own JVM; the gateway, ingest-, forecast-,
# order-analytics- and notify-service each in one more; Debian's Chromium driven by Playwright (as DashboardIT).
# The overview interactive with 10M order lines stored, a live update on screen, the gateway's CPU at 50 open
# dashboards; each beside a reference measured in the same run. Prints a markdown table for docs/benchmarks.md.
#   bench/dashboard.sh [--lines N] [--loads N] [--live-orders N] [--dashboards N] [--seconds N] [--rate N]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
modules=bench,gateway,ingest-service,forecast-service,order-analytics-service,notify-service,local-stack
# Playwright unpacks its driver from its own jar, which it cannot do nested in an executable jar: a plain class path
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime -pl "$modules" -am

source bench/lib/stack.sh
mkdir -p bench/out
start_broker_and_postgres bench/out/dashboard- 33092 33093 33432

"$JAVA_HOME/bin/java" -Xmx1g --sun-misc-unsafe-memory-access=allow \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.keliu.bench.DashboardBenchmark \
  --bootstrap localhost:33092 --jdbc jdbc:postgresql://localhost:33432/postgres --out bench/out "$@"
