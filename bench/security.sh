#!/usr/bin/env bash
# What authentication adds through the gateway (issue 9): GET /api/v1/ingest/orders/{id} at 500 requests/s
#   reference: the Keliu gateway with no request checked by Spring Security (OpenKeliuGateway: the same jar, routes,
#              HTTP client, metrics and API log) -> ingest-service with Spring Security left out
#   subject:   the Keliu gateway (API key, access rules, rate limit, signed token) -> ingest-service verifying it
#   and, to show what the gateway's other work costs: a bare Spring Cloud Gateway (OpenGateway) -> the open service
# in alternating rounds in one run; PostgreSQL and Kafka in their own JVMs. Prints markdown tables.
#   bench/security.sh [rate] [seconds per round] [rounds] [lead-in: seconds per round not measured, 2]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh
keliu_find_jdk
[ "${KELIU_BENCH_NO_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests package -pl ingest-service,gateway,local-stack,bench -am

source bench/lib/stack.sh
mkdir -p bench/out
VERSION=0.1.0-SNAPSHOT
bench_jar=bench/target/keliu-bench.jar
# launch log-name main-class-or-jar args...; KELIU_BENCH_JFR=<directory> records a profile of each;
# KELIU_BENCH_JVM_OPTIONS (e.g. a GC to try) go to every gateway and service alike, reference and subject
launch() {
  local log=$1; shift
  local jfr=()
  [ -z "${KELIU_BENCH_JFR:-}" ] || jfr=("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=$KELIU_BENCH_JFR/$log.jfr")
  # shellcheck disable=SC2086 # options are words
  "$JAVA_HOME/bin/java" -Xmx512m ${KELIU_BENCH_JVM_OPTIONS:-} "${jfr[@]}" "$@" > "bench/out/$log.log" 2>&1 &
  pids+=($!)
}

start_broker_and_postgres bench/out/ 29092 29093 25432

export KELIU_DB_URL=jdbc:postgresql://localhost:25432/postgres KELIU_DB_USER=postgres KELIU_DB_PASSWORD=postgres
export KELIU_KAFKA_BOOTSTRAP=localhost:29092 KELIU_INGEST_CONSUMER_ENABLED=false
export KELIU_GATEWAY_JWKS_URL=http://localhost:28080/oauth2/jwks
no_security=io.keliu.support.security.ServiceSecurityAutoConfiguration
for c in SecurityAutoConfiguration UserDetailsServiceAutoConfiguration web.servlet.ServletWebSecurityAutoConfiguration \
         web.servlet.SecurityFilterAutoConfiguration actuate.web.servlet.ManagementWebSecurityAutoConfiguration; do
  no_security="$no_security,org.springframework.boot.security.autoconfigure.$c"
done
no_security="$no_security,org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration"
no_security="$no_security,org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"

launch ingest-secured -jar ingest-service/target/ingest-service-$VERSION.jar --server.port=28081
ingest_secured=${pids[-1]}
wait_for ingest-service bench/out/ingest-secured.log "Started IngestApplication"
launch ingest-open -jar ingest-service/target/ingest-service-$VERSION.jar --server.port=28082 \
  --spring.autoconfigure.exclude="$no_security"
ingest_open=${pids[-1]}
KELIU_INGEST_URL=http://localhost:28081 KELIU_SECRETS_DIR="$data/secrets" \
  KELIU_RATE_LIMIT_PER_SECOND=2000 KELIU_RATE_LIMIT_BURST=2000 \
  launch gateway -jar gateway/target/gateway-$VERSION.jar --server.port=28080
gateway=${pids[-1]}
launch bare-gateway -Dloader.main=io.keliu.bench.OpenGateway -cp "$bench_jar" \
  org.springframework.boot.loader.launch.PropertiesLauncher --server.port=28090 --spring.threads.virtual.enabled=true \
  --spring.cloud.gateway.server.webmvc.routes[0].id=ingest \
  --spring.cloud.gateway.server.webmvc.routes[0].uri=http://localhost:28082 \
  --spring.cloud.gateway.server.webmvc.routes[0].predicates[0]=Path=/api/v1/ingest/**
bare_gateway=${pids[-1]}
wait_for gateway bench/out/gateway.log "Started GatewayApplication"
# after the secured gateway, which set up the shared schema and the admin: this one finds them and writes nothing
KELIU_INGEST_URL=http://localhost:28082 KELIU_SECRETS_DIR="$data/open-secrets" \
  launch open-gateway -Dloader.path=bench/target/classes -Dloader.main=io.keliu.bench.OpenKeliuGateway \
  -cp gateway/target/gateway-$VERSION.jar org.springframework.boot.loader.launch.PropertiesLauncher --server.port=28091
open_gateway=${pids[-1]}
wait_for ingest-service bench/out/ingest-open.log "Started IngestApplication"
wait_for OpenKeliuGateway bench/out/open-gateway.log "Started OpenKeliuGateway"
wait_for OpenGateway bench/out/bare-gateway.log "Started OpenGateway"

path=/api/v1/ingest/orders/BENCH-NO-SUCH-ORDER
"$JAVA_HOME/bin/java" -Dloader.main=io.keliu.bench.AuthOverheadBenchmark -cp "$bench_jar" \
  -Dkeliu.bench.open-pids="$open_gateway,$ingest_open" -Dkeliu.bench.secured-pids="$gateway,$ingest_secured" \
  -Dkeliu.bench.bare-pids="$bare_gateway,$ingest_open" \
  org.springframework.boot.loader.launch.PropertiesLauncher \
  "http://localhost:28091$path" "http://localhost:28080$path" "http://localhost:28090$path" \
  "$(cat "$data/secrets/admin-api-key")" "$@"
