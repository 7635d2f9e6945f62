package dev.wellspring.aggregate;

import dev.wellspring.WellspringException;
import dev.wellspring.pipeline.RunContext;
import dev.wellspring.pipeline.SparkStage;
import dev.wellspring.pipeline.StageResult;
import org.apache.spark.sql.SparkSession;

/** The aggregate stage. Not built yet. */
public final class AggregateStage implements SparkStage {
  @Override
  public String name() {
    return "aggregate";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    throw new WellspringException(name(), WellspringException.INTERNAL, "stage aggregate is not built yet");
  }
}
