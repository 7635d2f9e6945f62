package dev.wellspring.cli;

import dev.wellspring.WellspringException;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.ConfigOption;
import dev.wellspring.config.Options;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.pipeline.Progress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The flags every pipeline command shares (DESIGN.md "Command line"): one per option of the table
 * {@link Options} that has a flag, plus the few that steer the command itself (--config, --quiet,
 * --verbose, --print-config, --log-format). Flags beat --config.
 */
final class RunOptions {

  /**
   * The options of each stage command beyond {@link #COMMON}; {@code nightly} shows them all. A
   * stage command's --help lists only these; the others are hidden there (still accepted, as the
   * configuration keys they are).
   */
  static final Map<String, List<String>> STAGE_OPTIONS =
      Map.of(
          "ingest",
          List.of("--input", "--owner", "--reject-max", "--master", "--shuffle-partitions"),
          "classify",
          List.of("--master", "--shuffle-partitions"),
          "attribute",
          List.of(
              "--lookback-days",
              "--half-life-days",
              "--channel-dimension",
              "--master",
              "--shuffle-partitions"),
          "aggregate",
          List.of("--master", "--shuffle-partitions"),
          "report",
          List.of("--report-model", "--paper"));

  /** Options every pipeline command has. */
  static final List<String> COMMON =
      List.of(
          "--output",
          "--run-date",
          "--config",
          "--quiet",
          "--verbose",
          "--print-config",
          "--log-format",
          "--help",
          "--version");

  private final CommandSpec spec;

  /** The options as parsed into {@code spec} (a command built with {@link #addTo}). */
  RunOptions(CommandSpec spec) {
    this.spec = spec;
  }

  /**
   * Adds the shared flags to a pipeline command. Those that {@code shown} rejects are hidden, not
   * left out: scripts that pass one set of flags to every stage keep working (the flags are
   * configuration keys; a stage ignores what it does not use).
   */
  static void addTo(CommandSpec spec, Predicate<String> shown) {
    for (ConfigOption<?> o : Options.withFlags()) {
      add(spec, shown, o.flag(), o.paramLabel(), String.class, o.help());
    }
    add(spec, shown, "--config", "FILE", Path.class, "YAML configuration file.");
    add(spec, shown, "--quiet", null, boolean.class, "Print errors only.");
    add(
        spec,
        shown,
        "--verbose",
        null,
        boolean.class,
        "Print more detail, and stack traces on internal errors.");
    add(
        spec,
        shown,
        "--print-config",
        null,
        boolean.class,
        "Print the effective configuration and exit.");
    add(
        spec,
        shown,
        "--log-format",
        "FORMAT",
        String.class,
        "Progress lines: plain (default; a bar on a terminal) or json (one object a line, for"
            + " schedulers).");
  }

  private static void add(
      CommandSpec spec,
      Predicate<String> shown,
      String name,
      String label,
      Class<?> type,
      String description) {
    OptionSpec.Builder b =
        OptionSpec.builder(name).type(type).description(description).hidden(!shown.test(name));
    if (label != null) {
      b.paramLabel(label);
    }
    if (type == boolean.class) {
      b.arity("0");
    }
    spec.addOption(b.build());
  }

  private Object value(String name) {
    return spec.findOption(name).getValue();
  }

  boolean printConfig() {
    return Boolean.TRUE.equals(value("--print-config"));
  }

  boolean quiet() {
    return Boolean.TRUE.equals(value("--quiet"));
  }

  boolean verbose() {
    return Boolean.TRUE.equals(value("--verbose"));
  }

  /** The progress format named by --log-format. */
  Progress.Format format() {
    String logFormat = (String) value("--log-format");
    if (logFormat == null || logFormat.equalsIgnoreCase("plain")) {
      return Progress.Format.PLAIN;
    }
    if (logFormat.equalsIgnoreCase("json")) {
      return Progress.Format.JSON;
    }
    throw WellspringException.unusable(
        "cli", "bad value for --log-format: '" + logFormat + "' (expected plain or json)");
  }

  /** The effective configuration: defaults, then the file, then these flags. */
  WellspringConfig toConfig(boolean needsInput) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (ConfigOption<?> o : Options.withFlags()) {
      flags.put(o.key(), (String) value(o.flag()));
    }
    WellspringConfig c = ConfigLoader.load((Path) value("--config"), flags);
    if (c.output() == null || c.output().isBlank()) {
      throw WellspringException.unusable(
          "cli", "missing --output DIR (or output: in the configuration file)");
    }
    if (needsInput && (c.input() == null || c.input().isBlank())) {
      throw WellspringException.unusable(
          "cli", "missing --input DIR (or input: in the configuration file)");
    }
    return c;
  }
}
