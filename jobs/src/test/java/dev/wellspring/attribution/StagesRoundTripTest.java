package dev.wellspring.attribution;

import static dev.wellspring.classify.Fixtures.activity;
import static dev.wellspring.classify.Fixtures.byKey;
import static dev.wellspring.classify.Fixtures.contact;
import static dev.wellspring.classify.Fixtures.df;
import static dev.wellspring.classify.Fixtures.goal;
import static dev.wellspring.classify.Fixtures.meeting;
import static dev.wellspring.classify.Fixtures.outcome;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.classify.ClassifyStage;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.pipeline.Progress;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.stage.StageResult;
import dev.wellspring.testing.SparkExtension;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** classify then attribute through real Parquet tables in a temporary output folder. */
@ExtendWith(SparkExtension.class)
class StagesRoundTripTest {
  private static final LocalDate RUN_DATE = LocalDate.parse("2026-06-30");

  @TempDir Path out;

  private RunContext context() {
    return new RunContext(
        ConfigLoader.defaults(out.resolve("in").toString(), out.toString(), RUN_DATE),
        new Warehouse(out),
        new Manifest(),
        new Progress(new PrintStream(OutputStream.nullOutputStream()), Progress.Level.QUIET));
  }

  @Test
  void classifyThenAttributePublishesTheirTables(SparkSession spark) {
    Warehouse wh = new Warehouse(out);
    wh.write(
        df(
            Tables.ACTIVITIES_SCHEMA,
            meeting("a1", "ann", "2026-06-01T10:00:00Z", "c_media"),
            activity(
                "a2", "ann", "2026-06-10T10:00:00Z", "call", "c_media", null, "business", null),
            meeting("a3", "ann", "2026-06-20T10:00:00Z", "c_peer")),
        Tables.ACTIVITIES,
        RUN_DATE);
    wh.write(
        df(Tables.GOALS_SCHEMA, goal("g1", "ann", "publicity", "2026-05-01", "2026-06-30")),
        Tables.GOALS,
        RUN_DATE);
    wh.write(
        df(Tables.CONTACTS_SCHEMA, contact("c_media", "media"), contact("c_peer", "peer")),
        Tables.CONTACTS,
        RUN_DATE);
    wh.write(
        df(
            Tables.OUTCOMES_SCHEMA,
            outcome("o_contact", "ann", "2026-06-15T10:00:00Z", "publicity", 90, "c_media", null),
            outcome("o_goal", "ann", "2026-06-15T10:00:00Z", "publicity", 10, null, "g1"),
            outcome("o_none", "ann", "2026-06-15T10:00:00Z", "other", 1, null, null)),
        Tables.OUTCOMES,
        RUN_DATE);

    StageResult classified = new ClassifyStage().run(spark, context());
    assertThat(classified).isEqualTo(new StageResult(3, 3));
    Map<String, Row> tps =
        byKey(
            wh.read(spark, Tables.TOUCHPOINTS, Tables.TOUCHPOINTS_SCHEMA, RUN_DATE), "activity_id");
    assertThat(tps.get("a1").<String>getAs("class")).isEqualTo("DIRECTED");
    assertThat(tps.get("a2").<String>getAs("class")).isEqualTo("EMBEDDED");
    assertThat(tps.get("a3").<String>getAs("class")).isEqualTo("UNDIRECTED");

    StageResult attributed = new AttributeStage().run(spark, context());
    assertThat(attributed.rowsIn()).isEqualTo(3);
    var wide = wh.read(spark, Tables.CREDITS, Tables.CREDITS_SCHEMA, RUN_DATE);
    var credits = TestAttribution.longForm(wide, Tables.MODELS);
    var ruleBased = credits.where(col("model").isin(RuleModels.MODELS.toArray()));
    // o_contact: a1 and a2 (2 candidates); o_goal: a1 (the only DIRECTED touch) -> 3 x 5 models.
    assertThat(ruleBased.count()).isEqualTo(15);
    assertThat(attributed.rowsOut()).as("one credits row per candidate").isEqualTo(wide.count());
    assertThat(credits.count()).isEqualTo(wide.count() * Tables.MODELS.size());
    Row linearA2 =
        ruleBased
            .where(col("model").equalTo("linear").and(col("outcome_id").equalTo("o_contact")))
            .where(col("activity_id").equalTo("a2"))
            .first();
    assertThat(linearA2.<Double>getAs("weight")).isEqualTo(0.5);
    assertThat(linearA2.<Double>getAs("credited_value")).isEqualTo(45.0);

    var unattributed = wh.read(spark, Tables.UNATTRIBUTED, Tables.UNATTRIBUTED_SCHEMA, RUN_DATE);
    assertThat(unattributed.collectAsList())
        .extracting(Row::toString)
        .containsExactly("[o_none,ann,other,1.0,no_contact_or_goal]");
    assertThat(
            wh.read(
                    spark,
                    Tables.ATTRIBUTION_CHANNELS,
                    Tables.ATTRIBUTION_CHANNELS_SCHEMA,
                    RUN_DATE)
                .schema()
                .fieldNames())
        .containsExactly(Tables.ATTRIBUTION_CHANNELS_SCHEMA.fieldNames());
  }

  @Test
  void attributeBeforeClassifyIsAClearUnusableInputError() {
    assertThatThrownBy(() -> new AttributeStage().run(SparkExtension.session(), context()))
        .isInstanceOf(WellspringException.class)
        .hasMessageStartingWith("table touchpoints for run date 2026-06-30 not found at ")
        .hasMessageEndingWith("(run the earlier stages first, or `nightly`)");
  }
}
