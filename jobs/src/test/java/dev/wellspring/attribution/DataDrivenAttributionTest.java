package dev.wellspring.attribution;

import static dev.wellspring.attribution.DataDrivenFixtures.candidates;
import static dev.wellspring.attribution.DataDrivenFixtures.outcome;
import static dev.wellspring.attribution.DataDrivenFixtures.outcomes;
import static dev.wellspring.attribution.DataDrivenFixtures.path;
import static dev.wellspring.attribution.DataDrivenFixtures.touch;
import static dev.wellspring.attribution.DataDrivenFixtures.touchpoints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wellspring.WellspringException;
import dev.wellspring.schema.Tables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DataDrivenAttributionTest {
  private static final double EPS = 1e-12;

  private static Map<String, Row> byModelAndChannel(Dataset<Row> channels) {
    Map<String, Row> m = new TreeMap<>();
    for (Row r : channels.collectAsList()) {
      m.put(r.getString(0) + "/" + r.getString(1), r);
    }
    return m;
  }

  private static Map<String, Row> creditsByKey(Dataset<Row> credits) {
    Map<String, Row> m = new TreeMap<>();
    for (Row r : credits.collectAsList()) {
      m.put(r.getString(2) + "/" + r.getString(1), r);
    }
    return m;
  }

  private static void assertChannel(
      Map<String, Row> rows, String key, double score, double share, double credited) {
    Row r = rows.get(key);
    assertThat(r).as(key).isNotNull();
    assertThat(r.getDouble(2)).as(key + " score").isCloseTo(score, within(EPS));
    assertThat(r.getDouble(3)).as(key + " share").isCloseTo(share, within(EPS));
    assertThat(r.getDouble(4)).as(key + " credited_value").isCloseTo(credited, within(EPS));
  }

  /** Weights sum to 1 and credited values to the outcome value, per outcome and model. */
  private static void assertWeightsSumToOne(Dataset<Row> candidates, Dataset<Row> credits) {
    Map<String, Double> values = new TreeMap<>();
    for (Row c : candidates.collectAsList()) {
      values.put(c.getString(0), c.getDouble(3));
    }
    Map<String, double[]> sums = new TreeMap<>();
    for (Row r : credits.collectAsList()) {
      double[] s = sums.computeIfAbsent(r.getString(0) + "/" + r.getString(2), k -> new double[2]);
      s[0] += r.getDouble(3);
      s[1] += r.getDouble(4);
    }
    assertThat(sums).hasSize(values.size() * 2);
    sums.forEach(
        (key, s) -> {
          assertThat(s[0]).as("weights of " + key).isCloseTo(1.0, within(1e-9));
          double value = values.get(key.substring(0, key.indexOf('/')));
          assertThat(s[1]).as("credited value of " + key).isCloseTo(value, within(1e-9));
        });
  }

  private static Dataset<Row> vignette() {
    return candidates(
        path("o1", 1.0, "A", "B", "A", "B", "B", "A"),
        path("o2", 1.0, "A", "B", "B", "A", "A"),
        path("o3", 1.0, "A", "A"));
  }

  @Test
  void channelAttributionVignetteGivesAtwoAndBone() {
    Dataset<Row> cands = vignette();
    var result = DataDrivenAttribution.attribute(cands, touchpoints(), outcomes(), "channel");
    Map<String, Row> ch = byModelAndChannel(result.channels());
    assertThat(ch).hasSize(4);
    assertChannel(ch, "markov/A", 1.0, 2.0 / 3, 2.0);
    assertChannel(ch, "markov/B", 0.5, 1.0 / 3, 1.0);
    // Sets {A,B} worth 2 (split evenly) and {A} worth 1.
    assertChannel(ch, "shapley/A", 2.0, 2.0 / 3, 2.0);
    assertChannel(ch, "shapley/B", 1.0, 1.0 / 3, 1.0);
    assertThat(result.channels().schema()).isEqualTo(Tables.ATTRIBUTION_CHANNELS_SCHEMA);

    Map<String, Row> credits = creditsByKey(TestAttribution.credits(result));
    assertThat(credits).hasSize(2 * 13);
    // o1 = A,B,A,B,B,A: shares sum to 3 * 2/3 + 3 * 1/3 = 3.
    assertThat(credits.get("markov/o1-t1").getDouble(3)).isCloseTo(2.0 / 9, within(EPS));
    assertThat(credits.get("markov/o1-t2").getDouble(3)).isCloseTo(1.0 / 9, within(EPS));
    assertThat(credits.get("shapley/o3-t2").getDouble(3)).isCloseTo(0.5, within(EPS));
    assertThat(TestAttribution.credits(result).columns())
        .containsExactly("outcome_id", "activity_id", "model", "weight", "credited_value");
    assertWeightsSumToOne(cands, TestAttribution.credits(result));
  }

  /** Converting A>B (value 3) and B (value 6); non-converting A (contact x) and C (contact y). */
  private static DataDrivenAttribution.Result withNonConverting(String... firstPath) {
    Dataset<Row> cands = candidates(path("o1", 3.0, firstPath), path("o2", 6.0, "B"));
    Dataset<Row> tps =
        touchpoints(
            touch("o1-t1", "ann", "c-o1", 1, "A"),
            touch("x1", "ann", "x", 5, "A"),
            touch("y1", "bob", "y", 5, "C"));
    Dataset<Row> outs = outcomes(outcome("o1", "ann", "c-o1", 100));
    return DataDrivenAttribution.attribute(cands, tps, outs, "channel");
  }

  @Test
  void nonConvertingPathsAndAChannelOnlyInThem() {
    var result = withNonConverting("A", "B");
    Map<String, Row> ch = byModelAndChannel(result.channels());
    // Start A 2, B 1, C 1; P_A = 1/2, P_B = 1, P = 1/2. Without A: 1/4. Without B: 0.
    assertChannel(ch, "markov/A", 0.5, 1.0 / 3, 3.0);
    assertChannel(ch, "markov/B", 1.0, 2.0 / 3, 6.0);
    assertChannel(ch, "markov/C", 0.0, 0.0, 0.0);
    // {A,B} worth 3 and {B} worth 6.
    assertChannel(ch, "shapley/A", 1.5, 1.5 / 9, 1.5);
    assertChannel(ch, "shapley/B", 7.5, 7.5 / 9, 7.5);
    assertChannel(ch, "shapley/C", 0.0, 0.0, 0.0);

    Map<String, Row> credits = creditsByKey(TestAttribution.credits(result));
    assertThat(credits.get("markov/o1-t1").getDouble(4)).isCloseTo(1.0, within(EPS));
    assertThat(credits.get("markov/o1-t2").getDouble(4)).isCloseTo(2.0, within(EPS));
    assertThat(credits.get("shapley/o1-t1").getDouble(4)).isCloseTo(0.5, within(EPS));
    assertThat(credits.get("shapley/o1-t2").getDouble(4)).isCloseTo(2.5, within(EPS));
    assertThat(credits.get("shapley/o2-t1").getDouble(3)).isEqualTo(1.0);
  }

  @Test
  void aSelfLoopChangesNoChannelResult() {
    List<Row> plain = withNonConverting("A", "B").channels().collectAsList();
    List<Row> looped = withNonConverting("A", "A", "B").channels().collectAsList();
    assertThat(looped).containsExactlyInAnyOrderElementsOf(plain);
  }

  @Test
  void noConversionGivesZeroScoresNotNaN() {
    Dataset<Row> tps =
        touchpoints(touch("x1", "ann", "x", 1, "A"), touch("x2", "ann", "x", 2, "B"));
    var result = DataDrivenAttribution.attribute(candidates(), tps, outcomes(), "channel");
    List<Row> rows = result.channels().collectAsList();
    assertThat(rows).hasSize(4);
    for (Row r : rows) {
      assertThat(List.of(r.getDouble(2), r.getDouble(3), r.getDouble(4)))
          .as(r.toString())
          .containsOnly(0.0);
    }
    assertThat(TestAttribution.credits(result).count()).isZero();
  }

  @Test
  void noPathsGiveNoRows() {
    var result = DataDrivenAttribution.attribute(candidates(), touchpoints(), outcomes(), "class");
    assertThat(result.channels().count()).isZero();
    assertThat(TestAttribution.credits(result).count()).isZero();
  }

  @Test
  void zeroValuedPathsFallBackToLinearWeights() {
    Dataset<Row> cands = candidates(path("o1", 0.0, "A", "B", "B"), path("o2", 0.0, "B"));
    var result = DataDrivenAttribution.attribute(cands, touchpoints(), outcomes(), "channel");
    Map<String, Row> credits = creditsByKey(TestAttribution.credits(result));
    // Shapley: v is 0 everywhere, every share is 0, so o1's three touches get 1/3 each.
    for (String t : List.of("o1-t1", "o1-t2", "o1-t3")) {
      assertThat(credits.get("shapley/" + t).getDouble(3)).as(t).isCloseTo(1.0 / 3, within(EPS));
      assertThat(credits.get("shapley/" + t).getDouble(4)).as(t).isZero();
    }
    // Markov counts paths whatever their value: A and B both matter, so o1 is not linear.
    assertThat(credits.get("markov/o1-t1").getDouble(3)).isNotCloseTo(1.0 / 3, within(1e-3));
    assertWeightsSumToOne(cands, TestAttribution.credits(result));
  }

  @Test
  void moreThanSixteenChannelsIsAnExitTwoError() {
    String[] channels = new String[17];
    for (int i = 0; i < 17; i++) {
      channels[i] = String.format("ch%02d", i + 1);
    }
    Dataset<Row> cands = candidates(path("o1", 1.0, channels));
    assertThatThrownBy(
            () -> DataDrivenAttribution.attribute(cands, touchpoints(), outcomes(), "channel"))
        .isInstanceOf(WellspringException.class)
        .hasMessage(
            "shapley needs at most 16 channels; the channel dimension 'channel' has 17: "
                + "ch01, ch02, ch03, ch04, ch05, ch06, ch07, ch08, ch09, ch10, ch11, ch12, ch13, "
                + "ch14, ch15, ch16, ch17")
        .extracting(e -> ((WellspringException) e).exitCode())
        .isEqualTo(2);
  }

  @Test
  void unknownDimensionIsAnExitTwoError() {
    assertThatThrownBy(
            () -> DataDrivenAttribution.attribute(vignette(), touchpoints(), outcomes(), "colour"))
        .isInstanceOf(WellspringException.class)
        .hasMessage(
            "channel_dimension must be one of [class, type, channel, goal_category], got 'colour'")
        .extracting(e -> ((WellspringException) e).exitCode())
        .isEqualTo(2);
  }

  /** A few hundred generated outcomes over five channels, with non-converting paths. */
  private static Dataset<Row>[] generated() {
    java.util.Random random = new java.util.Random(3);
    String[] names = {"LinkedIn", "Conf", "Podcast", "Club", ""};
    List<List<Row>> paths = new ArrayList<>();
    List<Row> touches = new ArrayList<>();
    for (int o = 0; o < 300; o++) {
      int n = 1 + random.nextInt(6);
      String[] ch = new String[n];
      for (int i = 0; i < n; i++) {
        ch[i] = names[random.nextInt(names.length)];
      }
      paths.add(path("p" + (o % 7), "o" + o, random.nextInt(1000) / 7.0, ch));
    }
    for (int t = 0; t < 400; t++) {
      touches.add(touch("x" + t, "p" + (t % 7), "k" + (t % 90), t % 50, names[random.nextInt(5)]));
    }
    @SuppressWarnings("unchecked")
    Dataset<Row>[] out =
        new Dataset[] {
          candidates(paths.toArray(List[]::new)), touchpoints(touches.toArray(Row[]::new))
        };
    return out;
  }

  private static List<Row> sorted(Dataset<Row> df) {
    List<Row> rows = new ArrayList<>(df.collectAsList());
    rows.sort(Comparator.comparing(Row::toString));
    return rows;
  }

  @Test
  void deterministicAcrossRunsAndPartitionings() {
    Dataset<Row>[] in = generated();
    Dataset<Row> outs = outcomes(outcome("z", "p1", "k1", 20));
    var one =
        DataDrivenAttribution.attribute(
            in[0].repartition(1), in[1].repartition(1), outs, "channel");
    var three =
        DataDrivenAttribution.attribute(
            in[0].repartition(3), in[1].repartition(3), outs.repartition(3), "channel");
    var again = DataDrivenAttribution.attribute(in[0], in[1], outs, "channel");
    List<Row> channels = one.channels().collectAsList();
    assertThat(channels).hasSize(10);
    assertThat(three.channels().collectAsList()).isEqualTo(channels);
    assertThat(again.channels().collectAsList()).isEqualTo(channels);
    List<Row> credits = sorted(TestAttribution.credits(one));
    assertThat(sorted(TestAttribution.credits(three))).isEqualTo(credits);
    assertThat(sorted(TestAttribution.credits(again))).isEqualTo(credits);
    assertWeightsSumToOne(in[0], TestAttribution.credits(one));
    double total = 0;
    for (Row r : channels) {
      if (r.getString(0).equals("shapley")) {
        total += r.getDouble(4);
      }
    }
    double expected = 0;
    for (Row c : in[0].dropDuplicates("outcome_id").collectAsList()) {
      expected += c.getDouble(3);
    }
    assertThat(total).as("shapley credits sum to v(all)").isCloseTo(expected, within(1e-6));
  }
}
