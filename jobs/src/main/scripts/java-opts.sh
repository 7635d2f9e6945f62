# Sourced by run.sh (the developer's launcher) and by the release's bin/wellspring: the JVM options
# of a Wellspring run. Defines SPARK_MODULE_OPTS and `wellspring_java_opts ARGS...`, which sets
# JAVA_OPTS from the command's arguments (the input size) or WELLSPRING_JAVA_OPTS.
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
wellspring_java_opts() {
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
}
