package dev.wellspring.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.WellspringException;
import dev.wellspring.aggregate.AggregateStage;
import dev.wellspring.attribution.AttributeStage;
import dev.wellspring.classify.ClassifyStage;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.incrementality.IncrementalityStage;
import dev.wellspring.ingest.IngestStage;
import dev.wellspring.io.FaultPoints;
import dev.wellspring.io.Folders;
import dev.wellspring.io.History;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.RunLock;
import dev.wellspring.io.SecretFile;
import dev.wellspring.io.Warehouse;
import dev.wellspring.privacy.Keys;
import dev.wellspring.spark.Sessions;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.SparkStage;
import dev.wellspring.stage.StageResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a sequence of stages for one run date: opens the session once, times each stage, keeps the
 * manifest, and turns failures into the documented exit codes.
 */
public final class Pipeline {
  /** The Spark stages in pipeline order. */
  public static final Map<String, Supplier<SparkStage>> SPARK_STAGES =
      Map.of(
          "ingest", IngestStage::new,
          "classify", ClassifyStage::new,
          "attribute", AttributeStage::new,
          "aggregate", AggregateStage::new,
          "incrementality", IncrementalityStage::new);

  public static final List<String> ORDER =
      List.of("ingest", "classify", "attribute", "aggregate", "incrementality", "report");

  private Pipeline() {}

