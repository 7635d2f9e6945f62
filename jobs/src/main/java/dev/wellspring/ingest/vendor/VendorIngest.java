package dev.wellspring.ingest.vendor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.WellspringException;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.StagingRows;
import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.identity.IdentityResolution;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Staging;
import dev.wellspring.schema.Tables;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The vendor-export path of ingest: parses the recognised vendor files in Spark tasks (one
 * partition per file, {@link VendorParse}) and marks their records (future, duplicate); {@link
 * VendorAccounting} counts them for the manifest and {@link VendorMerge} merges their records with
 * the canonical tables through identity resolution.
 *
 * <p>Rules, beyond those of canonical files:
 *
 * <ul>
 *   <li>Vendor contacts are never {@code duplicate_id}: the same person legitimately appears in
 *       many files. All contacts, canonical ones at priority 0, go through {@link
 *       IdentityResolution}, which yields the contacts table and {@code contact_identities}; the
 *       mapping then rewrites activities' {@code contact_id} and {@code introduced_contact_id} and
 *       outcomes' {@code contact_id}. An e-mail-scoped contact key ({@code email:...}, from
 *       calendar invites and CRM e-mail activities) with no contact record of its own gets one
 *       holding only that e-mail, so it resolves to the person with that address, or to a contact
 *       of its own: no raw address reaches a table.
 *   <li>Vendor activity ids are deterministic hashes of the facts, so one fact exported twice (the
 *       same invitation in Invitations.csv and an older archive) has one id: the first by (file
 *       order, line) is kept and the others are dropped and counted as {@code records_duplicate} —
 *       not rejects, since nothing is wrong with the row (its row still counts as mapped). A vendor
 *       activity whose id a canonical activity already has is dropped the same way: canonical files
 *       win.
 *   <li>Records dated after the run date are dropped like canonical rows and counted per file as
 *       {@code records_ignored_future}.
 * </ul>
 *
 * <p>Without vendor files nothing changes for canonical input: no resolution runs and {@code
 * contact_identities} is empty.
 */
public final class VendorIngest {
  private static final String STAGE = "ingest";

  /** Column of marked records: dated after the run date. */
  static final String FUTURE = "future";

  /** Column of marked records: a vendor activity id seen earlier (file order, line). */
  static final String DUPLICATE = "duplicate";

  private final Dataset<Row> marked;
  private final VendorAccounting accounting;

  private VendorIngest(Dataset<Row> marked, VendorAccounting accounting) {
    this.marked = marked;
    this.accounting = accounting;
  }

  /** The adapter context of a run: --owner, owner_map, run date, and the recurrence period. */
  static AdapterContext context(WellspringConfig config) {
    // One lookback before the earliest outcome a year back can still reach: a year of outcomes
    // plus one day of slack for time zones.
    LocalDate periodStart = config.runDate().minusDays(config.lookbackDays() + 366L);
    return new AdapterContext(
        config.owner(),
        config.ownerMap(),
        config.runDate(),
        periodStart,
        config.ownerEmails(),
        config.salesforceDateFormat());
  }

  /**
   * Parses the vendor files into {@code staging} and counts them.
   *
   * @throws WellspringException exit 2 when a file needs --owner and none was given, or an adapter
   *     could not read a file at all
   */
  public static VendorIngest parse(
      SparkSession spark, List<VendorFile> files, WellspringConfig config, Path staging) {
    if (files.isEmpty()) {
      return new VendorIngest(null, new VendorAccounting(files, Map.of()));
    }
    String owner = config.owner() == null ? "" : config.owner().strip();
    for (VendorFile f : files) {
      if (owner.isEmpty() && ExportAdapters.needsOwner(f.adapter().name())) {
        throw WellspringException.unusable(
            STAGE,
            f.name()
                + ": a LinkedIn archive needs --owner NAME (whose archive it is: its"
                + " activities belong to that person)");
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<Row> rows =
        jsc.parallelize(files, files.size())
            .flatMap(new VendorParse(config.durations(), context(config)));
    Path dir = staging.resolve("vendor-parsed");
    Staging.write(spark.createDataFrame(rows, VendorRows.SCHEMA), dir);
    Dataset<Row> staged = Staging.read(spark, dir, VendorRows.SCHEMA);

    List<Row> fatal =
        staged
            .filter(col(VendorRows.EVENT).equalTo(VendorRows.FATAL))
            .select(col(VendorRows.DETAIL))
            .orderBy(col(VendorRows.DETAIL))
            .collectAsList();
    if (!fatal.isEmpty()) {
      throw WellspringException.unusable(STAGE, fatal.get(0).getString(0));
    }
    Dataset<Row> marked = mark(staged, config.runDate());
    return new VendorIngest(marked, VendorAccounting.tally(files, marked));
  }

  /** Adds {@code future} and {@code duplicate} (vendor activity ids seen earlier) to records. */
  private static Dataset<Row> mark(Dataset<Row> staged, LocalDate runDate) {
    Column isRecord = col(VendorRows.EVENT).equalTo(VendorRows.RECORD);
    Column kind = col(VendorRows.KIND);
    Timestamp cutoff = Timestamp.from(runDate.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    Column future =
        isRecord.and(
            when(kind.equalTo(Tables.ACTIVITIES), col("activity.occurred_at").geq(lit(cutoff)))
                .when(kind.equalTo(Tables.OUTCOMES), col("outcome.occurred_at").geq(lit(cutoff)))
                .when(kind.equalTo(Tables.GOALS), col("goal.starts_on").gt(lit(runDate)))
                .otherwise(lit(false)));
    Column activityId =
        when(isRecord.and(kind.equalTo(Tables.ACTIVITIES)), col("activity.activity_id"));
    Column duplicate =
        activityId
            .isNotNull()
            .and(
                row_number()
                    .over(
                        Window.partitionBy(activityId)
                            .orderBy(col(StagingRows.FILE_ORDER), col(StagingRows.LINE)))
                    .gt(1));
    return staged.withColumn(FUTURE, future).withColumn(DUPLICATE, duplicate);
  }

  /** The rejected vendor rows, as rejects.csv columns (source_file, line, reason, raw), or null. */
  public Dataset<Row> rejects() {
    if (marked == null) {
      return null;
    }
    return marked
        .filter(
            col(VendorRows.EVENT)
                .equalTo(VendorRows.ROW)
                .and(col(VendorRows.STATUS).equalTo(VendorRows.REJECTED)))
        .select(
            col(StagingRows.SOURCE_FILE),
            col(StagingRows.LINE),
            col(VendorRows.REASON).as("reason"),
            col(StagingRows.RAW));
  }

  /** Source rows read from vendor files, all files together. */
  public long rowsRead() {
    return accounting.rowsRead();
  }

  /** Source rows mapped, all files together. */
  public long rowsMapped() {
    return accounting.rowsMapped();
  }

  /** Source rows rejected, all files together. */
  public long rowsRejected() {
    return accounting.rowsRejected();
  }

  /** Activity records the vendor files yielded (valid ones, any date). */
  public long activityRecords() {
    return accounting.activityRecords();
  }

  /** Writes the vendor files' manifest entries ({@link VendorAccounting#writeManifest}). */
  public void writeManifest(Manifest manifest) {
    accounting.writeManifest(manifest);
  }

  /**
   * The final tables: the canonical ones with the vendor records merged in and contacts resolved
   * ({@link VendorMerge#tables}).
   */
  public Map<String, Dataset<Row>> tables(
      SparkSession spark, Map<Kind, Dataset<Row>> canonical, Dataset<Row> contactEmails) {
    return VendorMerge.tables(spark, marked, canonical, contactEmails);
  }
}
