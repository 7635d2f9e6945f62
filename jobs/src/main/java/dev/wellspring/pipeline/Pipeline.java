package dev.wellspring.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.WellspringException;
import dev.wellspring.aggregate.AggregateStage;
import dev.wellspring.attribution.AttributeStage;
import dev.wellspring.classify.ClassifyStage;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.incrementality.IncrementalityStage;
import dev.wellspring.ingest.IngestStage;
import dev.wellspring.io.FaultPoints;
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
        StageResult r;
        if (name.equals("report")) {
          // The report prints the run's status: every stage before it succeeded, so the status
          // it reads is the final one unless the report itself fails (the write below the loop
          // then says so).
          root.put("status", "ok");
          manifest.writeTo(wh.manifestFile(config.runDate()));
          r = ReportLauncher.render(ctx);
        } else {
          if (spark == null) {
            // A session that already existed (an embedding application, the test suite) is
            // reused by Sessions.open and must outlive this run.
            ownSession =
                SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
            spark = Sessions.open(config);
          }
          r = SPARK_STAGES.get(name).get().run(spark, ctx);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        manifest.stage(name, secs, r.rowsIn(), r.rowsOut());
        progress.stage(name, r, secs);
        // Later stages (the report) read the manifest, so it is current after every stage.
        root.put("status", name.equals("report") ? "ok" : "running");
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
    lock.close();
    if (exit == 0) {
      Path pdf = wh.reportsDir(config.runDate()).resolve("effectiveness.pdf");
      progress.info(
          "done; outputs in " + wh.root() + (java.nio.file.Files.exists(pdf) ? ", report " + pdf : ""));
    }
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
    m.put("carryover", c.incrementality().carryover() == null ? "auto" : c.incrementality().carryover());
    m.put("incrementality_resamples", c.incrementality().resamples());
    m.put("incrementality_seed", c.incrementality().seed());
    m.put("shuffle_partitions", c.shufflePartitions());
    m.put("spark", c.sparkConf());
    m.put("paper", c.paper());
    m.put("names", c.names());
    m.put("salesforce_date_format", c.salesforceDateFormat());
    m.put("value_unit", c.valueUnit());
    m.put("report_period_days", c.reportPeriodDays());
    return m;
  }

  /** The effective configuration as plain values (for --print-config and the manifest). */
  public static Map<String, Object> describe(WellspringConfig c) {
    return configForManifest(c);
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