  /**
   * Runs the named stages in order and returns the exit code. The manifest of the run date is
   * written whatever happens.
   */
  public static int run(WellspringConfig config, List<String> stages, Progress progress) {
    Warehouse wh = new Warehouse(Path.of(config.output()));
    try {
      preflight(config, stages, wh);
    } catch (WellspringException e) {
      // A mistyped folder: nothing is created on disk, not even the output folder.
      progress.error(e.getMessage());
      return e.exitCode();
    }
    Manifest manifest =
        stages.contains("ingest")
            ? new Manifest()
            : Manifest.readOrNew(wh.manifestFile(config.runDate()));
    ObjectNode root = manifest.root();
    root.put("run_date", config.runDate().toString());
    root.put("started_at", Instant.now().toString());
    root.set("configuration", Manifest.JSON.valueToTree(config.forManifest()));
    ObjectNode versions = manifest.object("versions");
    versions.put("wellspring", Version.wellspring());
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("java", System.getProperty("java.version"));
    RunContext ctx = new RunContext(config, wh, manifest, progress);
    HeapSampler.INSTANCE.peakBytes(); // starts the sampler
    int exit = 0;
    String message = "done";
    String errorLine = null;
    Throwable failure = null;
    SparkSession spark = null;
    SparkProgress heartbeat = null;
    RunCounters counters = null;
    boolean ownSession = false;
    long runStart = System.nanoTime();
    RunLock lock;
    try {
      lock = RunLock.acquire(wh.root());
    } catch (WellspringException e) {
      // Another run owns the folder, or it cannot be written: touch nothing of it, not even the
      // manifest.
      ResourceFault fault = ResourceFault.of(e, wh.root());
      if (fault != null) {
        progress.error("cannot write " + fault.message());
        return fault.exitCode();
      }
      progress.error(e.getMessage());
      return e.exitCode();
    }
    RunLog log = RunLog.open(wh.root().resolve("runs").resolve(config.runDate() + ".log"));
    // SIGTERM, or System.exit from a library: the manifest still says the run failed (SIGKILL
    // cannot be caught; the OS lock dies with the process and the next run cleans up).
    java.util.concurrent.atomic.AtomicBoolean finished =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread hook =
        new Thread(
            () -> {
              if (finished.compareAndSet(false, true)) {
                root.put("finished_at", Instant.now().toString());
                root.put("exit_code", WellspringException.INTERNAL);
                root.put("status", "failed");
                root.put(
                    "message",
                    "the run was stopped (the JVM was told to exit: a signal or System.exit)");
                try {
                  manifest.writeTo(wh.manifestFile(config.runDate()));
                } catch (Throwable e) {
                  // Nothing more can be done while the JVM exits.
                }
              }
            },
            "wellspring-run-stopped");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (lock.tookOverStaleLock() != null) {
        progress.info(
            "took over a stale lock left by a run that died (" + lock.tookOverStaleLock() + ")");
        manifest.warn("took over a stale lock: " + lock.tookOverStaleLock());
      }
      wh.recover();
      Keys.use(config.secret(), () -> SecretFile.readOrCreate(wh.root()));
      // Every table, the rejects and the reports of the date are staged in one generation and
      // published together at the end (Warehouse#commit): readers never see two runs mixed.
      wh.begin(config.runDate());
      for (String name : stages) {
        FaultPoints.pauseAt("before:" + name);
        FaultPoints.failAt("before:" + name);
        long t0 = System.nanoTime();
        progress.stageStarted(name);
        StageResult r;
        if (name.equals("report")) {
          // The report prints the run's status: every stage before it succeeded, so the status
          // it reads is the final one unless the report itself fails (the write below the loop
          // then says so).
          root.put("status", "ok");
          manifest.writeTo(wh.manifestFile(config.runDate()));
          // The report JVM reads this run's exports and manifest from the generation.
          wh.stageCopy(wh.reportsDir(config.runDate()));
          manifest.writeTo(wh.generation().resolve("runs").resolve(config.runDate() + ".json"));
          r = ReportLauncher.render(ctx);
        } else {
          if (spark == null) {
            // A session that already existed (an embedding application, the test suite) is
            // reused by Sessions.open and must outlive this run.
            ownSession =
                SparkSession.getActiveSession().isEmpty()
                    && SparkSession.getDefaultSession().isEmpty();
            spark = Sessions.open(config);
            heartbeat = SparkProgress.attach(spark.sparkContext(), progress);
            counters = RunCounters.attach(spark.sparkContext());
          }
          heartbeat.begin(name, t0);
          counters.begin();
          try {
            r = SPARK_STAGES.get(name).get().run(spark, ctx);
          } finally {
            heartbeat.end();
          }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        manifest.stage(name, secs, r.rowsIn(), r.rowsOut());
        progress.stage(name, r, secs);
        if (!name.equals("report")) {
          RunCounters.Counts counts = counters.end();
          ArrayNode stageEntries = manifest.array("stages");
          counts.writeTo((ObjectNode) stageEntries.get(stageEntries.size() - 1));
          progress.debug(counts.describe(name));
        }
        // Later stages (the report) read the manifest, so it is current after every stage.
        root.put("status", name.equals("report") ? "ok" : "running");
        manifest.writeTo(wh.manifestFile(config.runDate()));
      }
      FaultPoints.pauseAt("before:publish");
      FaultPoints.failAt("before:publish");
      wh.commit();
      // The run date is published: what follows a successful publish (pruning old runs, say)
      // goes here.
    } catch (Throwable e) {
      ResourceFault fault = ResourceFault.of(e, wh.root());
      if (e instanceof WellspringException we && fault == null) {
        exit = we.exitCode();
        message = we.getMessage();
        errorLine = we.stage() + ": " + we.getMessage();
        failure = we.getCause() != null ? we : null;
      } else if (fault != null) {
        exit = fault.exitCode();
        message = "cannot write " + fault.message();
        errorLine = message;
        failure = e;
      } else {
        exit = WellspringException.INTERNAL;
        message = String.valueOf(e);
        errorLine = "internal error: " + firstLine(String.valueOf(e));
        failure = e;
        if (progress.level() == Progress.Level.VERBOSE) {
          e.printStackTrace();
        }
      }
      // A refused run (too many rejects) still publishes its rejects.csv (DESIGN.md): ingest
      // stopped before any table, so the date's generation holds the rejects alone.
      try {
        if (exit == WellspringException.TOO_MANY_REJECTS) {
          wh.commit();
        } else {
          wh.abandon();
        }
      } catch (Throwable again) {
        log.trace("cannot clean up the run's generation", again);
      }
    } finally {
      if (heartbeat != null) {
        heartbeat.close();
      }
      if (counters != null) {
        counters.close();
      }
      if (spark != null && ownSession) {
        try {
          spark.stop();
        } catch (Throwable e) {
          log.trace("cannot stop the Spark session", e);
        }
      }
    }
    if (!finished.compareAndSet(false, true)) {
      return WellspringException.INTERNAL; // the JVM is exiting and the hook wrote the manifest
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already.
    }
    exit =
        finish(
            manifest, wh, config, exit, message, runStart, progress, lock, log, errorLine, failure);
    if (exit == 0) {
      Path pdf = wh.reportsDir(config.runDate()).resolve("effectiveness.pdf");
      progress.info(
          "done; outputs in " + wh.root() + (Folders.exists(pdf) ? ", report " + pdf : ""));
    }
    progress.manifest(wh.manifestFile(config.runDate()), exit);
    return exit;
  }

