package dev.wellspring.pipeline;

import dev.wellspring.WellspringException;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.StageResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

  /** Where the child's class data sharing archive lives when the installation is read-only. */
  static final String CDS_DIR = ".wellspring";

  static final String CDS_ARCHIVE = "report-classes.jsa";

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
    Cds cds = Cds.of(Path.of(ctx.config().output()), classpath);
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

  static List<String> command(WellspringConfig c, String classpath, Cds cds) {
    return command(c, c.output(), classpath, cds);
  }

  static List<String> command(WellspringConfig c, String output, String classpath, Cds cds) {
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

  /**
   * Class data sharing (AppCDS) for the child: the first report for an output folder and report
   * installation writes an archive of the classes it loaded ({@code -XX:ArchiveClassesAtExit},
   * about a second more that once); later ones map it ({@code -XX:SharedArchiveFile}) instead of
   * loading, verifying and linking some 4,600 classes from the jars, about 0.5 s of CPU less a
   * report (reports/README.md, "Benchmark"). The archive is {@value #CDS_ARCHIVE} (about 27 MB)
   * beside the first classpath entry, i.e. in {@code reports/target/} for run.sh, so one archive
   * serves every output folder; when that folder is not writable, in the output folder's {@value
   * #CDS_DIR}. A key file beside it names the JVM and every jar of the classpath with its size and
   * time, and an archive whose key differs (a rebuilt jar, another JVM) is written again. The JVM
   * only archives classes from jars, so a classpath with a folder of classes (an IDE, the tests)
   * runs without it.
   */
  record Cds(Path archive, String key, Path writing) {
    static final Cds NONE = new Cds(null, null, null);

    static Cds of(Path output, String classpath) {
      String key = key(classpath);
      if (key == null) {
        return NONE;
      }
      Path dir = archiveDir(output, classpath);
      Path archive = dir.resolve(CDS_ARCHIVE);
      Path keyFile = dir.resolve(CDS_ARCHIVE + ".key");
      try {
        if (Files.isRegularFile(archive)
            && Files.isRegularFile(keyFile)
            && Files.readString(keyFile, StandardCharsets.UTF_8).equals(key)) {
          return new Cds(archive, key, null);
        }
        Files.createDirectories(dir);
        sweep(dir);
        // Unique per child: two reports may start at once (two output folders, parallel tests).
        return new Cds(
            archive,
            key,
            dir.resolve(
                CDS_ARCHIVE
                    + "."
                    + ProcessHandle.current().pid()
                    + "-"
                    + System.nanoTime()
                    + ".tmp"));
      } catch (IOException e) {
        return NONE; // an unwritable output folder: the report itself will say so
      }
    }

    /** The folder of the first classpath entry if writable, else the output's {@value #CDS_DIR}. */
    static Path archiveDir(Path output, String classpath) {
      String first = classpath.split(java.io.File.pathSeparator)[0];
      Path install =
          first.endsWith("*")
              ? Path.of(first.substring(0, first.length() - 1)).toAbsolutePath()
              : Path.of(first).toAbsolutePath().getParent();
      return install != null && Files.isDirectory(install) && Files.isWritable(install)
          ? install
          : output.resolve(CDS_DIR);
    }

    /**
     * Deletes archives left half-done by a launcher that died before its child exited (the child
     * still writes its archive then, and nobody publishes it): any older than ten minutes.
     */
    private static void sweep(Path dir) {
      long stale = System.currentTimeMillis() - 10 * 60_000L;
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          String name = p.getFileName().toString();
          if (name.startsWith(CDS_ARCHIVE + ".")
              && name.endsWith(".tmp")
              && Files.getLastModifiedTime(p).toMillis() < stale) {
            Files.deleteIfExists(p);
          }
        }
      } catch (IOException e) {
        // Left for the next report to sweep.
      }
    }

    /** The child's flags: map the archive, or write it at exit, or nothing. */
    List<String> flags() {
      if (archive == null) {
        return List.of();
      }
      return writing == null
          ? List.of("-XX:SharedArchiveFile=" + archive)
          : List.of("-XX:ArchiveClassesAtExit=" + writing);
    }

    /** After the child: publish a freshly written archive (and its key) if the report succeeded. */
    void finish(boolean succeeded) {
      if (writing == null) {
        return;
      }
      try {
        if (succeeded && Files.isRegularFile(writing) && Files.size(writing) > 0) {
          Path keyFile = archive.resolveSibling(CDS_ARCHIVE + ".key");
          // The key goes last: an archive without its key is written again next time.
          Files.deleteIfExists(keyFile);
          Files.move(
              writing,
              archive,
              StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
          Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        // No archive this time; the next report tries again.
      } finally {
        try {
          Files.deleteIfExists(writing);
        } catch (IOException e) {
          // a stray temp file in .wellspring is harmless
        }
      }
    }

    /**
     * The JVM and every jar of {@code classpath} (a {@code dir/*} entry expands to its jars) with
     * size and modification time, one per line; null when an entry is a folder or unreadable.
     */
    static String key(String classpath) {
      StringBuilder key =
          new StringBuilder(
              System.getProperty("java.home")
                  + " "
                  + System.getProperty("java.vm.version")
                  + "\n"
                  + classpath
                  + "\n");
      try {
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
          if (entry.isEmpty()) {
            continue;
          }
          List<Path> jars;
          if (entry.endsWith("*")) {
            try (var list = Files.list(Path.of(entry.substring(0, entry.length() - 1)))) {
              jars = list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            }
          } else {
            jars = List.of(Path.of(entry));
          }
          for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
              return null;
            }
            key.append(jar)
                .append(' ')
                .append(Files.size(jar))
                .append(' ')
                .append(Files.getLastModifiedTime(jar).toMillis())
                .append('\n');
          }
        }
      } catch (IOException | RuntimeException e) {
        return null;
      }
      return key.toString();
    }
  }
}
