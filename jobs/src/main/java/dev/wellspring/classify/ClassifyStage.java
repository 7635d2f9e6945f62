package dev.wellspring.classify;

import dev.wellspring.WellspringException;
import dev.wellspring.pipeline.RunContext;
import dev.wellspring.pipeline.SparkStage;
import dev.wellspring.pipeline.StageResult;
import org.apache.spark.sql.SparkSession;

/** The classify stage. Not built yet. */
public final class ClassifyStage implements SparkStage {
  @Override
  public String name() {
    return "classify";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    throw new WellspringException(name(), WellspringException.INTERNAL, "stage classify is not built yet");
  }
}
