package dev.wellspring.pipeline;

import dev.wellspring.WellspringException;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.report.ReportClassArchive;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.StageResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders the PDF report in its own JVM: the report module (JasperReports) has no Spark on its
 * classpath, and Spark has none of Jasper's, so neither can break the other's dependencies.
 *
 * <p>The child is {@code java -cp <cp> dev.wellspring.report.ReportMain --output .. --run-date ..
 * --model .. --paper .. --names .. --period-days .. [--value-unit ..]}, where {@code <cp>} is the
 * system property {@value #CLASSPATH_PROPERTY} (run.sh sets it to the reports jar and its lib
 * folder). Without it the report is skipped with a manifest warning: a Spark-only deployment is not
 * an error.
 */
public final class ReportLauncher {
  /** The system property holding the report module's classpath. */
  public static final String CLASSPATH_PROPERTY = "wellspring.reports.classpath";

  static final String MAIN_CLASS = "dev.wellspring.report.ReportMain";

  /**
   * The child is short-lived (a few seconds) and mostly runs code once: the C1 compiler alone
   * halves its CPU time against tiered C2 (measured in reports/README.md), and the serial collector
   * needs no GC threads on a small heap.
   */
  static final List<String> JVM_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmx1g",
          // The child loads ~4,600 classes: the default first metaspace threshold (~21 MB) cost a
          // full collection of ~0.25 s halfway through every report.
          "-XX:MetaspaceSize=128m",
          "-Djava.awt.headless=true",
          // Class data sharing messages (an archive that no longer matches, classes it cannot hold)
          // are not the user's business: the child runs without the archive then.
          "-Xlog:cds=off,cds+dynamic=off");

  private ReportLauncher() {}

  /**
   * Runs the report for the context's run date and waits for it. The child's stderr is passed
   * through; a non-zero exit becomes a {@link WellspringException} with the child's exit code (1
   * when it is not one of ours) and its last stderr line as the message.
   */
  public static StageResult render(RunContext ctx) {
    return render(ctx, System.getProperty(CLASSPATH_PROPERTY, ""), ctx.progress()::passthrough);
  }

  static StageResult render(RunContext ctx, String classpath, PrintStream stderr) {
    return render(ctx, classpath, (java.util.function.Consumer<String>) stderr::println);
  }

  /**
   * @param stderr receives the child's stderr lines, except the last one of a failed child: that
   *     one becomes the exception's message, which the pipeline prints (once)
   */
  static StageResult render(
      RunContext ctx, String classpath, java.util.function.Consumer<String> stderr) {
    if (classpath == null || classpath.isBlank()) {
      ctx.progress()
          .info(
              "report: the report module is not on this installation (no -D"
                  + CLASSPATH_PROPERTY
                  + "); skipped");
      ctx.manifest().warn("report not rendered: report module not available");
      return StageResult.UNKNOWN;
    }
    ReportClassArchive cds = ReportClassArchive.of(Path.of(ctx.config().output()), classpath);
    // During a pipeline run the exports and the PDF live in the run's unpublished generation, a
    // mirror of the output folder's layout.
    Path generation = ctx.warehouse().generation();
    List<String> command =
        command(
            ctx.config(),
            generation == null ? ctx.config().output() : generation.toString(),
            classpath,
            cds);
    ctx.progress().debug("report: " + String.join(" ", command));
    String last = "";
    String held = null;
    int exit;
    try {
      Process child =
          new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      try (BufferedReader err =
          new BufferedReader(
              new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
        for (String line = err.readLine(); line != null; line = err.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          if (held != null) {
            stderr.accept(held);
          }
          held = line;
          last = line.strip();
        }
      }
      exit = child.waitFor();
      if (exit == 0 && held != null) {
        stderr.accept(held);
      }
    } catch (IOException e) {
      throw new WellspringException(
          "report",
          WellspringException.INTERNAL,
          "cannot start the report JVM: " + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WellspringException(
          "report", WellspringException.INTERNAL, "interrupted while rendering the report", e);
    }
    cds.finish(exit == 0);
    if (exit != 0) {
      // The child already says "report: ..."; the pipeline adds the stage name itself.
      String message = last.startsWith("report: ") ? last.substring("report: ".length()) : last;
      int code = exit == WellspringException.UNUSABLE ? exit : WellspringException.INTERNAL;
      throw new WellspringException(
          "report", code, message.isEmpty() ? "the report JVM exited with code " + exit : message);
    }
    return StageResult.UNKNOWN;
  }

  static List<String> command(WellspringConfig c, String classpath, ReportClassArchive cds) {
    return command(c, c.output(), classpath, cds);
  }

  static List<String> command(
      WellspringConfig c, String output, String classpath, ReportClassArchive cds) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new java.util.ArrayList<>(List.of(java));
    command.addAll(JVM_FLAGS);
    command.addAll(cds.flags());
    command.addAll(
        List.of(
            "-cp",
            classpath,
            MAIN_CLASS,
            "--output",
            output,
            "--run-date",
            c.runDate().toString(),
            "--model",
            c.reportModel(),
            "--paper",
            c.paper(),
            "--names",
            c.names(),
            "--period-days",
            Integer.toString(c.reportPeriodDays())));
    // No unit (the default) is no flag: the report then writes bare numbers.
    if (!c.valueUnit().isEmpty()) {
      command.addAll(List.of("--value-unit", c.valueUnit()));
    }
    return List.copyOf(command);
  }
}
