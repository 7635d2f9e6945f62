package dev.wellspring.classify;

import dev.wellspring.io.Warehouse;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.SparkStage;
import dev.wellspring.stage.StageResult;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The classify stage: activities, goals and contacts of the run date in, {@code touchpoints} out
 * (one row per activity, see {@link Classification}).
 */
public final class ClassifyStage implements SparkStage {
  @Override
  public String name() {
    return "classify";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    Warehouse wh = ctx.warehouse();
    LocalDate date = ctx.config().runDate();
    Dataset<Row> activities = wh.read(spark, Tables.ACTIVITIES, Tables.ACTIVITIES_SCHEMA, date);
    Dataset<Row> goals = wh.read(spark, Tables.GOALS, Tables.GOALS_SCHEMA, date);
    Dataset<Row> contacts = wh.read(spark, Tables.CONTACTS, Tables.CONTACTS_SCHEMA, date);
    Dataset<Row> touchpoints =
        Classification.classify(activities, goals, contacts, ctx.config().inferenceMap());
    wh.write(touchpoints, Tables.TOUCHPOINTS, date);
    // Parquet counts come from the footers, so these cost no pass over the data.
    long in = activities.count();
    long out = wh.read(spark, Tables.TOUCHPOINTS, Tables.TOUCHPOINTS_SCHEMA, date).count();
    return new StageResult(in, out);
  }
}
