package dev.wellspring.attribution;

import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Warehouse;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.SparkStage;
import dev.wellspring.stage.StageResult;
import java.time.LocalDate;
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
        Candidates.select(touchpoints, outcomes, config.lookbackDays(), config.channelDimension());
    // The data-driven solve and the credits both read the candidates; compute the join once. The
    // cached rows are the narrow ones; the outcome columns are joined where the credits are
    // written.
    Dataset<Row> candidates = selection.narrow().persist(StorageLevel.MEMORY_AND_DISK());
    long candidateRows;
    try {
      // Fill the cache first, so the timings below are the models' own work.
      long t0 = System.nanoTime();
      candidateRows = candidates.count();
      double candidateSecs = (System.nanoTime() - t0) / 1e9;
      // Data-driven: paths, transition counts and channel-set values in Spark, the exact solve on
      // the driver. What it adds to the credits is two columns computed in the same pass.
      long t1 = System.nanoTime();
      DataDrivenAttribution.Result dataDriven =
          DataDrivenAttribution.attribute(
              candidates, touchpoints, outcomes, config.channelDimension());
      wh.write(
          Tables.conform(dataDriven.channels(), Tables.ATTRIBUTION_CHANNELS_SCHEMA).coalesce(1),
          Tables.ATTRIBUTION_CHANNELS,
          date);
      double solveSecs = (System.nanoTime() - t1) / 1e9;
      long t2 = System.nanoTime();
      // The data-driven path counts and the rule-based decay sum are per-outcome sums over the
      // candidates' own order, written in one select: one window operator (one copy of every
      // row); the minimum the decay is measured from comes with the candidates.
      double halfLife = config.halfLifeDays();
      Dataset<Row> weighted =
          RuleModels.fromWindowColumns(
              dataDriven.withWeights(candidates, RuleModels.windowColumns(halfLife)), halfLife);
      wh.write(Credits.table(selection.withOutcomeColumns(weighted)), Tables.CREDITS, date);
      double creditSecs = (System.nanoTime() - t2) / 1e9;
      ctx.manifest().stage("attribute.candidates", candidateSecs, -1, candidateRows);
      ctx.manifest().stage("attribute.data_driven_solve", solveSecs, candidateRows, -1);
      ctx.manifest()
          .stage("attribute.credits_all_models", creditSecs, candidateRows, candidateRows);
      // repartition(1), not coalesce(1): the distinct outcome ids need no shuffle of their own (the
      // cached candidates are partitioned by outcome), so coalesce(1) would scan all candidate
      // rows in one task; the shuffle of the few unattributed rows is what goes to one task here.
      wh.write(
          Tables.conform(selection.unattributed(), Tables.UNATTRIBUTED_SCHEMA).repartition(1),
          Tables.UNATTRIBUTED,
          date);
    } finally {
      candidates.unpersist();
    }
    // Parquet counts come from the footers: no extra pass over the data.
    long in = outcomes.count();
    return new StageResult(in, candidateRows);
  }
}
