package dev.wellspring.incrementality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The (owner, month) panel of the incrementality estimate and the attributed value per hour it is
 * compared with. Pure transforms over the warehouse tables.
 */
public final class Panel {
  /** Exact decimal sums of outcome values: the same bytes whatever the partitioning. */
  private static final String EXACT = "decimal(38,10)";

  private Panel() {}

  /**
   * One row per (owner, month) with at least one activity: {@code owner, month, hours_directed,
   * hours_embedded, hours_undirected, value}. Hours are effectiveness's (every activity in scope,
   * credited or not); value sums all of the owner's outcomes dated in the month (UTC), attributed
   * or not, 0 when there is none. Outcomes in months without activity have no row.
   *
   * @param effectiveness rows in {@link Tables#EFFECTIVENESS_SCHEMA}
   * @param outcomes rows in {@link Tables#OUTCOMES_SCHEMA}
   */
  public static Dataset<Row> panel(Dataset<Row> effectiveness, Dataset<Row> outcomes) {
    // effectiveness repeats the same hours for every model: one model's rows carry them all.
    Dataset<Row> effort = effectiveness.filter(col("model").equalTo(Tables.MODELS.get(0)));
    List<Column> byClass = new ArrayList<>();
    for (String c : MixModel.CLASSES) {
      // One row per (owner, class, month), so max picks that row's hours exactly.
      byClass.add(
          coalesce(max(when(col("class").equalTo(c), col("hours"))), lit(0.0))
              .as("hours_" + c.toLowerCase()));
    }
    Dataset<Row> hours =
        effort
            .groupBy("owner", "month")
            .agg(byClass.get(0), byClass.subList(1, byClass.size()).toArray(Column[]::new));
    Dataset<Row> value =
        outcomes
            .withColumn("month", date_format(col("occurred_at"), "yyyy-MM"))
            .groupBy("owner", "month")
            .agg(sum(col("value").cast(EXACT)).as("value_exact"));
    return hours
        .join(value, seq("owner", "month"), "left")
        .select(
            col("owner"),
            col("month"),
            col("hours_directed"),
            col("hours_embedded"),
            col("hours_undirected"),
            coalesce(col("value_exact").cast("double"), lit(0.0)).as("value"));
  }

  /**
   * Credited value per hour of each class under {@code model}, pooled over all owners and months:
   * {@code class, hours, credited_value} as exact sums (the caller divides).
   */
  public static Dataset<Row> attributed(Dataset<Row> effectiveness, String model) {
    return effectiveness
        .filter(col("model").equalTo(model))
        .groupBy("class")
        .agg(
            sum(col("hours").cast(EXACT)).cast("double").as("hours"),
            sum(col("credited_value").cast(EXACT)).cast("double").as("credited_value"));
  }

  /** A panel row as the model takes it; month "YYYY-MM" becomes a running month number. */
  public static MixModel.PanelRow row(Row r) {
    String month = r.getString(1);
    int index =
        Integer.parseInt(month.substring(0, 4)) * 12 + Integer.parseInt(month.substring(5, 7)) - 1;
    return new MixModel.PanelRow(
        r.getString(0),
        index,
        new double[] {r.getDouble(2), r.getDouble(3), r.getDouble(4)},
        r.getDouble(5));
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(columns)).toList();
  }
}
