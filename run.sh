#!/usr/bin/env bash
# Wellspring launcher. No arguments: build if needed, run `nightly` on sample-data/ into ./out.
# With arguments: pass them to the command line (`./run.sh nightly ...`, `./run.sh --help`).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

die() { echo "run.sh: $*" >&2; exit 2; }

command -v java >/dev/null 2>&1 || die "Java 17 or newer is required but 'java' was not found on PATH"
JAVA_MAJOR="$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)"
[ -n "$JAVA_MAJOR" ] && [ "$JAVA_MAJOR" -ge 17 ] 2>/dev/null || die "Java 17 or newer is required; found Java ${JAVA_MAJOR:-unknown}"

JOBS_JAR="$HERE/jobs/target/wellspring-jobs.jar"
REPORTS_JAR="$HERE/reports/target/wellspring-reports.jar"

needs_build() {
  [ -f "$JOBS_JAR" ] && [ -f "$HERE/jobs/target/wellspring-app.jar" ] || return 0
  if [ -d "$HERE/reports" ] && [ ! -f "$REPORTS_JAR" ]; then return 0; fi
  # Any main source, resource or pom newer than the jar means a rebuild. Tests are left out:
  # they do not change the jars, and Maven leaves an up-to-date jar's time alone, so an edited
  # test would otherwise send every later run through Maven.
  [ -n "$(find "$HERE/pom.xml" "$HERE/jobs" "$HERE/reports" \( -path '*/target' -o -path '*/src/test' \) -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.jrxml' -o -name '*.yaml' \) \
        -newer "$JOBS_JAR" -print 2>/dev/null | head -1)" ]
}

if needs_build; then
  command -v mvn >/dev/null 2>&1 || die "Apache Maven is required to build Wellspring but 'mvn' was not found on PATH"
  echo "run.sh: building Wellspring (first run downloads dependencies; later runs skip this)..." >&2
  (cd "$HERE" && mvn -B -q -DskipTests package) >&2 || die "the build failed (see the Maven output above)"
  # Built from everything that is here now (Maven keeps an unchanged jar's old time).
  touch "$JOBS_JAR"
fi

JOBS_CP="$JOBS_JAR:$HERE/jobs/target/lib/*"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# The JIT by input size (docs/benchmarks.md): on small inputs a run is dozens of short Spark jobs
# on cold code, and C2 compiling Spark's planner cost ~2.7x the CPU on the sample data, so C1
# only (-XX:TieredStopAtLevel=1); from 20 MB of input (or of warehouse, for a stage run alone)
# the hot loops dominate and full tiered
# compilation is faster (measured in docs/benchmarks.md).
# WELLSPRING_JAVA_OPTS overrides both.
input_bytes() {
  local prev="" dir="" out=""
  for a in "$@"; do
    case "$a" in --input=*) dir="${a#--input=}" ;; --output=*) out="${a#--output=}" ;; esac
    if [ "$prev" = "--input" ]; then dir="$a"; fi
    if [ "$prev" = "--output" ]; then out="$a"; fi
    prev="$a"
  done
  # A stage run alone reads the warehouse, not the input folder.
  if [ -z "$dir" ] && [ -n "$out" ]; then dir="$out/warehouse"; fi
  if [ -n "$dir" ] && [ -d "$dir" ]; then
    du -sb "$dir" 2>/dev/null | cut -f1
  else
    echo 0
  fi
}
# The module openings Spark's own launcher gives every JVM it starts (JavaModuleOptions): without
# them Kryo cannot serialise cached blocks when memory runs short and they move to disk.
SPARK_MODULE_OPTS="-XX:+IgnoreUnrecognizedVMOptions \
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false \
  -Dio.netty.tryReflectionSetAccessible=true"
if [ -n "${WELLSPRING_JAVA_OPTS:-}" ]; then
  JAVA_OPTS="$WELLSPRING_JAVA_OPTS"
