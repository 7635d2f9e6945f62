package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Efficiency.ratio;
import static dev.wellspring.aggregate.Efficiency.seq;
import static dev.wellspring.aggregate.Sums.exactHours;
import static dev.wellspring.aggregate.Sums.exactSum;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.TouchClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * period_comparison: the report's period against the one before it, for the report model (DESIGN.md
 * "Reporting period, trend and goals").
 *
 * <ul>
 *   <li>Periods: {@code current} is the {@code days} days ending with the run date, both ends
 *       inclusive ([run date - days + 1, run date]); {@code previous} the {@code days} days before
 *       it ([run date - 2 days + 1, run date - days]).
 *   <li>A touchpoint belongs to the period holding its UTC date; its credit goes with it (as
 *       effectiveness places credit in the touchpoint's month), whenever the outcome came.
 *   <li>Per period and class (all three classes, zeros where nothing happened): hours, credited
 *       value under the model, value per hour (empty when hours is 0), as in effectiveness.
 *   <li>Per period: lift = DIRECTED / UNDIRECTED value per hour (empty when the undirected one is 0
 *       or either is undefined, as in lift), and its 95% bootstrap interval from {@link
 *       LiftInterval} over that period's touchpoints and credits alone; the three are repeated on
 *       each class row of the period.
 * </ul>
 */
public final class PeriodComparison {
  public static final String CURRENT = "current";
  public static final String PREVIOUS = "previous";

  public static final StructType SCHEMA =
      new StructType()
          .add("period", "string", false)
          .add("start", "date", false)
          .add("end", "date", false);

  private static final StructType TEXT_SCHEMA =
      new StructType()
          .add("period", "string", false)
          .add("start", "string", false)
          .add("end", "string", false);

  private PeriodComparison() {}

  /** One period: its name and first and last day, both inclusive. */
  public record Period(String name, LocalDate start, LocalDate end) {}

  /** The current and the previous period of a run date. */
  public static List<Period> periods(LocalDate runDate, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("a period has at least one day, got " + days);
    }
    LocalDate currentStart = runDate.minusDays(days - 1L);
    return List.of(
        new Period(CURRENT, currentStart, runDate),
        new Period(PREVIOUS, currentStart.minusDays(days), currentStart.minusDays(1)));
  }

  /**
   * Rows in {@link Tables#PERIOD_COMPARISON_SCHEMA}: two periods x three classes.
   *
   * @param touchpoints rows in {@link Tables#TOUCHPOINTS_SCHEMA}
   * @param credits rows in {@link Tables#CREDITS_SCHEMA}
   * @param model the report model (a weight column of credits)
   */
  public static Dataset<Row> compare(
      Dataset<Row> touchpoints,
      Dataset<Row> credits,
      String model,
      LocalDate runDate,
      int days,
      int resamples,
      long seed) {
    SparkSession spark = touchpoints.sparkSession();
    List<Period> periods = periods(runDate, days);
    List<Row> periodRows = new ArrayList<>();
    for (Period p : periods) {
      periodRows.add(RowFactory.create(p.name(), p.start().toString(), p.end().toString()));
    }
    // The dates go in as text and are cast in the plan: a java.sql.Date made on the driver needs
    // JVM module access (sun.util.calendar) that a plain `java` launch or spark-submit lacks.
    Dataset<Row> periodFrame =
        spark
            .createDataFrame(periodRows, TEXT_SCHEMA)
            .select(
                col("period"),
                col("start").cast("date").as("start"),
                col("end").cast("date").as("end"));

    // The touchpoint's UTC day, as classification computes it (independent of the session's zone).
    // Only the two periods' touchpoints and the credits of their months are read on: the credits
    // carry the touchpoint's month, not its day, so those are joined to their touchpoint's day.
    LocalDate first = periods.get(1).start();
    Dataset<Row> dated =
        touchpoints
            .withColumn(
                "day",
                date_from_unix_date(
                    floor(unix_seconds(col("occurred_at")).divide(86_400)).cast("int")))
            .where(col("day").geq(lit(first)).and(col("day").leq(lit(runDate))));
    Column inPeriod = col("day").geq(col("start")).and(col("day").leq(col("end")));
    Dataset<Row> inScope = dated.join(periodFrame, inPeriod);
    Dataset<Row> hours =
        inScope.groupBy("period", "class").agg(exactHours(col("duration_minutes")).as("hours"));
    Dataset<Row> creditDays =
        credits
            .where(
                col("month")
                    .geq(lit(first.toString().substring(0, 7)))
                    .and(col("month").leq(lit(runDate.toString().substring(0, 7)))))
            .select("activity_id", "owner", "contact_id", "class", model, "outcome_value")
            .join(dated.select(col("activity_id"), col("day")), seq("activity_id"));
    Dataset<Row> value =
        creditDays
            .join(periodFrame, inPeriod)
            .groupBy("period", "class")
            .agg(exactSum(col(model).multiply(col("outcome_value"))).as("credited_value"));

    Dataset<Row> classes =
        spark.createDataset(TouchClass.wireNames(), Encoders.STRING()).toDF("class");
    Dataset<Row> grid =
        periodFrame
            .crossJoin(classes)
            .join(hours, seq("period", "class"), "left")
            .join(value, seq("period", "class"), "left")
            .withColumn("hours", coalesce(col("hours"), lit(0.0)))
            .withColumn("credited_value", coalesce(col("credited_value"), lit(0.0)))
            .withColumn("value_per_hour", ratio(col("credited_value"), col("hours")));

    Dataset<Row> byPeriod =
        grid.groupBy("period")
            .agg(
                first(
                        when(
                            col("class").equalTo(TouchClass.DIRECTED.wireName()),
                            col("value_per_hour")),
                        true)
                    .as("dvph"),
                first(
                        when(
                            col("class").equalTo(TouchClass.UNDIRECTED.wireName()),
                            col("value_per_hour")),
                        true)
                    .as("uvph"));
    Dataset<Row> lift =
        byPeriod.select(
            col("period"),
            when(col("uvph").gt(0).and(col("dvph").isNotNull()), col("dvph").divide(col("uvph")))
                .as("lift"));

    List<Row> bounds = new ArrayList<>();
    for (Period p : periods) {
      Column inThis = col("day").geq(lit(p.start())).and(col("day").leq(lit(p.end())));
      Row interval =
          LiftInterval.intervals(
                  dated.where(inThis), creditDays.where(inThis), List.of(model), resamples, seed)
              .first();
      bounds.add(RowFactory.create(p.name(), interval.get(1), interval.get(2)));
    }
    Dataset<Row> intervals =
        spark.createDataFrame(
            bounds,
            new StructType()
                .add("period", "string", false)
                .add("ci_low", "double")
                .add("ci_high", "double"));
    return Tables.conform(
        grid.join(lift, seq("period"), "left").join(intervals, seq("period"), "left"),
        Tables.PERIOD_COMPARISON_SCHEMA);
  }
}
