package dev.wellspring.report.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wellspring.report.ReportException;
import dev.wellspring.report.RunData;
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
                "owner",
                "class",
                "month",
                "model",
                "activities",
                "hours",
                "cost",
                "credited_outcomes",
                "credited_value",
                "value_per_hour",
                "outcomes_per_hour"),
            r ->
                new RunData.Effectiveness(
                    r.text("owner"),
                    r.text("class"),
                    r.text("month"),
                    r.text("model"),
                    r.count("activities"),
                    r.num("hours"),
                    r.num("cost"),
                    r.num("credited_outcomes"),
                    r.num("credited_value"),
                    r.optNum("value_per_hour"),
                    r.optNum("outcomes_per_hour"))),
        csv(
            dir.resolve("model_comparison.csv"),
            List.of("model", "class", "credited_value", "share"),
            r ->
                new RunData.ModelShare(
                    r.text("model"), r.text("class"), r.num("credited_value"), r.optNum("share"))),
        csv(
            dir.resolve("attribution_channels.csv"),
            List.of("model", "channel", "score", "share", "credited_value"),
            r ->
                new RunData.ChannelScore(
                    r.text("model"),
                    r.text("channel"),
                    r.num("score"),
                    r.optNum("share"),
                    r.num("credited_value"))),
        csv(
            dir.resolve("lift.csv"),
            List.of(
                "model",
                "lift",
                "ci_low",
                "ci_high",
                "directed_value_per_hour",
                "undirected_value_per_hour"),
            r ->
                new RunData.Lift(
                    r.text("model"),
                    r.optNum("lift"),
                    r.optNum("ci_low"),
                    r.optNum("ci_high"),
                    r.optNum("directed_value_per_hour"),
                    r.optNum("undirected_value_per_hour"))),
        csv(
            dir.resolve("goal_scorecard.csv"),
            List.of(
                "goal_id",
                "owner",
                "category",
                "hours",
                "on_target_outcomes",
                "on_target_value",
                "serendipitous_outcomes",
                "target_value",
                "drought"),
            r ->
                new RunData.Goal(
                    r.text("goal_id"),
                    r.text("owner"),
                    r.text("category"),
                    r.num("hours"),
                    r.count("on_target_outcomes"),
                    r.num("on_target_value"),
                    r.count("serendipitous_outcomes"),
                    r.optNum("target_value"),
                    r.bool("drought"),
                    r.optText("title"),
                    r.optText("target_unit").toLowerCase(java.util.Locale.ROOT),
                    r.has("progress") ? r.optNum("progress") : null,
                    r.optText("status").toLowerCase(java.util.Locale.ROOT),
                    elapsed(r, runDate))),
        csv(
            dir.resolve("well_building.csv"),
            List.of(
                "owner",
                "class",
                "month",
                "new_relationships",
                "strengthened_relationships",
                "intros_made",
                "intros_received"),
            r ->
                new RunData.WellBuilding(
                    r.text("owner"),
                    r.text("class"),
                    r.text("month"),
                    r.count("new_relationships"),
                    r.count("strengthened_relationships"),
                    r.count("intros_made"),
                    r.count("intros_received"))),
        csv(
            dir.resolve("unattributed.csv"),
            List.of("outcome_id", "owner", "type", "value", "reason"),
            r ->
                new RunData.Unattributed(
                    r.text("outcome_id"),
                    r.text("owner"),
                    r.text("type"),
                    r.num("value"),
                    r.text("reason"))),
        manifest(manifestFile(output, runDate)),
        extras(dir));
  }

  /** The exports of issues 20 and 21; each is null when its file is absent (an older run). */
  private static RunData.Extras extras(Path dir) {
    return new RunData.Extras(
        optionalCsv(
            dir.resolve("period_comparison.csv"),
            List.of(
                "period",
                "start",
                "end",
                "class",
                "hours",
                "credited_value",
                "value_per_hour",
                "lift",
                "ci_low",
                "ci_high"),
            r ->
                new RunData.PeriodRow(
                    r.text("period").toLowerCase(java.util.Locale.ROOT),
                    r.date("start"),
                    r.date("end"),
                    r.text("class"),
                    r.num("hours"),
                    r.num("credited_value"),
                    r.optNum("value_per_hour"),
                    r.optNum("lift"),
                    r.optNum("ci_low"),
                    r.optNum("ci_high"))),
        optionalCsv(
            dir.resolve("lift_history.csv"),
            List.of("run_date", "model", "lift", "ci_low", "ci_high"),
            r ->
                new RunData.LiftPoint(
                    r.date("run_date"),
                    r.text("model"),
                    r.optNum("lift"),
                    r.optNum("ci_low"),
                    r.optNum("ci_high"))),
        optionalCsv(
            dir.resolve("follow_up.csv"),
            List.of(
                "owner",
                "goal_id",
                "contact_id",
                "contact_name",
                "last_touch_on",
                "days_since_touch"),
            r ->
                new RunData.FollowUp(
                    r.text("owner"),
                    r.text("goal_id"),
                    r.text("contact_id"),
                    r.text("contact_name"),
                    r.date("last_touch_on"),
                    r.count("days_since_touch"))),
        optionalCsv(
            dir.resolve("incrementality.csv"),
            List.of(
                "class",
                "hours",
                "incremental_value",
                "incremental_value_per_hour",
                "ci_low",
                "ci_high",
                "attributed_value_per_hour",
                "reason"),
            r ->
                new RunData.IncrementalRow(
                    r.text("class"),
                    r.optNum("hours"),
                    r.optNum("incremental_value"),
                    r.optNum("incremental_value_per_hour"),
                    r.optNum("ci_low"),
                    r.optNum("ci_high"),
                    r.optNum("attributed_value_per_hour"),
                    r.text("reason"))),
        optionalCsv(
            dir.resolve("whatif.csv"),
            List.of(
                "owner",
                "move_from",
                "move_to",
                "share_moved",
                "hours_moved_per_month",
                "value_change_per_month",
                "ci_low",
                "ci_high",
                "extrapolated"),
            r ->
                new RunData.WhatIf(
                    r.text("owner"),
                    r.text("move_from"),
                    r.text("move_to"),
                    r.num("share_moved"),
                    r.optNum("hours_moved_per_month"),
                    r.optNum("value_change_per_month"),
                    r.optNum("ci_low"),
                    r.optNum("ci_high"),
                    r.bool("extrapolated"))));
  }

  /**
   * The share of a goal's time that has passed by the run date, from the optional starts_on and
   * ends_on columns (both ends inclusive); null when either is absent or empty.
   */
  private static Double elapsed(Row r, LocalDate runDate) {
    if (!r.has("starts_on")
        || !r.has("ends_on")
        || r.raw("starts_on").isEmpty()
        || r.raw("ends_on").isEmpty()) {
      return null;
    }
    LocalDate start = r.date("starts_on");
    LocalDate end = r.date("ends_on");
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