  /** The final manifest and the lock, on every way out of a run; returns the exit code. */
  private static int finish(
      Manifest manifest,
      Warehouse wh,
      WellspringConfig config,
      int exitIn,
      String message,
      long runStart,
      Progress progress,
      RunLock lock,
      RunLog log,
      String errorLine,
      Throwable failure) {
    int exit = exitIn;
    ObjectNode root = manifest.root();
    try {
      root.put("finished_at", Instant.now().toString());
      root.put("driver_peak_heap_mb", peakHeapMb());
      root.put("driver_peak_live_heap_mb", HeapSampler.INSTANCE.peakLiveBytes() / (1024 * 1024));
      root.put("seconds", Math.round((System.nanoTime() - runStart) / 1e6) / 1000.0);
      root.put("exit_code", exit);
      root.put(
          "status",
          exit == 0
              ? "ok"
              : exit == WellspringException.TOO_MANY_REJECTS ? "rejects_above_maximum" : "failed");
      root.put("message", message);
      // The manifest before the trace: on a full disk the freed generation's space goes to it.
      manifest.writeTo(wh.manifestFile(config.runDate()));
      if (exit == 0) {
        exit = afterPublish(wh, config, progress);
      }
    } catch (Throwable e) {
      ResourceFault fault = ResourceFault.of(e, wh.manifestFile(config.runDate()));
      progress.error(
          "cannot write the manifest "
              + (fault != null
                  ? fault.message()
                  : wh.manifestFile(config.runDate()) + ": " + firstLine(String.valueOf(e))));
      log.trace("cannot write the manifest", e);
      exit = exit == 0 ? (fault != null ? fault.exitCode() : WellspringException.INTERNAL) : exit;
    } finally {
      boolean traced = failure != null && log.trace("run failed", failure);
      if (errorLine != null) {
        progress.error(errorLine + (traced ? " (details in " + log.file() + ")" : ""));
      }
      log.close();
      lock.close();
    }
    return exit;
  }

  /**
   * After the final manifest write of a successful run only, still holding the lock: {@code latest}
   * and {@code keep_runs} (io.History). Returns the run's exit code.
   */
  private static int afterPublish(Warehouse wh, WellspringConfig config, Progress progress) {
    try {
      History.Outcome h = new History(wh).afterSuccess(config.runDate(), config.keepRuns());
      if (!h.pruned().isEmpty()) {
        progress.info("keep_runs " + config.keepRuns() + ": pruned run dates " + h.pruned());
      }
      return 0;
    } catch (RuntimeException e) {
      progress.error(
          "cannot update latest or prune old run dates: "
              + firstLine(String.valueOf(e.getMessage())));
      return WellspringException.INTERNAL;
    }
  }

  /**
   * Checks what can be checked before anything is written: the input folder of a run that ingests,
   * and for a stage run alone an output folder that holds earlier stages' outputs.
   */
  static void preflight(WellspringConfig c, List<String> stages, Warehouse wh) {
    if (stages.isEmpty()) {
      return;
    }
    if (stages.contains("ingest")) {
      Path in = Path.of(c.input());
      if (!Folders.isFolder(in)) {
        throw WellspringException.unusable(
            "cli",
            "input folder " + in.toAbsolutePath() + " does not exist or is not a folder (--input)");
      }
      if (Folders.exists(wh.root()) && !Folders.isFolder(wh.root())) {
        throw WellspringException.unusable(
            "cli", "output " + wh.root() + " is a file, not a folder (--output)");
      }
    } else if (!Folders.isFolder(wh.root().resolve("warehouse"))
        && !Folders.isFolder(wh.root().resolve("reports"))) {
      throw WellspringException.unusable(
          "cli",
          "output folder "
              + wh.root()
              + " holds no earlier run (no warehouse/ or reports/; --output"
              + " mistyped? `nightly` or `ingest` starts a new one)");
    }
  }

  /** The stages from {@code first} to the end of the Spark pipeline plus the report. */
  public static List<String> nightly() {
    return new ArrayList<>(ORDER);
  }

  /**
   * Peak heap use of this JVM (the driver, and in local mode its executors), sampled every 50 ms
   * from the start of the run: the most heap in use at any one time. (A sum of every heap pool's
   * own peak, which the JVM keeps, overstates it: the pools peak at different times.)
   */
  static long peakHeapMb() {
    return HeapSampler.INSTANCE.peakBytes() / (1024 * 1024);
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
