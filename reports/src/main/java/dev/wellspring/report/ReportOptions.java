package dev.wellspring.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What one report run renders.
 *
 * @param output the run's output folder (--output); inputs are read from its reports/ and runs/
 * @param runDate the run date (--run-date)
 * @param model the attribution model of the headline and the per-owner pages, default linear
 * @param paper A4 (default) or Letter
 * @param names how owners appear: full (default), initials or none
 * @param valueUnit the unit written after every value (e.g. EUR, points); empty for none
 * @param periodDays the report period in days (report_period_days, default 90); the period's
 *     numbers come from period_comparison.csv, this only names the period when that file is absent
 */
public record ReportOptions(
    Path output,
    LocalDate runDate,
    String model,
    String paper,
    String names,
    String valueUnit,
    int periodDays) {
  public static final int DEFAULT_PERIOD_DAYS = 90;
  public static final List<String> PAPERS = List.of("A4", "Letter");
  public static final List<String> NAME_STYLES = List.of("full", "initials", "none");

  private static String canonicalPaper(String given) {
    return PAPERS.stream()
        .filter(p -> p.equalsIgnoreCase(given))
        .findFirst()
        .orElseThrow(
            () -> ReportException.unusable("--paper must be A4 or Letter, not '" + given + "'"));
  }

  /** Options without a value unit and with the default period. */
  public ReportOptions(Path output, LocalDate runDate, String model, String paper, String names) {
    this(output, runDate, model, paper, names, "", DEFAULT_PERIOD_DAYS);
  }

  public ReportOptions {
    valueUnit = valueUnit == null ? "" : valueUnit.strip();
    if (valueUnit.length() > 20) {
      throw ReportException.unusable(
          "--value-unit must be at most 20 characters, not '" + valueUnit + "'");
    }
    if (periodDays < 1) {
      throw ReportException.unusable(
          "--period-days must be a whole number of days >= 1, not " + periodDays);
    }
    if (output == null || runDate == null) {
      throw ReportException.unusable("--output and --run-date are required");
    }
    if (model == null || model.isBlank()) {
      throw ReportException.unusable("--model must name an attribution model");
    }
    paper = canonicalPaper(paper);
    if (!NAME_STYLES.contains(names)) {
      throw ReportException.unusable("--names must be full, initials or none, not '" + names + "'");
    }
  }
}
