package dev.wellspring.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wellspring.aggregate.Fixtures.Sample;
import dev.wellspring.schema.Tables;
import dev.wellspring.testing.SparkExtension;
import dev.wellspring.vocabulary.TouchClass;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * effectiveness, lift and model_comparison on {@link Sample}. By hand (linear): o1 (1000) and o2
 * (50) split in thirds over a2, a3 (ann, DIRECTED, 2026-02) and a5 (ann, EMBEDDED, 2026-03); o3
 * (200) goes to a4 (UNDIRECTED), o4 (7) to a1 (DIRECTED, Jan), o5 (5000) to b2 (bob, DIRECTED).
 * first_touch gives o1 and o2 wholly to a2. markov credits o5 only; last_touch, time_decay and
 * position_based and shapley credit nothing here.
 */
@ExtendWith(SparkExtension.class)
class EfficiencyTest {
  private static final List<String> MODELS =
      List.of(
          "first_touch",
          "last_touch",
          "linear",
          "markov",
          "position_based",
          "shapley",
          "time_decay");
  private static final double EPS = 1e-9;

  private static Map<String, Row> byKey(Dataset<Row> df, String... keys) {
    Map<String, Row> m = new TreeMap<>();
    for (Row r : df.collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (String key : keys) {
        k.append(k.length() == 0 ? "" : "|").append(r.<Object>getAs(key));
      }
      assertThat(m.put(k.toString(), r)).as("duplicate key %s", k).isNull();
    }
    return m;
  }

