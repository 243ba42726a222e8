#!/usr/bin/env bash
# profile-service benchmark (issue 11): a broker and PostgreSQL each in their own JVM; change events of order lines
# for N customers (default 1,000,000; about 2.2 events each) produced onto keliu.orders.v1 first, then profile-service
# (-Xmx2g) started on the backlog alone. Measures the projection's rate, a full refit, and the latency of the customer
# view and the list. Prints a markdown table for docs/benchmarks.md.
#   bench/profile.sh [--customers N] [--only projection]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests -pl bench,profile-service,local-stack -am package

source bench/lib/stack.sh
mkdir -p bench/out
bench() {
  "$JAVA_HOME/bin/java" -Xmx1g -Dloader.main=io.keliu.bench.ProfileBenchmark -cp bench/target/keliu-bench.jar \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
}

start_broker_and_postgres bench/out/ 29092 29093 25432

events=$(bench produce --bootstrap localhost:29092 "$@" | tail -1)
echo "produced $events change events" >&2

# measure starts profile-service itself (-Xmx2g, on localhost:28082), trusting the key its requests are signed with
bench measure --events "$events" "$@"
