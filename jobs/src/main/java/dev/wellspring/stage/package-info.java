/**
 * The contract between the orchestrator ({@code dev.wellspring.pipeline}) and the stages (ingest,
 * classify, attribution, aggregate, incrementality): a stage implements {@link
 * dev.wellspring.stage.SparkStage}, receives the run's shared state in a {@link
 * dev.wellspring.stage.RunContext} and reports its row counts in a {@link
 * dev.wellspring.stage.StageResult}. Stages depend on this package, never on the orchestrator.
 */
package dev.wellspring.stage;
