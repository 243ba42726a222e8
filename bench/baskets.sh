#!/usr/bin/env bash
# Basket mining on pathological input: `bin/keliu analytics rules` must finish or refuse within 10 s in bounded
# memory. Prints Markdown rows for docs/benchmarks.md: wall and CPU seconds, peak memory (RSS), exit code and what
# the command said, beside two references measured in the same run (the JVM starting for --help, and Groceries).
# Usage: bench/baskets.sh      (from anywhere; finds a JDK 25 like bin/keliu)
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
./mvnw -B -q -pl cli -am package -DskipTests
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT

# one basket of 600,000 distinct items
awk 'BEGIN { for (i = 0; i < 600000; i++) printf "%sitem%d", (i ? "," : ""), i; print "" }' > "$data/huge.csv"
# 10,000 baskets of the same 50 items
awk 'BEGIN { for (b = 0; b < 10000; b++) { for (i = 0; i < 50; i++) printf "%si%d", (i ? "," : ""), i; print "" } }' \
  > "$data/same.csv"
# 10,000 baskets of 50 items drawn from 60 (dense) and from 5,000 (sparse), seeded
for pool in 60 5000; do
  awk -v pool="$pool" 'BEGIN { srand(42); for (b = 0; b < 10000; b++) { delete taken; n = 0; line = "";
      while (n < 50) { i = int(rand() * pool); if (!(i in taken)) { taken[i] = 1; line = line (n ? "," : "") "i" i; n++ } }
      print line } }' > "$data/pool$pool.csv"
done

run() {
  local label=$1; shift
  local out err rc
  out=$(mktemp); err=$(mktemp)
  set +e
  /usr/bin/time -f "%e %U %S %M" -o "$data/time" bin/keliu analytics rules "$@" > "$out" 2> "$err"
  rc=$?
  set -e
  read -r wall user sys rss < <(tail -1 "$data/time") # time prefixes a line when the exit code is not 0
  local said
  if [ "$rc" -eq 0 ]; then
    said=$(grep -m1 -o '"ruleCount" : [0-9]*' "$out" | sed 's/"ruleCount" : \(.*\)/\1 rules/' || true)
  else
    said=$(head -c 160 "$err" | tr '\n' ' ')
  fi
  printf '| %s | %s | %.1f | %.1f | %d MB | %s |\n' "$label" "$rc" "$wall" "$(echo "$user + $sys" | bc)" \
    $((rss / 1024)) "$said"
  rm -f "$out" "$err"
}

echo "| input | exit | wall s | CPU s | peak RSS | result |"
echo "| --- | ---: | ---: | ---: | ---: | --- |"
run "reference: JVM start only (rules --help)" --help
run "reference: Groceries (9,835 baskets), support 0.001, max length 10" \
  --baskets cli/src/test/resources/data/groceries.csv --min-support 0.001 --min-confidence 0.5 --max-length 10 --top 1
run "one basket of 600,000 items, support 0.5" --baskets "$data/huge.csv" --min-support 0.5 --min-confidence 0.5
run "10,000 baskets of the same 50 items, support 0.01" --baskets "$data/same.csv" --min-support 0.01 --min-confidence 0.5
run "10,000 baskets of 50 of 60 items, support 0.01" --baskets "$data/pool60.csv" --min-support 0.01 --min-confidence 0.5
run "10,000 baskets of 50 of 5,000 items, support 0.01" --baskets "$data/pool5000.csv" --min-support 0.01 --min-confidence 0.5
run "10,000 baskets of 50 of 5,000 items, support 0.0005" --baskets "$data/pool5000.csv" --min-support 0.0005 --min-confidence 0.5
