package dev.wellspring.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 done-when: three LinkedIn archives in the layouts LinkedIn shipped from 2022 to 2024
 * (synthetic rows; {@code src/test/resources/linkedin/archives/<year>}) give zero rejected rows,
 * and rows read = accepted + rejected + excluded for every file, with rows read counted by hand.
 *
 * <ul>
 *   <li>2022: {@code Connections.csv} with its "Notes:" preamble and no URL column, {@code
 *       messages.csv} without RECIPIENT PROFILE URLS (a sponsored and a system row), {@code
 *       Invitations.csv} without profile URLs.
 *   <li>2023: Connections with URL, messages with RECIPIENT PROFILE URLS (a group message to two
 *       people, URLs separated by ';'), Invitations with profile URLs, endorsements.
 *   <li>2024, delivered as the zip LinkedIn e-mails: messages with the draft flags and LinkedIn's
 *       coach (rows without a sender, and the owner's questions to it without a recipient), {@code
 *       coach_messages.csv}, recommendations, Profile.csv (not a touch: unrecognised).
 * </ul>
 *
 * Each archive's Invitations.csv repeats one person its Connections.csv lists (Marta, Chen, Priya):
 * that invitation counts once.
 */
@ExtendWith(SparkExtension.class)
class LinkedInArchiveLayoutsTest {
  private static final String RUN_DATE = "2024-12-31";
  private static final String ZIP = "Basic_LinkedInDataExport_12-31-2024.zip";
  private static SparkSession SPARK;

  @BeforeAll
  static void shareSession(SparkSession spark) {
    SPARK = spark;
  }

  @TempDir static Path tmp;
  static Path out;
  static int exit;

  @BeforeAll
  static void ingest() throws IOException {
    Path archives = Path.of("src/test/resources/linkedin/archives");
    Path in = tmp.resolve("in");
    VendorTeamNightlyIT.copyTree(archives.resolve("2022"), in.resolve("2022"));
    VendorTeamNightlyIT.copyTree(archives.resolve("2023"), in.resolve("2023"));
    zip(archives.resolve("2024"), in.resolve(ZIP));
    out = tmp.resolve("out");
    exit =
        Main.run(
            "ingest",
            "--input",
            in.toString(),
            "--output",
            out.toString(),
            "--run-date",
            RUN_DATE,
            "--owner",
            "Alex Rivera",
            "--master",
            "local[2]");
  }

  @Test
  void untouchedArchivesRejectNothingAndEveryRowIsAccountedFor() throws IOException {
    assertThat(exit).isZero();
    JsonNode m = Manifest.JSON.readTree(out.resolve("runs/" + RUN_DATE + ".json").toFile());
    // file -> {rows read, accepted, excluded}, counted by hand from the fixtures.
    Map<String, long[]> expected = new TreeMap<>();
    expected.put("2022/Connections.csv", new long[] {3, 2, 1}); // a hidden member
    expected.put("2022/messages.csv", new long[] {4, 2, 2}); // sponsored, system
    expected.put("2022/Invitations.csv", new long[] {2, 2, 0});
    expected.put("2023/Connections.csv", new long[] {2, 2, 0});
    expected.put("2023/messages.csv", new long[] {3, 3, 0}); // one message spans two lines
    expected.put("2023/Invitations.csv", new long[] {2, 2, 0});
    expected.put("2023/Endorsement_Received_Info.csv", new long[] {1, 1, 0});
    expected.put(ZIP + "/Connections.csv", new long[] {2, 2, 0});
    expected.put(ZIP + "/messages.csv", new long[] {5, 2, 3}); // coach x2, draft
    expected.put(ZIP + "/coach_messages.csv", new long[] {3, 0, 3});
    expected.put(ZIP + "/Invitations.csv", new long[] {2, 2, 0});
    expected.put(ZIP + "/Recommendations_Given.csv", new long[] {1, 1, 0});
    Map<String, long[]> actual = new TreeMap<>();
    for (JsonNode f : m.get("inputs")) {
      long read = f.get("rows_read").asLong();
      long accepted = f.get("rows_accepted").asLong();
      long rejected = f.get("rows_rejected").asLong();
      long excluded = f.get("rows_excluded").asLong();
      assertThat(rejected).as(f.get("file").asText() + " " + f.get("rejected_by_reason")).isZero();
      assertThat(read).as(f.get("file").asText()).isEqualTo(accepted + rejected + excluded);
      actual.put(f.get("file").asText(), new long[] {read, accepted, excluded});
    }
    assertThat(actual).containsOnlyKeys(expected.keySet());
    expected.forEach((file, v) -> assertThat(actual.get(file)).as(file).containsExactly(v));
    assertThat(m.get("unrecognised_files").toString()).isEqualTo("[\"" + ZIP + "/Profile.csv\"]");
    assertThat(excluded(m, ZIP + "/messages.csv"))
        .isEqualTo("{\"draft\":1,\"no_counterpart\":1,\"no_sender\":1}");
    assertThat(excluded(m, ZIP + "/coach_messages.csv"))
        .isEqualTo("{\"no_counterpart\":1,\"no_sender\":2}");
    assertThat(m.get("totals").get("rows_rejected").asLong()).isZero();
  }

  @Test
  void anInvitationInBothFilesCountsOnce() {
    assertThat(exit).isZero();
    Dataset<Row> activities = table("activities");
    // 2022: Marta (both files), Omar, Dana; 2023: Linnéa, Chen (both), Erin; 2024: Priya (both),
    // Jane, Kim.
    assertThat(activities.filter(col("type").equalTo("invitation")).count()).isEqualTo(9);
    // 2022: 2 messages; 2023: 2 plus the group message to two people; 2024: 2.
    assertThat(activities.filter(col("type").equalTo("message")).count()).isEqualTo(8);
    assertThat(activities.count()).isEqualTo(19);
    // 9 invitations x 5 min + 7 messages x 5 + the group message's 5 shared by two + an
    // endorsement (5) + a recommendation (20).
    BigDecimal minutes =
        new BigDecimal(
            activities
                .agg(sum(col("duration_minutes").cast("decimal(20,6)")))
                .first()
                .get(0)
                .toString());
    assertThat(minutes).isEqualByComparingTo("105");
    assertThat(
            activities
                .filter(col("notes").equalTo("Launch"))
                .select(col("duration_minutes"))
                .as(org.apache.spark.sql.Encoders.DOUBLE())
                .collectAsList())
        .containsExactly(2.5, 2.5);
  }

  private static String excluded(JsonNode manifest, String file) {
    for (JsonNode f : manifest.get("inputs")) {
      if (f.get("file").asText().equals(file)) {
        return f.get("excluded_by_reason").toString();
      }
    }
    return null;
  }

  private static void zip(Path folder, Path zip) throws IOException {
    Files.createDirectories(zip.getParent());
    try (OutputStream os = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(os);
        Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
    }
  }

  private static Dataset<Row> table(String name) {
    return SPARK
        .read()
        .parquet(out.resolve("warehouse/" + name + "/run_date=" + RUN_DATE).toString());
  }
}
