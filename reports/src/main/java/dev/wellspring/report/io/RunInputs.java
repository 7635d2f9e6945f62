package dev.wellspring.report.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wellspring.report.ReportException;
import dev.wellspring.report.RunData;
import dev.wellspring.vocabulary.Columns;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one run's CSV exports ({@code OUT/reports/<date>/*.csv}) and manifest ({@code
 * OUT/runs/<date>.json}). A missing or malformed file is an unusable input: one {@link
 * ReportException} (exit 2) whose message names the file.
 */
public final class RunInputs {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Leading characters the exporter guarded with a {@code '} for spreadsheet safety. */
  private static final String GUARDED = "=+-@\t\r";

  private RunInputs() {}

  /** The folder holding the CSV exports and, later, the PDF of a run date. */
  public static Path reportsDir(Path output, LocalDate runDate) {
    return output.resolve("reports").resolve(runDate.toString());
  }

  public static Path manifestFile(Path output, LocalDate runDate) {
    return output.resolve("runs").resolve(runDate + ".json");
  }

  /** Reads everything the report needs for {@code runDate} under the output folder. */
  public static RunData read(Path output, LocalDate runDate) {
    Path dir = reportsDir(output, runDate);
    return new RunData(
        runDate,
        csv(
            dir.resolve("effectiveness.csv"),
            List.of(
                Columns.OWNER,
                Columns.CLASS,
                Columns.MONTH,
                Columns.MODEL,
                Columns.ACTIVITIES,
                Columns.HOURS,
                Columns.COST,
                Columns.CREDITED_OUTCOMES,
                Columns.CREDITED_VALUE,
                Columns.VALUE_PER_HOUR,
                Columns.OUTCOMES_PER_HOUR),
            r ->
                new RunData.Effectiveness(
                    r.text(Columns.OWNER),
                    r.text(Columns.CLASS),
                    r.text(Columns.MONTH),
                    r.text(Columns.MODEL),
                    r.count(Columns.ACTIVITIES),
                    r.num(Columns.HOURS),
                    r.num(Columns.COST),
                    r.num(Columns.CREDITED_OUTCOMES),
                    r.num(Columns.CREDITED_VALUE),
                    r.optNum(Columns.VALUE_PER_HOUR),
                    r.optNum(Columns.OUTCOMES_PER_HOUR))),
        csv(
            dir.resolve("model_comparison.csv"),
            List.of(Columns.MODEL, Columns.CLASS, Columns.CREDITED_VALUE, Columns.SHARE),
            r ->
                new RunData.ModelShare(
                    r.text(Columns.MODEL),
                    r.text(Columns.CLASS),
                    r.num(Columns.CREDITED_VALUE),
                    r.optNum(Columns.SHARE))),
        csv(
            dir.resolve("attribution_channels.csv"),
            List.of(
                Columns.MODEL,
                Columns.CHANNEL,
                Columns.SCORE,
                Columns.SHARE,
                Columns.CREDITED_VALUE),
            r ->
                new RunData.ChannelScore(
                    r.text(Columns.MODEL),
                    r.text(Columns.CHANNEL),
                    r.num(Columns.SCORE),
                    r.optNum(Columns.SHARE),
                    r.num(Columns.CREDITED_VALUE))),
        csv(
            dir.resolve("lift.csv"),
            List.of(
                Columns.MODEL,
                Columns.LIFT,
                Columns.CI_LOW,
                Columns.CI_HIGH,
                Columns.DIRECTED_VALUE_PER_HOUR,
                Columns.UNDIRECTED_VALUE_PER_HOUR),
            r ->
                new RunData.Lift(
                    r.text(Columns.MODEL),
                    r.optNum(Columns.LIFT),
                    r.optNum(Columns.CI_LOW),
                    r.optNum(Columns.CI_HIGH),
                    r.optNum(Columns.DIRECTED_VALUE_PER_HOUR),
                    r.optNum(Columns.UNDIRECTED_VALUE_PER_HOUR))),
        csv(
            dir.resolve("goal_scorecard.csv"),
            List.of(
                Columns.GOAL_ID,
                Columns.OWNER,
                Columns.CATEGORY,
                Columns.HOURS,
                Columns.ON_TARGET_OUTCOMES,
                Columns.ON_TARGET_VALUE,
                Columns.SERENDIPITOUS_OUTCOMES,
                Columns.TARGET_VALUE,
                Columns.DROUGHT),
            r ->
                new RunData.Goal(
                    r.text(Columns.GOAL_ID),
                    r.text(Columns.OWNER),
                    r.text(Columns.CATEGORY),
                    r.num(Columns.HOURS),
                    r.count(Columns.ON_TARGET_OUTCOMES),
                    r.num(Columns.ON_TARGET_VALUE),
                    r.count(Columns.SERENDIPITOUS_OUTCOMES),
                    r.optNum(Columns.TARGET_VALUE),
                    r.bool(Columns.DROUGHT),
                    r.optText(Columns.TITLE),
                    r.optText(Columns.TARGET_UNIT).toLowerCase(java.util.Locale.ROOT),
                    r.has(Columns.PROGRESS) ? r.optNum(Columns.PROGRESS) : null,
                    r.optText(Columns.STATUS).toLowerCase(java.util.Locale.ROOT),
                    elapsed(r, runDate))),
        csv(
            dir.resolve("well_building.csv"),
            List.of(
                Columns.OWNER,
                Columns.CLASS,
                Columns.MONTH,
                Columns.NEW_RELATIONSHIPS,
                Columns.STRENGTHENED_RELATIONSHIPS,
                Columns.INTROS_MADE,
                Columns.INTROS_RECEIVED),
            r ->
                new RunData.WellBuilding(
                    r.text(Columns.OWNER),
                    r.text(Columns.CLASS),
                    r.text(Columns.MONTH),
                    r.count(Columns.NEW_RELATIONSHIPS),
                    r.count(Columns.STRENGTHENED_RELATIONSHIPS),
                    r.count(Columns.INTROS_MADE),
                    r.count(Columns.INTROS_RECEIVED))),
        csv(
            dir.resolve("unattributed.csv"),
            List.of(Columns.OUTCOME_ID, Columns.OWNER, Columns.TYPE, Columns.VALUE, Columns.REASON),
            r ->
                new RunData.Unattributed(
                    r.text(Columns.OUTCOME_ID),
                    r.text(Columns.OWNER),
                    r.text(Columns.TYPE),
                    r.num(Columns.VALUE),
                    r.text(Columns.REASON))),
        manifest(manifestFile(output, runDate)),
        extras(dir));
  }

