package dev.wellspring.io;

import static org.apache.spark.sql.functions.col;

import dev.wellspring.WellspringException;
import dev.wellspring.schema.Tables;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The CSV exports {@code reports/<run-date>/<name>.csv} (DESIGN.md "Outputs"), for spreadsheets and
 * for the report stage.
 *
 * <p>The bytes depend only on the rows, so two runs on the same input give identical files:
 *
 * <ul>
 *   <li>UTF-8 without BOM, RFC 4180 (comma, double quotes when needed, CRLF line ends), one header
 *       line with exactly the table's columns;
 *   <li>rows sorted by the export's key columns (strings in code-point order);
 *   <li>doubles in the shortest decimal form that parses back to the same double, plain notation
 *       for magnitudes from 1e-7 up to 1e21 (scientific, e.g. {@code 1.5E-11}, outside), integral
 *       values without a fraction ({@code 2}); longs as integers; booleans {@code true} / {@code
 *       false}; null (undefined) as an empty cell;
 *   <li>spreadsheet safety: a text cell beginning with {@code = + - @}, tab or CR gets a leading
 *       {@code '} so no spreadsheet runs it as a formula; numeric cells are never changed.
 * </ul>
 */
public final class CsvExports {
  /** The report stage writes its PDF into the same folder later; a republish keeps it. */
  public static final String KEPT_FILE = "effectiveness.pdf";

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  /**
   * One export: its file name (without {@code .csv}), columns and the key columns its rows are
   * sorted by (ascending; a key written {@code -name} sorts descending).
   */
  public record Export(String name, StructType schema, List<String> keys) {
    public Export {
      keys = List.copyOf(keys);
    }

    public String fileName() {
      return name + ".csv";
    }
  }

  /** Every export, in DESIGN.md order. */
  public static final List<Export> EXPORTS =
      List.of(
          new Export(
              Tables.EFFECTIVENESS,
              Tables.EFFECTIVENESS_SCHEMA,
              List.of("owner", "class", "month", "model")),
          new Export(
              Tables.MODEL_COMPARISON, Tables.MODEL_COMPARISON_SCHEMA, List.of("model", "class")),
          new Export(
              Tables.ATTRIBUTION_CHANNELS,
              Tables.ATTRIBUTION_CHANNELS_SCHEMA,
              List.of("model", "channel")),
          new Export(Tables.LIFT, Tables.LIFT_SCHEMA, List.of("model")),
          new Export(Tables.GOAL_SCORECARD, Tables.GOAL_SCORECARD_SCHEMA, List.of("goal_id")),
          new Export(
              Tables.WELL_BUILDING,
              Tables.WELL_BUILDING_SCHEMA,
              List.of("owner", "class", "month")),
          new Export(Tables.UNATTRIBUTED, Tables.UNATTRIBUTED_SCHEMA, List.of("outcome_id")),
          new Export(
              Tables.PERIOD_COMPARISON,
              Tables.PERIOD_COMPARISON_SCHEMA,
              List.of("period", "class")),
          new Export(Tables.LIFT_HISTORY, Tables.LIFT_HISTORY_SCHEMA, List.of("run_date", "model")),
          new Export(
              Tables.FOLLOW_UP,
              Tables.FOLLOW_UP_SCHEMA,
              List.of("owner", "-days_since_touch", "contact_id", "goal_id")));

  /**
   * The exports of the incrementality step, which runs after {@link #publish}: its own two, and
   * lift (again, with the {@code incremental} row added).
   */
  public static final List<Export> INCREMENTALITY_EXPORTS =
      List.of(
          new Export(Tables.INCREMENTALITY, Tables.INCREMENTALITY_SCHEMA, List.of("class")),
          new Export(
              Tables.WHATIF,
              Tables.WHATIF_SCHEMA,
              List.of("owner", "move_from", "move_to", "share_moved")),
          new Export(Tables.LIFT, Tables.LIFT_SCHEMA, List.of("model")));

  private CsvExports() {}

  /**
   * Replaces some exports of an already published {@code reports/<runDate>} folder: the folder is
   * copied into staging, the given exports written over their files, and the result published in
   * one move, so a reader still sees one consistent set.
   *
   * @param exports the exports to write, each from {@code frames}
   * @return rows written per export name
   */
  public static Map<String, Long> replace(
      Warehouse warehouse,
      LocalDate runDate,
      List<Export> exports,
      Map<String, Dataset<Row>> frames,
      String stage) {
    Path staging = warehouse.newStagingDir("reports");
    Path folder = staging.resolve(runDate.toString());
    Path target = warehouse.reportsDir(runDate);
    // Within a pipeline run the date's exports so far are staged in its generation (Warehouse).
    Path current = warehouse.currentView(target);
    Map<String, Long> written = new LinkedHashMap<>();
    try {
      Files.createDirectories(folder);
      if (Files.isDirectory(current)) {
        try (var files = Files.list(current)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            Files.copy(f, folder.resolve(f.getFileName().toString()));
          }
        }
      }
      for (Export export : exports) {
        written.put(
            export.name(),
            write(frames.get(export.name()), export, folder.resolve(export.fileName())));
      }
    } catch (IOException e) {
      throw new WellspringException(
          stage, WellspringException.INTERNAL, "cannot write the CSV exports: " + e, e);
    }
    warehouse.publish(folder, target);
    Warehouse.deleteTree(staging);
    return written;
  }

  /**
   * Writes every export into a staging folder and publishes it as {@code reports/<runDate>} in one
   * move, so a reader sees the previous set of exports or the new one, never a mix. A {@value
   * #KEPT_FILE} already published for the date is carried over (the report stage replaces it after
   * this stage).
   *
   * @param frames rows per export name; an export with no entry is written as a header alone
   * @return rows written per export name, in {@link #EXPORTS} order
   */
  public static Map<String, Long> publish(
      Warehouse warehouse, LocalDate runDate, Map<String, Dataset<Row>> frames) {
    Path staging = warehouse.newStagingDir("reports");
    Path folder = staging.resolve(runDate.toString());
    Path target = warehouse.reportsDir(runDate);
    Map<String, Long> written = new LinkedHashMap<>();
    try {
      Files.createDirectories(folder);
      for (Export export : EXPORTS) {
        Dataset<Row> frame = frames.get(export.name());
        Path file = folder.resolve(export.fileName());
        written.put(
            export.name(),
            frame == null
                ? write(List.<Row>of().iterator(), export.schema(), file)
                : write(frame, export, file));
      }
      Path kept = target.resolve(KEPT_FILE);
      if (Files.isRegularFile(kept)) {
        Files.copy(kept, folder.resolve(KEPT_FILE));
      }
    } catch (IOException e) {
      throw new WellspringException(
          "aggregate", WellspringException.INTERNAL, "cannot write the CSV exports: " + e, e);
    }
    warehouse.publish(folder, target);
    Warehouse.deleteTree(staging);
    return written;
  }

  /**
   * Writes one export of {@code frame} (which must have the export's columns) to {@code file}, rows
   * sorted by the export's keys. The rows are small by construction: they are sorted in one
   * partition and streamed to the driver.
   *
   * @return the number of rows written (header excluded)
   */
  public static long write(Dataset<Row> frame, Export export, Path file) throws IOException {
    List<Column> columns = new ArrayList<>();
    for (StructField f : export.schema().fields()) {
      // Dates leave Spark as ISO text: a java.sql.Date decoded on the driver needs JVM module
      // access (sun.util.calendar) that a plain java or spark-submit driver lacks.
      columns.add(
          f.dataType() instanceof DateType
              ? col(f.name()).cast("string").as(f.name())
              : col(f.name()));
    }
    // One partition sorted locally: a global orderBy would cost a sampling job per export, and
    // the rows are few.
    Dataset<Row> sorted =
        frame
            .select(columns.toArray(Column[]::new))
            .coalesce(1)
            .sortWithinPartitions(sortOrder(export));
    return write(sorted.toLocalIterator(), export.schema(), file);
  }

  /** The keys first, then every other column, so even rows with equal keys have one order. */
  private static Column[] sortOrder(Export export) {
    List<Column> order = new ArrayList<>();
    List<String> keyNames = new ArrayList<>();
    for (String key : export.keys()) {
      boolean descending = key.startsWith("-");
      String name = descending ? key.substring(1) : key;
      keyNames.add(name);
      order.add(descending ? col(name).desc_nulls_last() : col(name).asc_nulls_first());
    }
    for (String name : export.schema().fieldNames()) {
      if (!keyNames.contains(name)) {
        order.add(col(name).asc_nulls_first());
      }
    }
    return order.toArray(Column[]::new);
  }

  /** Writes rows, already in order and in {@code schema}'s column order, with a header. */
  static long write(Iterator<Row> rows, StructType schema, Path file) throws IOException {
    long n = 0;
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      printer.printRecord((Object[]) schema.fieldNames());
      StructField[] fields = schema.fields();
      List<String> cells = new ArrayList<>(fields.length);
      while (rows.hasNext()) {
        Row row = rows.next();
        cells.clear();
        for (int i = 0; i < fields.length; i++) {
          cells.add(cell(row, i, fields[i].dataType()));
        }
        printer.printRecord(cells);
        n++;
      }
    }
    return n;
  }

  private static String cell(Row row, int i, DataType type) {
    if (row.isNullAt(i)) {
      return "";
    }
    if (type instanceof DoubleType) {
      return number(row.getDouble(i));
    }
    if (type instanceof LongType) {
      return Long.toString(row.getLong(i));
    }
    if (type instanceof IntegerType) {
      return Integer.toString(row.getInt(i));
    }
    if (type instanceof BooleanType) {
      return Boolean.toString(row.getBoolean(i));
    }
    if (type instanceof StringType) {
      return text(row.getString(i));
    }
    if (type instanceof DateType) {
      return row.get(i).toString();
    }
    throw new IllegalArgumentException("no CSV form for column type " + type);
  }

  /**
   * The shortest decimal that parses back to exactly {@code d}: plain for 1e-7 <= |d| < 1e21, else
   * scientific ({@code 1.5E-11}); integral values without fraction; zero (either sign) as {@code
   * 0}. NaN and infinities are undefined values, written empty.
   */
  public static String number(double d) {
    if (!Double.isFinite(d)) {
      return "";
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal shortest = shortest(d).stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent >= -7 && exponent < 21) {
      return shortest.toPlainString();
    }
    return shortest.toString();
  }

  private static BigDecimal shortest(double d) {
    // Double.toString always parses back to d, but before JDK 19 it sometimes carries a digit
    // more than needed. Drop digits while a decimal with one digit fewer still parses back: the
    // decimals that parse back to d form one run around d, so if any p-digit one does, one of the
    // two p-digit neighbours of Double.toString's value does, and then so does a (p+1)-digit one,
    // so the first precision without one ends the search.
    BigDecimal best = new BigDecimal(Double.toString(d)).stripTrailingZeros();
    BigDecimal written = best;
    for (int p = best.precision() - 1; p >= 1; p--) {
      BigDecimal down = written.round(new MathContext(p, RoundingMode.FLOOR));
      BigDecimal up = written.round(new MathContext(p, RoundingMode.CEILING));
      boolean downOk = down.doubleValue() == d;
      boolean upOk = up.doubleValue() == d;
      if (!downOk && !upOk) {
        break;
      }
      if (downOk && upOk) {
        // Both parse back: the nearer one, as a correctly rounded shortest form would be.
        best = written.subtract(down).compareTo(up.subtract(written)) <= 0 ? down : up;
      } else {
        best = downOk ? down : up;
      }
    }
    return best;
  }

  /**
   * A text cell made safe for spreadsheets: a leading {@code '} before {@code = + - @}, tab or CR;
   * null and empty stay empty.
   */
  public static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
  }
}
