package dev.wellspring.stage;

import org.apache.spark.sql.SparkSession;

/**
 * One Spark stage of the pipeline: reads the previous stage's tables, writes its own. The
 * orchestrator opens the session once per run and calls the stages in order with the same {@link
 * RunContext}; a stage keeps no state between runs.
 */
public interface SparkStage {
  /**
   * The stage's name as used on the command line: ingest, classify, attribute, aggregate,
   * incrementality.
   */
  String name();

  /**
   * Runs the stage for {@code ctx.config().runDate()}.
   *
   * @param spark the run's session
   * @param ctx the run's configuration, output folder, manifest and progress
   * @return the rows read and written, for the progress line and the manifest
   * @throws dev.wellspring.WellspringException on any failure, naming the stage and the cause
   */
  StageResult run(SparkSession spark, RunContext ctx);
}
