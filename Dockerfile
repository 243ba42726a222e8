# One image recipe for every Spring Boot service: docker build --build-arg SERVICE=ingest-service .
# The jar is built outside (./mvnw -B -DskipTests package), so the image build needs no Maven and no network.
FROM eclipse-temurin:25-jre

ARG SERVICE
RUN test -n "$SERVICE" || (echo "set --build-arg SERVICE=<module>, e.g. ingest-service" && false)

# curl for the healthchecks; a font with Chinese glyphs for order-analytics-service's PDF reports
RUN apt-get update && apt-get install -y --no-install-recommends curl fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system keliu && useradd --system --gid keliu --home-dir /app keliu
# the gateway's first start writes the admin secrets here (a named volume takes this owner when first mounted)
RUN mkdir -p /var/lib/keliu/secrets && chown keliu:keliu /var/lib/keliu/secrets && chmod 700 /var/lib/keliu/secrets
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-*.jar /app/service.jar
USER keliu

# Configuration comes only from the environment (see docker-compose.yml); the heap follows the container's limit.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
