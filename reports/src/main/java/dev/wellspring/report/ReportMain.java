package dev.wellspring.report;

import dev.wellspring.report.io.PdfFile;
import dev.wellspring.report.io.RunInputs;
import dev.wellspring.vocabulary.AttributionModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders {@code OUT/reports/<date>/effectiveness.pdf} from the run's CSV exports and manifest, in
 * its own JVM without Spark:
 *
 * <pre>
 * ReportMain --output DIR --run-date YYYY-MM-DD [--model linear] [--paper A4|Letter]
 *            [--names full|initials|none] [--value-unit TEXT] [--period-days N]
 * </pre>
 *
 * A flag not given falls back to the run's configuration in the manifest, then to the defaults
 * (linear, A4, full, no value unit, 90 days). Exit codes: 0 done; 2 unusable invocation or input
 * (one line naming the file); 1 internal error.
 */
public final class ReportMain {
  static final String USAGE =
      "usage: ReportMain --output DIR --run-date YYYY-MM-DD [--model linear] [--paper A4|Letter]"
          + " [--names full|initials|none] [--value-unit TEXT] [--period-days N]";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * Jasper logs through java.util.logging; its one warning on every run (stock OpenPDF, no tagged
   * link annotations) is noise in the pipeline's stderr. Held here so the setting is not collected.
   */
  private static final java.util.logging.Logger JASPER_PDF_LOG =
      java.util.logging.Logger.getLogger("net.sf.jasperreports.pdf");

  private ReportMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command line and returns its exit code; messages go to {@code out} / {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    System.setProperty("java.awt.headless", "true");
    JASPER_PDF_LOG.setLevel(java.util.logging.Level.SEVERE);
    try {
      Map<String, String> flags = parse(args);
      if (flags.containsKey("help")) {
        out.println(USAGE);
        return 0;
      }
      Path pdf = render(flags, Instant.now());
      out.println("report: wrote " + pdf);
      return 0;
    } catch (ReportException e) {
      err.println(
          "report: "
              + (e.exitCode() == ReportException.INTERNAL ? "error: " : "")
              + e.getMessage());
      return e.exitCode();
    } catch (RuntimeException | LinkageError e) {
      err.println("report: internal error: " + e);
      return ReportException.INTERNAL;
    }
  }

  /** Reads the run, builds the content and writes the PDF; returns the PDF's path. */
  static Path render(Map<String, String> flags, Instant generatedAt) {
    Path output = Path.of(require(flags, "output"));
    // Jasper's classes and fonts load on the other core while the run's files are read. The
    // pipeline always passes --paper; a run that leaves it to the manifest is A4 by default.
    JasperRenderer.warmUp(flags.getOrDefault("paper", "A4"));
    LocalDate runDate;
    try {
      runDate = LocalDate.parse(require(flags, "run-date"));
    } catch (DateTimeParseException e) {
      throw ReportException.unusable(
          "--run-date must be YYYY-MM-DD, not '" + flags.get("run-date") + "'");
    }
    RunData data = RunInputs.read(output, runDate);
    Map<String, String> conf = data.manifest().configuration();
    ReportOptions options =
        new ReportOptions(
            output,
            runDate,
            flags.getOrDefault(
                "model", conf.getOrDefault("report_model", AttributionModel.LINEAR.wireName())),
            flags.getOrDefault("paper", conf.getOrDefault("paper", "A4")),
            flags.getOrDefault("names", conf.getOrDefault("names", "full")),
            flags.getOrDefault("value-unit", conf.getOrDefault("value_unit", "")),
            periodDays(
                flags.getOrDefault(
                    "period-days",
                    conf.getOrDefault(
                        "report_period_days", String.valueOf(ReportOptions.DEFAULT_PERIOD_DAYS)))));
    return render(data, options, generatedAt);
  }

  /** Renders {@code data} under {@code options}; the entry point for tests and the benchmark. */
  public static Path render(RunData data, ReportOptions options, Instant generatedAt) {
    List<Block> blocks = ReportContent.build(data, options);
    JasperRenderer renderer = JasperRenderer.compile(options.paper());
    Path pdf =
        RunInputs.reportsDir(options.output(), options.runDate()).resolve("effectiveness.pdf");
    Map<String, String> header =
        Map.of(
            "RUN_DATE", options.runDate().toString(),
            "GENERATED_AT", STAMP.format(generatedAt),
            "MODEL", options.model());
    PdfFile.writeAtomically(
        pdf,
        out ->
            renderer.render(
                blocks,
                header,
                "Wellspring networking effectiveness report " + options.runDate(),
                out));
    return pdf;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new HashMap<>();
    List<String> known =
        List.of("output", "run-date", "model", "paper", "names", "value-unit", "period-days");
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        flags.put("help", "");
        continue;
      }
      String name = a.startsWith("--") ? a.substring(2) : null;
      String value = null;
      if (name != null && name.contains("=")) {
        value = name.substring(name.indexOf('=') + 1);
        name = name.substring(0, name.indexOf('='));
      }
      if (name == null || !known.contains(name)) {
        throw ReportException.unusable("unknown argument '" + a + "'; " + USAGE);
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw ReportException.unusable("--" + name + " needs a value; " + USAGE);
        }
        value = args[++i];
      }
      flags.put(name, value);
    }
    return flags;
  }

  private static int periodDays(String given) {
    try {
      return Integer.parseInt(given.strip());
    } catch (NumberFormatException e) {
      throw ReportException.unusable(
          "--period-days must be a whole number of days >= 1, not '" + given + "'");
    }
  }

  private static String require(Map<String, String> flags, String name) {
    String v = flags.get(name);
    if (v == null || v.isBlank()) {
      throw ReportException.unusable("--" + name + " is required; " + USAGE);
    }
    return v;
  }
}
