#!/usr/bin/env bash
# Customer analytics benchmarks (analytics-core): prints Markdown rows for docs/benchmarks.md.
# Usage: bench/analytics-core.sh   (from anywhere; finds a JDK 25 like bin/keliu)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
./mvnw -B -q -pl analytics-core -am install -DskipTests
./mvnw -B -q -pl analytics-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="analytics-core/target/test-classes:analytics-core/target/classes:$(cat analytics-core/target/bench-classpath.txt)"
exec "$JAVA_HOME/bin/java" -Xmx6g -cp "$classpath" io.keliu.analytics.bench.AnalyticsBenchmark
