package dev.wellspring.cli;

import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags every pipeline command shares (DESIGN.md "Command line"). Flags beat --config. */
public final class RunOptions {
  @Option(names = "--input", paramLabel = "DIR", description = "Folder with the exports.")
  String input;

  @Option(
      names = "--output",
      paramLabel = "DIR",
      description = "Output folder (warehouse, reports, runs).")
  String output;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      description = "Run date; data after its end is ignored. Default: yesterday (UTC).")
  String runDate;

  @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
  Path config;

  @Option(
      names = "--lookback-days",
      paramLabel = "N",
      description = "Attribution lookback (default 180).")
  String lookbackDays;

  @Option(
      names = "--half-life-days",
      paramLabel = "N",
      description = "Time-decay half-life (default 30).")
  String halfLifeDays;

  @Option(
      names = "--channel-dimension",
      paramLabel = "D",
      description =
          "Channels of markov/shapley paths: class, type, channel, goal_category (default class).")
  String channelDimension;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Option(
      names = "--owner",
      paramLabel = "NAME",
      description = "Whose single-person exports these are.")
  String owner;

  @Option(
      names = "--reject-max",
      paramLabel = "RATIO",
      description = "Largest tolerated reject ratio (default 0.05).")
  String rejectMax;

  @Option(
      names = "--report-model",
      paramLabel = "MODEL",
      description = "Model of the report's headline (default linear).")
  String reportModel;

  @Option(
      names = "--paper",
      paramLabel = "SIZE",
      description = "Report paper: A4 (default) or Letter.")
  String paper;

  @Option(
      names = "--names",
      paramLabel = "HOW",
      description = "People's names in the report: full (default), initials or none.")
  String names;

  @Option(
      names = "--value-unit",
      paramLabel = "UNIT",
      description = "Unit written beside values in the report, e.g. EUR or points (default none).")
  String valueUnit;

  @Option(
      names = "--report-period-days",
      paramLabel = "N",
      description =
          "The report's period: the N days to the run date, against the N before (default 90).")
  String reportPeriodDays;

  @Option(
      names = "--shuffle-partitions",
      paramLabel = "N",
      description = "Spark shuffle partitions (default: one per 24 MB of input, 8 to 512).")
  String shufflePartitions;

  @Option(names = "--quiet", description = "Print errors only.")
  boolean quiet;

  @Option(
      names = "--verbose",
      description = "Print more detail, and stack traces on internal errors.")
  boolean verbose;

  @Option(names = "--print-config", description = "Print the effective configuration and exit.")
  boolean printConfig;

  @Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      description =
          "Progress lines: plain (default; a bar on a terminal) or json (one object a line, for schedulers).")
  String logFormat;

  @Option(
      names = "--keep-runs",
      paramLabel = "N",
      description =
          "Published run dates to keep after a successful run; older ones are pruned (default 30; 0 keeps all).")
  String keepRuns;

  /**
   * The options of each stage command beyond {@link #COMMON}; {@code nightly} shows them all. A
   * stage command's --help lists only these; the others are hidden there (still accepted, as the
   * configuration keys they are).
   */
  static final java.util.Map<String, java.util.List<String>> STAGE_OPTIONS =
      java.util.Map.of(
          "ingest",
          java.util.List.of(
              "--input", "--owner", "--reject-max", "--master", "--shuffle-partitions"),
          "classify",
          java.util.List.of("--master", "--shuffle-partitions"),
          "attribute",
          java.util.List.of(
              "--lookback-days",
              "--half-life-days",
              "--channel-dimension",
              "--master",
              "--shuffle-partitions"),
          "aggregate",
          java.util.List.of("--master", "--shuffle-partitions"),
          "report",
          java.util.List.of("--report-model", "--paper"));

  /** Options every pipeline command has. */
  static final java.util.List<String> COMMON =
      java.util.List.of(
          "--output",
          "--run-date",
          "--config",
          "--quiet",
          "--verbose",
          "--print-config",
          "--log-format",
          "--help",
          "--version");

  /** The progress format named by --log-format. */
  dev.wellspring.pipeline.Progress.Format format() {
    if (logFormat == null || logFormat.equalsIgnoreCase("plain")) {
      return dev.wellspring.pipeline.Progress.Format.PLAIN;
    }
    if (logFormat.equalsIgnoreCase("json")) {
      return dev.wellspring.pipeline.Progress.Format.JSON;
    }
    throw dev.wellspring.WellspringException.unusable(
        "cli", "bad value for --log-format: '" + logFormat + "' (expected plain or json)");
  }

  /** The effective configuration: defaults, then the file, then these flags. */
  WellspringConfig toConfig(boolean needsInput) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("input", input);
    flags.put("output", output);
    flags.put("run_date", runDate);
    flags.put("lookback_days", lookbackDays);
    flags.put("half_life_days", halfLifeDays);
    flags.put("channel_dimension", channelDimension);
    flags.put("master", master);
    flags.put("owner", owner);
    flags.put("reject_max", rejectMax);
    flags.put("report_model", reportModel);
    flags.put("paper", paper);
    flags.put("shuffle_partitions", shufflePartitions);
    flags.put("names", names);
    flags.put("value_unit", valueUnit);
    flags.put("report_period_days", reportPeriodDays);
    flags.put("keep_runs", keepRuns);
    WellspringConfig c = ConfigLoader.load(config, flags);
    if (c.output() == null || c.output().isBlank()) {
      throw dev.wellspring.WellspringException.unusable(
          "cli", "missing --output DIR (or output: in the configuration file)");
    }
    if (needsInput && (c.input() == null || c.input().isBlank())) {
      throw dev.wellspring.WellspringException.unusable(
          "cli", "missing --input DIR (or input: in the configuration file)");
    }
    return c;
  }
}
