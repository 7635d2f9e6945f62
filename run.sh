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
  [ -f "$HERE/generator/target/wellspring-generator.jar" ] || return 0
  # Any main source, resource or pom newer than the jar means a rebuild. Tests are left out:
  # they do not change the jars, and Maven leaves an up-to-date jar's time alone, so an edited
  # test would otherwise send every later run through Maven.
  [ -n "$(find "$HERE/pom.xml" "$HERE/vocabulary" "$HERE/jobs" "$HERE/reports" "$HERE/generator" \( -path '*/target' -o -path '*/src/test' \) -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -name '*.jrxml' -o -name '*.yaml' \) \
        -newer "$JOBS_JAR" -print 2>/dev/null | head -1)" ]
}

if needs_build; then
  command -v mvn >/dev/null 2>&1 || die "Apache Maven is required to build Wellspring but 'mvn' was not found on PATH"
  echo "run.sh: building Wellspring (first run downloads dependencies; later runs skip this)..." >&2
  (cd "$HERE" && mvn -B -q -DskipTests -Dassembly.skipAssembly=true -Dspotless.check.skip=true package) >&2 || die "the build failed (see the Maven output above)"
  # Built from everything that is here now (Maven keeps an unchanged jar's old time).
  touch "$JOBS_JAR"
fi

JOBS_CP="$JOBS_JAR:$HERE/jobs/target/lib/*"
# The synthetic-data generator (generator/, not on the production class path) for `generate` only.
if [ "${1:-}" = "generate" ]; then JOBS_CP="$JOBS_CP:$HERE/generator/target/wellspring-generator.jar"; fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# The JVM options (the JIT and collector by input size, Spark's module openings): one file shared
# with the release's bin/wellspring, so both run the same JVM.
# shellcheck source=jobs/src/main/scripts/java-opts.sh
. "$HERE/jobs/src/main/scripts/java-opts.sh"
wellspring_java_opts "$@"
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
