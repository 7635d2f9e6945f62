package dev.wellspring.endtoend;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.generate.Generator;
import dev.wellspring.generate.GeneratorSpec;
import dev.wellspring.io.Warehouse;
import dev.wellspring.pipeline.Pipeline;
import dev.wellspring.pipeline.Progress;
import dev.wellspring.schema.Tables;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attribution invariants of DESIGN.md on the sample data and on a generated dataset of 100,000
 * activities, through the real stages and Parquet; and the nightly semantics of re-running a date
 * (identical outputs, other dates untouched).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SparkExtension.class)
class PipelineInvariantsIT {
  static final Path REPO = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
  static final LocalDate D1 = LocalDate.parse("2026-01-01");
  static final LocalDate D2 = LocalDate.parse("2026-01-02");
  static final List<String> SPARK_STAGES = List.of("ingest", "classify", "attribute", "aggregate");
  static final List<String> MODELS =
      List.of(
          "first_touch",
          "last_touch",
          "linear",
          "markov",
          "position_based",
          "shapley",
          "time_decay");

  @TempDir static Path tmp;
  SparkSession spark;
  Path sampleOut;
  Path generatedOut;

  @BeforeAll
  void runPipelines(SparkSession session) throws IOException {
    spark = session;
    sampleOut = tmp.resolve("sample");
    assertThat(run(REPO.resolve("sample-data"), sampleOut, D1)).isZero();
    Path gen = tmp.resolve("gen-input");
    Generator.generate(GeneratorSpec.scale(gen, 10, 100_000, 11));
    generatedOut = tmp.resolve("generated");
    assertThat(run(gen, generatedOut, D1)).isZero();
  }

  static int run(Path input, Path output, LocalDate date) {
    WellspringConfig config = ConfigLoader.defaults(input.toString(), output.toString(), date);
    return Pipeline.run(
        config, SPARK_STAGES, new Progress(new PrintStream(System.err), Progress.Level.QUIET));
  }

  Path out(String which) {
    return which.equals("sample") ? sampleOut : generatedOut;
  }

