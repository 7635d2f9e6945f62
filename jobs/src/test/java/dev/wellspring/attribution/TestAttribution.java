package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.min;

import dev.wellspring.schema.Tables;
import dev.wellspring.schema.TestTables;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Views of the attribution that only tests take: the candidates as one frame, the rule-based
 * weights in one call, credits in long form. The attribute stage computes the same through {@link
 * RuleModels#windowColumns} and {@link RuleModels#fromWindowColumns} inside one select.
 */
public final class TestAttribution {
  private TestAttribution() {}

  /** The candidates of a selection in {@link TestTables#CANDIDATES_SCHEMA}. */
  public static Dataset<Row> candidates(Candidates.Selection selection) {
    return Tables.conform(
        selection.withOutcomeColumns(selection.narrow()), TestTables.CANDIDATES_SCHEMA);
  }

  /**
   * The candidates with one weight column per rule-based model (named as in {@link
   * RuleModels#MODELS}).
   *
   * @param candidates rows in {@link TestTables#CANDIDATES_SCHEMA}, with or without {@link
   *     RuleModels#MIN_DAYS_BEFORE}
   * @param halfLifeDays time-decay half-life in days, > 0
   */
  public static Dataset<Row> weights(Dataset<Row> candidates, double halfLifeDays) {
    // The candidates carry the outcome's smallest days_before from their own window; a frame
    // without it gets it from one here (the same doubles, so the same minimum).
    Dataset<Row> withMin =
        Tables.hasColumn(candidates, RuleModels.MIN_DAYS_BEFORE)
            ? candidates
            : candidates.withColumn(
                RuleModels.MIN_DAYS_BEFORE,
                min(col("days_before")).over(Candidates.wholeOutcome()));
    List<Column> select = new ArrayList<>();
    select.add(col("*"));
    select.addAll(RuleModels.windowColumns(halfLifeDays));
    return RuleModels.fromWindowColumns(
        withMin.select(select.toArray(Column[]::new)), halfLifeDays);
  }

  /**
   * The rule-based credits in long form, one row per (outcome, candidate, model), zero weights
   * included, in {@link TestTables#CREDITS_LONG_SCHEMA}.
   */
  public static Dataset<Row> credits(Dataset<Row> candidates, double halfLifeDays) {
    return longForm(weights(candidates, halfLifeDays), RuleModels.MODELS);
  }

  /**
   * The markov and shapley credits of a data-driven result's candidates in long form ({@link
   * TestTables#CREDITS_LONG_SCHEMA}).
   */
  public static Dataset<Row> credits(DataDrivenAttribution.Result result) {
    return longForm(
        result.withWeights(result.candidates()),
        List.of(DataDrivenAttribution.MARKOV, DataDrivenAttribution.SHAPLEY));
  }

  /**
   * One row per (outcome, touchpoint, model) in {@link TestTables#CREDITS_LONG_SCHEMA}, zero
   * weights included.
   *
   * @param wide rows with outcome_id, activity_id, outcome_value and a weight column per model
   * @param models the weight columns to unpivot, in order
   */
  public static Dataset<Row> longForm(Dataset<Row> wide, List<String> models) {
    String pairs =
        models.stream().map(m -> "'" + m + "', `" + m + "`").collect(Collectors.joining(", "));
    return wide.select(
            col("outcome_id"),
            col("activity_id"),
            col("outcome_value"),
            expr("stack(" + models.size() + ", " + pairs + ") as (model, weight)"))
        .select(
            col("outcome_id"),
            col("activity_id"),
            col("model"),
            col("weight"),
            col("weight").multiply(col("outcome_value")).as("credited_value"));
  }
}
