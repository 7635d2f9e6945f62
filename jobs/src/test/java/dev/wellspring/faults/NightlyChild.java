package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.testing.SparkExtension;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Runs {@code wellspring nightly} as a child JVM (the test's own classpath), and reads what a run
 * left behind: file snapshots (bytes) and logical contents (Parquet as sorted rows, CSVs as bytes,
 * the PDF as its text).
 */
final class NightlyChild {
  static final String RUN_DATE = "2026-03-31";

  /** One secret for every child, so runs into different folders mask personal data alike. */
  static final String SECRET = "hardening-test-secret";

  static final Path MODULE = Path.of(System.getProperty("user.dir")).toAbsolutePath();
  static final Path REPORTS_JAR =
      MODULE.resolveSibling("reports").resolve("target/wellspring-reports.jar");

  private NightlyChild() {}

  /** The report module's classpath, or null when it has not been built. */
  static String reportsClasspath() {
    if (!Files.isRegularFile(REPORTS_JAR)) {
      return null;
    }
    return REPORTS_JAR + File.pathSeparator + REPORTS_JAR.resolveSibling("lib") + "/*";
  }

  /**
   * Starts nightly; stderr goes to {@code log}.
   *
   * @param pauseAt the fault point to pause at, or null
   * @param withReport whether to render the PDF (needs {@link #reportsClasspath()})
   */
  static Process start(
      Path in, Path out, String master, String pauseAt, boolean withReport, Path log)
      throws IOException {
    return start(in, out, master, pauseAt, withReport, log, RUN_DATE);
  }

  /**
   * As {@link #start(Path, Path, String, String, boolean, Path)} for another run date and flags.
   */
  static Process start(
      Path in,
      Path out,
      String master,
      String pauseAt,
      boolean withReport,
      Path log,
      String runDate,
      String... extra)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // C1 only, as run.sh runs a small input (docs/design-notes.md "Choices"): these runs are a few
    // hundred rows,
    // dozens of short Spark jobs on cold code.
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx1g",
                "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=256m",
                // The module option Spark's launcher (and run.sh, bin/wellspring) gives a driver.
                "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path")));
    if (pauseAt != null) {
      cmd.add("-Dwellspring.test.pauseAt=" + pauseAt);
    }
    if (withReport) {
      cmd.add("-Dwellspring.reports.classpath=" + reportsClasspath());
    }
    cmd.addAll(
        List.of(
            "dev.wellspring.cli.Main",
            "nightly",
            "--input",
            in.toString(),
            "--output",
            out.toString(),
            "--run-date",
            runDate,
            "--master",
            master));
    cmd.addAll(List.of(extra));
    if (!withReport) {
      cmd.add("--no-report");
    }
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("WELLSPRING_SECRET", SECRET);
    return pb.start();
  }

  /** Runs nightly to the end and asserts exit 0. */
  static void runOk(Path in, Path out, String master, boolean withReport, Path log)
      throws Exception {
    Process p = start(in, out, master, null, withReport, log);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("nightly finished in time").isTrue();
    assertThat(p.exitValue()).as("nightly exit code; log:%n%s", Files.readString(log)).isZero();
  }

  /** Waits for a line in the log (e.g. {@code PAUSED before:classify}) while the child lives. */
  static void awaitLine(Process p, Path log, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)
          && Files.readString(log).lines().anyMatch(l -> l.strip().equals(line))) {
        return;
      }
      assertThat(p.isAlive())
          .as("child died before '%s'; log:%n%s", line, Files.readString(log))
          .isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + line + "' within 5 minutes");
  }

  /** SIGKILL to the child and everything it started (the report JVM), as a crash would. */
  static void kill(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    p.waitFor(1, TimeUnit.MINUTES);
    for (ProcessHandle c : children) {
      c.onExit().join();
    }
  }

  /** Every published file (relative path -> SHA-256), leaving out the manifest and bookkeeping. */
  static Map<String, String> snapshot(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    for (String top : List.of("warehouse", "rejects", "reports")) {
      Path root = out.resolve(top);
      if (!Files.isDirectory(root)) {
        continue;
      }
      // The run-date folders are links into .generations/: followed.
      try (Stream<Path> walk = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          m.put(out.relativize(f).toString(), sha256(Files.readAllBytes(f)));
        }
      }
    }
    return m;
  }

  /**
   * Logical contents per published unit: {@code warehouse/<table>} as its sorted rows (Parquet file
   * names differ between runs), {@code rejects.csv} and each export by its bytes, the PDF by its
   * text.
   */
  static Map<String, String> logical(Path out) throws IOException {
    Map<String, String> m = new TreeMap<>();
    Path wh = out.resolve("warehouse");
    if (Files.isDirectory(wh)) {
      try (Stream<Path> tables = Files.list(wh)) {
        for (Path t : tables.sorted().toList()) {
          Path dir = t.resolve("run_date=" + RUN_DATE);
          if (Files.isDirectory(dir)) {
            m.put(
                out.relativize(dir).toString(),
                sha256(rowsText(dir).getBytes(StandardCharsets.UTF_8)));
          }
        }
      }
    }
    Path rejects = out.resolve("rejects/run_date=" + RUN_DATE + "/rejects.csv");
    if (Files.exists(rejects)) {
      m.put(out.relativize(rejects).toString(), sha256(Files.readAllBytes(rejects)));
    }
    Path reports = out.resolve("reports/" + RUN_DATE);
    if (Files.isDirectory(reports)) {
      try (Stream<Path> files = Files.list(reports)) {
        for (Path f : files.sorted().toList()) {
          String name = f.getFileName().toString();
          byte[] content =
              name.endsWith(".pdf")
                  ? pdfText(f).getBytes(StandardCharsets.UTF_8)
                  : Files.readAllBytes(f);
          m.put(out.relativize(f).toString(), sha256(content));
        }
      }
    }
    return m;
  }

  /** A Parquet folder's rows as sorted JSON lines. */
  static String rowsText(Path dir) {
    Dataset<Row> df = SparkExtension.session().read().parquet(dir.toString());
    // Every column as text: decoding DATE values in this JVM would need --add-opens.
    org.apache.spark.sql.Column[] asText =
        java.util.Arrays.stream(df.columns())
            .map(c -> org.apache.spark.sql.functions.col(c).cast("string").as(c))
            .toArray(org.apache.spark.sql.Column[]::new);
    List<String> rows = new ArrayList<>(df.select(asText).toJSON().collectAsList());
    rows.sort(null);
    return String.join("\n", rows);
  }

  /**
   * The PDF's text, with the footer's "generated yyyy-MM-dd HH:mm UTC" stamp replaced by a
   * placeholder: the report prints its wall-clock rendering time by design (ReportMain), the one
   * part of the text that is not a function of the input.
   */
  static String pdfText(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper()
          .getText(doc)
          .replaceAll("generated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC", "generated <time>");
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
