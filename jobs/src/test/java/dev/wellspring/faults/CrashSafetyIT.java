package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.io.Warehouse;
import dev.wellspring.testing.Background;
import dev.wellspring.testing.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * SIGKILL at several points of {@code nightly}: what was published before stays intact (byte for
 * byte while nothing new was published; afterwards every table, export and the PDF is entirely the
 * previous run's or entirely the new one's), and a rerun ends with exactly the outputs of an
 * uninterrupted run.
 *
 * <p>Runs alternate between two inputs (250 and 300 activities), so "intact" and "new" differ.
 */
// The class runs alone, after and before the other test classes (SAME_THREAD); its methods run
// concurrently with each other (CONCURRENT on each).
@Execution(ExecutionMode.SAME_THREAD)
@ExtendWith(SparkExtension.class)
class CrashSafetyIT {
  @TempDir static Path tmp;

  static Path small;
  static Path large;
  static boolean report;
  static Path refSmall;
  static Map<String, String> logicalSmall;
  static Map<String, String> logicalLarge;

  @BeforeAll
  static void inputsAndUninterruptedRuns() throws Exception {
    small = tmp.resolve("in-250");
    large = tmp.resolve("in-300");
    HardeningInputs.write(small, 250);
    HardeningInputs.write(large, 300);
    report = NightlyChild.reportsClasspath() != null;
    refSmall = tmp.resolve("reference-250");
    Path refLarge = tmp.resolve("reference-300");
    // The two reference runs are independent: run at once (each child is mostly Spark's fixed
    // per-job cost on one thread, so two share the machine's two cores).
    CompletableFuture<Void> smallRun =
        Background.start(
            () -> {
              NightlyChild.runOk(
                  small, refSmall, "local[2]", report, tmp.resolve("reference-250.log"));
              return null;
            });
    NightlyChild.runOk(large, refLarge, "local[2]", report, tmp.resolve("reference-300.log"));
    Background.join(smallRun);
    logicalSmall = NightlyChild.logical(refSmall);
    logicalLarge = NightlyChild.logical(refLarge);
    assertThat(logicalLarge).as("the two inputs give different outputs").isNotEqualTo(logicalSmall);
  }

