package dev.wellspring.io;

import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Intermediate Parquet data of one stage, kept under a {@link Warehouse#newStagingDir} folder:
 * written once so later steps read it instead of recomputing it, never published.
 */
public final class Staging {
  private Staging() {}

  /**
   * Writes {@code df} as Parquet into {@code dir} (replacing it) and returns the path.
   *
   * <p>Written for one reader, this run: no dictionaries and no column statistics. Both serve
   * readers that scan a file many times or skip row groups; here they cost the write (hashing every
   * value of every string column, min/max of each) and nothing is skipped, since every read of
   * staging data scans it all.
   */
  public static Path write(Dataset<Row> df, Path dir) {
    df.write()
        .mode(SaveMode.Overwrite)
        .option("parquet.enable.dictionary", "false")
        .option("parquet.column.statistics.enabled", "false")
        .option("parquet.size.statistics.enabled", "false")
        .parquet(dir.toString());
    return dir;
  }

  /** Reads back what {@link #write} wrote, with its schema. */
  public static Dataset<Row> read(SparkSession spark, Path dir, StructType schema) {
    return spark.read().schema(schema).parquet(dir.toString());
  }
}
