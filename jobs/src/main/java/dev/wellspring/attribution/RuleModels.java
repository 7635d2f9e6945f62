package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.WellspringException;
import dev.wellspring.vocabulary.AttributionModel;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rule-based attribution models of DESIGN.md "Attribution": first_touch, last_touch, linear,
 * time_decay and position_based, as one weight column per model beside each candidate, so one pass
 * over the candidates gives all five and the weights of an outcome sum to 1 under each.
 */
public final class RuleModels {
  public static final String FIRST_TOUCH = AttributionModel.FIRST_TOUCH.wireName();
  public static final String LAST_TOUCH = AttributionModel.LAST_TOUCH.wireName();
  public static final String LINEAR = AttributionModel.LINEAR.wireName();
  public static final String TIME_DECAY = AttributionModel.TIME_DECAY.wireName();
  public static final String POSITION_BASED = AttributionModel.POSITION_BASED.wireName();

  /** The rule-based models in the order of their columns. */
  public static final List<String> MODELS = AttributionModel.ruleBasedWireNames();

  /**
   * The column with the outcome's smallest days_before, the time-decay reference: {@link
   * Candidates#select} computes it in its own window.
   */
  public static final String MIN_DAYS_BEFORE = "rule_min_days";

  private RuleModels() {}

  /** The per-outcome sum of the time-decay terms, added by {@link #windowColumns}. */
  static final String DECAY_SUM = "rule_decay_sum";

  /**
   * The one per-outcome value the weights need beyond position and n: the sum of the outcome's
   * time-decay terms ({@value #DECAY_SUM}), as a window column over {@link Candidates#wholeOutcome}
   * for a select over candidates that have {@link #MIN_DAYS_BEFORE}. A caller may put it in the
   * same select as other per-outcome windows (the data-driven models'), so all are one window
   * operator; {@link #fromWindowColumns} then makes the weights.
   *
   * @throws WellspringException (exit 2) when the half-life is not a positive number
   */
  public static List<Column> windowColumns(double halfLifeDays) {
    // The candidates' own order (Candidates.wholeOutcome): no second sort, and the double sum is
    // added up in position order whatever the partitioning.
    return List.of(sum(decay(halfLifeDays)).over(Candidates.wholeOutcome()).as(DECAY_SUM));
  }

  /**
   * The weight columns of every rule-based model from a frame with {@link #windowColumns}; drops
   * the helper columns.
   */
  public static Dataset<Row> fromWindowColumns(Dataset<Row> frame, double halfLifeDays) {
    Column position = col("position");
    Column n = col("n");
    Column first = when(position.equalTo(1), 1.0).otherwise(0.0);
    Column last = when(position.equalTo(n), 1.0).otherwise(0.0);
    Column linear = lit(1.0).divide(n);
    Column positionBased =
        when(n.equalTo(1), 1.0)
            .when(n.equalTo(2), 0.5)
            .when(position.equalTo(1).or(position.equalTo(n)), 0.4)
            .otherwise(lit(0.2).divide(n.minus(2)));
    return frame
        .withColumn(FIRST_TOUCH, first)
        .withColumn(LAST_TOUCH, last)
        .withColumn(LINEAR, linear.cast("double"))
        .withColumn(TIME_DECAY, decay(halfLifeDays).divide(col(DECAY_SUM)))
        .withColumn(POSITION_BASED, positionBased.cast("double"))
        .drop(DECAY_SUM, MIN_DAYS_BEFORE);
  }

  /**
   * A candidate's time-decay term. Decay is measured from the outcome's latest touch: the shift
   * cancels out in the normalisation but keeps the largest term at 1, so distant paths cannot
   * underflow to 0/0.
   */
  private static Column decay(double halfLifeDays) {
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw WellspringException.unusable(
          "attribute", "half_life_days must be a positive number, got " + halfLifeDays);
    }
    return pow(lit(2.0), col("days_before").minus(col(MIN_DAYS_BEFORE)).divide(-halfLifeDays));
  }
}
