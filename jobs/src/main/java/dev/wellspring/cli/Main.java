package dev.wellspring.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wellspring.WellspringException;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.pipeline.Pipeline;
import dev.wellspring.pipeline.Progress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code wellspring} command line. Exit codes: DESIGN.md "Exit codes". */
@Command(
    name = "wellspring",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Does our networking pay off, and which kind?")
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Exit codes and environment variables, at the end of every --help. */
  static final String FOOTER =
      "%nExit codes:%n"
          + "  0  ok%n"
          + "  1  internal error (a bug or the machine: disk full, out of memory)%n"
          + "  2  unusable invocation, configuration or input (the message says which)%n"
          + "  3  too many rejected rows (above reject_max; rejects/ and the manifest are written)%n"
          + "%nEnvironment:%n"
          + "  WELLSPRING_SECRET       secret of the keyed hashes (else the configuration's secret,%n"
          + "                          else <output>/.wellspring-secret, created on first use)%n"
          + "  WELLSPRING_JAVA_OPTS    JVM options for the launcher (replaces its defaults)%n"
          + "  WELLSPRING_SUBMIT_OPTS  extra spark-submit options when the Spark master is a cluster%n"
          + "  SPARK_LOCAL_IP          address Spark binds to (the launcher sets 127.0.0.1)%n"
          + "%nDocumentation: docs/data-contract.md (inputs, outputs, configuration keys),%n"
          + "docs/operations.md (scheduling, history, upgrades).";

  /** Runs the command line and returns the exit code (tests call this, not main). */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof WellspringException we) {
            cmd.getErr().println("wellspring: error: " + we.getMessage());
            return we.exitCode();
          }
          cmd.getErr().println("wellspring: internal error: " + ex);
          if (java.util.Arrays.asList(args).contains("--verbose")) {
            ex.printStackTrace(cmd.getErr());
          }
          return WellspringException.INTERNAL;
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println(usageError(ex));
          return WellspringException.UNUSABLE;
        });
    return cl.execute(args);
  }

  /**
   * The pipeline commands, in the order --help lists them: name -> description. Each is one {@link
   * StageCommand} running the stage of its name ({@code nightly}: all of them).
   */
  static final Map<String, String> STAGE_COMMANDS = stageCommands();

  private static Map<String, String> stageCommands() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        "nightly",
        "ingest -> classify -> attribute -> aggregate -> incrementality -> report for one run"
            + " date.");
    m.put("ingest", "Validate the exports into the warehouse; bad rows to rejects/.");
    m.put("classify", "Classify every activity as DIRECTED, EMBEDDED or UNDIRECTED.");
    m.put("attribute", "Attribute outcomes to touchpoints under every model.");
    m.put("aggregate", "Compute the aggregates and write the CSV exports.");
    m.put(
        "incrementality",
        "Estimate what each class's hours add (a mix model beside attribution; after aggregate).");
    m.put("report", "Render the PDF report from one run's CSV exports.");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * The command line: the pipeline commands (each stage command's help cut to its own options),
   * generate, help, and the help footer.
   */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.getCommandSpec().usageMessage().footer(FOOTER);
    STAGE_COMMANDS.forEach(
        (name, description) -> cl.addSubcommand(name, stageCommand(name, description)));
    cl.addSubcommand(new GenerateCommand());
    cl.addSubcommand(new CommandLine.HelpCommand());
    for (CommandLine sub : cl.getSubcommands().values()) {
      sub.getCommandSpec().usageMessage().footer(FOOTER);
    }
    return cl;
  }

  /** One pipeline command, built from the option table rather than from annotations. */
  private static CommandLine stageCommand(String name, String description) {
    StageCommand command = new StageCommand(name);
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
    spec.name(name).mixinStandardHelpOptions(true);
    spec.usageMessage().description(description);
    List<String> own = RunOptions.STAGE_OPTIONS.get(name);
    RunOptions.addTo(
        spec, flag -> own == null || RunOptions.COMMON.contains(flag) || own.contains(flag));
    if (name.equals("nightly")) {
      spec.addOption(
          CommandLine.Model.OptionSpec.builder("--no-report")
              .type(boolean.class)
              .arity("0")
              .description("Skip the PDF (the CSV exports are still written).")
              .build());
    }
    command.options = new RunOptions(spec);
    command.spec = spec;
    return new CommandLine(spec);
  }

  /**
   * One line for a bad invocation: the unknown option and the nearest known one, or picocli's
   * message.
   */
  static String usageError(CommandLine.ParameterException ex) {
    String cmd = ex.getCommandLine().getCommandSpec().qualifiedName();
    if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().get(0);
      String what =
          arg.startsWith("-")
              ? "option"
              : ex.getCommandLine().getSubcommands().isEmpty() ? "argument" : "command";
      List<String> suggestions = u.getSuggestions();
      if (arg.startsWith("-")) {
        // The nearest option by edit distance (picocli suggests by prefix only).
        suggestions = nearest(arg, ex.getCommandLine().getCommandSpec().optionsMap().keySet());
      }
      return "wellspring: unknown "
          + what
          + " '"
          + arg
          + "'"
          + (suggestions.isEmpty()
              ? " (see '" + cmd + " --help')"
              : " (did you mean '" + suggestions.get(0) + "'?)");
    }
    String m = String.valueOf(ex.getMessage());
    int nl = m.indexOf('\n');
    return "wellspring: " + (nl < 0 ? m : m.substring(0, nl)) + " (see '" + cmd + " --help')";
  }

  /**
   * The option name closest to {@code arg} (edit distance at most a third of its length), if any.
   */
  static List<String> nearest(String arg, java.util.Collection<String> names) {
    String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : new java.util.TreeSet<>(names)) {
      if (!n.startsWith("--")) {
        continue;
      }
      int d = dev.wellspring.config.ConfigLoader.editDistance(key, n);
      if (d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3)
        ? List.of(best)
        : List.of();
  }

  @Override
  public Integer call() {
    // The list of commands, without the footer (as a bare `wellspring` always printed it).
    CommandLine self = commandLine();
    self.getCommandSpec().usageMessage().footer(new String[0]);
    self.usage(System.err);
    return WellspringException.UNUSABLE;
  }

  /** A pipeline command: runs the stage of its name, or every stage for {@code nightly}. */
  static final class StageCommand implements Callable<Integer> {
    private final String name;
    private RunOptions options;
    private CommandSpec spec;

    StageCommand(String name) {
      this.name = name;
    }

    List<String> stages() {
      if (!name.equals("nightly")) {
        return List.of(name);
      }
      List<String> s = Pipeline.nightly();
      if (Boolean.TRUE.equals(spec.findOption("--no-report").getValue())) {
        s.remove("report");
      }
      return s;
    }

    @Override
    public Integer call() throws Exception {
      if (options.format() == Progress.Format.JSON) {
        jsonLogging();
      }
      List<String> stages = stages();
      WellspringConfig config = options.toConfig(stages.contains("ingest"));
      if (options.printConfig()) {
        System.out.print(new ObjectMapper(new YAMLFactory()).writeValueAsString(config.describe()));
        return 0;
      }
      Progress.Level level =
          options.quiet()
              ? Progress.Level.QUIET
              : options.verbose() ? Progress.Level.VERBOSE : Progress.Level.NORMAL;
      return Pipeline.run(config, stages, Progress.toStderr(level, options.format()));
    }
  }

  /** Spark's and our log4j lines as JSON objects too ({@code log4j2-json.properties}). */
  static void jsonLogging() {
    java.net.URL json = Main.class.getResource("/log4j2-json.properties");
    if (json != null) {
      try {
        org.apache.logging.log4j.core.config.Configurator.reconfigure(json.toURI());
      } catch (java.net.URISyntaxException | RuntimeException e) {
        // plain log lines then; the progress lines are JSON regardless
      }
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "wellspring "
            + dev.wellspring.pipeline.Version.wellspring()
            + " (commit "
            + dev.wellspring.pipeline.Version.commit()
            + ")"
      };
    }
  }
}
