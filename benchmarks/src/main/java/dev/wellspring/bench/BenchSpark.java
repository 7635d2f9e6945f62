package dev.wellspring.bench;

import org.apache.spark.sql.SparkSession;

/**
 * The session of the in-JVM Spark benchmarks: the test suite's settings ({@code local[2]},
 * loopback, UI off, UTC), so figures compare with what the tests measured before they moved here.
 */
public final class BenchSpark {
  private static SparkSession spark;

  private BenchSpark() {}

  /** The JVM's one session, made on first use and stopped when the JVM exits. */
  public static synchronized SparkSession session() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .appName("wellspring-benchmarks")
              .master("local[2]")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.adaptive.enabled", "true")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.hadoop.fs.file.impl", dev.wellspring.io.LocalFiles.class.getName())
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
