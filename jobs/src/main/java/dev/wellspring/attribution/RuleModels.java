package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.WellspringException;
import dev.wellspring.schema.Tables;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The rule-based attribution models of DESIGN.md "Attribution": first_touch, last_touch, linear,
 * time_decay and position_based. Every candidate gets a row under every model, zero weights
 * included, so all models share one row set and the weights of an (outcome, model) sum to 1.
 */
public final class RuleModels {
  public static final String FIRST_TOUCH = "first_touch";
  public static final String LAST_TOUCH = "last_touch";
  public static final String LINEAR = "linear";
  public static final String TIME_DECAY = "time_decay";
  public static final String POSITION_BASED = "position_based";

  /** The rule-based models in the order their rows are generated. */
  public static final List<String> MODELS =
      List.of(FIRST_TOUCH, LAST_TOUCH, LINEAR, TIME_DECAY, POSITION_BASED);

  private RuleModels() {}

  /**
   * @param candidates rows in {@link Tables#CANDIDATES_SCHEMA}
   * @param halfLifeDays time-decay half-life in days, > 0
   * @return rows in {@link Tables#CREDITS_SCHEMA}, credited_value = weight * outcome_value
   */
  public static Dataset<Row> credits(Dataset<Row> candidates, double halfLifeDays) {
    if (!(halfLifeDays > 0) || Double.isInfinite(halfLifeDays)) {
      throw WellspringException.unusable(
          "attribute", "half_life_days must be a positive number, got " + halfLifeDays);
    }
    Column position = col("position");
    Column n = col("n");

    // Decay is measured from the outcome's latest touch: the shift cancels out in the
    // normalisation but keeps the largest term at 1, so distant paths cannot underflow to 0/0.
    WindowSpec perOutcome = Window.partitionBy(col("outcome_id"));
    // Summed in position order over the whole partition, so the double sum does not depend on
    // how Spark partitioned the rows.
    WindowSpec perOutcomeOrdered =
        perOutcome
            .orderBy(position)
            .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column decay =
        pow(
            lit(2.0),
            col("days_before")
                .minus(min(col("days_before")).over(perOutcome))
                .divide(-halfLifeDays));

    Column first = when(position.equalTo(1), 1.0).otherwise(0.0);
    Column last = when(position.equalTo(n), 1.0).otherwise(0.0);
    Column linear = lit(1.0).divide(n);
    Column timeDecay = col("time_decay_weight");
    Column positionBased =
        when(n.equalTo(1), 1.0)
            .when(n.equalTo(2), 0.5)
            .when(position.equalTo(1).or(position.equalTo(n)), 0.4)
            .otherwise(lit(0.2).divide(n.minus(2)));

    Column models =
        array(
            weight(FIRST_TOUCH, first),
            weight(LAST_TOUCH, last),
            weight(LINEAR, linear),
            weight(TIME_DECAY, timeDecay),
            weight(POSITION_BASED, positionBased));

    return candidates
        .withColumn("decay", decay)
        // Window functions cannot sit inside the generator below, so this weight comes first.
        .withColumn(
            "time_decay_weight", col("decay").divide(sum(col("decay")).over(perOutcomeOrdered)))
        .select(
            col("outcome_id"), col("activity_id"), col("outcome_value"), explode(models).as("m"))
        .select(
            col("outcome_id"),
            col("activity_id"),
            col("m.model").as("model"),
            col("m.weight").as("weight"),
            col("m.weight").multiply(col("outcome_value")).as("credited_value"));
  }

  private static Column weight(String model, Column weight) {
    return struct(lit(model).as("model"), weight.cast("double").as("weight"));
  }
}
