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
    Dataset<Row> steps = Paths.converting(candidates(path("o1", 4.5, "A", "B")), "channel");
    List<Row> rows = steps.orderBy("activity_id").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getAs("path_key").toString()).isEqualTo("o1");
    assertThat((double) rows.get(1).getAs("value")).isEqualTo(4.5);
    assertThat(rows.get(1).getAs("channel").toString()).isEqualTo("B");
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
