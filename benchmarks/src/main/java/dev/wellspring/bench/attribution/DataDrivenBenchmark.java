package dev.wellspring.bench.attribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.aggregate.LiftInterval;
import dev.wellspring.attribution.Credits;
import dev.wellspring.attribution.DataDrivenAttribution;
import dev.wellspring.attribution.TestAttribution;
import dev.wellspring.bench.BenchSpark;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Timing of the data-driven models and the lift bootstrap on generated data: {@code
 * benchmarks/run.sh data-driven} (sizes by {@code BENCH_JAVA_OPTS=-Dwellspring.bench.candidates=N
 * -Dwellspring.bench.touchpoints=N}). Prints the machine beside every figure.
 */
public final class DataDrivenBenchmark {
  private static final long CANDIDATES = Long.getLong("wellspring.bench.candidates", 300_000);
  private static final long TOUCHPOINTS = Long.getLong("wellspring.bench.touchpoints", 400_000);
  private static final long CONTACTS = 100_000;
  private static final long PER_OUTCOME = 5;
  private static final long T0 = 1_767_225_600L; // 2026-01-01T00:00:00Z

  private static Column pick(Column seed, String... values) {
    Column[] lits = new Column[values.length];
    for (int i = 0; i < values.length; i++) {
      lits[i] = lit(values[i]);
    }
    return element_at(
        org.apache.spark.sql.functions.array(lits),
        pmod(xxhash64(seed), lit((long) values.length)).cast("int").plus(1));
  }

  private static final String[] TYPES = {
    "meeting", "call", "email", "message", "event", "intro_received", "social_post", "answer"
  };

  private static Dataset<Row> touchpoints(SparkSession spark) {
    Column id = col("id");
    Column cls = pick(id.plus(1), "DIRECTED", "EMBEDDED", "UNDIRECTED");
    return spark
        .range(TOUCHPOINTS)
        .select(
            concat(lit("a"), id.cast("string")).as("activity_id"),
            concat(lit("p"), pmod(id, lit(50L)).cast("string")).as("owner"),
            timestamp_seconds(lit(T0).plus(pmod(id.multiply(7919L), lit(86_400L * 300))))
                .as("occurred_at"),
            pick(id.plus(2), TYPES).as("type"),
            when(pmod(id, lit(10L)).equalTo(0), lit(null).cast("string"))
                .otherwise(concat(lit("k"), pmod(id, lit(CONTACTS)).cast("string")))
                .as("contact_id"),
            lit(30.0).as("duration_minutes"),
            lit(0.5).as("hours"),
            lit(0.0).as("cost"),
            lit(null).cast("string").as("goal_id"),
            lit(null).cast("string").as("context"),
            lit(null).cast("string").as("introduced_contact_id"),
            pick(id.plus(3), "LinkedIn", "Conf", "Podcast", "").as("channel"),
            lit("other").as("relationship"),
            cls.as("class"),
            lit(null).cast("string").as("directed_goal_id"),
            when(cls.equalTo("DIRECTED"), lit("speaking")).as("goal_category"),
            lit(null).cast("string").as("direction"),
            lit(false).as("goal_link_invalid"),
            lit("2026-01").as("month"));
  }

  private static Dataset<Row> candidates(Dataset<Row> touchpoints, SparkSession spark) {
    Column id = col("id");
    Column activity = pmod(id.multiply(104_729L), lit(TOUCHPOINTS));
    Dataset<Row> picks =
        spark
            .range(CANDIDATES)
            .select(
                concat(lit("o"), floor(id.divide(PER_OUTCOME)).cast("string")).as("outcome_id"),
                concat(lit("a"), activity.cast("string")).as("pick_id"),
                pmod(id, lit(PER_OUTCOME)).cast("int").plus(1).as("position"),
                floor(id.divide(PER_OUTCOME)).as("o"));
    return picks
        .join(touchpoints, col("pick_id").equalTo(col("activity_id")))
        .select(
            col("outcome_id"),
            col("owner"),
            lit("revenue").as("outcome_type"),
            pmod(col("o"), lit(17L)).cast("double").as("outcome_value"),
            timestamp_seconds(lit(T0 + 86_400L * 301)).as("outcome_at"),
            col("activity_id"),
            col("occurred_at"),
            col("position"),
            lit((int) PER_OUTCOME).as("n"),
            lit(10.0).as("days_before"),
            col("class"),
            col("type"),
            col("channel"),
            col("goal_category"),
            col("directed_goal_id"),
            col("contact_id"),
            col("month"));
  }

