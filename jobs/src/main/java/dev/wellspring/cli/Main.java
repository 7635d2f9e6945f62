package dev.wellspring.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wellspring.WellspringException;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.pipeline.Pipeline;
import dev.wellspring.pipeline.Progress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code wellspring} command line. Exit codes: DESIGN.md "Exit codes". */
@Command(
    name = "wellspring",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Does our networking pay off, and which kind?",
    subcommands = {
      Main.Nightly.class,
      Main.Ingest.class,
      Main.Classify.class,
      Main.Attribute.class,
      Main.Aggregate.class,
      Main.Incrementality.class,
      Main.Report.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (tests call this, not main). */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
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
    // picocli's default for bad usage is 2, as DESIGN.md wants.
    return cl.execute(args);
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return WellspringException.UNUSABLE;
  }

  /** Shared body of the pipeline commands. */
  abstract static class StageCommand implements Callable<Integer> {
    @Mixin RunOptions options;

    abstract List<String> stages();

    boolean needsInput() {
      return stages().contains("ingest");
    }

    @Override
    public Integer call() throws Exception {
      WellspringConfig config = options.toConfig(needsInput());
      if (options.printConfig) {
        System.out.print(
            new ObjectMapper(new YAMLFactory()).writeValueAsString(Pipeline.describe(config)));
        return 0;
      }
      Progress.Level level =
          options.quiet ? Progress.Level.QUIET : options.verbose ? Progress.Level.VERBOSE : Progress.Level.NORMAL;
      return Pipeline.run(config, stages(), new Progress(System.err, level));
    }
  }

  @Command(name = "nightly", mixinStandardHelpOptions = true,
      description = "ingest -> classify -> attribute -> aggregate -> incrementality -> report for one run date.")
  static final class Nightly extends StageCommand {
    @CommandLine.Option(names = "--no-report", description = "Skip the PDF (the CSV exports are still written).")
    boolean noReport;

    @Override
    List<String> stages() {
      List<String> s = Pipeline.nightly();
      if (noReport) {
        s.remove("report");
      }
      return s;
    }
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "Validate the exports into the warehouse; bad rows to rejects/.")
  static final class Ingest extends StageCommand {
    @Override
    List<String> stages() {
      return List.of("ingest");
    }
  }

  @Command(name = "classify", mixinStandardHelpOptions = true,
      description = "Classify every activity as DIRECTED, EMBEDDED or UNDIRECTED.")
  static final class Classify extends StageCommand {
    @Override
    List<String> stages() {
      return List.of("classify");
    }
  }

  @Command(name = "attribute", mixinStandardHelpOptions = true,
      description = "Attribute outcomes to touchpoints under every model.")
  static final class Attribute extends StageCommand {
    @Override
    List<String> stages() {
      return List.of("attribute");
    }
  }

  @Command(name = "aggregate", mixinStandardHelpOptions = true,
      description = "Compute the aggregates and write the CSV exports.")
  static final class Aggregate extends StageCommand {
    @Override
    List<String> stages() {
      return List.of("aggregate");
    }
  }

  @Command(name = "incrementality", mixinStandardHelpOptions = true,
      description = "Estimate what each class's hours add (a mix model beside attribution; after aggregate).")
  static final class Incrementality extends StageCommand {
    @Override
    List<String> stages() {
      return List.of("incrementality");
    }
  }

  @Command(name = "report", mixinStandardHelpOptions = true,
      description = "Render the PDF report from one run's CSV exports.")
  static final class Report extends StageCommand {
    @Override
    List<String> stages() {
      return List.of("report");
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"wellspring " + dev.wellspring.pipeline.Version.wellspring()};
    }
  }
}
