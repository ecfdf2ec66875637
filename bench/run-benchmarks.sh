#!/usr/bin/env bash
# Runs every newsflow benchmark on this machine and writes one Markdown report (BENCHMARKS.md material):
#   1. JMH: ingest reading POST bodies, clean-up + enrichment, Avro serde vs JSON, feed rendering (~4 min)
#   2. `newsflow demo` started on free loopback ports, then the end-to-end load generator against it:
#      closed loop at max and open loop at 1,000 articles/s (each with the raw-Kafka baseline), open loop at
#      100 articles/s, 3 runs each; peak RSS and live heap of the demo process  (~3 min)
#   3. the feeds benchmark: wrk against the demo's syndicator and against nginx serving the same bytes
#      (200 and 304, RSS/Atom/JSON)                                         (~1.3 min)
#   4. heap per service (the pipeline started step by step in one JVM)     (~0.5 min)
# Whole run: ~8 min on 2 cores (476-489 s measured), under the 10 minutes the benchmarks issue allows.
# Usage: bench/run-benchmarks.sh [--quick|--profile]   (each step is a `newsflow bench <command> --out FILE`)
#        --quick: 1 fork / 1 run each, to try the script (~3 min)
#        --profile: instead of the figures, JFR profiles (where the time goes) of the enrichment benchmark and of
#                   `newsflow demo` under the closed-loop load and the feeds load (~3 min)
# Env:   BENCH_OUT=FILE (default bench/target/results-<UTC time>.md), BENCH_SKIP_BUILD=1 (bench already built),
#        BENCH_NEWSFLOW=path of the newsflow launcher (default ./newsflow; it must exec java so its pid is the JVM's)
# Needs: Java 17, Maven, Debian packages wrk and nginx-light (for step 3), python3 (to pick free ports).
# Sends traffic only to 127.0.0.1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=0
profile=0
[ "${1:-}" = "--quick" ] && quick=1
[ "${1:-}" = "--profile" ] && profile=1
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p bench/target
out="${BENCH_OUT:-$root/bench/target/results-$stamp.md}"
work="$(mktemp -d -t newsflow-bench.XXXXXX)"
demo_pid=""

