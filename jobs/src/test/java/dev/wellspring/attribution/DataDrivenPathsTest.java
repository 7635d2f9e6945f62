package dev.wellspring.attribution;

import static dev.wellspring.attribution.DataDrivenFixtures.candidates;
import static dev.wellspring.attribution.DataDrivenFixtures.outcome;
import static dev.wellspring.attribution.DataDrivenFixtures.outcomes;
import static dev.wellspring.attribution.DataDrivenFixtures.path;
import static dev.wellspring.attribution.DataDrivenFixtures.touch;
import static dev.wellspring.attribution.DataDrivenFixtures.touchpoints;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class DataDrivenPathsTest {

  private static List<String> ids(Dataset<Row> steps) {
    return steps
        .orderBy("activity_id")
        .select("activity_id")
        .as(org.apache.spark.sql.Encoders.STRING())
        .collectAsList();
  }

  @Test
  void nonConvertingPathStartsStrictlyAfterTheLastOutcomeWithThatContact() {
    Dataset<Row> tps =
        touchpoints(
            touch("a1", "ann", "c1", 5, "x"),
            touch("a2", "ann", "c1", 10, "x"), // at the last outcome: not after it
            touch("a3", "ann", "c1", 12, "x"),
            touch("a4", "ann", "c2", 1, "x"), // no outcome with c2: all of them
            touch("a5", "ann", null, 20, "x"), // no contact: no path
            touch("b1", "bob", "c1", 1, "x")); // ann's outcomes are not bob's
    Dataset<Row> outs = outcomes(outcome("o1", "ann", "c1", 3), outcome("o2", "ann", "c1", 10));
    Dataset<Row> steps = Paths.nonConverting(tps, outs, "channel");
    assertThat(ids(steps)).containsExactly("a3", "a4", "b1");
    assertThat(steps.where(col("converting")).count()).isZero();
  }

  @Test
  void convertingStepsCarryTheOutcomeValue() {
    Dataset<Row> steps = PathArrays.converting(candidates(path("o1", 4.5, "A", "B")), "channel");
    List<Row> rows = steps.orderBy("activity_id").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getAs("path_key").toString()).isEqualTo("o1");
    assertThat((double) rows.get(1).getAs("value")).isEqualTo(4.5);
    assertThat(rows.get(1).getAs("channel").toString()).isEqualTo("B");
  }

  /**
   * The converting paths' transitions and channel-set values computed straight from the candidates
   * (a lag window, a bitmask per outcome) equal those of the path arrays built from the same rows.
   */
  @Test
  void convertingTransitionsAndSetValuesFromCandidatesEqualThoseOfThePathArrays() {
    java.util.Random random = new java.util.Random(11);
    String[] names = {"A", "B", "C", "D"};
    List<List<Row>> paths = new java.util.ArrayList<>();
    for (int o = 0; o < 60; o++) {
      String[] channels = new String[1 + random.nextInt(6)];
      for (int i = 0; i < channels.length; i++) {
        // Repeats on purpose: self-loops must be dropped alike.
        channels[i] = names[random.nextInt(random.nextBoolean() ? 2 : names.length)];
      }
      paths.add(path("o" + o, random.nextInt(100_000) / 100.0, channels));
    }
    @SuppressWarnings("unchecked")
    Dataset<Row> candidates = candidates(paths.toArray(new List[0]));
    org.apache.spark.sql.Column channel = Paths.channelOf("channel");
    Dataset<Row> arrays = PathArrays.paths(PathArrays.converting(candidates, "channel"));

    List<String> fromCandidates =
        rowsOf(
            MarkovTransitions.count(
                MarkovTransitions.transitionsOfCandidates(candidates, channel)));
    List<String> fromArrays = rowsOf(PathArrays.countsOfPaths(arrays));
    assertThat(fromCandidates).isNotEmpty().isEqualTo(fromArrays);
    long conversions =
        fromCandidates.stream()
            .map(r -> r.split(","))
            .filter(f -> f[2].equals("2"))
            .mapToLong(f -> Long.parseLong(f[4]))
            .sum();
    assertThat(conversions).as("one conversion per outcome").isEqualTo(60L);

    List<String> all = List.of(names);
    List<ShapleyPaths.SetValue> bySet =
        ShapleyPaths.valueBySetOfCandidates(candidates, channel, all);
    List<ShapleyPaths.SetValue> byArrays = PathArrays.valueBySetOfPaths(arrays);
    assertThat(bySet).hasSizeGreaterThan(3).isEqualTo(byArrays);
    java.math.BigDecimal total =
        bySet.stream()
            .map(ShapleyPaths.SetValue::value)
            .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    java.math.BigDecimal expected = java.math.BigDecimal.ZERO;
    for (List<Row> p : paths) {
      expected = expected.add(java.math.BigDecimal.valueOf(p.get(0).getDouble(3)));
    }
    assertThat(total).isEqualByComparingTo(expected);
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    ShapleyPaths.valueBySetOfCandidates(
                        candidates, channel, List.of("A", "B", "C"))))
        .as("a channel outside the list is an error, not a silently smaller set")
        .isInstanceOf(IllegalStateException.class);
  }

  /**
   * The non-converting paths' transitions by a window over their steps equal those of the path
   * arrays built from the same steps: random owners, contacts, times (ties broken by id) and
   * channels with repeats, outcomes cutting some paths.
   */
  @Test
  void nonConvertingTransitionsFromStepsEqualThoseOfThePathArrays() {
    java.util.Random random = new java.util.Random(13);
    String[] names = {"A", "B", "C"};
    List<Row> touches = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      touches.add(
          touch(
              "a" + i,
              random.nextBoolean() ? "ann" : "bob",
              "c" + random.nextInt(40),
              random.nextInt(30), // same days on purpose: the id breaks the tie
              names[random.nextInt(names.length)]));
    }
    List<Row> outs = new java.util.ArrayList<>();
    for (int i = 0; i < 25; i++) {
      outs.add(
          outcome(
              "o" + i,
              random.nextBoolean() ? "ann" : "bob",
              "c" + random.nextInt(40),
              random.nextInt(30)));
    }
    Dataset<Row> steps =
        Paths.nonConverting(
            touchpoints(touches.toArray(new Row[0])),
            outcomes(outs.toArray(new Row[0])),
            "channel");

    List<String> fromSteps =
        rowsOf(MarkovTransitions.count(MarkovTransitions.transitionsOfSteps(steps)));
    List<String> fromArrays = rowsOf(PathArrays.countsOfPaths(PathArrays.paths(steps)));
    assertThat(fromSteps).hasSizeGreaterThan(9).isEqualTo(fromArrays);
    long paths = steps.select("path_owner", "path_key").distinct().count();
    long ends =
        fromSteps.stream()
            .map(r -> r.split(","))
            .filter(f -> f[2].equals("3"))
            .mapToLong(f -> Long.parseLong(f[4]))
            .sum();
    assertThat(ends).as("one end per non-converting path").isEqualTo(paths).isGreaterThan(20L);
  }

  private static List<String> rowsOf(Dataset<Row> counts) {
    List<String> out = new java.util.ArrayList<>();
    for (Row r : counts.collectAsList()) {
      out.add(r.get(0) + "," + r.get(1) + "," + r.get(2) + "," + r.get(3) + "," + r.get(4));
    }
    java.util.Collections.sort(out);
    return out;
  }

  @Test
  void channelDimensions() {
    Dataset<Row> tps =
        touchpoints(
            touch("d1", "ann", "c1", 1, " ", "DIRECTED", 1),
            touch("u1", "ann", "c1", 2, "LinkedIn", "UNDIRECTED", 1));
    List<String> byGoal =
        tps.orderBy("activity_id")
            .select(Paths.channelOf("goal_category"))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(byGoal).containsExactly("speaking", "UNDIRECTED");
    List<String> byChannel =
        tps.orderBy("activity_id")
            .select(Paths.channelOf("channel"))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(byChannel).containsExactly("(none)", "LinkedIn");
    List<String> byClass =
        tps.orderBy("activity_id")
            .select(Paths.channelOf("class"))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(byClass).containsExactly("DIRECTED", "UNDIRECTED");
  }
}