  /** The exports of issues 20 and 21; each is null when its file is absent (an older run). */
  private static RunData.Extras extras(Path dir) {
    return new RunData.Extras(
        optionalCsv(
            dir.resolve("period_comparison.csv"),
            List.of(
                Columns.PERIOD,
                Columns.START,
                Columns.END,
                Columns.CLASS,
                Columns.HOURS,
                Columns.CREDITED_VALUE,
                Columns.VALUE_PER_HOUR,
                Columns.LIFT,
                Columns.CI_LOW,
                Columns.CI_HIGH),
            r ->
                new RunData.PeriodRow(
                    r.text(Columns.PERIOD).toLowerCase(java.util.Locale.ROOT),
                    r.date(Columns.START),
                    r.date(Columns.END),
                    r.text(Columns.CLASS),
                    r.num(Columns.HOURS),
                    r.num(Columns.CREDITED_VALUE),
                    r.optNum(Columns.VALUE_PER_HOUR),
                    r.optNum(Columns.LIFT),
                    r.optNum(Columns.CI_LOW),
                    r.optNum(Columns.CI_HIGH))),
        optionalCsv(
            dir.resolve("lift_history.csv"),
            List.of(Columns.RUN_DATE, Columns.MODEL, Columns.LIFT, Columns.CI_LOW, Columns.CI_HIGH),
            r ->
                new RunData.LiftPoint(
                    r.date(Columns.RUN_DATE),
                    r.text(Columns.MODEL),
                    r.optNum(Columns.LIFT),
                    r.optNum(Columns.CI_LOW),
                    r.optNum(Columns.CI_HIGH))),
        optionalCsv(
            dir.resolve("follow_up.csv"),
            List.of(
                Columns.OWNER,
                Columns.GOAL_ID,
                Columns.CONTACT_ID,
                Columns.CONTACT_NAME,
                Columns.LAST_TOUCH_ON,
                Columns.DAYS_SINCE_TOUCH),
            r ->
                new RunData.FollowUp(
                    r.text(Columns.OWNER),
                    r.text(Columns.GOAL_ID),
                    r.text(Columns.CONTACT_ID),
                    r.text(Columns.CONTACT_NAME),
                    r.date(Columns.LAST_TOUCH_ON),
                    r.count(Columns.DAYS_SINCE_TOUCH))),
        optionalCsv(
            dir.resolve("incrementality.csv"),
            List.of(
                Columns.CLASS,
                Columns.HOURS,
                Columns.INCREMENTAL_VALUE,
                Columns.INCREMENTAL_VALUE_PER_HOUR,
                Columns.CI_LOW,
                Columns.CI_HIGH,
                Columns.ATTRIBUTED_VALUE_PER_HOUR,
                Columns.REASON),
            r ->
                new RunData.IncrementalRow(
                    r.text(Columns.CLASS),
                    r.optNum(Columns.HOURS),
                    r.optNum(Columns.INCREMENTAL_VALUE),
                    r.optNum(Columns.INCREMENTAL_VALUE_PER_HOUR),
                    r.optNum(Columns.CI_LOW),
                    r.optNum(Columns.CI_HIGH),
                    r.optNum(Columns.ATTRIBUTED_VALUE_PER_HOUR),
                    r.text(Columns.REASON))),
        optionalCsv(
            dir.resolve("whatif.csv"),
            List.of(
                Columns.OWNER,
                Columns.MOVE_FROM,
                Columns.MOVE_TO,
                Columns.SHARE_MOVED,
                Columns.HOURS_MOVED_PER_MONTH,
                Columns.VALUE_CHANGE_PER_MONTH,
                Columns.CI_LOW,
                Columns.CI_HIGH,
                Columns.EXTRAPOLATED),
            r ->
                new RunData.WhatIf(
                    r.text(Columns.OWNER),
                    r.text(Columns.MOVE_FROM),
                    r.text(Columns.MOVE_TO),
                    r.num(Columns.SHARE_MOVED),
                    r.optNum(Columns.HOURS_MOVED_PER_MONTH),
                    r.optNum(Columns.VALUE_CHANGE_PER_MONTH),
                    r.optNum(Columns.CI_LOW),
                    r.optNum(Columns.CI_HIGH),
                    r.bool(Columns.EXTRAPOLATED))));
  }

