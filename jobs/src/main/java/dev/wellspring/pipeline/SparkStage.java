package dev.wellspring.pipeline;

import org.apache.spark.sql.SparkSession;

/** One Spark stage of the pipeline: reads the previous stage's tables, writes its own. */
public interface SparkStage {
  /** The stage's name as used on the command line: ingest, classify, attribute, aggregate. */
  String name();

  /** Runs the stage for {@code ctx.config().runDate()}. Throws WellspringException on failure. */
  StageResult run(SparkSession spark, RunContext ctx);
}
