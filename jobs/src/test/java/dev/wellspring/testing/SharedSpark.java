package dev.wellspring.testing;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the whole test run ({@code local[2]}, loopback, UI off, UTC). Tests get
 * it with {@link #session()}; it is stopped by a JVM shutdown hook, never by a test.
 */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .appName("wellspring-tests")
              .master("local[2]")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "4")
              .config("spark.sql.adaptive.enabled", "true")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
              .config("spark.ui.showConsoleProgress", "false")
              // As Sessions.open sets it: every test's writes go through LocalFiles.
              .config("spark.hadoop.fs.file.impl", dev.wellspring.io.LocalFiles.class.getName())
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
