package dev.wellspring.attribution;

import static dev.wellspring.classify.Fixtures.outcome;
import static dev.wellspring.classify.Fixtures.outcomes;
import static dev.wellspring.classify.Fixtures.touch;
import static dev.wellspring.classify.Fixtures.touchpoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wellspring.WellspringException;
import dev.wellspring.schema.TestTables;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class RuleModelsTest {
  private static final Instant OUTCOME_AT = Instant.parse("2026-06-30T12:00:00Z");
  private static final double EPS = 1e-12;

  /** One touch of contact c1, {@code days} days before the outcome. */
  private static Row touchDaysBefore(String id, double days) {
    long seconds = Math.round(days * 86_400);
    return touch(id, "ann", OUTCOME_AT.minusSeconds(seconds).toString(), "c1");
  }

  /**
   * Runs one outcome of value {@code value} over the touches: model -> activity_id -> weight, and
   * checks credited_value = weight * value on the way.
   */
  private static Map<String, Map<String, Double>> weights(
      double value, double halfLife, Row... touches) {
    Dataset<Row> candidates =
        TestAttribution.candidates(
            Candidates.select(
                touchpoints(touches),
                outcomes(outcome("o1", "ann", OUTCOME_AT.toString(), "revenue", value, "c1", null)),
                180));
    Map<String, Map<String, Double>> out = new TreeMap<>();
    for (Row r : TestAttribution.credits(candidates, halfLife).collectAsList()) {
      double w = r.getAs("weight");
      assertThat((Double) r.getAs("credited_value"))
          .as("credited value of %s", r)
          .isCloseTo(w * value, within(1e-9));
      assertThat(
              out.computeIfAbsent(r.getAs("model"), k -> new TreeMap<>())
                  .put(r.getAs("activity_id"), w))
          .as("one row per model and activity: %s", r)
          .isNull();
    }
    assertThat(out.keySet()).containsExactlyInAnyOrderElementsOf(RuleModels.MODELS);
    return out;
  }

  private static void assertWeights(Map<String, Double> actual, Map<String, Double> expected) {
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach(
        (id, w) -> assertThat(actual.get(id)).as("weight of %s", id).isCloseTo(w, within(EPS)));
  }

  @Test
  void aSingleTouchTakesAllTheCreditUnderEveryModel() {
    Map<String, Map<String, Double>> w = weights(250, 30, touchDaysBefore("a1", 40));
    for (String model : RuleModels.MODELS) {
      assertWeights(w.get(model), Map.of("a1", 1.0));
    }
  }

  @Test
  void twoTouches() {
    Map<String, Map<String, Double>> w =
        weights(10, 7, touchDaysBefore("a1", 7), touchDaysBefore("a2", 0));
    assertWeights(w.get("first_touch"), Map.of("a1", 1.0, "a2", 0.0));
    assertWeights(w.get("last_touch"), Map.of("a1", 0.0, "a2", 1.0));
    assertWeights(w.get("linear"), Map.of("a1", 0.5, "a2", 0.5));
    // 2^-1 and 2^0, normalised: 1/3 and 2/3.
    assertWeights(w.get("time_decay"), Map.of("a1", 1.0 / 3, "a2", 2.0 / 3));
    assertWeights(w.get("position_based"), Map.of("a1", 0.5, "a2", 0.5));
  }

  @Test
  void threeTouches() {
    Map<String, Map<String, Double>> w =
        weights(
            3, 10, touchDaysBefore("a1", 20), touchDaysBefore("a2", 10), touchDaysBefore("a3", 0));
    assertWeights(w.get("first_touch"), Map.of("a1", 1.0, "a2", 0.0, "a3", 0.0));
    assertWeights(w.get("last_touch"), Map.of("a1", 0.0, "a2", 0.0, "a3", 1.0));
    assertWeights(w.get("linear"), Map.of("a1", 1.0 / 3, "a2", 1.0 / 3, "a3", 1.0 / 3));
    // 1/4, 1/2, 1 over 7/4.
    assertWeights(w.get("time_decay"), Map.of("a1", 1.0 / 7, "a2", 2.0 / 7, "a3", 4.0 / 7));
    assertWeights(w.get("position_based"), Map.of("a1", 0.4, "a2", 0.2, "a3", 0.4));
  }

  @Test
  void fiveTouches() {
    Map<String, Map<String, Double>> w =
        weights(
            1000,
            1,
            touchDaysBefore("a1", 4),
            touchDaysBefore("a2", 3),
            touchDaysBefore("a3", 2),
            touchDaysBefore("a4", 1),
            touchDaysBefore("a5", 0));
    assertWeights(
        w.get("first_touch"), Map.of("a1", 1.0, "a2", 0.0, "a3", 0.0, "a4", 0.0, "a5", 0.0));
    assertWeights(
        w.get("last_touch"), Map.of("a1", 0.0, "a2", 0.0, "a3", 0.0, "a4", 0.0, "a5", 1.0));
    assertWeights(w.get("linear"), Map.of("a1", 0.2, "a2", 0.2, "a3", 0.2, "a4", 0.2, "a5", 0.2));
    // 1, 2, 4, 8, 16 over 31.
    assertWeights(
        w.get("time_decay"),
        Map.of("a1", 1 / 31.0, "a2", 2 / 31.0, "a3", 4 / 31.0, "a4", 8 / 31.0, "a5", 16 / 31.0));
    assertWeights(
        w.get("position_based"),
        Map.of("a1", 0.4, "a2", 0.2 / 3, "a3", 0.2 / 3, "a4", 0.2 / 3, "a5", 0.4));
  }

  @Test
  void thePublishedTimeDecayExample() {
    Map<String, Double> w =
        weights(
                1,
                7,
                touchDaysBefore("a1", 9),
                touchDaysBefore("a2", 6),
                touchDaysBefore("a3", 0),
                touchDaysBefore("a4", 0))
            .get("time_decay");
    assertThat(w.get("a3")).isCloseTo(0.3376, within(0.00005));
    assertThat(w.get("a4")).isCloseTo(0.3376, within(0.00005));
    assertThat(w.get("a2")).isCloseTo(0.1864, within(0.00005));
    assertThat(w.get("a1")).isCloseTo(0.1385, within(0.00005));
  }

  @Test
  void equalTimestampsBreakTiesOnActivityId() {
    String at = "2026-06-20T12:00:00Z";
    Map<String, Map<String, Double>> w =
        weights(
            1,
            30,
            touch("b", "ann", at, "c1"),
            touch("a", "ann", at, "c1"),
            touch("c", "ann", at, "c1"));
    assertWeights(w.get("first_touch"), Map.of("a", 1.0, "b", 0.0, "c", 0.0));
    assertWeights(w.get("last_touch"), Map.of("a", 0.0, "b", 0.0, "c", 1.0));
    assertWeights(w.get("position_based"), Map.of("a", 0.4, "b", 0.2, "c", 0.4));
    assertWeights(w.get("time_decay"), Map.of("a", 1.0 / 3, "b", 1.0 / 3, "c", 1.0 / 3));
  }

  @Test
  void distantTouchesWithAShortHalfLifeDoNotUnderflow() {
    Map<String, Double> w =
        weights(1, 0.5, touchDaysBefore("a1", 179), touchDaysBefore("a2", 178)).get("time_decay");
    // 2^-358 and 2^-356 are tiny, but their ratio is 1:4.
    assertWeights(w, Map.of("a1", 0.2, "a2", 0.8));
  }

  @Test
  void aZeroValueOutcomeGetsWeightsButNoValue() {
    Map<String, Map<String, Double>> w =
        weights(0, 30, touchDaysBefore("a1", 2), touchDaysBefore("a2", 1));
    assertWeights(w.get("linear"), Map.of("a1", 0.5, "a2", 0.5));
  }

  @Test
  void writesTheCreditsSchema() {
    Dataset<Row> candidates =
        TestAttribution.candidates(
            Candidates.select(
                touchpoints(touchDaysBefore("a1", 1)),
                outcomes(outcome("o1", "ann", OUTCOME_AT.toString(), "revenue", 1, "c1", null)),
                180));
    assertThat(
            Arrays.stream(TestAttribution.credits(candidates, 30).schema().fields())
                .map(f -> f.name() + ":" + f.dataType()))
        .containsExactlyElementsOf(
            Arrays.stream(TestTables.CREDITS_LONG_SCHEMA.fields())
                .map((StructField f) -> f.name() + ":" + f.dataType())
                .toList());
  }

  @Test
  void aNonPositiveHalfLifeIsRefused() {
    Dataset<Row> candidates =
        TestAttribution.candidates(
            Candidates.select(
                touchpoints(touchDaysBefore("a1", 1)),
                outcomes(outcome("o1", "ann", OUTCOME_AT.toString(), "revenue", 1, "c1", null)),
                180));
    assertThatThrownBy(() -> TestAttribution.credits(candidates, 0))
        .isInstanceOf(WellspringException.class)
        .hasMessage("half_life_days must be a positive number, got 0.0");
  }
}
