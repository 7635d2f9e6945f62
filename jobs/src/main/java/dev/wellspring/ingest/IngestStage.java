package dev.wellspring.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.WellspringException;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.ingest.canonical.CanonicalParse;
import dev.wellspring.ingest.canonical.IngestTransforms;
import dev.wellspring.ingest.canonical.InputFile;
import dev.wellspring.ingest.canonical.ParseFiles;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.StagingRows;
import dev.wellspring.ingest.vendor.ExportAdapters;
import dev.wellspring.ingest.vendor.VendorFile;
import dev.wellspring.ingest.vendor.VendorIngest;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.RejectsCsv;
import dev.wellspring.io.Staging;
import dev.wellspring.io.Warehouse;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.SparkStage;
import dev.wellspring.stage.StageResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: canonical input files to the warehouse tables contacts, activities, goals and
 * outcomes of the run date, bad rows to {@code rejects/run_date=D/rejects.csv}, and the manifest's
 * {@code inputs}, {@code unrecognised_files} and {@code totals}.
 *
 * <p>Counting, per file: {@code rows_read = rows_accepted + rows_rejected}, where a row is a
 * non-blank record after the header, and {@code rows_accepted} includes the valid rows ignored
 * because they are dated after the run date (also counted as {@code rows_ignored_future}); only
 * accepted rows not ignored reach the warehouse. {@code rows_excluded} is 0 for canonical files.
 *
 * <p>Failures: exit 2 for an unusable input (see {@link InputCatalog#scan}, or no activity rows at
 * all); exit 3 when rejected / read over all files is strictly above {@code reject_max}, raised
 * after rejects.csv and the manifest entries are written and before any table is published.
 *
 * <p>Steps: the driver classifies files by their first record; Spark tasks parse one file, or one
 * byte range of a large file, each ({@link ParseFiles}) into staging Parquet; set-wide rules
 * (duplicates, future dates) run on that as Spark transformations ({@link IngestTransforms}), a
 * narrow view the counts, the rejects and the tables are read from. No record is collected to the
 * driver; rejects reach the file through {@code toLocalIterator()}, one partition at a time.
 *
 * <p>Vendor exports (files the catalog hands to an {@link ExportAdapter}) take their own path,
 * {@link VendorIngest}: parsed in Spark tasks, counted into the same manifest, rejects and reject
 * ratio, and merged into the tables through identity resolution.
 */
public final class IngestStage implements SparkStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);
  private static final String STAGE = "ingest";

  /** Vendor adapters, asked in this order about files that are not canonical. */
  private static final List<ExportAdapter> ADAPTERS = ExportAdapters.all();

  @Override
  public String name() {
    return STAGE;
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    WellspringConfig config = ctx.config();
    Warehouse warehouse = ctx.warehouse();
    LocalDate runDate = config.runDate();
    Path staging = warehouse.newStagingDir(STAGE);
    InputCatalog catalog;
    try {
      // A .zip in the input folder is opened like a folder, extracted into staging.
      catalog = InputCatalog.scan(Path.of(config.input()), ADAPTERS, staging.resolve("archives"));
    } catch (RuntimeException e) {
      Warehouse.deleteTree(staging);
      throw e;
    }
    LOG.info(
        "ingest: {} input files, {} unrecognised",
        catalog.files().size(),
        catalog.unrecognised().size());
    for (String warning : catalog.warnings()) {
      ctx.progress().warn("ingest: " + warning);
      ctx.manifest().warn(warning);
    }
    if (!catalog.unrecognised().isEmpty()) {
      // A CRM export dropped beside the canonical files would otherwise be left out unnoticed.
      ctx.progress()
          .warn(
              "ingest: "
                  + catalog.unrecognised().size()
                  + " file(s) not recognised and not read: "
                  + String.join(", ", catalog.unrecognised().stream().limit(10).toList())
                  + (catalog.unrecognised().size() > 10 ? ", ..." : "")
                  + " (listed in the manifest and the report's appendix)");
    }
    List<Dataset<Row>> cached = new ArrayList<>();
    List<InputFile> canonical = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      canonical.addAll(catalog.filesOf(kind));
    }
    try (CanonicalParse.AheadScans scans = new CanonicalParse.AheadScans(canonical)) {
      Map<Kind, Dataset<Row>> resolved = new EnumMap<>(Kind.class);
      Map<String, FileStats> stats = new HashMap<>();
      // Vendor exports: parsed, counted and merged by VendorIngest.
      VendorIngest vendor = VendorIngest.parse(spark, catalog.vendorFiles(), config, staging);
      for (Kind kind : Kind.values()) {
        List<InputFile> files = catalog.filesOf(kind);
        if (files.isEmpty()) {
          continue;
        }
        Path parsedDir = staging.resolve(kind.table() + "-parsed");
        Staging.write(
            CanonicalParse.parse(spark, files, scans, config.durations(), config.ownerMap()),
            parsedDir);
        Dataset<Row> parsed = Staging.read(spark, parsedDir, StagingRows.schema(kind));
        // The set-wide rules are a narrow view over the one staging copy: duplicates are found by
        // an aggregation whose (small) result is kept, so rejects (with the counts) and the table
        // each read the staging Parquet once without a second copy of it.
        // Kept as one partition: left at the shuffle's count (41 at 10 M activities), each of its
        // readers (the rejects and the table, per kind) ran a stage of that many tasks for what
        // is usually no row at all. repartition, not coalesce: the aggregation over every id
        // before the filter stays parallel; only the repeated ids move into the one partition.
        Dataset<Row> repeated =
            IngestTransforms.repeatedIds(IngestTransforms.records(parsed), kind.idColumn())
                .repartition(1)
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(repeated);
        Dataset<Row> res = IngestTransforms.resolve(parsed, kind, runDate, repeated);
        resolved.put(kind, res);
        // Records read per file from the parts' summary rows; rejected and future-dated rows are
        // counted as rejects.csv is written (writeRejects), the rest were accepted.
        for (Row s : IngestTransforms.summaries(parsed).collectAsList()) {
          FileStats file = stats.computeIfAbsent(s.getString(0), k -> new FileStats());
          if (!s.isNullAt(1)) {
            file.digest(s.getString(1), s.getLong(2));
          }
          file.read += s.getLong(3);
        }
      }
      dev.wellspring.io.FaultPoints.pauseAt("ingest:staged");
      Path rejectsFile =
          writeRejects(spark, warehouse, runDate, resolved, vendor.rejects(), stats, staging);
      FileStats total = writeManifest(ctx.manifest(), catalog, stats);
      vendor.writeManifest(ctx.manifest());
      long activityRows =
          catalog.filesOf(Kind.ACTIVITIES).stream().mapToLong(f -> stats(stats, f).read).sum()
              + vendor.activityRecords();
      if (activityRows == 0) {
        throw WellspringException.unusable(
            STAGE,
            (catalog.filesOf(Kind.ACTIVITIES).isEmpty()
                    ? "vendor exports "
                        + String.join(
                            ", ", catalog.vendorFiles().stream().map(VendorFile::name).toList())
                    : String.join(
                        ", ",
                        catalog.filesOf(Kind.ACTIVITIES).stream().map(InputFile::name).toList()))
                + ": no activity rows"
                + (catalog.filesOf(Kind.ACTIVITIES).isEmpty() ? "" : " (header only)"));
      }
      long read = total.read + vendor.rowsRead();
      long rejected = total.rejected() + vendor.rowsRejected();
      double ratio = read == 0 ? 0.0 : (double) rejected / read;
      if (ratio > config.rejectMax()) {
        throw new WellspringException(
            STAGE,
            WellspringException.TOO_MANY_REJECTS,
            String.format(
                "reject ratio %s (%d of %d rows) is above the maximum %s; see %s",
                ratio, rejected, read, config.rejectMax(), rejectsFile));
      }
      Map<Kind, Dataset<Row>> tables = new EnumMap<>(Kind.class);
      for (Kind kind : Kind.values()) {
        tables.put(
            kind,
            resolved.containsKey(kind)
                ? IngestTransforms.accepted(resolved.get(kind), kind)
                : spark.createDataFrame(List.<Row>of(), kind.schema()));
      }
      // contacts.csv's e-mail column (as keyed tags) is an identity key, not a table column.
      Dataset<Row> contactEmails =
          resolved.containsKey(Kind.CONTACTS)
              ? IngestTransforms.accepted(resolved.get(Kind.CONTACTS), Kind.CONTACTS)
                  .select(col("contact_id"))
                  .join(
                      resolved
                          .get(Kind.CONTACTS)
                          .filter(
                              col(StagingRows.REJECT_REASON).isNull().and(col("email").isNotNull()))
                          .select(col("contact_id"), col("email")),
                      "contact_id")
                  .dropDuplicates("contact_id")
              : null;
      vendor
          .tables(spark, tables, contactEmails)
          .forEach((table, rows) -> warehouse.write(rows, table, runDate));
      return new StageResult(read, total.accepted + vendor.rowsMapped());
    } finally {
      cached.forEach(Dataset::unpersist);
      Warehouse.deleteTree(staging);
    }
  }

  /**
   * At most about this many rejects reach the driver at a time (one sorted partition). Not final: a
   * test lowers it to sort a handful of rejects across several partitions.
   */
  static long rejectsPerPartition = 100_000;

  /**
   * Writes rejects.csv and counts, per canonical file in {@code stats}, its rejected rows by reason
   * and its future-dated ones; then accepted = read - rejected (future rows are accepted rows that
   * no table receives, as the manifest reports them).
   *
   * <p>The rejected and future rows are found in one pass over the staging rows and kept in staging
   * Parquet; only that (usually small) set is sorted, in as many range partitions as keep one
   * partition's rows small on the driver. Sorting the staging view directly scanned every staging
   * row twice (the range partitioner's sample, then the sort) and ran a job for each of the
   * shuffle's partitions, most of them empty. (At 10 M activities with no reject the section takes
   * as long as before, 15-16 s: its cost is the duplicate-id aggregation, not the sort.)
   */
  private static Path writeRejects(
      SparkSession spark,
      Warehouse warehouse,
      LocalDate runDate,
      Map<Kind, Dataset<Row>> resolved,
      Dataset<Row> vendorRejects,
      Map<String, FileStats> stats,
      Path staging) {
    Dataset<Row> all =
        vendorRejects == null
            ? null
            : vendorRejects.withColumn(IngestTransforms.FUTURE, lit(false));
    for (Dataset<Row> res : resolved.values()) {
      Dataset<Row> r = IngestTransforms.rejectsAndFuture(res);
      all = all == null ? r : all.unionByName(r);
    }
    if (all == null) {
      return RejectsCsv.write(warehouse, runDate, java.util.Collections.emptyIterator());
    }
    Path dir = Staging.write(all, staging.resolve("rejects"));
    Dataset<Row> found = Staging.read(spark, dir, all.schema());
    long rows = found.count();
    org.apache.spark.sql.Column[] order = {col(StagingRows.SOURCE_FILE), col(StagingRows.LINE)};
    int partitions = (int) Math.min(512, rows / rejectsPerPartition + 1);
    Dataset<Row> sorted =
        (partitions == 1 ? found.repartition(1) : found.repartitionByRange(partitions, order))
            .sortWithinPartitions(order);
    Path file = RejectsCsv.write(warehouse, runDate, new Counted(sorted.toLocalIterator(), stats));
    for (FileStats s : stats.values()) {
      s.accepted = s.read - s.rejected();
    }
    return file;
  }

  /**
   * The rejected rows of an iterator of {@link IngestTransforms#rejectsAndFuture} rows, counting
   * each row of a file in {@code stats} (the canonical ones) as it passes: rejected by reason, or
   * future-dated (reason null, dropped from the output).
   */
  private static final class Counted implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final Map<String, FileStats> stats;
    private Row next;

    Counted(Iterator<Row> rows, Map<String, FileStats> stats) {
      this.rows = rows;
      this.stats = stats;
    }

    @Override
    public boolean hasNext() {
      while (next == null && rows.hasNext()) {
        Row r = rows.next();
        FileStats file = stats.get(r.getString(0));
        boolean future = r.isNullAt(2);
        if (file != null) {
          if (future) {
            file.future++;
          } else {
            file.byReason.merge(r.getString(2), 1L, Long::sum);
          }
        }
        if (!future) {
          next = r;
        }
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }
  }

  private static FileStats stats(Map<String, FileStats> stats, InputFile f) {
    return stats.getOrDefault(f.name(), new FileStats());
  }

  /** Fills inputs, unrecognised_files and totals; returns the totals. */
  private static FileStats writeManifest(
      Manifest manifest, InputCatalog catalog, Map<String, FileStats> stats) {
    ArrayNode inputs = manifest.array("inputs");
    inputs.removeAll();
    FileStats total = new FileStats();
    for (InputFile f : catalog.files()) {
      FileStats s = stats(stats, f);
      ObjectNode n = inputs.addObject();
      n.put("file", f.name());
      n.put("kind", f.kind().table());
      n.put("adapter", "canonical");
      n.put("sha256", s.sha256);
      n.put("bytes", s.bytes);
      n.put("rows_read", s.read);
      n.put("rows_accepted", s.accepted);
      n.put("rows_rejected", s.rejected());
      n.put("rows_excluded", 0L);
      n.put("rows_ignored_future", s.future);
      ObjectNode byReason = n.putObject("rejected_by_reason");
      s.byReason.forEach(byReason::put);
      n.putObject("excluded_by_reason");
      total.read += s.read;
      total.accepted += s.accepted;
      total.future += s.future;
      s.byReason.forEach((r, c) -> total.byReason.merge(r, c, Long::sum));
    }
    ArrayNode unrecognised = manifest.array("unrecognised_files");
    unrecognised.removeAll();
    catalog.unrecognised().forEach(unrecognised::add);
    ObjectNode totals = manifest.object("totals");
    totals.put("rows_read", total.read);
    totals.put("rows_accepted", total.accepted);
    totals.put("rows_rejected", total.rejected());
    totals.put("reject_ratio", total.read == 0 ? 0.0 : (double) total.rejected() / total.read);
    totals.put("rows_ignored_future", total.future);
    return total;
  }

  /**
   * Counts of one file (or of all files): read from the summary rows, rejected by reason and future
   * from the rejects pass, accepted = read - rejected (future-dated rows included, as before they
   * are ignored).
   */
  private static final class FileStats {
    long read;
    long accepted;
    long future;
    final Map<String, Long> byReason = new TreeMap<>();
    String sha256;
    long bytes;

    void digest(String sha, long size) {
      this.sha256 = sha;
      this.bytes = size;
    }

    long rejected() {
      return byReason.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