elif [ "$(input_bytes "$@")" -ge $((20 * 1024 * 1024)) ]; then
  # -XX:-DontCompileHugeMethods: Spark generates one method per pipeline of operators, and an
  # aggregate of many sums (the credit and bootstrap aggregates) grows past the 8,000 bytes of
  # bytecode the JIT otherwise leaves to the interpreter (JFR: 2-4x the CPU of those jobs).
  # -XX:+UseParallelGC: a nightly run is a batch job that wants throughput, not short pauses; in
  # local mode the driver JVM does all the work, and the parallel collector's cheaper write
  # barriers and bulk collections cut the 10 M run's CPU 664 -> 616 s and the 1 M run's 165 ->
  # 139 s against G1, with byte-identical outputs (docs/benchmarks.md).
  JAVA_OPTS="-Xmx4g -XX:-DontCompileHugeMethods -XX:+UseParallelGC"
else
  # C1 alone reserves only 48 MB of code cache; Spark compiles a class per query stage, and a JVM
  # that runs many of them fails with "Out of space in CodeCache" (seen in the test JVM), so the
  # tiered size is reserved (reserved address space, committed only as used).
  # The parallel collector as above (on the sample data G1 and it measured the same within noise).
  JAVA_OPTS="-Xmx4g -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m -XX:+UseParallelGC"
fi
REPORTS_CP=""
if [ -f "$REPORTS_JAR" ]; then REPORTS_CP="$REPORTS_JAR:$HERE/reports/target/lib/*"; fi

if [ "${1:-}" = "cluster" ]; then
  shift
  exec "$HERE/jobs/src/main/scripts/cluster.sh" "$@"
fi

# A cluster master (spark://, yarn, k8s://) means spark-submit: the driver runs here, the
# executors get the application jar, which holds only what the cluster lacks.
cluster_master() {
  local prev=""
  for a in "$@"; do
    case "$a" in
      --master=*) a="${a#--master=}"; prev="--master" ;;
    esac
    if [ "$prev" = "--master" ]; then
      case "$a" in local*) return 1 ;; *) echo "$a"; return 0 ;; esac
    fi
    prev="$a"
  done
  return 1
}

if MASTER_URL="$(cluster_master "$@")"; then
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS $SPARK_MODULE_OPTS -cp "$HERE/jobs/target/lib/*" \
    -Dwellspring.home="$HERE" -Dwellspring.reports.classpath="$REPORTS_CP" \
    -Dlog4j2.configurationFile="$HERE/jobs/src/main/resources/log4j2.properties" \
    org.apache.spark.deploy.SparkSubmit --master "$MASTER_URL" --deploy-mode client \
    --class dev.wellspring.cli.Main \
    --conf spark.executorEnv.SPARK_LOCAL_IP="$SPARK_LOCAL_IP" \
    --conf spark.executor.extraJavaOptions=-XX:-DontCompileHugeMethods \
    ${WELLSPRING_SUBMIT_OPTS:-} \
    "$HERE/jobs/target/wellspring-app.jar" "$@"
fi

run_cli() {
  # shellcheck disable=SC2086
  exec java $JAVA_OPTS $SPARK_MODULE_OPTS -Dwellspring.home="$HERE" -Dwellspring.reports.classpath="$REPORTS_CP" \
    -cp "$JOBS_CP" dev.wellspring.cli.Main "$@"
}

if [ $# -eq 0 ]; then
  RUN_DATE="$(cat "$HERE/sample-data/RUN_DATE" 2>/dev/null || true)"
  echo "run.sh: nightly on $HERE/sample-data into $HERE/out" >&2
  if [ -n "$RUN_DATE" ]; then
    run_cli nightly --input "$HERE/sample-data" --output "$HERE/out" --run-date "$RUN_DATE"
  else
    run_cli nightly --input "$HERE/sample-data" --output "$HERE/out"
  fi
fi
run_cli "$@"
