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

  /** Writes {@code df} as Parquet into {@code dir} (replacing it) and returns the path. */
  public static Path write(Dataset<Row> df, Path dir) {
    df.write().mode(SaveMode.Overwrite).parquet(dir.toString());
    return dir;
  }

  /** Reads back what {@link #write} wrote, with its schema. */
  public static Dataset<Row> read(SparkSession spark, Path dir, StructType schema) {
    return spark.read().schema(schema).parquet(dir.toString());
  }
}
