package dev.wellspring.pipeline;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The heartbeat of a long stage: a Spark listener counts the tasks of the stage's Spark jobs
 * (finished of submitted) and the rows its finished tasks read, and a timer prints them through
 * {@link Progress#heartbeat} once the stage has run for an interval, then at most once an interval.
 * The interval is 10 s; the system property {@value #INTERVAL_PROPERTY} (seconds, decimals allowed)
 * changes it. A progress bar on a terminal is redrawn every second.
 */
public final class SparkProgress extends SparkListener implements AutoCloseable {
  public static final String INTERVAL_PROPERTY = "wellspring.heartbeat.seconds";

  private final SparkContext sc;
  private final Progress progress;
  private final long intervalNanos;
  private final ScheduledExecutorService timer;
  private final AtomicLong tasksTotal = new AtomicLong();
  private final AtomicLong tasksDone = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private volatile String stage;
  private volatile long stageStart;
  private volatile long lastBeat;

  private SparkProgress(SparkContext sc, Progress progress, long intervalNanos) {
    this.sc = sc;
    this.progress = progress;
    this.intervalNanos = intervalNanos;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wellspring-heartbeat");
              t.setDaemon(true);
              return t;
            });
    long tick = Math.max(10_000_000L, Math.min(intervalNanos / 4, 1_000_000_000L));
    timer.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
  }

  /** Listens on {@code sc} until {@link #close()}. */
  public static SparkProgress attach(SparkContext sc, Progress progress) {
    double seconds = 10;
    String p = System.getProperty(INTERVAL_PROPERTY);
    if (p != null && !p.isBlank()) {
      try {
        seconds = Math.max(0.01, Double.parseDouble(p.trim()));
      } catch (NumberFormatException e) {
        // the default
      }
    }
    // A bar redrawn in place on a terminal may move every second; lines at most every interval.
    if (progress.bar()) {
      seconds = Math.min(seconds, 1);
    }
    SparkProgress sp = new SparkProgress(sc, progress, (long) (seconds * 1e9));
    sc.addSparkListener(sp);
    return sp;
  }

  /** A pipeline stage begins now: the counters start from zero. */
  public void begin(String name) {
    begin(name, System.nanoTime());
  }

  /**
   * A pipeline stage began at {@code startNanos} ({@link System#nanoTime()}; before the Spark
   * session was opened, for the first stage): the counters start from zero.
   */
  public void begin(String name, long startNanos) {
    tasksTotal.set(0);
    tasksDone.set(0);
    rows.set(0);
    stageStart = startNanos;
    lastBeat = startNanos;
    stage = name;
  }

  /** The pipeline stage ended: no more heartbeats for it. */
  public void end() {
    stage = null;
  }

  private void tick() {
    String s = stage;
    long now = System.nanoTime();
    if (s == null || now - lastBeat < intervalNanos) {
      return;
    }
    lastBeat = now;
    progress.heartbeat(s, tasksDone.get(), tasksTotal.get(), rows.get(), (now - stageStart) / 1e9);
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted e) {
    tasksTotal.addAndGet(e.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    tasksDone.incrementAndGet();
    if (e.taskMetrics() != null) {
      rows.addAndGet(e.taskMetrics().inputMetrics().recordsRead());
    }
  }

  @Override
  public void close() {
    stage = null;
    timer.shutdownNow();
    sc.removeSparkListener(this);
  }
}
