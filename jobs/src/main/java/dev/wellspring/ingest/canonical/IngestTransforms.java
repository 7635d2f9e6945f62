package dev.wellspring.ingest.canonical;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.RejectReason;
import dev.wellspring.ingest.staging.StagingRows;
import dev.wellspring.schema.Tables;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The set-wide ingest rules, as transformations of staging rows ({@link StagingRows}). */
public final class IngestTransforms {
  private IngestTransforms() {}

  /** Boolean column: a valid row dated after the run date, ignored but counted. */
  public static final String FUTURE = "future";

  /** The staging rows that are records (drops the per-file summary rows). */
  public static Dataset<Row> records(Dataset<Row> staged) {
    return staged.filter(col(StagingRows.LINE).notEqual(lit(StagingRows.SUMMARY_LINE)));
  }

  /**
   * The summary rows, one per part of a file: source_file, sha256 and bytes (null but on a file's
   * first part), records (the part's record rows).
   */
  public static Dataset<Row> summaries(Dataset<Row> staged) {
    return staged
        .filter(col(StagingRows.LINE).equalTo(lit(StagingRows.SUMMARY_LINE)))
        .select(
            col(StagingRows.SOURCE_FILE),
            col(StagingRows.SHA256),
            col(StagingRows.BYTES),
            col(StagingRows.RECORDS));
  }

  /**
   * Marks duplicate ids: among the rows with no other reject reason, the first by (file order,
   * line) of each id is kept and the others get {@code duplicate_id}. Rows already rejected take no
   * part, so a bad row never hides a later good one.
   *
   * <p>How: an aggregation over the narrow (id, file order, line) of the valid rows finds the ids
   * that occur more than once and the position of their first row; only those few ids are joined
   * back (broadcast). Sorting every wide staging row by id, as a window would, costs a full shuffle
   * of the raw text for what is usually no duplicate at all.
   */
  public static Dataset<Row> markDuplicates(Dataset<Row> records, String idColumn) {
    return markDuplicates(records, idColumn, repeatedIds(records, idColumn));
  }

  /**
   * The ids that more than one valid row carries, with the (file order, line) of the first such
   * row: columns dup_id, dup_order, dup_line. Usually empty or tiny, so worth keeping cached.
   */
  public static Dataset<Row> repeatedIds(Dataset<Row> records, String idColumn) {
    // (file order, line) packed into one long, order-preserving: a min over a struct needs a
    // sort-based aggregation of every row (struct buffers do not fit Spark's fixed-width hash map),
    // a min over a long is a hash aggregation. Lines stay below 2^40, file orders below 2^23.
    Column position =
        col(StagingRows.FILE_ORDER)
            .cast("long")
            .multiply(lit(LINE_SPAN))
            .plus(col(StagingRows.LINE));
    return records
        .filter(col(StagingRows.REJECT_REASON).isNull())
        .groupBy(col(idColumn).as("dup_id"))
        .agg(count(lit(1)).as("dup_n"), min(position).as("dup_first"))
        .filter(col("dup_n").gt(1))
        .select(
            col("dup_id"),
            shiftright(col("dup_first"), LINE_BITS).cast("int").as("dup_order"),
            col("dup_first").bitwiseAND(lit(LINE_SPAN - 1)).as("dup_line"));
  }

  /** Bits of the line in the packed (file order, line) position of {@link #repeatedIds}. */
  static final int LINE_BITS = 40;

  static final long LINE_SPAN = 1L << LINE_BITS;

  /** {@link #markDuplicates(Dataset, String)} with the repeated ids already found. */
  public static Dataset<Row> markDuplicates(
      Dataset<Row> records, String idColumn, Dataset<Row> repeated) {
    Column valid = col(StagingRows.REJECT_REASON).isNull();
    Column duplicate =
        valid
            .and(col("dup_id").isNotNull())
            .and(
                col(StagingRows.FILE_ORDER)
                    .notEqual(col("dup_order"))
                    .or(col(StagingRows.LINE).notEqual(col("dup_line"))));
    return records
        .join(broadcast(repeated), col(idColumn).equalTo(col("dup_id")), "left")
        .withColumn(
            StagingRows.REJECT_REASON,
            when(duplicate, lit(RejectReason.DUPLICATE_ID.code()))
                .otherwise(col(StagingRows.REJECT_REASON)))
        .drop("dup_id", "dup_order", "dup_line");
  }

  /**
   * Adds {@link #FUTURE}: true for a valid row dated after the run date (activities and outcomes at
   * or after 00:00 UTC of the next day, goals starting after it; contacts never). Run after {@link
   * #markDuplicates}, so a duplicate of a future row is still a duplicate.
   */
  public static Dataset<Row> markFuture(Dataset<Row> records, Kind kind, LocalDate runDate) {
    // Compared as epoch numbers: a date or timestamp literal would be pushed into the Parquet scan
    // as a source filter, whose conversion needs JVM module openings that only run.sh and
    // spark-submit give, and a plain `java -cp` run would fail.
    Column late =
        switch (kind) {
          case ACTIVITIES, OUTCOMES ->
              unix_micros(col("occurred_at"))
                  .geq(lit(runDate.plusDays(1).toEpochDay() * 86_400L * 1_000_000L));
          case GOALS -> unix_date(col("starts_on")).gt(lit((int) runDate.toEpochDay()));
          case CONTACTS -> lit(false);
        };
    return records.withColumn(FUTURE, col(StagingRows.REJECT_REASON).isNull().and(late));
  }

  /**
   * All set-wide rules on one kind's staging rows: records only, duplicates marked, future rows
   * flagged; raw text kept for rejected rows only (nothing downstream needs it for the others).
   */
  public static Dataset<Row> resolve(Dataset<Row> staged, Kind kind, LocalDate runDate) {
    return resolve(staged, kind, runDate, repeatedIds(records(staged), kind.idColumn()));
  }

  /** {@link #resolve(Dataset, Kind, LocalDate)} with the repeated ids already found. */
  public static Dataset<Row> resolve(
      Dataset<Row> staged, Kind kind, LocalDate runDate, Dataset<Row> repeated) {
    Dataset<Row> marked =
        markFuture(markDuplicates(records(staged), kind.idColumn(), repeated), kind, runDate);
    return marked.withColumn(
        StagingRows.RAW, when(col(StagingRows.REJECT_REASON).isNotNull(), col(StagingRows.RAW)));
  }

  /**
   * The rows a warehouse table receives: valid, not future-dated, in the table's columns and types
   * (schema/Tables).
   */
  public static Dataset<Row> accepted(Dataset<Row> resolved, Kind kind) {
    return Tables.conform(
        resolved.filter(col(StagingRows.REJECT_REASON).isNull().and(not(col(FUTURE)))),
        kind.schema());
  }

  /**
   * The rejected rows as rejects.csv columns (source_file, line, reason, raw), plus the valid rows
   * ignored as future-dated (reason null), with a last column {@link #FUTURE}: the rows the
   * manifest counts besides the accepted ones, so one pass over them gives rejects.csv and every
   * per-file count (accepted = records read - rejected).
   */
  public static Dataset<Row> rejectsAndFuture(Dataset<Row> resolved) {
    return resolved
        .filter(col(StagingRows.REJECT_REASON).isNotNull().or(col(FUTURE)))
        .select(
            col(StagingRows.SOURCE_FILE),
            col(StagingRows.LINE),
            col(StagingRows.REJECT_REASON).as("reason"),
            col(StagingRows.RAW),
            col(FUTURE));
  }
}
