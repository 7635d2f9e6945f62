package dev.wellspring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wellspring.testing.SparkExtension;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class RunCountersTest {
  private final SparkSession spark;

  RunCountersTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void countsOneStagesOwnJobsStagesTasksAndQueries() {
    try (RunCounters counters = RunCounters.attach(spark.sparkContext())) {
      // Work before begin() belongs to no stage.
      spark.range(0, 10, 1, 3).collectAsList();
      counters.begin();
      // One action on three partitions without a shuffle: one SQL execution, one job of one
      // Spark stage with a task per partition.
      spark.range(0, 10, 1, 3).collectAsList();
      RunCounters.Counts c = counters.end();
      assertThat(c.jobs()).as("jobs").isEqualTo(1);
      assertThat(c.stages()).as("stages").isEqualTo(1);
      assertThat(c.tasks()).as("tasks").isEqualTo(3);
      assertThat(c.sqlExecutions()).as("SQL executions").isEqualTo(1);
      assertThat(c.taskSeconds()).as("task seconds").isGreaterThanOrEqualTo(0);
      assertThat(c.taskCpuSeconds()).as("task CPU seconds").isGreaterThanOrEqualTo(0);

      counters.begin();
      RunCounters.Counts idle = counters.end();
      assertThat(idle)
          .as("a stage that runs nothing on Spark")
          .isEqualTo(new RunCounters.Counts(0, 0, 0, 0, 0.0, 0.0));
    }
  }

  @Test
  void writesTheManifestsSparkObject() {
    ObjectNode entry = new ObjectMapper().createObjectNode().put("stage", "classify");
    new RunCounters.Counts(11, 10, 12, 4, 1.23456, 0.98765).writeTo(entry);
    assertThat(entry.toString())
        .isEqualTo(
            "{\"stage\":\"classify\",\"spark\":{\"jobs\":11,\"stages\":10,\"tasks\":12,"
                + "\"sql_executions\":4,\"task_seconds\":1.235,\"task_cpu_seconds\":0.988}}");
    assertThat(new RunCounters.Counts(11, 10, 12, 4, 1.23456, 0.98765).describe("classify"))
        .isEqualTo(
            "classify  spark: 11 jobs, 10 stages, 12 tasks, 4 SQL executions, 1.2 task s"
                + " (1.0 CPU)");
  }
}