  /**
   * The share of a goal's time that has passed by the run date, from the optional starts_on and
   * ends_on columns (both ends inclusive); null when either is absent or empty.
   */
  private static Double elapsed(Row r, LocalDate runDate) {
    if (!r.has(Columns.STARTS_ON)
        || !r.has(Columns.ENDS_ON)
        || r.raw(Columns.STARTS_ON).isEmpty()
        || r.raw(Columns.ENDS_ON).isEmpty()) {
      return null;
    }
    LocalDate start = r.date(Columns.STARTS_ON);
    LocalDate end = r.date(Columns.ENDS_ON);
    long days = end.toEpochDay() - start.toEpochDay() + 1;
    if (days <= 0) {
      return null;
    }
    long passed = Math.min(end.toEpochDay(), runDate.toEpochDay()) - start.toEpochDay() + 1;
    return Math.max(0.0, Math.min(1.0, (double) passed / days));
  }

  /** Like {@link #csv}, but an absent file is null (not computed for this run), not an error. */
  private static <T> List<T> optionalCsv(
      Path file, List<String> required, Function<Row, T> mapper) {
    return Files.exists(file) ? csv(file, required, mapper) : null;
  }

  /** Undoes the exporter's spreadsheet guard: one leading {@code '} before = + - @ tab CR. */
  public static String unguard(String cell) {
    if (cell.length() >= 2 && cell.charAt(0) == '\'' && GUARDED.indexOf(cell.charAt(1)) >= 0) {
      return cell.substring(1);
    }
    return cell;
  }

