package dev.wellspring.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An old (2018) and a current (2025) LinkedIn archive next to a canonical contacts.csv, through
 * {@code ingest} then {@code classify}: people resolve to single contacts (canonical ids kept),
 * activities point at resolved contacts, and every vendor file reconciles in the manifest.
 */
@ExtendWith(SparkExtension.class)
class VendorLinkedInIngestTest {
  private static final String RUN_DATE = "2025-01-31";
  private static SparkSession SPARK;

  @BeforeAll
  static void shareSession(SparkSession spark) {
    SPARK = spark;
  }

  @TempDir static Path tmp;
  static Path out;
  static int ingestExit;
  static int classifyExit;

  @BeforeAll
  static void run() throws IOException {
    Path in = tmp.resolve("in");
    VendorTeamNightlyIT.copyTree(Path.of("src/test/resources/linkedin/mixed"), in);
    out = tmp.resolve("out");
    // The fixtures hold 3 bad rows in 27 on purpose (dates such as "31 Feb 2024").
    Path config = tmp.resolve("wellspring.yaml");
    java.nio.file.Files.writeString(config, "reject_max: 0.2\n");
    String[] common = {
      "--config",
      config.toString(),
      "--input",
      in.toString(),
      "--output",
      out.toString(),
      "--run-date",
      RUN_DATE,
      "--owner",
      "Alex Rivera",
      "--master",
      "local[2]"
    };
    ingestExit = Main.run(concat("ingest", common));
    classifyExit = Main.run(concat("classify", common));
  }

  @Test
  void contactsResolveAndActivitiesPointAtThem() {
    assertThat(ingestExit).isZero();
    Dataset<Row> contacts = table("contacts");
    Dataset<Row> activities = table("activities");
    // Jane, Sam (Acme), Sam (Beta), Linnéa, Marta, Priya, Omar from the archives; Kim only in
    // contacts.csv. Tomas's one row has a bad date (31 Feb), so he is not met at all.
    assertThat(contacts.count()).isEqualTo(8);
    assertThat(contacts.filter(col("full_name").equalTo("Sam Lee")).count()).isEqualTo(2);
    // Jane: old connection, current connection, the group message. Sam at Acme: old and current
    // connection, the endorsement given (the draft message to him is excluded).
    assertThat(activities.filter(col("contact_id").equalTo("crm-001")).count()).isEqualTo(3);
    assertThat(activities.filter(col("contact_id").equalTo("crm-002")).count()).isEqualTo(3);
    List<String> dangling =
        activities
            .filter(col("contact_id").isNotNull())
            .join(
                contacts,
                activities.col("contact_id").equalTo(contacts.col("contact_id")),
                "left_anti")
            .select(col("contact_id"))
            .as(Encoders.STRING())
            .collectAsList();
    assertThat(dangling).as("activities whose contact is not a resolved contact").isEmpty();
    assertThat(activities.filter(col("owner").notEqual("Alex Rivera")).count()).isZero();
  }

  @Test
  void classifyReadsTheMergedActivities() {
    assertThat(classifyExit).isZero();
    assertThat(table("touchpoints").count()).isEqualTo(table("activities").count());
  }

  @Test
  void everyVendorFileReconcilesInTheManifest() throws IOException {
    JsonNode m = Manifest.JSON.readTree(out.resolve("runs/" + RUN_DATE + ".json").toFile());
    JsonNode old = null;
    for (JsonNode f : m.get("inputs")) {
      if (f.get("kind").asText().equals("vendor")) {
        assertThat(f.get("rows_read").asLong())
            .as(f.get("file").asText())
            .isEqualTo(
                f.get("rows_mapped").asLong()
                    + f.get("rows_excluded").asLong()
                    + f.get("rows_rejected").asLong());
      }
      if (f.get("file").asText().equals("archive-2018/messages.csv")) {
        old = f;
      }
    }
    // Two messages, a draft (excluded), a message dated "the day after" (rejected).
    assertThat(old.get("adapter").asText()).isEqualTo("linkedin.messages");
    assertThat(old.get("rows_read").asLong()).isEqualTo(4);
    assertThat(old.get("rows_mapped").asLong()).isEqualTo(2);
    assertThat(old.get("rows_excluded").asLong()).isEqualTo(1);
    assertThat(old.get("rejected_by_reason").toString()).isEqualTo("{\"bad_timestamp\":1}");
    assertThat(m.get("unrecognised_files").toString()).isEqualTo("[\"archive-2025/Profile.csv\"]");
  }

  private static Dataset<Row> table(String name) {
    return SPARK
        .read()
        .parquet(out.resolve("warehouse/" + name + "/run_date=" + RUN_DATE).toString());
  }

  private static String[] concat(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
