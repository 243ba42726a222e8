#!/usr/bin/env bash
# Feedback topics (analytics-core, issue 16): quality on the hand-labelled set (the figures of docs/analytics.md),
# then topic assignment of 100,000 texts in-process beside its references, then `bin/keliu analytics feedback` on the
# same texts from the command line (wall and CPU seconds, peak memory) beside the JVM starting for --help.
# Prints Markdown for docs/analytics.md and docs/benchmarks.md.
# Usage: bench/feedback.sh [count]      (from anywhere; finds a JDK 25 like bin/keliu)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
count=${1:-100000}
# the reactor resolves analytics-core's Keliu dependencies to their target/ folders: nothing goes into ~/.m2
./mvnw -B -q -pl cli -am package -DskipTests
./mvnw -B -q -pl analytics-core -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
classpath="analytics-core/target/test-classes:analytics-core/target/classes:$(cat analytics-core/target/bench.classpath)"
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
java="$JAVA_HOME/bin/java"

"$java" -cp "$classpath" io.keliu.analytics.feedback.FeedbackStudy
echo
"$java" -Xmx4g -cp "$classpath" io.keliu.analytics.feedback.FeedbackBenchmark "$count" "$data/feedback.csv"
echo

run() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$data/time" bin/keliu analytics feedback "$@" > "$data/out.json" 2> "$data/err"
  read -r wall user sys rss < "$data/time"
  local said
  said=$(grep -m1 -o '"topicCount" : [0-9]*' "$data/out.json" | sed 's/"topicCount" : \(.*\)/\1 topics/' || true)
  printf '| %s | %.1f | %.1f | %d MB | %s |\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) "$said"
}

echo "| command | wall s | CPU s | peak RSS | result |"
echo "| --- | ---: | ---: | ---: | --- |"
run "reference: JVM start only (feedback --help)" --help
run "reference: the 213 texts of examples/feedback.csv" --input examples/feedback.csv
run "$count texts, words, --similar 0" --input "$data/feedback.csv" --similar 0
run "$count texts, character bigrams, --similar 0" --input "$data/feedback.csv" --similar 0 --tokens bigrams
# the most-similar lists cost about the square of the texts (every pair sharing a term is scored): on a tenth
head -n 10001 "$data/feedback.csv" > "$data/first10k.csv"
run "the first 10000 texts, words, --similar 0" --input "$data/first10k.csv" --similar 0
run "the first 10000 texts, words, --similar 5" --input "$data/first10k.csv" --similar 5