  @Test
  void modelsAreAllSevenEvenWhenSomeCreditNothing() {
    assertThat(
            Efficiency.models(SparkExtension.session())
                .orderBy("model")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactlyElementsOf(MODELS);
  }

  @Test
  void effectivenessHasEveryGroupForEveryModelWithHandComputedValues() {
    Dataset<Row> df = Efficiency.effectiveness(Sample.touchpoints(), Sample.credits());
    assertThat(df.schema().simpleString()).isEqualTo(Tables.EFFECTIVENESS_SCHEMA.simpleString());
    Map<String, Row> rows = byKey(df, "owner", "class", "month", "model");
    // 6 (owner, class, month) groups with activities x 7 models, zero-credit rows included.
    assertThat(rows).hasSize(42);

    Row linear = rows.get("ann|DIRECTED|2026-02|linear");
    assertThat(linear.<Long>getAs("activities")).isEqualTo(2L);
    assertThat(linear.<Double>getAs("hours")).isEqualTo(2.0);
    // 0.2 + 0.1 summed as doubles is 0.30000000000000004; the exact sum is 0.3.
    assertThat(linear.<Double>getAs("cost")).isEqualTo(0.3);
    assertThat(linear.<Double>getAs("credited_outcomes")).isCloseTo(4.0 / 3, within(EPS));
    assertThat(linear.<Double>getAs("credited_value")).isCloseTo(700.0, within(EPS));
    assertThat(linear.<Double>getAs("value_per_hour")).isCloseTo(350.0, within(EPS));
    assertThat(linear.<Double>getAs("outcomes_per_hour")).isCloseTo(2.0 / 3, within(EPS));

    assertThat(rows.get("ann|DIRECTED|2026-02|first_touch"))
        .isEqualTo(
            RowFactory.create(
                "ann",
                "DIRECTED",
                "2026-02",
                "first_touch",
                2L,
                2.0,
                0.3,
                2.0,
                1050.0,
                525.0,
                1.0));
    assertThat(rows.get("ann|DIRECTED|2026-02|last_touch"))
        .as("a model that credited nothing gets zeros, and 0 per hour")
        .isEqualTo(
            RowFactory.create(
                "ann", "DIRECTED", "2026-02", "last_touch", 2L, 2.0, 0.3, 0.0, 0.0, 0.0, 0.0));
    assertThat(rows.get("bob|DIRECTED|2026-05|markov"))
        .isEqualTo(
            RowFactory.create(
                "bob", "DIRECTED", "2026-05", "markov", 2L, 12.5, 100.0, 1.0, 5000.0, 400.0, 0.08));
    for (String model : MODELS) {
      assertThat(rows.get("ann|UNDIRECTED|2026-04|" + model))
          .as("a6 took 0 minutes: per-hour figures are undefined under %s", model)
          .isEqualTo(
              RowFactory.create(
                  "ann", "UNDIRECTED", "2026-04", model, 1L, 0.0, 0.0, 0.0, 0.0, null, null));
    }
  }

  @Test
  void everyModelCarriesAllEffortAndExactlyItsCredit() {
    Dataset<Row> touchpoints = Sample.touchpoints();
    Dataset<Row> credits = Sample.credits();
    Row effort =
        touchpoints.agg(Sums.exactSum("hours"), org.apache.spark.sql.functions.count("*")).first();
    Map<String, Row> credit =
        byKey(
            dev.wellspring.attribution.TestAttribution.longForm(credits, Tables.MODELS)
                .groupBy("model")
                .agg(Sums.exactSum("weight").as("w"), Sums.exactSum("credited_value").as("v")),
            "model");
    Map<String, Row> perModel =
        byKey(
            Efficiency.effectiveness(touchpoints, credits)
                .groupBy("model")
                .agg(
                    Sums.exactSum("hours").as("hours"),
                    org.apache.spark.sql.functions.sum("activities").as("activities"),
                    Sums.exactSum("credited_outcomes").as("w"),
                    Sums.exactSum("credited_value").as("v")),
            "model");
    assertThat(perModel.keySet()).containsExactlyElementsOf(MODELS);
    for (String model : MODELS) {
      Row r = perModel.get(model);
      assertThat(r.<Double>getAs("hours"))
          .as("hours under %s", model)
          .isEqualTo(effort.getDouble(0))
          .isCloseTo(25.0 + 7.0 / 12, within(EPS));
      assertThat(r.<Long>getAs("activities")).as("activities under %s", model).isEqualTo(8L);
      double w = credit.containsKey(model) ? credit.get(model).<Double>getAs("w") : 0.0;
      double v = credit.containsKey(model) ? credit.get(model).<Double>getAs("v") : 0.0;
      assertThat(r.<Double>getAs("w"))
          .as("credited outcomes under %s", model)
          .isCloseTo(w, within(EPS));
      assertThat(r.<Double>getAs("v"))
          .as("credited value under %s", model)
          .isCloseTo(v, within(EPS));
    }
  }

  @Test
  void liftPoolsOwnersAndMonthsAndIsEmptyWhenUndirectedEarnsNothing() {
    Dataset<Row> intervals =
        SparkExtension.session()
            .createDataFrame(
                List.of(RowFactory.create("linear", 0.05, 0.2)),
                new org.apache.spark.sql.types.StructType()
                    .add("model", "string", false)
                    .add("ci_low", "double")
                    .add("ci_high", "double"));
    Dataset<Row> df = Efficiency.lift(Sample.touchpoints(), Sample.credits(), intervals);
    assertThat(df.schema().simpleString()).isEqualTo(Tables.LIFT_SCHEMA.simpleString());
    Map<String, Row> rows = byKey(df, "model");
    assertThat(rows.keySet()).containsExactlyElementsOf(MODELS);

    // DIRECTED: 10 + 2 + 12.5 = 24.5 h; UNDIRECTED: 5 min + 0 min = 1/12 h (12 decimals).
    Row linear = rows.get("linear");
    double directed = (7 + 700 + 5000) / 24.5;
    double undirected = 200 * 12.0;
    assertThat(linear.<Double>getAs("directed_value_per_hour")).isCloseTo(directed, within(EPS));
    assertThat(linear.<Double>getAs("undirected_value_per_hour"))
        .isCloseTo(undirected, within(1e-6));
    assertThat(linear.<Double>getAs("lift")).isCloseTo(directed / undirected, within(EPS));
    assertThat(linear.<Double>getAs("ci_low")).isEqualTo(0.05);
    assertThat(linear.<Double>getAs("ci_high")).isEqualTo(0.2);

    assertThat(rows.get("first_touch").<Double>getAs("lift"))
        .isCloseTo((7 + 1050 + 5000) / 24.5 / undirected, within(EPS));
    assertThat(rows.get("first_touch").<Object>getAs("ci_low")).isNull();
    assertThat(rows.get("markov"))
        .as("undirected value per hour 0: lift undefined")
        .isEqualTo(RowFactory.create("markov", null, null, null, 5000 / 24.5, 0.0));
    assertThat(rows.get("last_touch"))
        .isEqualTo(RowFactory.create("last_touch", null, null, null, 0.0, 0.0));
  }

  @Test
  void liftIsEmptyWithoutUndirectedHours() {
    Dataset<Row> noUndirected = Sample.touchpoints().filter("class <> 'UNDIRECTED'");
    Dataset<Row> none =
        SparkExtension.session()
            .createDataFrame(
                List.of(),
                new org.apache.spark.sql.types.StructType()
                    .add("model", "string", false)
                    .add("ci_low", "double")
                    .add("ci_high", "double"));
    Row linear =
        byKey(Efficiency.lift(noUndirected, Sample.credits(), none), "model").get("linear");
    assertThat(linear.<Object>getAs("undirected_value_per_hour")).isNull();
    assertThat(linear.<Object>getAs("lift")).isNull();
    assertThat(linear.<Double>getAs("directed_value_per_hour")).isCloseTo(5707 / 24.5, within(EPS));
  }

  @Test
  void modelComparisonWritesAllThreeClassesForEveryModel() {
    Dataset<Row> df = Efficiency.modelComparison(Sample.touchpoints(), Sample.credits());
    assertThat(df.schema().simpleString()).isEqualTo(Tables.MODEL_COMPARISON_SCHEMA.simpleString());
    Map<String, Row> rows = byKey(df, "model", "class");
    assertThat(rows).hasSize(MODELS.size() * 3);

    double total = 5707 + 350 + 200;
    assertThat(rows.get("linear|DIRECTED").<Double>getAs("credited_value"))
        .isCloseTo(5707, within(EPS));
    assertThat(rows.get("linear|EMBEDDED").<Double>getAs("credited_value"))
        .isCloseTo(350, within(EPS));
    assertThat(rows.get("linear|UNDIRECTED").<Double>getAs("share"))
        .isCloseTo(200 / total, within(EPS));
    assertThat(rows.get("first_touch|EMBEDDED"))
        .isEqualTo(RowFactory.create("first_touch", "EMBEDDED", 0.0, 0.0));
    assertThat(rows.get("markov|DIRECTED"))
        .isEqualTo(RowFactory.create("markov", "DIRECTED", 5000.0, 1.0));
    for (String cls : TouchClass.wireNames()) {
      assertThat(rows.get("time_decay|" + cls))
          .as("nothing credited: share undefined")
          .isEqualTo(RowFactory.create("time_decay", cls, 0.0, null));
    }
    for (String model : List.of("first_touch", "linear", "markov")) {
      double shares =
          TouchClass.wireNames().stream()
              .mapToDouble(c -> rows.get(model + "|" + c).<Double>getAs("share"))
              .sum();
      assertThat(shares).as("shares of %s", model).isCloseTo(1.0, within(EPS));
    }
  }
}
