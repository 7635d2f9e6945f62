package dev.wellspring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.pipeline.Progress;
import dev.wellspring.schema.Tables;
import dev.wellspring.stage.RunContext;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: owners given as e-mail addresses, and goals.csv's target_unit, through ingest. */
@ExtendWith(SparkExtension.class)
class IngestOwnersAndUnitsTest {
  private final SparkSession spark;

  IngestOwnersAndUnitsTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void ownerAddressesBecomeNamesWhileContactsStayMaskedAndTargetUnitsAreRead(@TempDir Path tmp)
      throws IOException {
    Path in = tmp.resolve("in");
    Path out = tmp.resolve("out");
    IngestStageTest.write(
        in,
        "activities.csv",
        "activity_id,owner,occurred_at,type,contact_id,notes\n"
            + "a1,Ann.Lee@Team.Example,2026-03-01,call,zed@example.org,mail zed@example.org\n"
            + "a2,theo@team.example,2026-03-02,call,,\n"
            + "a3,Maya Quillfeather,2026-03-03,call,,\n");
    IngestStageTest.write(
        in,
        "goals.csv",
        "goal_id,owner,category,starts_on,ends_on,target_value,target_unit\n"
            + "g1,ann.lee@team.example,speaking,2026-01-01,2026-06-30,3,\n" // 2 default outcomes
            + "g2,theo@team.example,readership,2026-01-01,2026-06-30,5000, Value \n" // 3 value
            + "g3,Maya Quillfeather,launch,2026-01-01,2026-06-30,5,OUTCOMES\n" // 4 outcomes
            + "g4,Maya Quillfeather,launch,2026-01-01,2026-06-30,5,points\n"); // 5 unknown_enum
    IngestStageTest.write(
        in,
        "outcomes.csv",
        "outcome_id,owner,occurred_at,type\n" + "o1,theo@team.example,2026-03-05,speaking\n");
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("input", in.toString());
    flags.put("output", out.toString());
    flags.put("run_date", IngestStageTest.RUN_DATE.toString());
    flags.put("reject_max", "0.5");
    flags.put("owner_map.ann.lee@team.example", "Ann Lee");
    WellspringConfig config = ConfigLoader.load(null, flags);
    new IngestStage()
        .run(
            spark,
            new RunContext(
                config,
                new Warehouse(out),
                new Manifest(),
                new Progress(System.err, Progress.Level.QUIET)));
    Warehouse wh = new Warehouse(out);

    List<Row> activities =
        wh.read(spark, Tables.ACTIVITIES, Tables.ACTIVITIES_SCHEMA, IngestStageTest.RUN_DATE)
            .orderBy("activity_id")
            .collectAsList();
    assertThat(activities)
        .extracting(r -> r.getString(0), r -> r.getString(1))
        .containsExactly(
            tuple("a1", "Ann Lee"), tuple("a2", "theo"), tuple("a3", "Maya Quillfeather"));
    // A contact's address is still a keyed tag, in ids and in text alike.
    Row a1 = activities.get(0);
    assertThat(a1.getString(4)).matches("<email:[0-9a-f]{16}>");
    assertThat(a1.getString(11)).isEqualTo("mail " + a1.getString(4));

    List<Row> goals =
        wh.read(spark, Tables.GOALS, Tables.GOALS_SCHEMA, IngestStageTest.RUN_DATE)
            .orderBy("goal_id")
            .collectAsList();
    assertThat(goals)
        .extracting(r -> r.getString(0), r -> r.getString(1), r -> r.getAs("target_unit"))
        .containsExactly(
            tuple("g1", "Ann Lee", "outcomes"),
            tuple("g2", "theo", "value"),
            tuple("g3", "Maya Quillfeather", "outcomes"));
    assertThat(
            wh.read(spark, Tables.OUTCOMES, Tables.OUTCOMES_SCHEMA, IngestStageTest.RUN_DATE)
                .select("owner")
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList())
        .containsExactly("theo");
    List<CSVRecord> rejects = IngestStageTest.rejects(out);
    assertThat(rejects)
        .extracting(r -> r.get("source_file"), r -> r.get("line"), r -> r.get("reason"))
        .containsExactly(tuple("goals.csv", "5", "unknown_enum"));
  }
}