  // The kill points form three independent chains, each on its own copy of the published run;
  // the methods run concurrently (@Execution), two at a time on two cores, so the
  // twelve child runs take about the wall time of seven. -Dhardening.crashPoints=a,b runs only
  // the listed points of each chain (each point costs a killed run and a rerun).

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void killedDuringIngestOrAPublishLeavesThePreviousOutputsAndARerunFinishesTheJob()
      throws Exception {
    killAndRerun(copyOfSmallRun("out-early"), selected("ingest:staged", "publish:switch"));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void killedBetweenStagesLeavesThePreviousOutputsAndARerunFinishesTheJob() throws Exception {
    // before:report is only reached when the report module is built (it is, in `mvn verify`).
    List<String> points = new ArrayList<>(List.of("before:attribute"));
    if (report) {
      points.add("before:report");
    }
    // After the one rename that publishes the run date, before the old generation is removed.
    points.add("publish:switched");
    killAndRerun(copyOfSmallRun("out-late"), selected(points.toArray(String[]::new)));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aRunKilledDuringTheReportLeavesThePreviousPdf() throws Exception {
    Assumptions.assumeTrue(
        report,
        "the report module is not built ("
            + NightlyChild.REPORTS_JAR
            + "); run `mvn -DskipTests package` first");
    killAndRerun(copyOfSmallRun("out-report"), selected("report:running"));
  }

  /** The points of a chain, or those of them named in -Dhardening.crashPoints. */
  private static List<String> selected(String... points) {
    String only = System.getProperty("hardening.crashPoints");
    List<String> chain = List.of(points);
    if (only == null || only.isBlank()) {
      return chain;
    }
    Set<String> wanted = Set.of(only.split(","));
    return chain.stream().filter(wanted::contains).toList();
  }

  private static Path copyOfSmallRun(String name) throws Exception {
    Path out = tmp.resolve(name);
    try (var walk = Files.walk(refSmall)) {
      for (Path f : walk.toList()) {
        Path target = out.resolve(refSmall.relativize(f).toString());
        if (Files.isSymbolicLink(f)) {
          // The run-date folders are relative links into .generations/, which is copied too.
          Files.createDirectories(target.getParent());
          Files.createSymbolicLink(target, Files.readSymbolicLink(f));
        } else if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().equals(dev.wellspring.io.RunLock.FILE)) {
          Files.copy(f, target);
        }
      }
    }
    return out;
  }

  private static void killAndRerun(Path out, List<String> points) throws Exception {
    for (int i = 0; i < points.size(); i++) {
      String point = points.get(i);
      boolean toLarge = i % 2 == 0;
      Path next = toLarge ? large : small;
      // What is published now (after a rerun its PDF also lists the stale-lock warning).
      Map<String, String> previous = NightlyChild.logical(out);
      Map<String, String> expectedNew = toLarge ? logicalLarge : logicalSmall;
      Map<String, String> bytesBefore = NightlyChild.snapshot(out);

      Path log = tmp.resolve(out.getFileName() + "-killed-" + i + ".log");
      Process p =
          NightlyChild.start(
              next, out, "local[2]", point.equals("report:running") ? null : point, report, log);
      if (point.equals("report:running")) {
        awaitReportJvm(p, log);
      } else {
        NightlyChild.awaitLine(p, log, "PAUSED " + point);
      }
      NightlyChild.kill(p);

      // A run killed before its switch leaves an unpublished generation; the next run removes it
      // before anything else (Warehouse.recover), as this does.
      new Warehouse(out).recover();
      Map<String, String> now = NightlyChild.logical(out);
      // The run date as one unit: every table, rejects.csv, export and the PDF together are the
      // previous run's (killed before the switch) or the new run's (after it), never a mix.
      if (point.equals("publish:switched")) {
        assertThat(now)
            .as("the whole run date after a kill at %s is the new run's", point)
            .isEqualTo(expectedNew);
      } else {
        assertThat(NightlyChild.snapshot(out))
            .as("published files after a kill at %s", point)
            .isEqualTo(bytesBefore);
        assertThat(now)
            .as("the whole run date after a kill at %s is the previous run's", point)
            .isEqualTo(previous);
      }
      Set<String> units = new TreeSet<>(previous.keySet());
      units.addAll(expectedNew.keySet());
      for (String unit : units) {
        assertThat(now.get(unit))
            .as("%s after a kill at %s is the previous or the new version", unit, point)
            .isIn(previous.get(unit), expectedNew.get(unit));
      }

      NightlyChild.runOk(
          next, out, "local[2]", report, tmp.resolve(out.getFileName() + "-rerun-" + i + ".log"));
      // The rerun's PDF rightly differs in one line: its appendix lists the manifest warning
      // "took over a stale lock" left by the killed run. Everything else must match exactly.
      Map<String, String> rerun = NightlyChild.logical(out);
      String pdf = "reports/" + NightlyChild.RUN_DATE + "/effectiveness.pdf";
      assertThat(rerun.containsKey(pdf))
          .as("PDF after the rerun")
          .isEqualTo(expectedNew.containsKey(pdf));
      rerun.remove(pdf);
      Map<String, String> expectedNoPdf = new java.util.TreeMap<>(expectedNew);
      expectedNoPdf.remove(pdf);
      assertThat(rerun)
          .as("outputs of the rerun after a kill at %s", point)
          .isEqualTo(expectedNoPdf);
      assertThat(out.resolve(".staging"))
          .as("no staging left")
          .satisfiesAnyOf(d -> assertThat(d).doesNotExist(), d -> assertThat(d).isEmptyDirectory());
    }
  }

  /**
   * Waits until the report JVM runs (a descendant running ReportMain), then lets it work a moment.
   */
  private static void awaitReportJvm(Process p, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      boolean running =
          p.descendants()
              .anyMatch(
                  h ->
                      h.info()
                          .commandLine()
                          .map(c -> c.contains("dev.wellspring.report.ReportMain"))
                          .orElse(false));
      if (running) {
        Thread.sleep(1500);
        return;
      }
      assertThat(p.isAlive())
          .as("nightly ended before the report started; log:%n%s", Files.readString(log))
          .isTrue();
      Thread.sleep(20);
    }
    Assumptions.abort("the report JVM never appeared");
  }
}
