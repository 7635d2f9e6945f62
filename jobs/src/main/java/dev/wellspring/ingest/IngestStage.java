package dev.wellspring.ingest;

import dev.wellspring.WellspringException;
import dev.wellspring.pipeline.RunContext;
import dev.wellspring.pipeline.SparkStage;
import dev.wellspring.pipeline.StageResult;
import org.apache.spark.sql.SparkSession;

/** The ingest stage. Not built yet. */
public final class IngestStage implements SparkStage {
  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public StageResult run(SparkSession spark, RunContext ctx) {
    throw new WellspringException(name(), WellspringException.INTERNAL, "stage ingest is not built yet");
  }
}
