package dev.wellspring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.io.report.ReportClassArchive;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.StageResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher against a stand-in report main compiled here: it records its arguments in
 * OUTPUT/args.txt and, when OUTPUT/fail holds "code message", prints to stderr and exits so.
 */
class ReportLauncherTest {
  @TempDir static Path fakeClasspath;
  @TempDir Path output;

  @BeforeAll
  static void compileStandIn() throws IOException {
    Path src = fakeClasspath.resolve("src/dev/wellspring/report/ReportMain.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        """
        package dev.wellspring.report;
        import java.nio.file.*;
        public class ReportMain {
          public static void main(String[] args) throws Exception {
            Path out = Path.of(args[1]);
            // Within a pipeline run --output is the run's unpublished generation, under the
            // test's folder (marked test-home): the stand-in reports there.
            Path home = out;
            while (home != null && !Files.exists(home.resolve("test-home"))) {
              home = home.getParent();
            }
            home = home == null ? out : home;
            Files.writeString(home.resolve("args.txt"), String.join("\\n", args));
            Path manifest = out.resolve("runs").resolve(args[3] + ".json");
            if (Files.exists(manifest)) {
              Files.copy(manifest, home.resolve("manifest-seen.json"),
                  StandardCopyOption.REPLACE_EXISTING);
            }
            Path fail = home.resolve("fail");
            if (Files.exists(fail)) {
              String[] f = Files.readString(fail).split(" ", 2);
              System.err.println("some earlier line");
              System.err.println(f[1]);
              System.exit(Integer.parseInt(f[0]));
            }
          }
        }
        """);
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-d",
                fakeClasspath.resolve("classes").toString(),
                src.toString());
    assertThat(rc).as("compiling the stand-in report main").isZero();
  }

  @org.junit.jupiter.api.BeforeEach
  void markTheTestsFolder() throws IOException {
    Files.writeString(output.resolve("test-home"), "");
  }

  private RunContext context(ByteArrayOutputStream progress) {
    WellspringConfig config =
        ConfigLoader.defaults("in", output.toString(), LocalDate.parse("2026-01-31"));
    return new RunContext(
        config,
        new Warehouse(output),
        new Manifest(),
        new Progress(
            new PrintStream(progress, true, StandardCharsets.UTF_8), Progress.Level.NORMAL));
  }

  @Test
  void passesTheRunsReportOptionsToTheChildJvm() throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StageResult r =
        ReportLauncher.render(
            context(new ByteArrayOutputStream()),
            fakeClasspath.resolve("classes").toString(),
            new PrintStream(err));
    assertThat(r).isEqualTo(new StageResult(-1, -1));
    assertThat(Files.readAllLines(output.resolve("args.txt")))
        .containsExactly(
            "--output",
            output.toString(),
            "--run-date",
            "2026-01-31",
            "--model",
            "linear",
            "--paper",
            "A4",
            "--names",
            "full",
            "--period-days",
            "90");
  }

  @Test
  void theValueUnitPeriodAndNamesOfTheConfigurationReachTheChild() throws IOException {
    java.util.Map<String, String> flags = new java.util.LinkedHashMap<>();
    flags.put("input", "in");
    flags.put("output", output.toString());
    flags.put("run_date", "2026-01-31");
    flags.put("names", "Initials");
    flags.put("value_unit", " EUR ");
    flags.put("report_period_days", "30");
    WellspringConfig config = ConfigLoader.load(null, flags);
    RunContext ctx =
        new RunContext(
            config,
            new Warehouse(output),
            new Manifest(),
            new Progress(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Progress.Level.NORMAL));
    ReportLauncher.render(
        ctx,
        fakeClasspath.resolve("classes").toString(),
        new PrintStream(new ByteArrayOutputStream()));
    assertThat(Files.readAllLines(output.resolve("args.txt")))
        .containsExactly(
            "--output",
            output.toString(),
            "--run-date",
            "2026-01-31",
            "--model",
            "linear",
            "--paper",
            "A4",
            "--names",
            "initials",
            "--period-days",
            "30",
            "--value-unit",
            "EUR");
  }

  /** Runs the pipeline's report stage alone with the stand-in; returns the exit code. */
  private int pipelineReport() throws IOException {
    // The report stage alone needs an earlier run in the folder (Pipeline.preflight).
    Files.createDirectories(output.resolve("reports"));
    String saved = System.getProperty(ReportLauncher.CLASSPATH_PROPERTY);
    System.setProperty(
        ReportLauncher.CLASSPATH_PROPERTY, fakeClasspath.resolve("classes").toString());
    try {
      WellspringConfig config =
          ConfigLoader.defaults("in", output.toString(), LocalDate.parse("2026-01-31"));
      return Pipeline.run(
          config,
          List.of("report"),
          new Progress(
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              Progress.Level.QUIET));
    } finally {
      if (saved == null) {
        System.clearProperty(ReportLauncher.CLASSPATH_PROPERTY);
      } else {
        System.setProperty(ReportLauncher.CLASSPATH_PROPERTY, saved);
      }
    }
  }

  private String status(Path manifest) throws IOException {
    return Manifest.JSON.readTree(manifest.toFile()).get("status").asText();
  }

  @Test
  void theReportReadsTheFinalStatusNotRunning() throws IOException {
    assertThat(pipelineReport()).isZero();
    assertThat(status(output.resolve("manifest-seen.json")))
        .as("what the report read")
        .isEqualTo("ok");
    assertThat(status(output.resolve("runs/2026-01-31.json"))).isEqualTo("ok");
  }

  @Test
  void aFailingReportStillSawOkButTheManifestEndsFailed() throws IOException {
    Files.writeString(output.resolve("fail"), "2 report: missing input file: /x/lift.csv");
    assertThat(pipelineReport()).isEqualTo(2);
    assertThat(status(output.resolve("manifest-seen.json"))).isEqualTo("ok");
    assertThat(status(output.resolve("runs/2026-01-31.json"))).isEqualTo("failed");
  }

  @Test
  void aFailingChildBecomesAnExceptionWithItsExitCodeAndLastStderrLine() throws IOException {
    Files.writeString(output.resolve("fail"), "2 report: missing input file: /x/lift.csv");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    RunContext ctx = context(new ByteArrayOutputStream());
    String cp = fakeClasspath.resolve("classes").toString();
    assertThatThrownBy(
            () ->
                ReportLauncher.render(ctx, cp, new PrintStream(err, true, StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            WellspringException.class,
            e -> {
              assertThat(e.stage()).isEqualTo("report");
              assertThat(e.exitCode()).isEqualTo(2);
            })
        .hasMessage("missing input file: /x/lift.csv");
    // The last line is the exception's message, which the pipeline prints: not echoed too.
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("some earlier line")
        .doesNotContain("missing input file");
  }

  @Test
  void anUnexpectedExitCodeIsAnInternalError() throws IOException {
    Files.writeString(output.resolve("fail"), "7 java.lang.OutOfMemoryError: Java heap space");
    RunContext ctx = context(new ByteArrayOutputStream());
    String cp = fakeClasspath.resolve("classes").toString();
    assertThatThrownBy(
            () -> ReportLauncher.render(ctx, cp, new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOfSatisfying(
            WellspringException.class, e -> assertThat(e.exitCode()).isEqualTo(1))
        .hasMessage("java.lang.OutOfMemoryError: Java heap space");
  }

  @Test
  void withoutTheReportsClasspathTheReportIsSkippedWithAWarning() {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunContext ctx = context(progress);
    StageResult r = ReportLauncher.render(ctx, "", new PrintStream(new ByteArrayOutputStream()));
    assertThat(r).isEqualTo(StageResult.UNKNOWN);
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("report: the report module is not on this installation");
    assertThat(ctx.manifest().root().get("warnings").toString())
        .contains("report not rendered: report module not available");
  }

  @Test
  void theChildIsThisJvmsJavaWithTheReportMain() {
    WellspringConfig config = ConfigLoader.defaults("in", "out", LocalDate.parse("2026-01-31"));
    List<String> cmd = ReportLauncher.command(config, "a.jar:lib/*", ReportClassArchive.NONE);
    int flags = ReportLauncher.JVM_FLAGS.size();
    assertThat(cmd.get(0))
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The JVM flags go before the main class, or the child would take them as its arguments.
    assertThat(cmd.subList(1, 1 + flags))
        .containsExactly(
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx1g",
            "-XX:MetaspaceSize=128m",
            "-Djava.awt.headless=true",
            "-Xlog:cds=off,cds+dynamic=off");
    assertThat(cmd.subList(1 + flags, 4 + flags))
        .containsExactly("-cp", "a.jar:lib/*", "dev.wellspring.report.ReportMain");
  }

  /** The stand-in report main packed as a jar in lib/, as run.sh's reports classpath is. */
  private static String jarClasspath(Path dir) throws IOException {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Path classes = fakeClasspath.resolve("classes");
    try (var jar =
            new java.util.jar.JarOutputStream(Files.newOutputStream(lib.resolve("report.jar")));
        var files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        jar.putNextEntry(
            new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
    return lib + "/*";
  }

  @Test
  void theFirstReportWritesAClassArchiveThatTheNextOneMaps(@TempDir Path install)
      throws IOException {
    String cp = jarClasspath(install);
    // Beside the first classpath entry: one archive for every output folder.
    Path archive = install.resolve("lib/report-classes.jsa");
    assertThat(ReportClassArchive.of(output, cp).flags())
        .singleElement()
        .asString()
        .startsWith("-XX:ArchiveClassesAtExit=" + install.resolve("lib/report-classes.jsa."));

    ReportLauncher.render(
        context(new ByteArrayOutputStream()), cp, new PrintStream(new ByteArrayOutputStream()));

    assertThat(archive).isRegularFile();
    assertThat(Files.size(archive)).isPositive();
    assertThat(Files.readString(install.resolve("lib/report-classes.jsa.key")))
        .contains(
            install.resolve("lib/report.jar")
                + " "
                + Files.size(install.resolve("lib/report.jar"))
                + " ");
    try (var left = Files.list(install.resolve("lib"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("report.jar", "report-classes.jsa", "report-classes.jsa.key");
    }
    assertThat(ReportClassArchive.of(output, cp).flags())
        .containsExactly("-XX:SharedArchiveFile=" + archive);
    // And the child still runs with it.
    ReportLauncher.render(
        context(new ByteArrayOutputStream()), cp, new PrintStream(new ByteArrayOutputStream()));
    assertThat(output.resolve("args.txt")).isRegularFile();
  }

  @Test
  void aChangedJarMakesTheArchiveBeWrittenAgain(@TempDir Path install) throws IOException {
    String cp = jarClasspath(install);
    ReportLauncher.render(
        context(new ByteArrayOutputStream()), cp, new PrintStream(new ByteArrayOutputStream()));
    Files.setLastModifiedTime(
        install.resolve("lib/report.jar"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    assertThat(ReportClassArchive.of(output, cp).flags())
        .singleElement()
        .asString()
        .startsWith("-XX:ArchiveClassesAtExit=");
  }

  @Test
  void aFailedReportLeavesNoArchive(@TempDir Path install) throws IOException {
    String cp = jarClasspath(install);
    Files.writeString(output.resolve("fail"), "2 report: missing input file: /x/lift.csv");
    assertThatThrownBy(
            () ->
                ReportLauncher.render(
                    context(new ByteArrayOutputStream()),
                    cp,
                    new PrintStream(new ByteArrayOutputStream())))
        .isInstanceOf(WellspringException.class)
        .hasMessage("missing input file: /x/lift.csv");
    try (var left = Files.list(install.resolve("lib"))) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("report.jar");
    }
  }

  @Test
  void anArchiveLeftHalfDoneByADeadLauncherIsSweptOnceStale(@TempDir Path install)
      throws IOException {
    String cp = jarClasspath(install);
    Path stale = Files.writeString(install.resolve("lib/report-classes.jsa.123-456.tmp"), "x");
    Path fresh = Files.writeString(install.resolve("lib/report-classes.jsa.123-789.tmp"), "x");
    Files.setLastModifiedTime(
        stale,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 11 * 60_000L));
    ReportClassArchive.of(output, cp);
    assertThat(stale).doesNotExist();
    assertThat(fresh).exists(); // maybe another report's, still running
  }

  @Test
  void withoutAWritableInstallationTheArchiveGoesToTheOutputFolder() {
    assertThat(
            ReportClassArchive.archiveDir(
                output, "/no/such/dir/report.jar" + java.io.File.pathSeparator + "x/*"))
        .isEqualTo(output.resolve(".wellspring"));
    assertThat(ReportClassArchive.archiveDir(output, "/tmp/*")).isEqualTo(Path.of("/tmp"));
  }

  @Test
  void aFolderOfClassesOnTheClasspathRunsWithoutAnArchive() {
    // The JVM archives classes from jars only.
    assertThat(ReportClassArchive.of(output, fakeClasspath.resolve("classes").toString()).flags())
        .isEmpty();
    assertThat(ReportClassArchive.key(fakeClasspath.resolve("classes").toString())).isNull();
  }
}
