package dev.wellspring.spark;

import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Folders;
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
      // In local mode the executor is this JVM: an OutOfMemoryError in a task would otherwise
      // make Spark call System.exit (its fatal-error handler) before the run could write its
      // manifest and free its lock. With depth 0 the task fails and the run ends as a failed one.
      b.config("spark.executor.killOnFatalError.depth", "0");
    }
    long inputBytes = inputBytes(config);
    int partitions =
        config.shufflePartitions() > 0 ? config.shufflePartitions() : shufflePartitions(inputBytes);
    b.config("spark.sql.shuffle.partitions", String.valueOf(partitions));
    if (inputBytes < SMALL_INPUT_BYTES) {
      // On a small input the CPU goes to generating and compiling code for each of a run's ~60
      // queries (Janino, then the JIT on the generated classes), not to rows. Interpreted
      // operators and expressions compute the same values without that cost: the sample run used
      // 78.3 -> 68.4 s of CPU, outputs byte-identical (docs/benchmarks.md, issue 24). From about
      // 20 k activities on, the rows outweigh it: interpreted, 100 k took 60 s instead of 46 s.
      b.config("spark.sql.codegen.wholeStage", "false");
      b.config("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    }
    b.config("spark.sql.adaptive.enabled", "true");
    b.config("spark.sql.adaptive.coalescePartitions.enabled", "true");
    b.config("spark.sql.session.timeZone", "UTC");
    b.config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    b.config("spark.sql.sources.partitionOverwriteMode", "dynamic");
    b.config("spark.sql.parquet.compression.codec", "snappy");
    b.config("spark.sql.autoBroadcastJoinThreshold", String.valueOf(32L * 1024 * 1024));
    b.config("spark.ui.showConsoleProgress", "false");
    // The one large cache (the attribution candidates) is read three times and then dropped: the
    // per-column compression (RLE and dictionary statistics over every string value, boxed into
    // Scala hash maps) was 18% of the attribute stage's CPU at 10 M activities and saved little
    // memory on ids; without it the stage took 400 -> 357 s of CPU (docs/benchmarks.md).
    b.config("spark.sql.inMemoryColumnarStorage.compressed", "false");
    // Parquet is split by row group. With the default 128 MB groups a 10 M-row table came out as
    // three single-group files, so every scan of it was three tasks on two cores (the third ran
    // alone); 32 MB groups and splits give seven or more even tasks.
    b.config("spark.sql.files.maxPartitionBytes", String.valueOf(32L << 20));
    b.config("spark.hadoop.parquet.block.size", String.valueOf(32L << 20));
    // Permissions of the files Spark writes set in process, not by a forked chmod per directory
    // and file (LocalFiles); a run's own spark.hadoop.fs.file.impl below still wins.
    b.config("spark.hadoop.fs.file.impl", dev.wellspring.io.LocalFiles.class.getName());
    for (Map.Entry<String, String> e : config.sparkConf().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    return b.getOrCreate();
  }

  /** Input (or warehouse) bytes per shuffle partition when Wellspring sizes them. */
  static final long BYTES_PER_PARTITION = 24L << 20;

  /**
   * Below this much input (about 10 k activities) code generation is off. Measured on a quiet
   * machine: the sample (0.36 MB) 35.5 s off against 40.2 s on; 20 k activities (2 MB) 41.1 s off,
   * 39.4 s on; 100 k (9 MB) 60.3 s off, 45.7 s on.
   */
  static final long SMALL_INPUT_BYTES = 1L << 20;

  /** The input's bytes, or the warehouse's for a stage run alone. */
  static long inputBytes(WellspringConfig config) {
    long bytes = Folders.sizeInBytes(config.input());
    if (bytes == 0 && config.output() != null) {
      bytes = Folders.sizeInBytes(java.nio.file.Path.of(config.output(), "warehouse").toString());
    }
    return bytes;
  }

  /**
   * Shuffle partitions sized from the data: one per 24 MB of input (the warehouse, for a stage run
   * alone), at least 8 and at most 512. Few partitions keep a small run's many short jobs cheap;
   * enough of them keep a large run's sorts in memory (at 10 M activities, 8 partitions made the
   * candidates' window spill 3.5 GB to disk).
   */
  static int shufflePartitions(long bytes) {
    long n = (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION;
    return (int) Math.max(8, Math.min(512, n));
  }
}
