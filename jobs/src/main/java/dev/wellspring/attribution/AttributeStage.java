package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.col;

import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Warehouse;
import dev.wellspring.pipeline.RunContext;
import dev.wellspring.pipeline.SparkStage;
import dev.wellspring.pipeline.StageResult;
import dev.wellspring.schema.Tables;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The attribute stage: touchpoints and outcomes of the run date in; {@code credits} (rule-based and
 * data-driven models), {@code unattributed} and {@code attribution_channels} out.
 */
public final class AttributeStage implements SparkStage {
  @Override
  public String name() {
    return "attribute";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    Warehouse wh = ctx.warehouse();
    WellspringConfig config = ctx.config();
    LocalDate date = config.runDate();
    Dataset<Row> touchpoints = wh.read(spark, Tables.TOUCHPOINTS, Tables.TOUCHPOINTS_SCHEMA, date);
    Dataset<Row> outcomes = wh.read(spark, Tables.OUTCOMES, Tables.OUTCOMES_SCHEMA, date);

    Candidates.Selection selection =
        Candidates.select(touchpoints, outcomes, config.lookbackDays());
    // Every model and the unattributed list read the candidates; compute the join once.
    Dataset<Row> candidates = selection.candidates().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      DataDrivenAttribution.Result dataDriven =
          DataDrivenAttribution.attribute(
              candidates, touchpoints, outcomes, config.channelDimension());
      Dataset<Row> credits =
          inSchemaOrder(
                  RuleModels.credits(candidates, config.halfLifeDays()), Tables.CREDITS_SCHEMA)
              .unionByName(inSchemaOrder(dataDriven.credits(), Tables.CREDITS_SCHEMA));
      wh.write(credits, Tables.CREDITS, date);
      wh.write(
          inSchemaOrder(selection.unattributed(), Tables.UNATTRIBUTED_SCHEMA),
          Tables.UNATTRIBUTED,
          date);
      wh.write(
          inSchemaOrder(dataDriven.channels(), Tables.ATTRIBUTION_CHANNELS_SCHEMA),
          Tables.ATTRIBUTION_CHANNELS,
          date);
    } finally {
      candidates.unpersist();
    }
    // Parquet counts come from the footers: no extra pass over the data.
    long in = outcomes.count();
    long out = wh.read(spark, Tables.CREDITS, Tables.CREDITS_SCHEMA, date).count();
    return new StageResult(in, out);
  }

  private static Dataset<Row> inSchemaOrder(
      Dataset<Row> df, org.apache.spark.sql.types.StructType schema) {
    return df.select(
        Arrays.stream(schema.fields())
            .map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
            .toArray(Column[]::new));
  }
}
