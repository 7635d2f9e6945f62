package dev.wellspring.report;

import dev.wellspring.vocabulary.TouchClass;
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
    RunManifest manifest,
    Extras extras) {

  /**
   * A run without the period, trend, follow-up and incrementality exports (an older run folder).
   */
  public RunData(
      LocalDate runDate,
      List<Effectiveness> effectiveness,
      List<ModelShare> modelComparison,
      List<ChannelScore> attributionChannels,
      List<Lift> lift,
      List<Goal> goals,
      List<WellBuilding> wellBuilding,
      List<Unattributed> unattributed,
      RunManifest manifest) {
    this(
        runDate,
        effectiveness,
        modelComparison,
        attributionChannels,
        lift,
        goals,
        wellBuilding,
        unattributed,
        manifest,
        Extras.NONE);
  }

  public RunData {
    extras = extras == null ? Extras.NONE : extras;
    effectiveness = List.copyOf(effectiveness);
    modelComparison = List.copyOf(modelComparison);
    attributionChannels = List.copyOf(attributionChannels);
    lift = List.copyOf(lift);
    goals = List.copyOf(goals);
    wellBuilding = List.copyOf(wellBuilding);
    unattributed = List.copyOf(unattributed);
  }

  /** The classes in the order the report shows them. */
  public static final List<String> CLASSES = TouchClass.wireNames();

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

  /**
   * A row of goal_scorecard.csv; targetValue is null when the goal has none. The columns of issue
   * 21 may be absent in an older run: title and status are then null, targetUnit {@code outcomes},
   * progress null. elapsed is the share of the goal's time that has passed (from the optional
   * starts_on / ends_on columns), null when unknown.
   */
  public record Goal(
      String goalId,
      String owner,
      String category,
      double hours,
      long onTargetOutcomes,
      double onTargetValue,
      long serendipitousOutcomes,
      Double targetValue,
      boolean drought,
      String title,
      String targetUnit,
      Double progress,
      String status,
      Double elapsed) {

    public Goal {
      targetUnit = targetUnit == null || targetUnit.isBlank() ? "outcomes" : targetUnit;
      title = title == null || title.isBlank() ? null : title;
      status = status == null || status.isBlank() ? null : status;
    }

    /** A goal row of a run before issue 21 (no title, unit, progress or status). */
    public Goal(
        String goalId,
        String owner,
        String category,
        double hours,
        long onTargetOutcomes,
        double onTargetValue,
        long serendipitousOutcomes,
        Double targetValue,
        boolean drought) {
      this(
          goalId,
          owner,
          category,
          hours,
          onTargetOutcomes,
          onTargetValue,
          serendipitousOutcomes,
          targetValue,
          drought,
          null,
          null,
          null,
          null,
          null);
    }

    /** The achieved amount in the target's unit: on-target outcomes, or their value. */
    public double achieved() {
      return "value".equals(targetUnit) ? onTargetValue : onTargetOutcomes;
    }
  }

  /** A row of well_building.csv. */
  public record WellBuilding(
      String owner,
      String cls,
      String month,
      long newRelationships,
      long strengthenedRelationships,
      long introsMade,
      long introsReceived) {}

  /**
   * The exports added by issues 20 and 21, each null when its file is absent (a run made before
   * them, or a step that did not run): the report then omits that part or says it was not computed,
   * and never makes a number up.
   */
  public record Extras(
      List<PeriodRow> periodComparison,
      List<LiftPoint> liftHistory,
      List<FollowUp> followUp,
      List<IncrementalRow> incrementality,
      List<WhatIf> whatIf) {
    public static final Extras NONE = new Extras(null, null, null, null, null);

    public Extras {
      periodComparison = periodComparison == null ? null : List.copyOf(periodComparison);
      liftHistory = liftHistory == null ? null : List.copyOf(liftHistory);
      followUp = followUp == null ? null : List.copyOf(followUp);
      incrementality = incrementality == null ? null : List.copyOf(incrementality);
      whatIf = whatIf == null ? null : List.copyOf(whatIf);
    }
  }

  /**
   * A row of period_comparison.csv: the report model's hours and value of one class in the {@code
   * current} or {@code previous} period (start and end inclusive); lift and interval repeat on
   * every row of the period.
   */
  public record PeriodRow(
      String period,
      LocalDate start,
      LocalDate end,
      String cls,
      double hours,
      double creditedValue,
      Double valuePerHour,
      Double lift,
      Double ciLow,
      Double ciHigh) {}

  /** A row of lift_history.csv: the headline lift of a run date (earlier runs and this one). */
  public record LiftPoint(
      LocalDate runDate, String model, Double lift, Double ciLow, Double ciHigh) {}

  /**
   * A row of follow_up.csv: a contact on a converting path of an active goal, not touched lately.
   */
  public record FollowUp(
      String owner,
      String goalId,
      String contactId,
      String contactName,
      LocalDate lastTouchOn,
      long daysSinceTouch) {}

  /** A row of incrementality.csv; the numbers are null and reason set when there is no estimate. */
  public record IncrementalRow(
      String cls,
      Double hours,
      Double incrementalValue,
      Double incrementalValuePerHour,
      Double ciLow,
      Double ciHigh,
      Double attributedValuePerHour,
      String reason) {}

  /** A row of whatif.csv: moving a share of an owner's monthly hours from one class to another. */
  public record WhatIf(
      String owner,
      String moveFrom,
      String moveTo,
      double shareMoved,
      Double hoursMovedPerMonth,
      Double valueChangePerMonth,
      Double ciLow,
      Double ciHigh,
      boolean extrapolated) {}

  /** A row of unattributed.csv. */
  public record Unattributed(
      String outcomeId, String owner, String type, double value, String reason) {}

  /**
   * The parts of {@code runs/<date>.json} the report shows (layout in the jobs module's {@code
   * Manifest} Javadoc). Missing numbers read as 0, missing text as empty.
   *
   * @param configuration report_model, paper, names, value_unit and report_period_days from the
   *     run's configuration, when present
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
      rejectedByReason =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rejectedByReason));
    }
  }
}
