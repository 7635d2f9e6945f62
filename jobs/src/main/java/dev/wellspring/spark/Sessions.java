package dev.wellspring.spark;

import dev.wellspring.config.WellspringConfig;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession of a run with settings suited to a small machine by default. */
public final class Sessions {
  private Sessions() {}

  /**
   * A session for the given configuration. Under {@code spark-submit} the master comes from the
   * submitter and is left alone; otherwise {@code config.master()} is used.
   */
  public static SparkSession open(WellspringConfig config) {
    SparkSession.Builder b = SparkSession.builder().appName("wellspring");
    boolean submitted = System.getProperty("spark.master") != null;
    if (!submitted) {
      b.master(config.master());
    }
    String master = submitted ? System.getProperty("spark.master") : config.master();
    if (master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1");
      b.config("spark.driver.bindAddress", "127.0.0.1");
      b.config("spark.ui.enabled", "false");
    }
    // Many small shuffle partitions that adaptive execution merges up to 64 MB each: a small run
    // ends with a few tasks, a large one with enough that no task's sort spills to disk (at 10 M
    // activities, 8 partitions made the candidates' window spill 3.5 GB).
    int partitions = config.shufflePartitions() > 0 ? config.shufflePartitions() : 64;
    b.config("spark.sql.shuffle.partitions", String.valueOf(partitions));
    b.config("spark.sql.adaptive.enabled", "true");
    b.config("spark.sql.adaptive.coalescePartitions.enabled", "true");
    b.config("spark.sql.session.timeZone", "UTC");
    b.config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    b.config("spark.sql.sources.partitionOverwriteMode", "dynamic");
    b.config("spark.sql.parquet.compression.codec", "snappy");
    b.config("spark.sql.autoBroadcastJoinThreshold", String.valueOf(32L * 1024 * 1024));
    b.config("spark.ui.showConsoleProgress", "false");
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    return b.getOrCreate();
  }
}
