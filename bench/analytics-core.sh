#!/usr/bin/env bash
# Customer analytics benchmarks (analytics-core): prints Markdown rows for docs/benchmarks.md.
# Usage: bench/analytics-core.sh   (from the repository root; needs JDK 25 and the Maven dependencies downloaded)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl analytics-core -am install -DskipTests
./mvnw -B -q -o -pl analytics-core test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="analytics-core/target/test-classes:analytics-core/target/classes:$(cat analytics-core/target/bench-classpath.txt)"
exec java -Xmx6g -cp "$classpath" io.keliu.analytics.bench.AnalyticsBenchmark
