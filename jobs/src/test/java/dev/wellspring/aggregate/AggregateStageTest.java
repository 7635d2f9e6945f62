package dev.wellspring.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.aggregate.Fixtures.Sample;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.pipeline.Progress;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.StageResult;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class AggregateStageTest {
  private static final LocalDate DATE = Sample.RUN_DATE;
  private static final List<String> CSVS =
      List.of(
          "effectiveness.csv",
          "model_comparison.csv",
          "attribution_channels.csv",
          "lift.csv",
          "goal_scorecard.csv",
          "well_building.csv",
          "unattributed.csv",
          "period_comparison.csv",
          "lift_history.csv",
          "follow_up.csv");

  @TempDir Path tmp;

  private RunContext context(Warehouse warehouse, Manifest manifest) {
    return new RunContext(
        ConfigLoader.defaults(tmp.resolve("in").toString(), warehouse.root().toString(), DATE),
        warehouse,
        manifest,
        new Progress(new PrintStream(OutputStream.nullOutputStream()), Progress.Level.QUIET));
  }

  private static void writeInputs(Warehouse warehouse) {
    warehouse.write(Sample.touchpoints(), Tables.TOUCHPOINTS, DATE);
    warehouse.write(Sample.credits(), Tables.CREDITS, DATE);
    warehouse.write(Sample.outcomes(), Tables.OUTCOMES, DATE);
    warehouse.write(Sample.goals(), Tables.GOALS, DATE);
    warehouse.write(
        Fixtures.frame(
            Tables.CONTACTS_SCHEMA,
            List.of(
                RowFactory.create(
                    "c2", "Cy Doe", null, null, null, null, "peer", null, "contacts.csv", 3L))),
        Tables.CONTACTS,
        DATE);
    warehouse.write(
        Fixtures.frame(
            Tables.UNATTRIBUTED_SCHEMA,
            List.of(RowFactory.create("o6", "ann", "speaking", 999.0, "no_contact_or_goal"))),
        Tables.UNATTRIBUTED,
        DATE);
  }

  @Test
  void writesEveryTableAndExportAndARerunGivesTheSameBytes() throws IOException {
    Warehouse warehouse = new Warehouse(tmp.resolve("out"));
    writeInputs(warehouse);
    Manifest manifest = new Manifest();

    StageResult first =
        new AggregateStage().run(SparkExtension.session(), context(warehouse, manifest));

    Path reports = warehouse.reportsDir(DATE);
    // 42 effectiveness (6 groups x 7 models) + 21 model_comparison + 0 channels + 7 lift + 4 goals
    // + 6 well-building + 1 unattributed + 6 period_comparison + 7 lift_history (one run date)
    // + 1 follow_up.
    assertThat(first).isEqualTo(new StageResult(-1, 95));
    assertThat(Files.readAllLines(reports.resolve("effectiveness.csv"))).hasSize(43);
    assertThat(Files.readString(reports.resolve("goal_scorecard.csv")))
        .isEqualTo(
            "goal_id,owner,category,hours,on_target_outcomes,on_target_value,"
                + "serendipitous_outcomes,target_value,drought,title,target_unit,progress,status\r\n"
                + "g1,ann,speaking,2,1,1000,1,3,false,title of g1,outcomes,0.3333333333333333,"
                + "behind\r\n"
                + "g2,ann,publicity,10,0,0,1,,true,title of g2,outcomes,,drought\r\n"
                + "g3,bob,partners,12.5,0,0,1,,false,title of g3,outcomes,,no_target\r\n"
                + "g4,ann,launch,0,0,0,0,5,false,title of g4,outcomes,0,behind\r\n");
    // The 90 days to Jun 30 are Apr 2..Jun 30: only bob's b1 (DIRECTED 12 h, no credit; the
    // credited b2 is 0.5 h) and b2 (0.5 h, o5's 5000 under linear) and ann's a6 (UNDIRECTED, 0 h)
    // fall in it.
    assertThat(Files.readAllLines(reports.resolve("period_comparison.csv")))
        .startsWith(
            "period,start,end,class,hours,credited_value,value_per_hour,lift,ci_low,ci_high",
            "current,2026-04-02,2026-06-30,DIRECTED,12.5,5000,400,,,",
            "current,2026-04-02,2026-06-30,EMBEDDED,0,0,,,,",
            "current,2026-04-02,2026-06-30,UNDIRECTED,0,0,,,,")
        .hasSize(7);
    // g1 is active in the period (g2 ended Mar 31); c2 is on o1's and o2's paths; ann last
    // touched c2 on Mar 1: 31 + 30 + 31 + 29 = 121 days before Jun 30. g3's c9 was touched by bob
    // on May 20, 41 days: not due.
    assertThat(Files.readString(reports.resolve("follow_up.csv")))
        .isEqualTo(
            "owner,goal_id,contact_id,contact_name,last_touch_on,days_since_touch\r\n"
                + "ann,g1,c2,Cy Doe,2026-03-01,121\r\n");
    assertThat(Files.readAllLines(reports.resolve("lift_history.csv")))
        .hasSize(8)
        .contains("2026-06-30,markov,,,");
    assertThat(Files.readString(reports.resolve("unattributed.csv")))
        .isEqualTo(
            "outcome_id,owner,type,value,reason\r\no6,ann,speaking,999,no_contact_or_goal\r\n");
    assertThat(Files.readString(reports.resolve("attribution_channels.csv")))
        .as("no attribution_channels table yet: header alone")
        .isEqualTo("model,channel,score,share,credited_value\r\n");
    assertThat(Files.readAllLines(reports.resolve("lift.csv")))
        .startsWith("model,lift,ci_low,ci_high,directed_value_per_hour,undirected_value_per_hour")
        .contains("last_touch,,,,0,0", "markov,,,,204.08163265306123,0");
    for (String table :
        List.of(
            Tables.EFFECTIVENESS,
            Tables.MODEL_COMPARISON,
            Tables.LIFT,
            Tables.GOAL_SCORECARD,
            Tables.WELL_BUILDING)) {
      assertThat(warehouse.tableDir(table, DATE)).as(table).isDirectory();
    }
    assertThat(
            warehouse
                .read(
                    SparkExtension.session(),
                    Tables.EFFECTIVENESS,
                    Tables.EFFECTIVENESS_SCHEMA,
                    DATE)
                .count())
        .isEqualTo(42);

    List<byte[]> before = new ArrayList<>();
    for (String csv : CSVS) {
      before.add(Files.readAllBytes(reports.resolve(csv)));
    }
    Files.writeString(reports.resolve("effectiveness.pdf"), "%PDF-report");

    new AggregateStage().run(SparkExtension.session(), context(warehouse, manifest));

    for (int i = 0; i < CSVS.size(); i++) {
      assertThat(Files.readAllBytes(reports.resolve(CSVS.get(i))))
          .as(CSVS.get(i))
          .isEqualTo(before.get(i));
    }
    assertThat(Files.readString(reports.resolve("effectiveness.pdf"))).isEqualTo("%PDF-report");
    List<String> outputs = new ArrayList<>();
    manifest.array("outputs").forEach(n -> outputs.add(n.asText()));
    assertThat(outputs)
        .doesNotHaveDuplicates()
        .hasSize(17)
        .contains("warehouse/effectiveness/run_date=2026-06-30", "reports/2026-06-30/lift.csv");
  }

  @Test
  void exportsTheAttributionChannelsTableWhenItExists() throws IOException {
    Warehouse warehouse = new Warehouse(tmp.resolve("out"));
    writeInputs(warehouse);
    warehouse.write(
        Fixtures.frame(
            Tables.ATTRIBUTION_CHANNELS_SCHEMA,
            List.of(
                RowFactory.create("shapley", "UNDIRECTED", 200.0, 0.04, 200.0),
                RowFactory.create("markov", "DIRECTED", 1.0, 1.0, 5000.0))),
        Tables.ATTRIBUTION_CHANNELS,
        DATE);

    new AggregateStage().run(SparkExtension.session(), context(warehouse, new Manifest()));

    assertThat(Files.readString(warehouse.reportsDir(DATE).resolve("attribution_channels.csv")))
        .isEqualTo(
            "model,channel,score,share,credited_value\r\n"
                + "markov,DIRECTED,1,1,5000\r\n"
                + "shapley,UNDIRECTED,200,0.04,200\r\n");
  }

  @Test
  void smallAggregatesAreCachedAsOnePartitionWithTheSameRows() {
    // Three partitions that adaptive execution cannot merge (a user-set count), as the 41 of the
    // 10 M run's shuffle were not.
    var aggregate = Efficiency.effort(Sample.touchpoints()).repartition(3);
    var cached = AggregateStage.cachedSmall(aggregate);
    try {
      assertThat(aggregate.rdd().getNumPartitions()).as("the aggregate before").isGreaterThan(1);
      assertThat(cached.rdd().getNumPartitions()).isEqualTo(1);
      assertThat(cached.storageLevel().useMemory()).isTrue();
      assertThat(cached.collectAsList())
          .containsExactlyInAnyOrderElementsOf(aggregate.collectAsList());
      assertThat(cached.count()).isEqualTo(6);
    } finally {
      cached.unpersist();
    }
  }
}
