package dev.wellspring.ingest.vendor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * The vendor-export path of ingest: parses the recognised vendor files in Spark tasks (one
 * partition per file, {@link VendorParse}), accounts for them in the manifest, and merges their
 * records with the canonical tables through identity resolution.
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
  private static final String FUTURE = "future";
  private static final String DUPLICATE = "duplicate";
  private static final String PRIORITY = "priority";

  private final List<VendorFile> files;
  private final Dataset<Row> marked;
  private final Map<String, FileCounts> counts;

  private VendorIngest(
      List<VendorFile> files, Dataset<Row> marked, Map<String, FileCounts> counts) {
    this.files = files;
    this.marked = marked;
    this.counts = counts;
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
      return new VendorIngest(files, null, Map.of());
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
    return new VendorIngest(files, marked, tally(marked));
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

  private static Map<String, FileCounts> tally(Dataset<Row> marked) {
    List<Row> rows =
        marked
            .groupBy(
                col(StagingRows.SOURCE_FILE),
                col(VendorRows.EVENT),
                col(VendorRows.STATUS),
                col(VendorRows.REASON),
                col(VendorRows.KIND),
                col(FUTURE),
                col(DUPLICATE))
            .agg(
                count(lit(1)).as("n"),
                min(col(VendorRows.DETAIL)).as("detail"),
                min(col(StagingRows.SHA256)).as("sha"),
                min(col(StagingRows.BYTES)).as("bytes"))
            .collectAsList();
    Map<String, FileCounts> counts = new TreeMap<>();
    for (Row r : rows) {
      FileCounts c = counts.computeIfAbsent(r.getString(0), k -> new FileCounts());
      String event = r.getString(1);
      long n = r.getLong(7);
      switch (event) {
        case VendorRows.SUMMARY -> {
          c.sha256 = r.getString(9);
          c.bytes = r.isNullAt(10) ? 0 : r.getLong(10);
        }
        case VendorRows.ROW -> {
          String status = r.getString(2);
          String reason = r.isNullAt(3) ? "" : r.getString(3);
          if (VendorRows.MAPPED.equals(status)) {
            c.mapped += n;
          } else if (VendorRows.EXCLUDED.equals(status)) {
            c.excluded.merge(reason, n, Long::sum);
          } else {
            c.rejected.merge(reason, n, Long::sum);
          }
        }
        case VendorRows.RECORD -> {
          c.records.merge(r.getString(4), n, Long::sum);
          if (!r.isNullAt(5) && r.getBoolean(5)) {
            c.future += n;
          }
          if (!r.isNullAt(6) && r.getBoolean(6)) {
            c.duplicates += n;
          }
        }
        case VendorRows.WARNING -> {
          c.warnings.merge(r.getString(3), n, Long::sum);
          c.warningDetail.putIfAbsent(r.getString(3), r.isNullAt(8) ? "" : r.getString(8));
        }
        default -> {}
      }
    }
    return counts;
  }

  /** Source rows read from vendor files, all files together. */
  public long rowsRead() {
    return counts.values().stream().mapToLong(FileCounts::read).sum();
  }

  /** Source rows mapped, all files together. */
  public long rowsMapped() {
    return counts.values().stream().mapToLong(c -> c.mapped).sum();
  }

  /** Source rows rejected, all files together. */
  public long rowsRejected() {
    return counts.values().stream().mapToLong(FileCounts::rejectedTotal).sum();
  }

  /** Activity records the vendor files yielded (valid ones, any date). */
  public long activityRecords() {
    return counts.values().stream()
        .mapToLong(c -> c.records.getOrDefault(Tables.ACTIVITIES, 0L))
        .sum();
  }

  /**
   * Appends one {@code inputs} entry per vendor file ({@code kind} = {@code vendor}, {@code
   * rows_read = rows_mapped + rows_excluded + rows_rejected}, {@code rows_accepted} = mapped, the
   * records per kind), a {@code warnings} line per file and reason, the vendor counts to {@code
   * totals}, and the vendor files to {@code unrecognised_files}' neighbour {@code vendor_files}.
   */
  public void writeManifest(Manifest manifest) {
    if (files.isEmpty()) {
      return;
    }
    ArrayNode inputs = manifest.array("inputs");
    for (VendorFile f : files) {
      FileCounts c = counts.getOrDefault(f.name(), new FileCounts());
      ObjectNode n = inputs.addObject();
      n.put("file", f.name());
      n.put("kind", "vendor");
      n.put("adapter", f.adapter().name());
      n.put("sha256", c.sha256);
      n.put("bytes", c.bytes);
      n.put("rows_read", c.read());
      n.put("rows_mapped", c.mapped);
      n.put("rows_accepted", c.mapped);
      n.put("rows_excluded", c.excludedTotal());
      n.put("rows_rejected", c.rejectedTotal());
      n.put("rows_ignored_future", 0L);
      n.put("records_ignored_future", c.future);
      n.put("records_duplicate", c.duplicates);
      ObjectNode records = n.putObject("records");
      c.records.forEach(records::put);
      ObjectNode rejected = n.putObject("rejected_by_reason");
      c.rejected.forEach(rejected::put);
      ObjectNode excluded = n.putObject("excluded_by_reason");
      c.excluded.forEach(excluded::put);
      ObjectNode warnings = n.putObject("warnings_by_reason");
      c.warnings.forEach(warnings::put);
      c.warnings.forEach(
          (reason, k) ->
              manifest.warn(
                  f.name()
                      + ": "
                      + reason
                      + " ("
                      + k
                      + "x"
                      + (c.warningDetail.get(reason).isEmpty()
                          ? ""
                          : ", e.g. " + c.warningDetail.get(reason))
                      + ")"));
    }
    ObjectNode totals = manifest.object("totals");
    long read = totals.path("rows_read").asLong() + rowsRead();
    long accepted = totals.path("rows_accepted").asLong() + rowsMapped();
    long rejected = totals.path("rows_rejected").asLong() + rowsRejected();
    totals.put("rows_read", read);
    totals.put("rows_accepted", accepted);
    totals.put("rows_rejected", rejected);
    totals.put(
        "rows_excluded", counts.values().stream().mapToLong(FileCounts::excludedTotal).sum());
    totals.put("reject_ratio", read == 0 ? 0.0 : (double) rejected / read);
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

  /**
   * The final tables: the canonical ones (in their table schemas) with the vendor records merged in
   * and contacts resolved (canonical contacts keyed by {@code contactEmails}, their contacts.csv
   * e-mails as keyed tags, contact_id -> email, when given), plus {@code contact_identities} under
   * {@code Tables.CONTACT_IDENTITIES}.
   */
  public Map<String, Dataset<Row>> tables(
      SparkSession spark, Map<Kind, Dataset<Row>> canonical, Dataset<Row> contactEmails) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    if (marked == null) {
      canonical.forEach((k, df) -> out.put(k.table(), df));
      out.put(
          Tables.CONTACT_IDENTITIES,
          spark.createDataFrame(List.<Row>of(), Tables.CONTACT_IDENTITIES_SCHEMA));
      return out;
    }
    Map<Kind, Dataset<Row>> merged = new EnumMap<>(Kind.class);
    for (Kind k : List.of(Kind.ACTIVITIES, Kind.GOALS, Kind.OUTCOMES)) {
      Dataset<Row> vendor = records(k);
      Dataset<Row> canon = canonical.get(k);
      // Canonical files win an id both give.
      Dataset<Row> fresh =
          vendor.join(
              canon.select(col(k.idColumn()).as("__canon_id")),
              col(k.idColumn()).equalTo(col("__canon_id")),
              "left_anti");
      merged.put(k, canon.unionByName(fresh));
    }
    IdentityResolution.Resolution res =
        IdentityResolution.resolve(contactRecords(canonical, contactEmails));
    Dataset<Row> mapping = res.mapping();
    Dataset<Row> activities =
        IdentityResolution.applyMapping(
            IdentityResolution.applyMapping(merged.get(Kind.ACTIVITIES), mapping, "contact_id"),
            mapping,
            "introduced_contact_id");
    out.put(Tables.CONTACTS, Tables.conform(res.contacts(), Kind.CONTACTS.schema()));
    out.put(Tables.ACTIVITIES, activities);
    out.put(Tables.GOALS, merged.get(Kind.GOALS));
    out.put(
        Tables.OUTCOMES,
        IdentityResolution.applyMapping(merged.get(Kind.OUTCOMES), mapping, "contact_id"));
    out.put(Tables.CONTACT_IDENTITIES, scrubKeys(res.identities()));
    return out;
  }

  /**
   * Source keys of address books and e-mail activities embed the address ({@code email:ann@x.org},
   * {@code google:ann lee|ann@x.org}); in the identities table such a key is replaced by its hash,
   * {@code sha256:} + 16 hex digits, still stable across runs.
   */
  private static Dataset<Row> scrubKeys(Dataset<Row> identities) {
    Column key = col("source_contact_id");
    return identities.withColumn(
        "source_contact_id",
        when(
                key.contains("@"),
                org.apache.spark.sql.functions.concat(
                    lit("sha256:"),
                    substring(org.apache.spark.sql.functions.sha2(key, 256), 1, 16)))
            .otherwise(key));
  }

  /** The kept vendor records of a kind in the kind's table schema (not future, not duplicate). */
  private Dataset<Row> records(Kind kind) {
    String struct = VendorRows.column(kind);
    List<Column> cols = new ArrayList<>();
    for (var f : kind.schema().fields()) {
      Column c =
          switch (f.name()) {
            case StagingRows.SOURCE_FILE, StagingRows.LINE -> col(f.name());
            default -> col(struct + "." + f.name());
          };
      cols.add(c.cast(f.dataType()).as(f.name()));
    }
    return kept(kind).select(cols.toArray(new Column[0]));
  }

  private Dataset<Row> kept(Kind kind) {
    return marked.filter(
        col(VendorRows.EVENT)
            .equalTo(VendorRows.RECORD)
            .and(col(VendorRows.KIND).equalTo(kind.table()))
            .and(not(col(FUTURE)))
            .and(not(col(DUPLICATE))));
  }

  // The adapter's priority needs its name; a tiny lookup the optimizer cannot see into, on a
  // column of a few distinct values.
  private static final UserDefinedFunction PRIORITY_OF =
      org.apache.spark.sql.functions.udf(
          (UDF1<String, Integer>) ExportAdapters::priority, DataTypes.IntegerType);

  /** Identity-resolution input: canonical contacts (priority 0), vendor contacts, e-mail keys. */
  private Dataset<Row> contactRecords(
      Map<Kind, Dataset<Row>> canonical, Dataset<Row> contactEmails) {
    Dataset<Row> contacts = canonical.get(Kind.CONTACTS);
    // contacts.csv's optional e-mail column (already a keyed tag) keys canonical contacts too.
    Dataset<Row> withEmail =
        contactEmails == null
            ? contacts.withColumn("email", lit(null).cast("string"))
            : contacts
                .join(
                    contactEmails,
                    contacts.col("contact_id").equalTo(contactEmails.col("contact_id")),
                    "left")
                .select(contacts.col("*"), contactEmails.col("email"));
    Dataset<Row> canon =
        withEmail.select(
            col("contact_id"),
            col("full_name"),
            col("email"),
            lit(null).cast("string").as("profile_url"),
            col("company"),
            col("title"),
            col("location"),
            col("source"),
            col("relationship"),
            col("first_met_on"),
            col("source_file"),
            col("line"),
            lit(0).as(PRIORITY));
    Dataset<Row> vendor =
        kept(Kind.CONTACTS)
            .select(
                col("contact.contact_id").as("contact_id"),
                col("contact.full_name").as("full_name"),
                col("contact.email").as("email"),
                col("contact.profile_url").as("profile_url"),
                col("contact.company").as("company"),
                col("contact.title").as("title"),
                col("contact.location").as("location"),
                col("contact.source").as("source"),
                col("contact.relationship").as("relationship"),
                col("contact.first_met_on").as("first_met_on"),
                col(StagingRows.SOURCE_FILE),
                col(StagingRows.LINE),
                PRIORITY_OF.apply(col(VendorRows.ADAPTER)).as(PRIORITY));
    Dataset<Row> keys =
        kept(Kind.ACTIVITIES)
            .select(
                col("activity.contact_id").as("k"),
                col(StagingRows.SOURCE_FILE),
                col(StagingRows.LINE),
                col(VendorRows.ADAPTER))
            .unionByName(
                kept(Kind.ACTIVITIES)
                    .select(
                        col("activity.introduced_contact_id").as("k"),
                        col(StagingRows.SOURCE_FILE),
                        col(StagingRows.LINE),
                        col(VendorRows.ADAPTER)))
            .unionByName(
                kept(Kind.OUTCOMES)
                    .select(
                        col("outcome.contact_id").as("k"),
                        col(StagingRows.SOURCE_FILE),
                        col(StagingRows.LINE),
                        col(VendorRows.ADAPTER)))
            .filter(col("k").startsWith("email:"));
    Dataset<Row> emailOnly =
        keys.join(vendor.select(col("contact_id").as("k")), "k", "left_anti")
            .groupBy(col("k"))
            .agg(
                min(org.apache.spark.sql.functions.struct(
                        col(StagingRows.SOURCE_FILE),
                        col(StagingRows.LINE),
                        col(VendorRows.ADAPTER)))
                    .as("o"))
            .select(
                col("k").as("contact_id"),
                lit(null).cast("string").as("full_name"),
                substring(col("k"), 7, 1000).as("email"),
                lit(null).cast("string").as("profile_url"),
                lit(null).cast("string").as("company"),
                lit(null).cast("string").as("title"),
                lit(null).cast("string").as("location"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .substring_index(col("o.adapter"), ".", 1)
                    .as("source"),
                lit(null).cast("string").as("relationship"),
                lit(null).cast("date").as("first_met_on"),
                col("o.source_file").as(StagingRows.SOURCE_FILE),
                col("o.line").as(StagingRows.LINE),
                lit(9).as(PRIORITY));
    return canon
        .unionByName(vendor)
        .unionByName(emailOnly)
        .transform(df -> Tables.conform(df, IdentityResolution.INPUT_SCHEMA));
  }

  /** Counts of one vendor file. */
  private static final class FileCounts {
    String sha256;
    long bytes;
    long mapped;
    long future;
    long duplicates;
    final Map<String, Long> excluded = new TreeMap<>();
    final Map<String, Long> rejected = new TreeMap<>();
    final Map<String, Long> records = new TreeMap<>();
    final Map<String, Long> warnings = new TreeMap<>();
    final Map<String, String> warningDetail = new TreeMap<>();

    long excludedTotal() {
      return excluded.values().stream().mapToLong(Long::longValue).sum();
    }

    long rejectedTotal() {
      return rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    long read() {
      return mapped + excludedTotal() + rejectedTotal();
    }
  }
}