  private static Dataset<Row> outcomes(SparkSession spark) {
    Column id = col("id");
    return spark
        .range(CANDIDATES / PER_OUTCOME)
        .select(
            concat(lit("o"), id.cast("string")).as("outcome_id"),
            concat(lit("p"), pmod(id, lit(50L)).cast("string")).as("owner"),
            timestamp_seconds(lit(T0).plus(pmod(id.multiply(6007L), lit(86_400L * 300))))
                .as("occurred_at"),
            lit("revenue").as("type"),
            lit(1.0).as("value"),
            concat(lit("k"), pmod(id.multiply(3L), lit(CONTACTS)).cast("string")).as("contact_id"),
            lit(null).cast("string").as("goal_id"),
            lit(null).cast("string").as("channel"),
            lit(null).cast("string").as("notes"),
            lit("outcomes.csv").as("source_file"),
            id.plus(2).as("line"));
  }

  private static String machine() {
    return String.format(
        "JVM %s %s, CPU %s, %d cores available, spark master %s, load average %s",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        BenchSpark.session().sparkContext().master(),
        loadAverage());
  }

  /** CPU time of this JVM (driver and local executors), less distorted by a busy machine. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private DataDrivenBenchmark() {}

  public static void main(String[] args) {
    timeDataDrivenAttributionAndLiftBootstrap(BenchSpark.session());
  }

  static void timeDataDrivenAttributionAndLiftBootstrap(SparkSession spark) {
    Dataset<Row> tps = touchpoints(spark).cache();
    Dataset<Row> cands = candidates(tps, spark).cache();
    Dataset<Row> outs = outcomes(spark).cache();
    long nt = tps.count();
    long nc = cands.count();
    long no = outs.count();
    System.out.println("[bench] " + machine());
    System.out.printf(
        "[bench] rows: %d candidates (%d outcomes), %d touchpoints, %d outcomes%n",
        nc, nc / PER_OUTCOME, nt, no);
    for (String dimension : new String[] {"class", "type", "class"}) {
      long t0 = System.nanoTime();
      long c0 = cpuNanos();
      var result = DataDrivenAttribution.attribute(cands, tps, outs, dimension);
      long channels = result.channels().count();
      TestAttribution.credits(result).write().format("noop").mode("overwrite").save();
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "[bench] data-driven attribution, dimension %s: %d channel rows, %.1f s wall, %.1f s"
              + " JVM CPU%n",
          dimension, channels, seconds, (cpuNanos() - c0) / 1e9);
      assertThat(channels).isPositive();
      if (dimension.equals("type")) {
        Dataset<Row> credits =
            Credits.table(result.withWeights(TestAttribution.weights(cands, 30.0))).cache();
        long ncr = credits.count();
        for (int resamples : new int[] {1000}) {
          long t1 = System.nanoTime();
          long c1 = cpuNanos();
          long rows = LiftInterval.intervals(tps, credits, resamples, 20260101L).count();
          System.out.printf(
              "[bench] lift bootstrap: %d resamples, %d credit rows, %d touchpoints, %d models,"
                  + " %.1f s wall, %.1f s JVM CPU%n",
              resamples, ncr, nt, rows, (System.nanoTime() - t1) / 1e9, (cpuNanos() - c1) / 1e9);
        }
        credits.unpersist();
      }
    }
    cands.unpersist();
    tps.unpersist();
    outs.unpersist();
  }
}
