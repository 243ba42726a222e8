#!/usr/bin/env bash
# Traffic-forecasting benchmarks (analytics-core): throughput of automatic model choice + 90-day forecasts for
# 1,000 daily series of two years, then the held-out accuracy study reported in docs/benchmarks.md and the
# year-long study of docs/forecasting.md.
# Usage: bench/forecast.sh [series-count]      (from anywhere; finds a JDK 25 like bin/keliu)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
./mvnw -B -q -pl analytics-core -am install -DskipTests
./mvnw -B -q -pl analytics-core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/analytics-core/target/bench.classpath"
classpath="analytics-core/target/classes:analytics-core/target/test-classes:$(cat analytics-core/target/bench.classpath)"
java="$JAVA_HOME/bin/java"
"$java" -cp "$classpath" io.keliu.analytics.forecast.ForecastBenchmark "$@"
"$java" -cp "$classpath" io.keliu.analytics.forecast.HoldoutStudy
"$java" -cp "$classpath" io.keliu.analytics.forecast.YearlyHorizonStudy
