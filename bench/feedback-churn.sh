#!/usr/bin/env bash
# Churn model with and without the customer service features (issue 16): for each seed, a year of the simulator's
# traffic turned into purchases and cases, the model fitted both ways and scored on held-out customers; beside it the
# refit's own decision. Prints Markdown for docs/profiles.md ("Churn risk").
# Usage: bench/feedback-churn.sh [seeds] [strong-link seeds]      (from anywhere; finds a JDK 25 like bin/keliu)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
seeds=${1:-5}
strong_seeds=${2:-3}
# the reactor resolves the Keliu dependencies to their target/ folders: nothing goes into ~/.m2
./mvnw -B -q -pl local-stack -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
classpath="local-stack/target/test-classes:local-stack/target/classes:$(cat local-stack/target/bench.classpath)"
"$JAVA_HOME/bin/java" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" io.keliu.local.simulator.FeedbackChurnBenchmark "$seeds" "$strong_seeds"
