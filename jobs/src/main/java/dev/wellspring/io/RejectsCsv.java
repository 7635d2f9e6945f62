package dev.wellspring.io;

import dev.wellspring.privacy.Scrub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Row;

/**
 * Writes {@code rejects/run_date=D/rejects.csv} (DESIGN.md "Outputs"): columns source_file, line,
 * reason, raw; RFC 4180 quoting (raw may hold commas, quotes and line ends) and {@code \n} between
 * rows; the header is written even when there are no rejects. The folder is written under {@code
 * .staging/} and published atomically.
 *
 * <p>Though it is for debugging, rejects.csv is an output like any other: in {@code raw}, e-mail
 * addresses and phone numbers are masked ({@link Scrub#text}, e.g. {@code <email:0123abcd...>}),
 * and a {@code source_file} or {@code raw} cell beginning with {@code = + - @}, tab or CR gets a
 * leading {@code '} (as in the CSV exports) so no spreadsheet runs it as a formula.
 */
public final class RejectsCsv {
  private RejectsCsv() {}

  public static final List<String> COLUMNS = List.of("source_file", "line", "reason", "raw");

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setRecordSeparator("\n")
          .setHeader(COLUMNS.toArray(new String[0]))
          .get();

  /**
   * Writes the rejects and publishes the file; returns its path.
   *
   * @param rows rows of (source_file string, line long, reason string, raw string), already in file
   *     order; consumed one at a time, so a driver-side {@code toLocalIterator()} keeps only one
   *     partition in memory
   */
  public static Path write(Warehouse warehouse, LocalDate runDate, Iterator<Row> rows) {
    Path staging = warehouse.newStagingDir("rejects");
    Path dir = staging.resolve("run_date=" + runDate);
    try {
      Files.createDirectories(dir);
      Scrub scrub = Scrub.active();
      try (Writer w = Files.newBufferedWriter(dir.resolve("rejects.csv"), StandardCharsets.UTF_8);
          CSVPrinter out = new CSVPrinter(w, FORMAT)) {
        while (rows.hasNext()) {
          Row r = rows.next();
          out.printRecord(
              safe(r.getString(0)), r.getLong(1), r.getString(2), safe(scrub.text(r.getString(3))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rejects.csv", e);
    }
    Path target = warehouse.rejectsDir(runDate);
    warehouse.publish(dir, target);
    Warehouse.deleteTree(staging);
    return target.resolve("rejects.csv");
  }

  /** A text cell a spreadsheet will not evaluate: a formula-like start gets a leading quote. */
  static String safe(String cell) {
    if (cell == null || cell.isEmpty() || FORMULA_STARTS.indexOf(cell.charAt(0)) < 0) {
      return cell;
    }
    return "'" + cell;
  }
}