  private static <T> List<T> csv(Path file, List<String> required, Function<Row, T> mapper) {
    if (!Files.isRegularFile(file)) {
      throw ReportException.unusable("missing input file: " + file);
    }
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format)) {
      Map<String, Integer> header = new LinkedHashMap<>();
      parser
          .getHeaderMap()
          .forEach(
              (k, v) ->
                  header.put(
                      k.strip().replace("\uFEFF", "").toLowerCase(java.util.Locale.ROOT), v));
      for (String col : required) {
        if (!header.containsKey(col)) {
          throw ReportException.unusable(file + ": missing column '" + col + "'");
        }
      }
      List<T> rows = new ArrayList<>();
      for (CSVRecord rec : parser) {
        rows.add(mapper.apply(new Row(file, rec, header)));
      }
      return rows;
    } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
      throw new ReportException(
          ReportException.UNUSABLE, file + ": not a readable CSV file (" + e.getMessage() + ")", e);
    }
  }

  /** One CSV record with typed accessors whose errors name the file, line and column. */
  private record Row(Path file, CSVRecord rec, Map<String, Integer> header) {
    String raw(String col) {
      int i = header.get(col);
      return i < rec.size() ? rec.get(i).strip() : "";
    }

    String text(String col) {
      return Glyphs.drawable(unguard(raw(col)));
    }

    boolean has(String col) {
      return header.containsKey(col);
    }

    /** The text of an optional column; empty when the column is absent. */
    String optText(String col) {
      return has(col) ? text(col) : "";
    }

    LocalDate date(String col) {
      String s = raw(col);
      try {
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
      } catch (java.time.format.DateTimeParseException e) {
        throw ReportException.unusable(
            file
                + " line "
                + rec.getParser().getCurrentLineNumber()
                + ": column "
                + col
                + " is not a date (YYYY-MM-DD): '"
                + s
                + "'");
      }
    }

    Double optNum(String col) {
      String s = raw(col);
      if (s.isEmpty()) {
        return null;
      }
      try {
        double d = Double.parseDouble(s);
        if (Double.isFinite(d)) {
          return d;
        }
      } catch (NumberFormatException e) {
        // reported below with the file, line and column
      }
      throw ReportException.unusable(
          file
              + " line "
              + rec.getParser().getCurrentLineNumber()
              + ": column "
              + col
              + " is not a number: '"
              + s
              + "'");
    }

    double num(String col) {
      Double d = optNum(col);
      return d == null ? 0.0 : d;
    }

    long count(String col) {
      return Math.round(num(col));
    }

    boolean bool(String col) {
      return raw(col).equalsIgnoreCase("true");
    }
  }

  private static RunData.RunManifest manifest(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ReportException.unusable("missing run manifest: " + file);
    }
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new ReportException(
          ReportException.UNUSABLE, file + ": not a readable manifest (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw ReportException.unusable(file + ": not a readable manifest (no JSON object)");
    }
    List<RunData.InputFile> inputs = new ArrayList<>();
    for (JsonNode in : root.path("inputs")) {
      Map<String, Long> reasons = new LinkedHashMap<>();
      in.path("rejected_by_reason")
          .fields()
          .forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
      inputs.add(
          new RunData.InputFile(
              in.path("file").asText(""),
              in.path("kind").asText(""),
              in.path("rows_read").asLong(),
              in.path("rows_accepted").asLong(),
              in.path("rows_rejected").asLong(),
              in.path("rows_excluded").asLong(),
              in.path("rows_ignored_future").asLong(),
              reasons));
    }
    JsonNode totals = root.path("totals");
    Map<String, String> config = new LinkedHashMap<>();
    for (String key :
        List.of("report_model", "paper", "names", "value_unit", "report_period_days")) {
      JsonNode v = root.path("configuration").path(key);
      if ((v.isTextual() && !v.asText().isBlank()) || v.isIntegralNumber()) {
        config.put(key, v.asText());
      }
    }
    return new RunData.RunManifest(
        root.path("status").asText(""),
        inputs,
        totals
            .path("rows_read")
            .asLong(inputs.stream().mapToLong(RunData.InputFile::rowsRead).sum()),
        totals
            .path("rows_accepted")
            .asLong(inputs.stream().mapToLong(RunData.InputFile::rowsAccepted).sum()),
        totals
            .path("rows_rejected")
            .asLong(inputs.stream().mapToLong(RunData.InputFile::rowsRejected).sum()),
        totals
            .path("rows_ignored_future")
            .asLong(inputs.stream().mapToLong(RunData.InputFile::rowsIgnoredFuture).sum()),
        texts(root.path("unrecognised_files")),
        texts(root.path("warnings")),
        config);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