  Dataset<Row> table(String which, String name, org.apache.spark.sql.types.StructType schema) {
    return new Warehouse(out(which)).read(spark, name, schema, D1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample", "generated"})
  void generatedDatasetIsLargeEnough(String which) {
    long activities = table(which, Tables.ACTIVITIES, Tables.ACTIVITIES_SCHEMA).count();
    assertThat(activities).isGreaterThanOrEqualTo(which.equals("sample") ? 2_900 : 100_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample", "generated"})
  void weightsSumToOnePerOutcomeAndModel(String which) {
    Dataset<Row> credits =
        dev.wellspring.attribution.TestAttribution.longForm(
            table(which, Tables.CREDITS, Tables.CREDITS_SCHEMA), Tables.MODELS);
    Dataset<Row> sums = credits.groupBy("outcome_id", "model").agg(sum("weight").as("w"));
    assertThat(sums.filter(abs(col("w").minus(lit(1.0))).gt(1e-9)).count())
        .as("(outcome, model) pairs whose weights do not sum to 1")
        .isZero();
    List<String> models =
        credits
            .select("model")
            .distinct()
            .orderBy("model")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(models).containsExactlyElementsOf(MODELS);
    assertThat(sums.count())
        .isEqualTo(credits.select("outcome_id").distinct().count() * MODELS.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample", "generated"})
  void totalCreditedValueEqualsTotalAttributedValuePerModel(String which) {
    Dataset<Row> credits =
        dev.wellspring.attribution.TestAttribution.longForm(
            table(which, Tables.CREDITS, Tables.CREDITS_SCHEMA), Tables.MODELS);
    Dataset<Row> outcomes = table(which, Tables.OUTCOMES, Tables.OUTCOMES_SCHEMA);
    double attributed =
        outcomes
            .join(credits.select("outcome_id").distinct(), "outcome_id")
            .agg(sum(col("value").cast("decimal(38,12)")))
            .first()
            .getDecimal(0)
            .doubleValue();
    assertThat(attributed).isPositive();
    for (Row r :
        credits
            .groupBy("model")
            .agg(sum(col("credited_value").cast("decimal(38,12)")))
            .collectAsList()) {
      assertThat(r.getDecimal(1).doubleValue())
          .as("credited value under %s", r.getString(0))
          .isCloseTo(attributed, org.assertj.core.data.Offset.offset(1e-6 * attributed));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample", "generated"})
  void everyOutcomeIsAttributedOrUnattributedNeverBoth(String which) {
    Dataset<Row> outcomes =
        table(which, Tables.OUTCOMES, Tables.OUTCOMES_SCHEMA).select("outcome_id");
    Dataset<Row> attributed =
        table(which, Tables.CREDITS, Tables.CREDITS_SCHEMA).select("outcome_id").distinct();
    Dataset<Row> unattributed =
        table(which, Tables.UNATTRIBUTED, Tables.UNATTRIBUTED_SCHEMA).select("outcome_id");
    assertThat(attributed.intersect(unattributed).count())
        .as("both attributed and unattributed")
        .isZero();
    assertThat(outcomes.except(attributed.union(unattributed)).count()).as("neither").isZero();
    assertThat(attributed.union(unattributed).except(outcomes).count())
        .as("unknown outcome ids")
        .isZero();
    assertThat(unattributed.count()).as("the data has unattributed outcomes to check").isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sample", "generated"})
  void hoursInEffectivenessEqualHoursOfAllActivitiesInScope(String which) {
    double minutes =
        table(which, Tables.ACTIVITIES, Tables.ACTIVITIES_SCHEMA)
            .agg(sum(col("duration_minutes").cast("decimal(38,12)")))
            .first()
            .getDecimal(0)
            .doubleValue();
    Dataset<Row> eff = table(which, Tables.EFFECTIVENESS, Tables.EFFECTIVENESS_SCHEMA);
    List<Row> perModel =
        eff.groupBy("model").agg(sum(col("hours").cast("decimal(38,12)"))).collectAsList();
    assertThat(perModel).hasSize(MODELS.size());
    for (Row r : perModel) {
      assertThat(r.getDecimal(1).doubleValue())
          .as("hours under %s", r.getString(0))
          .isCloseTo(minutes / 60, org.assertj.core.data.Offset.offset(1e-6));
    }
  }

  @Test
  void rerunningADateReplacesItIdenticallyAndLeavesOtherDatesAlone() throws IOException {
    Map<String, byte[]> firstD1 = snapshot(sampleOut.resolve("reports").resolve(D1.toString()));
    assertThat(run(REPO.resolve("sample-data"), sampleOut, D2)).isZero();
    Map<String, byte[]> d2 = snapshot(sampleOut.resolve("reports").resolve(D2.toString()));
    Map<String, FileTime> d2Times = times(sampleOut, D2);
    assertThat(run(REPO.resolve("sample-data"), sampleOut, D1)).isZero();
    Map<String, byte[]> secondD1 = snapshot(sampleOut.resolve("reports").resolve(D1.toString()));
    assertThat(secondD1.keySet())
        .isEqualTo(firstD1.keySet())
        .contains("lift.csv", "effectiveness.csv");
    firstD1.forEach(
        (name, bytes) ->
            assertThat(secondD1.get(name)).as("%s after the rerun", name).isEqualTo(bytes));
    Map<String, byte[]> d2After = snapshot(sampleOut.resolve("reports").resolve(D2.toString()));
    d2.forEach(
        (name, bytes) ->
            assertThat(d2After.get(name)).as("other date's %s", name).isEqualTo(bytes));
    assertThat(times(sampleOut, D2))
        .as("no file of the other date was rewritten")
        .isEqualTo(d2Times);
    assertThat(Files.exists(sampleOut.resolve("runs/" + D2 + ".json"))).isTrue();
  }

  private static Map<String, byte[]> snapshot(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
        m.put(p.getFileName().toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  /**
   * Modification times of every file of one run date (warehouse partitions, reports, rejects,
   * manifest).
   */
  private static Map<String, FileTime> times(Path out, LocalDate date) throws IOException {
    Map<String, FileTime> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = out.relativize(p).toString();
        if (rel.contains("run_date=" + date)
            || rel.contains("reports/" + date)
            || rel.equals("runs/" + date + ".json")) {
          m.put(rel, Files.getLastModifiedTime(p));
        }
      }
    }
    assertThat(m).isNotEmpty();
    return m;
  }
}
