package dev.wellspring.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the report reads for one run: the CSV exports of {@code reports/<date>/} and the run
 * manifest, as immutable rows. Column meanings are those of DESIGN.md "Outputs"; an empty CSV cell
 * (undefined) is {@code null} here.
 */
public record RunData(
    LocalDate runDate,
    List<Effectiveness> effectiveness,
    List<ModelShare> modelComparison,
    List<ChannelScore> attributionChannels,
    List<Lift> lift,
    List<Goal> goals,
    List<WellBuilding> wellBuilding,
    List<Unattributed> unattributed,
    RunManifest manifest) {

  public RunData {
    effectiveness = List.copyOf(effectiveness);
    modelComparison = List.copyOf(modelComparison);
    attributionChannels = List.copyOf(attributionChannels);
    lift = List.copyOf(lift);
    goals = List.copyOf(goals);
    wellBuilding = List.copyOf(wellBuilding);
    unattributed = List.copyOf(unattributed);
  }

  /** The classes in the order the report shows them. */
  public static final List<String> CLASSES = List.of("DIRECTED", "EMBEDDED", "UNDIRECTED");

  /** A row of effectiveness.csv: one owner x class x month under one model. */
  public record Effectiveness(
      String owner,
      String cls,
      String month,
      String model,
      long activities,
      double hours,
      double cost,
      double creditedOutcomes,
      double creditedValue,
      Double valuePerHour,
      Double outcomesPerHour) {}

  /** A row of model_comparison.csv; share is null when the model credited nothing. */
  public record ModelShare(String model, String cls, double creditedValue, Double share) {}

  /** A row of attribution_channels.csv (markov and shapley only). */
  public record ChannelScore(
      String model, String channel, double score, Double share, double creditedValue) {}

  /** A row of lift.csv; lift and the interval are null when undefined. */
  public record Lift(
      String model,
      Double lift,
      Double ciLow,
      Double ciHigh,
      Double directedValuePerHour,
      Double undirectedValuePerHour) {}

  /** A row of goal_scorecard.csv; targetValue is null when the goal has none. */
  public record Goal(
      String goalId,
      String owner,
      String category,
      double hours,
      long onTargetOutcomes,
      double onTargetValue,
      long serendipitousOutcomes,
      Double targetValue,
      boolean drought) {}

  /** A row of well_building.csv. */
  public record WellBuilding(
      String owner,
      String cls,
      String month,
      long newRelationships,
      long strengthenedRelationships,
      long introsMade,
      long introsReceived) {}

  /** A row of unattributed.csv. */
  public record Unattributed(
      String outcomeId, String owner, String type, double value, String reason) {}

  /**
   * The parts of {@code runs/<date>.json} the report shows (layout in the jobs module's {@code
   * Manifest} Javadoc). Missing numbers read as 0, missing text as empty.
   *
   * @param configuration report_model, paper and names from the run's configuration, when present
   */
  public record RunManifest(
      String status,
      List<InputFile> inputs,
      long rowsRead,
      long rowsAccepted,
      long rowsRejected,
      long rowsIgnoredFuture,
      List<String> unrecognisedFiles,
      List<String> warnings,
      Map<String, String> configuration) {

    public RunManifest {
      inputs = List.copyOf(inputs);
      unrecognisedFiles = List.copyOf(unrecognisedFiles);
      warnings = List.copyOf(warnings);
      configuration = Map.copyOf(configuration);
    }
  }

  /** One input file of the manifest with its row counts; reasons keep the manifest's order. */
  public record InputFile(
      String file,
      String kind,
      long rowsRead,
      long rowsAccepted,
      long rowsRejected,
      long rowsExcluded,
      long rowsIgnoredFuture,
      Map<String, Long> rejectedByReason) {

    public InputFile {
      rejectedByReason = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejectedByReason));
    }
  }
}
