package dev.wellspring.ingest.vendor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.ingest.staging.StagingRows;
import dev.wellspring.io.Manifest;
import dev.wellspring.schema.Tables;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The vendor files' accounting: per file, source rows read = mapped + excluded + rejected (by
 * reason), records per kind, future and duplicate records, warnings, SHA-256 and size, as the
 * manifest's {@code inputs} entries and {@code totals} report them.
 */
final class VendorAccounting {
  private static final String FUTURE = VendorIngest.FUTURE;
  private static final String DUPLICATE = VendorIngest.DUPLICATE;

  private final List<VendorFile> files;
  private final Map<String, FileCounts> counts;

  VendorAccounting(List<VendorFile> files, Map<String, FileCounts> counts) {
    this.files = files;
    this.counts = counts;
  }

  /** The counts of marked vendor rows ({@link VendorIngest}), one aggregation on the executors. */
  static VendorAccounting tally(List<VendorFile> files, Dataset<Row> marked) {
    return new VendorAccounting(files, counts(marked));
  }

  private static Map<String, FileCounts> counts(Dataset<Row> marked) {
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
  long rowsRead() {
    return counts.values().stream().mapToLong(FileCounts::read).sum();
  }

  /** Source rows mapped, all files together. */
  long rowsMapped() {
    return counts.values().stream().mapToLong(c -> c.mapped).sum();
  }

  /** Source rows rejected, all files together. */
  long rowsRejected() {
    return counts.values().stream().mapToLong(FileCounts::rejectedTotal).sum();
  }

  /** Activity records the vendor files yielded (valid ones, any date). */
  long activityRecords() {
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
  void writeManifest(Manifest manifest) {
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

  /** Counts of one vendor file. */
  static final class FileCounts {
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
