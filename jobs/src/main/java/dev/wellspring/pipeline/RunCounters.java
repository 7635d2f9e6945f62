package dev.wellspring.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * What Spark did for one pipeline stage, counted by a listener: the jobs started, the Spark stages
 * that ran (skipped ones, whose shuffle output was reused, are not counted), the tasks that ended,
 * the SQL executions started (an action on a Dataset, a write, a cache being filled: nested ones
 * included) and the tasks' run time and CPU time summed (the CPU time moves less with the machine's
 * load). These turn a run's fixed cost into a list (issue 24): a stage of a small input costs about
 * what its jobs and queries cost to plan and schedule.
 *
 * <p>Spark delivers listener events on its own thread, after the fact; {@link #begin} and {@link
 * #end} wait for the events posted so far to be delivered, so a stage's counts hold exactly its own
 * work.
 */
public final class RunCounters extends SparkListener implements AutoCloseable {
  private final SparkContext sc;
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();
  private final AtomicLong sqlExecutions = new AtomicLong();
  private final AtomicLong taskMillis = new AtomicLong();
  private final AtomicLong taskCpuNanos = new AtomicLong();

  private RunCounters(SparkContext sc) {
    this.sc = sc;
  }

  /** Counts on {@code sc} until {@link #close()}. */
  public static RunCounters attach(SparkContext sc) {
    RunCounters c = new RunCounters(sc);
    sc.addSparkListener(c);
    return c;
  }

  /** The counts of one pipeline stage. */
  public record Counts(
      long jobs,
      long stages,
      long tasks,
      long sqlExecutions,
      double taskSeconds,
      double taskCpuSeconds) {
    /** Adds them as the {@code spark} object of a manifest stage entry. */
    public void writeTo(ObjectNode stageEntry) {
      ObjectNode s = stageEntry.putObject("spark");
      s.put("jobs", jobs);
      s.put("stages", stages);
      s.put("tasks", tasks);
      s.put("sql_executions", sqlExecutions);
      s.put("task_seconds", Math.round(taskSeconds * 1000) / 1000.0);
      s.put("task_cpu_seconds", Math.round(taskCpuSeconds * 1000) / 1000.0);
    }

    /** One line for {@code --verbose}. */
    public String describe(String stage) {
      return String.format(
          "%-9s spark: %d jobs, %d stages, %d tasks, %d SQL executions, %.1f task s (%.1f CPU)",
          stage, jobs, stages, tasks, sqlExecutions, taskSeconds, taskCpuSeconds);
    }
  }

  /** A pipeline stage begins: the counts start from zero. */
  public void begin() {
    drain();
    jobs.set(0);
    stages.set(0);
    tasks.set(0);
    sqlExecutions.set(0);
    taskMillis.set(0);
    taskCpuNanos.set(0);
  }

  /** The pipeline stage ended: its counts. */
  public Counts end() {
    drain();
    return new Counts(
        jobs.get(),
        stages.get(),
        tasks.get(),
        sqlExecutions.get(),
        taskMillis.get() / 1000.0,
        taskCpuNanos.get() / 1e9);
  }

  private void drain() {
    // listenerBus() is private[spark] in Scala and public in the bytecode; waiting is what makes
    // the counts a stage's own (events arrive on the bus's thread, later than the work).
    try {
      sc.listenerBus().waitUntilEmpty(10_000);
    } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
      // A stopped context, or a bus that did not empty in time: the counts are what arrived.
    }
  }

  @Override
  public void onJobStart(SparkListenerJobStart e) {
    jobs.incrementAndGet();
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted e) {
    stages.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd e) {
    tasks.incrementAndGet();
    if (e.taskMetrics() != null) {
      taskMillis.addAndGet(e.taskMetrics().executorRunTime());
      taskCpuNanos.addAndGet(e.taskMetrics().executorCpuTime());
    }
  }

  @Override
  public void onOtherEvent(SparkListenerEvent e) {
    if (e instanceof SparkListenerSQLExecutionStart) {
      sqlExecutions.incrementAndGet();
    }
  }

  @Override
  public void close() {
    sc.removeSparkListener(this);
  }
}
