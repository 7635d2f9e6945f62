package dev.wellspring.ingest.vendor;

import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.StagingRows;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Layout of the staging rows the vendor parsing tasks emit ({@link VendorParse}). One schema for
 * every kind, since one vendor file may yield contacts and activities alike; {@code event} says
 * what a row is:
 *
 * <ul>
 *   <li>{@code row}: one per source row, with {@code status} mapped, excluded or rejected and its
 *       {@code reason} (raw text kept for rejected rows only) — the file's accounting;
 *   <li>{@code record}: one per valid canonical record, {@code kind} naming which of the structs
 *       {@code contact}, {@code activity}, {@code goal}, {@code outcome} holds it, typed as the
 *       kind's table (contacts also carry {@code email} and {@code profile_url}, for identity
 *       resolution only: staging is deleted at the end of the stage);
 *   <li>{@code warning}: a {@code RecordSink.warning} ({@code reason}, {@code detail});
 *   <li>{@code summary}: the file's SHA-256 and bytes, once per file;
 *   <li>{@code fatal}: the file could not be read at all ({@code detail} says why); the stage stops
 *       with exit 2.
 * </ul>
 */
final class VendorRows {
  private VendorRows() {}

  static final String EVENT = "event";
  static final String ROW = "row";
  static final String RECORD = "record";
  static final String WARNING = "warning";
  static final String SUMMARY = "summary";
  static final String FATAL = "fatal";

  static final String STATUS = "status";
  static final String MAPPED = "mapped";
  static final String EXCLUDED = "excluded";
  static final String REJECTED = "rejected";

  static final String ADAPTER = "adapter";
  static final String REASON = "reason";
  static final String DETAIL = "detail";
  static final String KIND = "kind";

  /**
   * Identity fields a vendor contact carries beyond the contacts kind's fields (which include
   * {@code email}).
   */
  static final List<String> CONTACT_EXTRAS = List.of("profile_url");

  static final StructType SCHEMA = build();

  /** The struct column holding records of a kind. */
  static String column(Kind kind) {
    return switch (kind) {
      case CONTACTS -> "contact";
      case ACTIVITIES -> "activity";
      case GOALS -> "goal";
      case OUTCOMES -> "outcome";
    };
  }

  /** Position of a kind's struct in {@link #SCHEMA}. */
  static int index(Kind kind) {
    return SCHEMA.fieldIndex(column(kind));
  }

  /** The typed fields of a kind (in {@link Kind#fields()} order), plus the contact extras. */
  static StructType struct(Kind kind) {
    List<StructField> fields = new ArrayList<>();
    for (Kind.Field f : kind.fields()) {
      fields.add(nullable(f.name(), kind.tableType(f.name())));
    }
    if (kind == Kind.CONTACTS) {
      CONTACT_EXTRAS.forEach(c -> fields.add(nullable(c, StringType)));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  private static StructType build() {
    List<StructField> fields = new ArrayList<>();
    fields.add(nullable(EVENT, StringType));
    fields.add(nullable(StagingRows.SOURCE_FILE, StringType));
    fields.add(nullable(StagingRows.LINE, LongType));
    fields.add(nullable(StagingRows.FILE_ORDER, IntegerType));
    fields.add(nullable(ADAPTER, StringType));
    fields.add(nullable(STATUS, StringType));
    fields.add(nullable(REASON, StringType));
    fields.add(nullable(DETAIL, StringType));
    fields.add(nullable(StagingRows.RAW, StringType));
    fields.add(nullable(StagingRows.SHA256, StringType));
    fields.add(nullable(StagingRows.BYTES, LongType));
    fields.add(nullable(KIND, StringType));
    for (Kind k : Kind.values()) {
      fields.add(nullable(column(k), struct(k)));
    }
    return new StructType(fields.toArray(new StructField[0]));
  }

  private static StructField nullable(String name, DataType type) {
    return new StructField(name, type, true, Metadata.empty());
  }
}
