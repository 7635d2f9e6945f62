package dev.wellspring.aggregate;

import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.CsvExports;
import dev.wellspring.io.Warehouse;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.SparkStage;
import dev.wellspring.stage.StageResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The aggregate stage: reads touchpoints, credits, outcomes, goals, contacts and unattributed of
 * the run date, writes the effectiveness, model_comparison, lift, goal_scorecard, well_building,
 * period_comparison and follow_up tables, then every CSV export under {@code reports/<run-date>/}
 * (with lift_history, read from every run date's lift table).
 */
public final class AggregateStage implements SparkStage {
  @Override
  public String name() {
    return "aggregate";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    WellspringConfig config = ctx.config();
    Warehouse warehouse = ctx.warehouse();
    LocalDate date = config.runDate();
    // Not cached: each aggregate reads a few columns of these, which Parquet reads alone, while a
    // cache would hold every column of millions of rows in the driver's memory.
    Dataset<Row> touchpoints =
        warehouse.read(spark, Tables.TOUCHPOINTS, Tables.TOUCHPOINTS_SCHEMA, date);
    Dataset<Row> credits = warehouse.read(spark, Tables.CREDITS, Tables.CREDITS_SCHEMA, date);
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> goals = warehouse.read(spark, Tables.GOALS, Tables.GOALS_SCHEMA, date);
      Dataset<Row> intervals =
          LiftInterval.intervals(
              touchpoints, credits, config.bootstrapResamples(), config.bootstrapSeed());
      // Three aggregates read effort and credit per (owner, class, month): small, computed once.
      Dataset<Row> effort = cachedSmall(Efficiency.effort(touchpoints));
      Dataset<Row> credit = cachedSmall(Efficiency.credit(credits));
      cached.add(effort);
      cached.add(credit);

      Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
      tables.put(Tables.EFFECTIVENESS, Efficiency.effectiveness(effort, credit, spark));
      tables.put(Tables.MODEL_COMPARISON, Efficiency.modelComparison(credit, spark));
      tables.put(Tables.LIFT, Efficiency.lift(effort, credit, intervals, spark));
      tables.put(Tables.GOAL_SCORECARD, GoalScorecard.scorecard(goals, touchpoints, credits, date));
      tables.put(Tables.WELL_BUILDING, WellBuilding.wellBuilding(touchpoints));
      tables.put(
          Tables.PERIOD_COMPARISON,
          PeriodComparison.compare(
              touchpoints,
              credits,
              config.reportModel(),
              date,
              config.reportPeriodDays(),
              config.bootstrapResamples(),
              config.bootstrapSeed()));
      Dataset<Row> contacts = warehouse.read(spark, Tables.CONTACTS, Tables.CONTACTS_SCHEMA, date);
      tables.put(
          Tables.FOLLOW_UP,
          FollowUp.followUp(
              goals,
              touchpoints,
              credits,
              contacts,
              date,
              config.reportPeriodDays(),
              config.names()));

      Map<String, Dataset<Row>> exports = new LinkedHashMap<>();
      for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
        // Aggregates are small: one file per table and date, not one per shuffle partition.
        warehouse.write(t.getValue().coalesce(1), t.getKey(), date);
        ctx.output(warehouse.tableDir(t.getKey(), date));
        // The CSV is made from the published Parquet, so both hold the same rows.
        exports.put(t.getKey(), warehouse.read(spark, t.getKey(), schemaOf(t.getKey()), date));
      }
      // This run's lift is published above, so the history ends with it.
      exports.put(Tables.LIFT_HISTORY, liftHistory(spark, warehouse, date));
      exports.put(
          Tables.UNATTRIBUTED,
          warehouse.read(spark, Tables.UNATTRIBUTED, Tables.UNATTRIBUTED_SCHEMA, date));
      // attribution_channels exists once data-driven attribution has run; without it the export
      // is a header alone, so the report always finds every file.
      if (warehouse.hasTable(Tables.ATTRIBUTION_CHANNELS, date)) {
        exports.put(
            Tables.ATTRIBUTION_CHANNELS,
            warehouse.read(
                spark, Tables.ATTRIBUTION_CHANNELS, Tables.ATTRIBUTION_CHANNELS_SCHEMA, date));
      }

      Map<String, Long> written = CsvExports.publish(warehouse, date, exports);
      for (CsvExports.Export export : CsvExports.EXPORTS) {
        ctx.output(warehouse.reportsDir(date).resolve(export.fileName()));
      }
      long rows = written.values().stream().mapToLong(Long::longValue).sum();
      return new StageResult(-1, rows);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  /**
   * A small aggregate (rows per owner, class and month), cached as one partition. Left at the
   * shuffle's partition count, every later query that read it started a stage of that many tasks
   * for a few thousand rows: at 10 M activities eight stages of 41 tasks, 0.7-2.5 s each with
   * almost no CPU (docs/benchmarks.md). Only the final merge of the partial aggregates moves into
   * one task; the partial aggregation over the touchpoints or credits stays parallel.
   */
  static Dataset<Row> cachedSmall(Dataset<Row> aggregate) {
    return aggregate.coalesce(1).persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * lift_history: the lift table of every run date in the warehouse up to and including {@code
   * date} (a rerun for an earlier date does not see later ones), one row per run date and model.
   */
  static Dataset<Row> liftHistory(SparkSession spark, Warehouse warehouse, LocalDate date) {
    // This run's lift is staged in its generation until the date is published (Warehouse); the
    // earlier dates are the published partitions.
    Dataset<Row> current =
        warehouse
            .read(spark, Tables.LIFT, Tables.LIFT_SCHEMA, date)
            .withColumn("run_date", org.apache.spark.sql.functions.lit(date));
    Dataset<Row> all =
        warehouse
            .readEarlierDates(spark, Tables.LIFT, Tables.LIFT_SCHEMA, date)
            .map(earlier -> earlier.unionByName(current))
            .orElse(current);
    return Tables.conform(all, Tables.LIFT_HISTORY_SCHEMA);
  }

  private static StructType schemaOf(String table) {
    return CsvExports.EXPORTS.stream()
        .filter(e -> e.name().equals(table))
        .findFirst()
        .orElseThrow()
        .schema();
  }
}
