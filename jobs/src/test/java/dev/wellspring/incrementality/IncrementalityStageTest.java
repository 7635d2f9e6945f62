package dev.wellspring.incrementality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.incrementality.MixModel.PanelRow;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.pipeline.Progress;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.testing.SparkExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Spark step over warehouse tables written to a temp folder: panel, outputs, determinism. */
@ExtendWith(SparkExtension.class)
class IncrementalityStageTest {
  private static final LocalDate DATE = LocalDate.parse("2027-01-01");

  @TempDir Path tmp;

  /**
   * Writes the stage's inputs for a panel: effectiveness (every model, the panel's hours), one
   * outcome per (owner, month) worth the panel's value, plus an outcome in a month without activity
   * (which the panel must leave out), and a lift table with one attribution row.
   */
  private static void writeInputs(Warehouse wh, List<PanelRow> panel, int partitions) {
    SparkSession spark = SparkExtension.session();
    List<Row> eff = new ArrayList<>();
    List<Row> outcomes = new ArrayList<>();
    int id = 0;
    for (PanelRow r : panel) {
      String month = String.format("%04d-%02d", r.month() / 12, r.month() % 12 + 1);
      for (String model : Tables.MODELS) {
        for (int c = 0; c < 3; c++) {
          if (r.hours()[c] == 0) {
            continue;
          }
          double credited = 5 * r.hours()[c];
          eff.add(
              RowFactory.create(
                  r.owner(),
                  MixModel.CLASSES.get(c),
                  month,
                  model,
                  1L,
                  r.hours()[c],
                  0.0,
                  1.0,
                  credited,
                  5.0,
                  1.0 / r.hours()[c]));
        }
      }
      // The month's value in two outcomes, so the panel has to add them up.
      Timestamp at = Timestamp.valueOf(month + "-10 12:00:00");
      outcomes.add(outcome("o" + (++id), r.owner(), at, r.value() * 0.25));
      outcomes.add(outcome("o" + (++id), r.owner(), at, r.value() * 0.75));
    }
    outcomes.add(
        outcome("o" + (++id), panel.get(0).owner(), Timestamp.valueOf("2020-01-10 12:00:00"), 1e6));
    wh.write(
        spark.createDataFrame(eff, Tables.EFFECTIVENESS_SCHEMA).repartition(partitions),
        Tables.EFFECTIVENESS,
        DATE);
    wh.write(
        spark.createDataFrame(outcomes, Tables.OUTCOMES_SCHEMA).repartition(partitions),
        Tables.OUTCOMES,
        DATE);
    wh.write(
        spark.createDataFrame(
            List.of(RowFactory.create("linear", 1.0, 0.5, 2.0, 5.0, 5.0)), Tables.LIFT_SCHEMA),
        Tables.LIFT,
        DATE);
  }

  private static Row outcome(String id, String owner, Timestamp at, double value) {
    return RowFactory.create(
        id, owner, at, "revenue", value, null, null, null, null, "outcomes.csv", 2L);
  }

  private RunContext context(Path out, Manifest manifest) {
    return new RunContext(
        ConfigLoader.defaults(tmp.resolve("in").toString(), out.toString(), DATE),
        new Warehouse(out),
        manifest,
        new Progress(new PrintStream(OutputStream.nullOutputStream()), Progress.Level.QUIET));
  }

  private static String csv(Path out, String name) throws Exception {
    return Files.readString(out.resolve("reports/" + DATE + "/" + name));
  }

  @Test
  void writesTheEstimateAndTheSameBytesWhateverThePartitioning(SparkSession spark)
      throws Exception {
    List<PanelRow> panel = MixModelTest.planted(20, 18, 0.3, 3.0, 5).rows();
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    writeInputs(new Warehouse(a), panel, 1);
    writeInputs(new Warehouse(b), panel, 5);
    Manifest manifest = new Manifest();
    new IncrementalityStage().run(spark, context(a, manifest));
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    try {
      spark.conf().set("spark.sql.shuffle.partitions", "11");
      new IncrementalityStage().run(spark, context(b, new Manifest()));
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
    for (String name : List.of("incrementality.csv", "whatif.csv", "lift.csv")) {
      assertThat(csv(b, name)).as(name).isEqualTo(csv(a, name));
    }

    // The stage's estimate is the model's on the same panel (the outcome of 2020-01, a month
    // without activity, is left out; the two outcomes of a month are added up).
    MixModel.Estimate expected = MixModel.fit(panel, new MixModel.Settings(null, 200, 20260101L));
    List<String> lift = csv(a, "lift.csv").lines().toList();
    assertThat(lift).hasSize(3);
    assertThat(lift.get(0))
        .isEqualTo("model,lift,ci_low,ci_high,directed_value_per_hour,undirected_value_per_hour");
    assertThat(lift.get(1)).startsWith("incremental,");
    assertThat(Double.parseDouble(lift.get(1).split(",")[1]))
        .isCloseTo(expected.lift(), org.assertj.core.data.Offset.offset(1e-9 * expected.lift()));
    assertThat(lift.get(2)).isEqualTo("linear,1,0.5,2,5,5");

    List<String> inc = csv(a, "incrementality.csv").lines().toList();
    assertThat(inc.get(0))
        .isEqualTo(
            "class,hours,incremental_value,incremental_value_per_hour,ci_low,ci_high,attributed_value_per_hour,reason");
    assertThat(inc).hasSize(4);
    // Credited value is 5 per hour in every row of the fixture.
    assertThat(inc.get(1)).startsWith("DIRECTED,").endsWith(",5,");
    assertThat(csv(a, "whatif.csv").lines().count()).isEqualTo(1 + 20 * 4);

    JsonNode d = manifest.root().get("incrementality");
    assertThat(d.get("owner_months").asInt()).isEqualTo(20 * 18);
    assertThat(d.get("carryover_source").asText()).isEqualTo("cross_validation");
    assertThat(d.get("carryover").asDouble()).isEqualTo(expected.carryover());
    assertThat(d.has("out_of_sample_rmse")).isTrue();
    assertThat(d.get("baseline_share_of_value").asDouble()).isBetween(0.0, 1.0);

    // A rerun replaces the incremental row instead of adding a second one.
    new IncrementalityStage().run(spark, context(a, new Manifest()));
    assertThat(csv(a, "lift.csv")).isEqualTo(String.join("\r\n", lift) + "\r\n");
  }

  @Test
  void tooLittleDataWritesEmptyEstimatesWithTheReason() throws Exception {
    List<PanelRow> panel = MixModelTest.handPanel(1).subList(0, 21);
    Path out = tmp.resolve("few");
    writeInputs(new Warehouse(out), panel, 2);
    new IncrementalityStage().run(SparkExtension.session(), context(out, new Manifest()));
    List<String> inc = csv(out, "incrementality.csv").lines().toList();
    // 7 owners x 3 months = 21 owner-months; DIRECTED hours 10 + 0 + 4 per owner.
    assertThat(inc.get(1)).isEqualTo("DIRECTED,98,,,,,5,too_few_owner_months");
    assertThat(csv(out, "lift.csv").lines().toList()).contains("incremental,,,,,");
    assertThat(csv(out, "whatif.csv").lines().count()).isEqualTo(1);
  }
}
