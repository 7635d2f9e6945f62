package dev.wellspring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes of `wellspring ingest` through the command line, and the manifest it leaves. */
@ExtendWith(SparkExtension.class)
class IngestCliTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 31);

  @TempDir Path tmp;

  @BeforeAll
  static void sharedSession() {
    // The command line reuses this session (Sessions.open uses getOrCreate) and must not stop it.
  }

  private int ingest(Path in, Path out) {
    return Main.run(
        "ingest",
        "--input",
        in.toString(),
        "--output",
        out.toString(),
        "--run-date",
        RUN_DATE.toString(),
        "--master",
        "local[2]",
        "--quiet");
  }

  private static JsonNode manifest(Path out) throws IOException {
    return Manifest.JSON.readTree(new Warehouse(out).manifestFile(RUN_DATE).toFile());
  }

  @Test
  void cleanInputExitsZeroAndTheSharedSessionSurvives() throws IOException {
    Path in = tmp.resolve("in");
    IngestStageTest.write(
        in, "activities.csv", "activity_id,owner,occurred_at,type\na1,ann,2026-03-01,call\n");

    assertThat(ingest(in, tmp.resolve("out"))).isZero();
    assertThat(manifest(tmp.resolve("out")).get("totals").get("rows_accepted").asLong())
        .isEqualTo(1);
    assertThat(SparkExtension.session().range(3).count()).isEqualTo(3);
  }

  @Test
  void missingRequiredColumnExitsTwoWithTheFileAndColumnInTheManifest() throws IOException {
    Path in = tmp.resolve("in");
    IngestStageTest.write(in, "activities.csv", "activity_id,owner,type\na1,ann,call\n");
    Path out = tmp.resolve("out");

    assertThat(ingest(in, out)).isEqualTo(2);
    JsonNode m = manifest(out);
    assertThat(m.get("exit_code").asInt()).isEqualTo(2);
    assertThat(m.get("message").asText())
        .isEqualTo("activities.csv: missing required column occurred_at");
  }

  @Test
  void noActivitiesExitsTwo() throws IOException {
    Path in = tmp.resolve("in");
    IngestStageTest.write(in, "contacts.csv", "contact_id,full_name\nc1,Ann\n");
    Path out = tmp.resolve("out");

    assertThat(ingest(in, out)).isEqualTo(2);
    assertThat(manifest(out).get("message").asText()).startsWith(in + ": no activities");
  }

  @Test
  void tooManyRejectsExitsThreeWithRejectsAndManifestWritten() throws IOException {
    Path in = tmp.resolve("in");
    IngestStageTest.write(
        in,
        "activities.csv",
        "activity_id,owner,occurred_at,type\na1,ann,2026-03-01,call\na2,ann,someday,call\n");
    Path out = tmp.resolve("out");

    assertThat(ingest(in, out)).isEqualTo(3);
    JsonNode m = manifest(out);
    assertThat(m.get("status").asText()).isEqualTo("rejects_above_maximum");
    assertThat(m.get("totals").get("reject_ratio").asDouble()).isEqualTo(0.5);
    assertThat(m.get("inputs").get(0).get("rejected_by_reason").get("bad_timestamp").asLong())
        .isEqualTo(1);
    assertThat(Files.readString(new Warehouse(out).rejectsDir(RUN_DATE).resolve("rejects.csv")))
        .isEqualTo(
            "source_file,line,reason,raw\nactivities.csv,3,bad_timestamp,\"a2,ann,someday,call\"\n");
    assertThat(out.resolve("warehouse")).doesNotExist();
    assertThat(SparkExtension.session().range(2).count()).isEqualTo(2);
  }
}
