package dev.wellspring.attribution;

import dev.wellspring.WellspringException;
import dev.wellspring.pipeline.RunContext;
import dev.wellspring.pipeline.SparkStage;
import dev.wellspring.pipeline.StageResult;
import org.apache.spark.sql.SparkSession;

/** The attribute stage. Not built yet. */
public final class AttributeStage implements SparkStage {
  @Override
  public String name() {
    return "attribute";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    throw new WellspringException(name(), WellspringException.INTERNAL, "stage attribute is not built yet");
  }
}
