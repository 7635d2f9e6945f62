#!/usr/bin/env bash
# Runs the end-to-end benchmark (see benchmarks/README.md). Arguments pass through, e.g.
#   benchmarks/run.sh --sizes 1000000,10000000
# or one of the in-JVM benchmarks: benchmarks/run.sh data-driven | attribution-cost OUT DATE |
#   render [owners] [child runs] [warm repetitions]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
"$REPO/run.sh" --version >/dev/null   # builds the jars if needed
if [ ! -f "$HERE/target/wellspring-benchmarks.jar" ]; then
  (cd "$REPO" && mvn -B -q -DskipTests -Dassembly.skipAssembly=true -Dspotless.check.skip=true package -pl benchmarks -am)
fi
BENCH_CP="$HERE/target/wellspring-benchmarks.jar:$HERE/target/lib/*"
# The in-JVM benchmarks: Spark's module openings (SPARK_MODULE_OPTS, as run.sh gives them), any
# -D / -Xmx from BENCH_JAVA_OPTS.
# shellcheck source=../jobs/src/main/scripts/java-opts.sh
. "$REPO/jobs/src/main/scripts/java-opts.sh"
SPARK_OPENS="$SPARK_MODULE_OPTS"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
case "${1:-}" in
  data-driven)
    shift
    # shellcheck disable=SC2086
    exec java -Xmx3g $SPARK_OPENS ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" \
      dev.wellspring.bench.attribution.DataDrivenBenchmark "$@" ;;
  attribution-cost)
    shift
    # shellcheck disable=SC2086
    exec java -Xmx3g $SPARK_OPENS ${BENCH_JAVA_OPTS:-} -cp "$BENCH_CP" \
      dev.wellspring.bench.attribution.AttributionCostBenchmark "$@" ;;
  render)
    shift
    # On the report module's installed class path (its jar and target/lib), run from reports/.
    cd "$REPO/reports"
    # shellcheck disable=SC2086
    exec java ${BENCH_JAVA_OPTS:-} -cp "$HERE/target/wellspring-benchmarks.jar:target/wellspring-reports.jar:target/lib/*" \
      dev.wellspring.bench.render.RenderBenchmark "$@" ;;
esac
exec java -Xmx2g -cp "$BENCH_CP" \
  dev.wellspring.bench.Benchmark --repo "$REPO" --data "$HERE/data" "$@"
