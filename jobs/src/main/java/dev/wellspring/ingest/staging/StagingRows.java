package dev.wellspring.ingest.staging;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Layout of the staging rows the parsing tasks emit, one schema per kind: the kind's table columns
 * (all nullable, since rejected rows may lack any of them), then
 *
 * <ul>
 *   <li>{@code source_file}, {@code line}: where the record starts (header = line 1);
 *   <li>{@code file_order}: the file's position in the file order, for "first one wins";
 *   <li>{@code reject_reason}: null when the row passed every per-row rule;
 *   <li>{@code raw}: the record's text without its final line ending;
 *   <li>{@code sha256}, {@code bytes}, {@code records}: set only on summary rows, which have {@code
 *       line = 0} and no record (the header is line 1, so no record has line 0). Each part of a
 *       file (a byte range, or the whole file) ends with one summary row holding the number of
 *       record rows it gave; the first part's also holds the file's SHA-256 and size.
 * </ul>
 */
public final class StagingRows {
  private StagingRows() {}

  public static final String SOURCE_FILE = "source_file";
  public static final String LINE = "line";
  public static final String FILE_ORDER = "file_order";
  public static final String REJECT_REASON = "reject_reason";
  public static final String RAW = "raw";
  public static final String SHA256 = "sha256";
  public static final String BYTES = "bytes";
  public static final String RECORDS = "records";

  /** Line number of the per-file summary row. */
  public static final long SUMMARY_LINE = 0L;

  /** The staging schema of a kind. */
  public static StructType schema(Kind kind) {
    List<StructField> fields = new ArrayList<>();
    for (Kind.Field f : kind.fields()) {
      fields.add(nullable(f.name(), kind.tableType(f.name())));
    }
    fields.add(nullable(SOURCE_FILE, StringType));
    fields.add(nullable(LINE, LongType));
    fields.add(nullable(FILE_ORDER, IntegerType));
    fields.add(nullable(REJECT_REASON, StringType));
    fields.add(nullable(RAW, StringType));
    fields.add(nullable(SHA256, StringType));
    fields.add(nullable(BYTES, LongType));
    fields.add(nullable(RECORDS, LongType));
    return new StructType(fields.toArray(new StructField[0]));
  }

  private static StructField nullable(String name, org.apache.spark.sql.types.DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }
}
