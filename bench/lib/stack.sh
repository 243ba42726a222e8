# Sourced by the benchmark scripts that need the platform's infrastructure: a throwaway data directory ($data), a Kafka
# broker and PostgreSQL each in their own JVM (bin/keliu broker / postgres), and on exit the end of every process
# recorded in $pids — SIGKILL for what ignored SIGTERM (a JVM out of memory keeps its port for the next run).
data=$(mktemp -d -t keliu-bench.XXXXXX)
pids=()
alive() {
  local pid
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && return 0; done
  return 1
}
cleanup() {
  local pid deadline=$((SECONDS + 10))
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  while alive && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

wait_for() {  # wait_for "what" file-with-output pattern: up to 10 minutes (a loaded machine starts slowly)
  for _ in $(seq 1 1200); do
    grep -q "$3" "$2" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "$1 did not start; see $2" >&2
  exit 1
}

# start_broker_and_postgres LOG_PREFIX KAFKA_PORT CONTROLLER_PORT POSTGRES_PORT: logs to LOG_PREFIX{broker,postgres}.log
start_broker_and_postgres() {
  bin/keliu broker --port "$2" --controller-port "$3" --data-dir "$data/kafka" > "${1}broker.log" 2>&1 &
  pids+=($!)
  bin/keliu postgres --port "$4" --data-dir "$data/postgres" > "${1}postgres.log" 2>&1 &
  pids+=($!)
  wait_for Kafka "${1}broker.log" "Kafka is up"
  wait_for PostgreSQL "${1}postgres.log" "PostgreSQL is up"
}
