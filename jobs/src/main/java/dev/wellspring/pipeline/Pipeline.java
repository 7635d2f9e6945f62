package dev.wellspring.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.WellspringException;
import dev.wellspring.aggregate.AggregateStage;
import dev.wellspring.attribution.AttributeStage;
import dev.wellspring.classify.ClassifyStage;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.ingest.IngestStage;
import dev.wellspring.io.FaultPoints;
import dev.wellspring.io.History;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.RunLock;
import dev.wellspring.io.Warehouse;
import dev.wellspring.privacy.Keys;
import dev.wellspring.spark.Sessions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a sequence of stages for one run date: opens the session once, times each stage, keeps
 * the manifest, and turns failures into the documented exit codes.
 */
public final class Pipeline {
  /** The Spark stages in pipeline order. */
  public static final Map<String, Supplier<SparkStage>> SPARK_STAGES =
      Map.of(
          "ingest", IngestStage::new,
          "classify", ClassifyStage::new,
          "attribute", AttributeStage::new,
          "aggregate", AggregateStage::new);

  public static final List<String> ORDER =
      List.of("ingest", "classify", "attribute", "aggregate", "report");

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
        stages.contains("ingest") ? new Manifest() : Manifest.readOrNew(wh.manifestFile(config.runDate()));
    ObjectNode root = manifest.root();
    root.put("run_date", config.runDate().toString());
    root.put("started_at", Instant.now().toString());
    root.set("configuration", Manifest.JSON.valueToTree(configForManifest(config)));
    ObjectNode versions = manifest.object("versions");
    versions.put("wellspring", Version.wellspring());
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("java", System.getProperty("java.version"));
    RunContext ctx = new RunContext(config, wh, manifest, progress);
    HeapSampler.INSTANCE.peakBytes(); // starts the sampler
    int exit = 0;
    String message = "done";
    SparkSession spark = null;
    SparkProgress heartbeat = null;
    boolean ownSession = false;
    long runStart = System.nanoTime();
    RunLock lock;
    try {
      lock = RunLock.acquire(wh.root());
    } catch (WellspringException e) {
      // Another run owns the folder: touch nothing of it, not even the manifest.
      progress.error(e.getMessage());
      return e.exitCode();
    }
    try {
      if (lock.tookOverStaleLock() != null) {
        progress.info("took over a stale lock left by a run that died (" + lock.tookOverStaleLock() + ")");
        manifest.warn("took over a stale lock: " + lock.tookOverStaleLock());
      }
      wh.recover();
      Keys.use(config.secret(), wh.root());
      for (String name : stages) {
        FaultPoints.pauseAt("before:" + name);
        long t0 = System.nanoTime();
        progress.stageStarted(name);
        StageResult r;
        if (name.equals("report")) {
          r = ReportLauncher.render(ctx);
        } else {
          if (spark == null) {
            // A session that already existed (an embedding application, the test suite) is
            // reused by Sessions.open and must outlive this run.
            ownSession =
                SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
            spark = Sessions.open(config);
            heartbeat = SparkProgress.attach(spark.sparkContext(), progress);
          }
          heartbeat.begin(name, t0);
          try {
            r = SPARK_STAGES.get(name).get().run(spark, ctx);
          } finally {
            heartbeat.end();
          }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        manifest.stage(name, secs, r.rowsIn(), r.rowsOut());
        progress.stage(name, r, secs);
        // Later stages (the report) read the manifest, so it is current after every stage.
        root.put("status", "running");
        manifest.writeTo(wh.manifestFile(config.runDate()));
      }
    } catch (WellspringException e) {
      exit = e.exitCode();
      message = e.getMessage();
      progress.error(e.stage() + ": " + e.getMessage());
    } catch (RuntimeException e) {
      exit = WellspringException.INTERNAL;
      message = String.valueOf(e);
      progress.error("internal error: " + firstLine(String.valueOf(e)));
      if (progress.level() == Progress.Level.VERBOSE) {
        e.printStackTrace();
      }
    } finally {
      if (heartbeat != null) {
        heartbeat.close();
      }
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
    root.put("finished_at", Instant.now().toString());
    root.put("driver_peak_heap_mb", peakHeapMb());
    root.put("driver_peak_live_heap_mb", HeapSampler.INSTANCE.peakLiveBytes() / (1024 * 1024));
    root.put("seconds", Math.round((System.nanoTime() - runStart) / 1e6) / 1000.0);
    root.put("exit_code", exit);
    root.put(
        "status",
        exit == 0 ? "ok" : exit == WellspringException.TOO_MANY_REJECTS ? "rejects_above_maximum" : "failed");
    root.put("message", message);
    try {
      manifest.writeTo(wh.manifestFile(config.runDate()));
    } catch (RuntimeException e) {
      progress.error("cannot write the manifest: " + e.getMessage());
      exit = exit == 0 ? WellspringException.INTERNAL : exit;
    }
    if (exit == 0) {
      // After the final manifest write of a successful run only: latest and keep_runs.
      try {
        History.Outcome h = new History(wh).afterSuccess(config.runDate(), config.keepRuns());
        if (!h.pruned().isEmpty()) {
          progress.info("keep_runs " + config.keepRuns() + ": pruned run dates " + h.pruned());
        }
      } catch (RuntimeException e) {
        progress.error("cannot update latest or prune old run dates: " + firstLine(String.valueOf(e.getMessage())));
        exit = WellspringException.INTERNAL;
      }
    }
    lock.close();
    if (exit == 0) {
      Path pdf = wh.reportsDir(config.runDate()).resolve("effectiveness.pdf");
      progress.info(
          "done; outputs in " + wh.root() + (java.nio.file.Files.exists(pdf) ? ", report " + pdf : ""));
    }
    progress.manifest(wh.manifestFile(config.runDate()), exit);
    return exit;
  }

  private static Map<String, Object> configForManifest(WellspringConfig c) {
    Map<String, Object> m = new TreeMap<>();
    m.put("input", c.input());
    m.put("output", c.output());
    m.put("run_date", c.runDate().toString());
    m.put("master", c.master());
    m.put("owner", c.owner());
    m.put("lookback_days", c.lookbackDays());
    m.put("half_life_days", c.halfLifeDays());
    m.put("channel_dimension", c.channelDimension());
    m.put("reject_max", c.rejectMax());
    m.put("report_model", c.reportModel());
    m.put("durations", c.durations());
    m.put("inference_map", c.inferenceMap());
    m.put("bootstrap_resamples", c.bootstrapResamples());
    m.put("bootstrap_seed", c.bootstrapSeed());
    m.put("shuffle_partitions", c.shufflePartitions());
    m.put("spark", c.sparkConf());
    m.put("paper", c.paper());
    m.put("names", c.names());
    return m;
  }

  /**
   * The effective configuration as plain values for --print-config: the manifest's, plus
   * owner_map and keep_runs (the secret is never shown).
   */
  public static Map<String, Object> describe(WellspringConfig c) {
    Map<String, Object> m = configForManifest(c);
    m.put("owner_map", c.ownerMap());
    m.put("keep_runs", c.keepRuns());
    return m;
  }

  /**
   * Checks what can be checked before anything is written: the input folder of a run that
   * ingests, and for a stage run alone an output folder that holds earlier stages' outputs.
   */
  static void preflight(WellspringConfig c, List<String> stages, Warehouse wh) {
    if (stages.isEmpty()) {
      return;
    }
    if (stages.contains("ingest")) {
      Path in = Path.of(c.input());
      if (!java.nio.file.Files.isDirectory(in)) {
        throw WellspringException.unusable(
            "cli", "input folder " + in.toAbsolutePath() + " does not exist or is not a folder (--input)");
      }
      if (java.nio.file.Files.exists(wh.root()) && !java.nio.file.Files.isDirectory(wh.root())) {
        throw WellspringException.unusable("cli", "output " + wh.root() + " is a file, not a folder (--output)");
      }
    } else if (!java.nio.file.Files.isDirectory(wh.root().resolve("warehouse"))
        && !java.nio.file.Files.isDirectory(wh.root().resolve("reports"))) {
      throw WellspringException.unusable(
          "cli", "output folder " + wh.root() + " holds no earlier run (no warehouse/ or reports/; --output"
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

  /** Samples the used heap on a daemon thread; started with the first run of this JVM. */
  static final class HeapSampler implements Runnable {
    static final HeapSampler INSTANCE = new HeapSampler();
    private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();

    private final java.util.concurrent.atomic.AtomicLong peakLive = new java.util.concurrent.atomic.AtomicLong();

    private HeapSampler() {
      Thread t = new Thread(this, "wellspring-heap-sampler");
      t.setDaemon(true);
      t.start();
      // The heap in use right after each collection: what the run really keeps (the sampled peak
      // also counts garbage the collector had not reached yet).
      for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
        if (gc instanceof javax.management.NotificationEmitter emitter) {
          emitter.addNotificationListener(
              (n, handback) -> {
                if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                    .equals(n.getType())) {
                  return;
                }
                var info =
                    com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) n.getUserData());
                long after = 0;
                for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
                  var usage = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
                  if (pool.getType() == java.lang.management.MemoryType.HEAP && usage != null) {
                    after += usage.getUsed();
                  }
                }
                long live = after;
                peakLive.accumulateAndGet(live, Math::max);
              },
              null,
              null);
        }
      }
    }

    long peakLiveBytes() {
      return peakLive.get();
    }

    long peakBytes() {
      sample();
      return peak.get();
    }

    private void sample() {
      long used =
          java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      peak.accumulateAndGet(used, Math::max);
    }

    @Override
    public void run() {
      while (true) {
        sample();
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