cleanup() {
  # Keep the demo's and the benchmarks' logs, and the JFR recordings (for `jfr print`, `jfr summary` or JMC), next to
  # the report: the temp dir goes.
  for f in "$work"/*.log "$work"/*.jfr; do [ -f "$f" ] && cp "$f" "$root/bench/target/$stamp-$(basename "$f")"; done
  if [ -n "$demo_pid" ] && kill -0 "$demo_pid" 2>/dev/null; then
    kill "$demo_pid" 2>/dev/null || true
    wait "$demo_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# Wall time of each step, printed at the end of the report: the whole run has to stay under 10 minutes.
steps=()
step_start=$SECONDS
step_done() { steps+=("| $1 | $((SECONDS - step_start)) |"); step_start=$SECONDS; }

# bench, and the demo it loads, are built in the reactor (nothing is installed into ~/.m2); bench's jar and its lib/
# (what `newsflow bench` runs) are copied to bench/target/bench-run: a private copy, so that a rebuild during the run
# cannot swap classes under it.
run_dir="$root/bench/target/bench-run"
if [ "${BENCH_SKIP_BUILD:-0}" != "1" ]; then
  log "building bench and the demo (mvn -B -q -DskipTests -pl bench,devstack -am package)"
  mvn -B -q -DskipTests -pl bench,devstack -am package
  # the launcher rebuilds a jar older than the sources; the jar plugin keeps an unchanged jar's old time
  touch "$root/bench/target/newsflow-bench.jar" "$root/devstack/target/newsflow-devstack.jar"
fi
step_done "build (mvn package of bench, devstack and the modules they use)"
rm -rf "$run_dir"
mkdir -p "$run_dir"
cp -r "$root/bench/target/newsflow-bench.jar" "$root/bench/target/lib" "$run_dir/"

bench() {
  local name="$1"
  log "bench $*"
  if ! java -Xmx768m -jar "$run_dir/newsflow-bench.jar" "$@" --out "$out" >>"$work/bench-$name.log" 2>&1; then
    log "bench $name FAILED (a check failed or it crashed); last log lines:"
    tail -40 "$work/bench-$name.log" >&2
    failures=$((failures + 1))
  fi
}
failures=0

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

if [ "$quick" = 1 ]; then
  jmh_forks=1; runs=1; articles=1000; rate_articles=1500; slow_articles=300; feed_runs=1; feed_seconds=2
  first_warmup=300
else
  jmh_forks=3; runs=3; articles=2000; rate_articles=1500; slow_articles=600; feed_runs=3; feed_seconds=2
  # the demo's JIT compiles for more than 3 minutes of load on 2 cores (BENCHMARKS.md, issue 20, "Steady state"):
  # 40,000 POSTs (~2.5 minutes at ~270/s) before the first measured load, so its figures are not mostly warm-up
  first_warmup=40000
fi

{
  echo "# newsflow benchmark run $stamp"
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB memory, $(uname -sr)"
  echo "- java: $(java -version 2>&1 | head -1)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
  echo "- command: bench/run-benchmarks.sh${1:+ $1}"
  echo
} >"$out"

# 1. JMH
if [ "$profile" = 1 ]; then
  # delay: leave the benchmark set-up (knowledge base, corpus) out of the recording
  bench jmh --include "EnrichmentBenchmark.cleanupAndEnrichment" --forks 1 --lengths MEDIUM --measurements 10 \
    --jvm-arg "-XX:StartFlightRecording=delay=4s,dumponexit=true,filename=$work/jmh-enrichment.jfr,settings=profile"
  bench profile --jfr "$work/jmh-enrichment.jfr" --title "JFR: EnrichmentBenchmark.cleanupAndEnrichment, MEDIUM (~500 words)"
  for format in RSS ATOM JSON; do
    bench jmh --include "FeedRenderingBenchmark" --forks 1 --measurements 6 --param "format=$format" \
      --jvm-arg "-XX:StartFlightRecording=delay=4s,dumponexit=true,filename=$work/jmh-feed-$format.jfr,settings=profile"
    bench profile --jfr "$work/jmh-feed-$format.jfr" --title "JFR: FeedRenderingBenchmark, $format, 50 items"
  done
else
  bench jmh --forks "$jmh_forks"
  # Clean-up + entities + topics is still being compiled for ~5 s, longer than the suite's warm-up: its steady state
  # (the figure issue 17 sets a target for) needs a longer one.
  bench jmh --include "EnrichmentBenchmark|TopicsBenchmark" --lengths MEDIUM --forks "$jmh_forks" --warmups 6 --measurements 8
fi
step_done "JMH"

# 2. + 3. against `newsflow demo`
kafka_port="$(free_port)"; controller_port="$(free_port)"; registry_port="$(free_port)"
ingest_port="$(free_port)"; syndicate_port="$(free_port)"; enrich_port="$(free_port)"
log "starting newsflow demo (data in $work/demo)"
java_opts="${NEWSFLOW_JAVA_OPTS:--Xmx512m -XX:+UseParallelGC -Xmn96m}"   # the launcher's defaults for the demo
if [ "$profile" = 1 ]; then
  runs=1
fi
jcmd_bin="$(dirname "$(readlink -f "$(command -v java)")")/jcmd"
# Profile mode: one JFR recording of the demo per load (started and dumped with jcmd), so each shows its own load.
record() { "$jcmd_bin" "$demo_pid" JFR.start name="$1" settings=profile >/dev/null; }
dump() { "$jcmd_bin" "$demo_pid" JFR.dump name="$1" filename="$work/demo-$1.jfr" >/dev/null; "$jcmd_bin" "$demo_pid" JFR.stop name="$1" >/dev/null; }
NEWSFLOW_JAVA_OPTS="$java_opts" "${BENCH_NEWSFLOW:-./newsflow}" demo --data-dir "$work/demo" \
  --kafka-port "$kafka_port" --controller-port "$controller_port" --registry-port "$registry_port" \
  --ingest-port "$ingest_port" --syndicate-port "$syndicate_port" --enrich-port "$enrich_port" \
  -D ingest.rate.limit.per.minute=0 >"$work/demo.log" 2>&1 &
demo_pid=$!
for _ in $(seq 1 240); do
  grep -q "newsflow is running" "$work/demo.log" 2>/dev/null && break
  kill -0 "$demo_pid" 2>/dev/null || break
  sleep 0.5
done
step_done "start newsflow demo"
if grep -q "newsflow is running" "$work/demo.log"; then
  bootstrap="$(grep -m1 '^  Kafka bootstrap' "$work/demo.log" | awk '{print $3}')"
  registry="$(grep -m1 '^  Schema registry' "$work/demo.log" | awk '{print $3}')"
  ingest="$(grep -m1 '^  Ingest (publishers)' "$work/demo.log" | awk '{print $3}')"
  key="$(grep -m1 '^  Demo publisher key' "$work/demo.log" | awk '{print $4}')"
  rss="$(grep -m1 '^  RSS 2.0' "$work/demo.log" | awk '{print $3}')"
  atom="$(grep -m1 '^  Atom' "$work/demo.log" | awk '{print $2}')"
  json="$(grep -m1 '^  JSON Feed' "$work/demo.log" | awk '{print $3}')"
  token="$(grep -m1 '^  Demo partner token' "$work/demo.log" | awk '{print $4}')"
  echo "Against \`newsflow demo\` (pid $demo_pid, one JVM, NEWSFLOW_JAVA_OPTS=$java_opts)." >>"$out"
  echo >>"$out"
  common=(--ingest-url "$ingest" --api-key "$key" --bootstrap-servers "$bootstrap" --schema-registry-url "$registry"
          --feed-url "$json" --feed-token "$token" --pid "$demo_pid" --runs "$runs")
  if [ "$profile" = 1 ]; then
    record e2e
    bench e2e "${common[@]}" --articles "$articles" --concurrency 32 --no-baseline --warmup 0
    dump e2e
    record feeds
  else
    # The first load also warms the demo's JIT (a fresh JVM compiles for minutes): the long warm-up above.
    bench e2e "${common[@]}" --articles "$articles" --concurrency 32 --warmup "$first_warmup"
    bench e2e "${common[@]}" --articles "$rate_articles" --rate 1000 --concurrency 256
    bench e2e "${common[@]}" --articles "$slow_articles" --rate 100 --concurrency 256 --no-baseline
  fi
  step_done "end-to-end load runs (with the raw-Kafka baselines)"
  bench feeds --feed-url "$rss" --feed-url "$atom" --feed-url "$json" --token "$token" --pid "$demo_pid" \
    --runs "$feed_runs" --duration-s "$feed_seconds"
  step_done "feeds (wrk against the syndicator and nginx)"
  if [ "$profile" = 1 ]; then
    dump feeds
  fi
  kill "$demo_pid" 2>/dev/null || true
  wait "$demo_pid" 2>/dev/null || true
  demo_pid=""
  if [ "$profile" = 1 ]; then
    bench profile --jfr "$work/demo-e2e.jfr" --title "JFR: newsflow demo (one JVM) under the closed-loop e2e load ($articles articles, 32 in flight)"
    bench profile --jfr "$work/demo-feeds.jfr" --title "JFR: newsflow demo (one JVM) under the feeds load (wrk, 200 and 304, RSS/Atom/JSON)"
  fi
else
  log "newsflow demo did not come up; its log:"; tail -40 "$work/demo.log" >&2
  echo "newsflow demo did not start; the end-to-end and feeds figures below come from the pipeline started inside the bench JVM." >>"$out"
  bench e2e-local --articles "$articles" --runs "$runs"
  bench feeds-local --runs "$feed_runs" --duration-s "$feed_seconds"
fi

# 4. heap per service
[ "$profile" = 1 ] || bench heap --articles 1000
step_done "heap per service"

{
  echo
  echo "## Wall time of this run"
  echo
  echo "| step | seconds |"
  echo "|---|---|"
  printf '%s\n' "${steps[@]}"
  echo "| **total** | **$SECONDS** |"
} >>"$out"

log "report: $out"
cat "$out"
exit $(( failures > 0 ? 1 : 0 ))
