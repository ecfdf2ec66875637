# Build stage: the app module and what it needs, tests skipped (CI runs them); the app module's jar + lib/ is the
# product: the services and the CLI, without the embedded broker (devstack) or the benchmarks (bench). Every module
# the parent pom lists is copied, since Maven reads them all; only app and its upstream modules are built. docs/
# holds the partner guide, which syndicate serves from its jar.
# CI replays this stage without a Docker engine (.ci/run).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY docs docs
COPY schemas schemas
COPY registry registry
COPY platform platform
COPY text text
COPY ingest ingest
COPY enrich enrich
COPY syndicate syndicate
COPY ops ops
COPY devstack devstack
COPY app app
COPY bench bench
RUN mvn -B -q -DskipTests package -pl app -am

# Run stage: a JRE and the jar; the service is chosen by the command (ingest | enrich | syndicate | schemas register).
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --home-dir /var/lib/newsflow --create-home newsflow
COPY --from=build /src/app/target/newsflow.jar /opt/newsflow/newsflow.jar
COPY --from=build /src/app/target/lib /opt/newsflow/lib
USER newsflow
WORKDIR /var/lib/newsflow
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/opt/newsflow/newsflow.jar"]
CMD ["--help"]
