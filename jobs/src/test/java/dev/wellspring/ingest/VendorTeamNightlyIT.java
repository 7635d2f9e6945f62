package dev.wellspring.ingest;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import dev.wellspring.pipeline.ReportLauncher;
import dev.wellspring.testing.SparkExtension;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7 done-when: a team folder (HubSpot contacts and meetings of two owners mapped through
 * owner_map, a Google Contacts export, a calendar, a LinkedIn archive read with --owner) runs
 * through {@code nightly} into one set of exports and ONE report, the PDF rendered by the packaged
 * report module. One run, several checks.
 *
 * <p>An integration test (failsafe, {@code mvn verify}): the PDF is rendered in the report JVM,
 * whose classpath is the reports jar and its {@code lib/} folder, which the reactor packages before
 * {@code jobs}. Run alone after {@code mvn -o -q -B -pl reports -DskipTests package}.
 */
@ExtendWith(SparkExtension.class)
class VendorTeamNightlyIT {
  private static final String RUN_DATE = "2026-03-31";
  private static SparkSession SPARK;

  @BeforeAll
  static void shareSession(SparkSession spark) {
    SPARK = spark;
  }

  private static final Path REPORTS_JAR =
      Path.of(System.getProperty("user.dir"))
          .toAbsolutePath()
          .resolveSibling("reports")
          .resolve("target/wellspring-reports.jar");

  @TempDir static Path tmp;
  static Path out;
  static int exit;

  /** Whether the report module was there to render the PDF. */
  static boolean reportModule;

  @BeforeAll
  static void runNightly() throws IOException {
    Path in = tmp.resolve("in");
    copyTree(Path.of("src/test/resources/vendor/team"), in);
    out = tmp.resolve("out");
    Path config = tmp.resolve("wellspring.yaml");
    Files.writeString(
        config,
        "reject_max: 0.25\nowner_map:\n  \"1001\": Alice\n  \"1002\": Bob\n"
            + "  \"alice@team.example\": Alice\n");
    reportModule = Files.isRegularFile(REPORTS_JAR);
    // What run.sh passes as -Dwellspring.reports.classpath; set for this one run only, so no
    // other test in this JVM starts a report JVM by accident.
    String previous = System.getProperty(ReportLauncher.CLASSPATH_PROPERTY);
    if (reportModule) {
      System.setProperty(
          ReportLauncher.CLASSPATH_PROPERTY,
          REPORTS_JAR
              + File.pathSeparator
              + REPORTS_JAR.resolveSibling("lib")
              + File.separator
              + "*");
    }
    try {
      exit =
          Main.run(
              "nightly",
              "--input",
              in.toString(),
              "--output",
              out.toString(),
              "--run-date",
              RUN_DATE,
              "--config",
              config.toString(),
              "--owner",
              "Alex Rivera",
              "--master",
              "local[2]");
    } finally {
      if (previous == null) {
        System.clearProperty(ReportLauncher.CLASSPATH_PROPERTY);
      } else {
        System.setProperty(ReportLauncher.CLASSPATH_PROPERTY, previous);
      }
    }
  }

  @Test
  void rendersOneReportWithEveryOwnerSectionAndTheVendorFilesCounts() throws IOException {
    assertThat(reportModule)
        .as(
            "%s is missing: build the report module first (mvn -o -q -B -pl reports -DskipTests package)",
            REPORTS_JAR)
        .isTrue();
    assertThat(exit).isZero();
    Path pdf = out.resolve("reports/" + RUN_DATE + "/effectiveness.pdf");
    try (Stream<Path> files = Files.list(pdf.getParent())) {
      assertThat(
              files.filter(f -> f.toString().endsWith(".pdf")).map(f -> f.getFileName().toString()))
          .as("one report for the whole team")
          .containsExactly("effectiveness.pdf");
    }
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      text = new PDFTextStripper().getText(doc);
    }
    // Each owner has a page: the two HubSpot owners, the calendar's organizer (Alice again) and
    // the LinkedIn archive's owner.
    assertThat(text).containsPattern("3\\s+owners"); // the header line may wrap
    for (String owner : List.of("Alex Rivera", "Alice", "Bob")) {
      assertThat(text).as("owner %s", owner).containsPattern("(?m)^" + owner + "$");
    }
    // The report's sections (reports: ReportContent.SECTIONS; jobs does not depend on reports).
    for (String section :
        List.of(
            "Summary",
            "Charts",
            "Goal scorecard",
            "Well-building",
            "Per-owner pages",
            "Data-quality appendix")) {
      assertThat(text).as("section %s", section).contains(section);
    }
    // The appendix shows each vendor file's counts as the manifest has them:
    // file, kind, read, accepted, rejected, excluded, future-dated.
    JsonNode m = Manifest.JSON.readTree(out.resolve("runs/" + RUN_DATE + ".json").toFile());
    int vendorFiles = 0;
    for (JsonNode f : m.get("inputs")) {
      if (f.get("kind").asText().equals("vendor")) {
        vendorFiles++;
        String row =
            String.join(
                " ",
                f.get("file").asText(),
                "vendor",
                f.get("rows_read").asText(),
                f.get("rows_accepted").asText(),
                f.get("rows_rejected").asText(),
                f.get("rows_excluded").asText(),
                f.get("rows_ignored_future").asText());
        assertThat(text).as("appendix row of %s", f.get("file").asText()).contains(row);
      }
    }
    assertThat(vendorFiles).isEqualTo(6);
    // Hand-checked against the fixtures: HubSpot meetings 3 read, 2 mapped, 1 bad timestamp;
    // LinkedIn messages: a sponsored message, a system notice and a draft excluded, one bad date;
    // the calendar's cancelled event excluded.
    assertThat(text)
        .contains("crm/hubspot-meetings.csv vendor 3 2 1 0 0")
        .contains("linkedin/messages.csv vendor 7 3 1 3 0")
        .contains("calendar/team.ics vendor 2 1 0 1 0")
        .contains("crm/hubspot-meetings.csv: bad_timestamp 1")
        .contains("linkedin/Connections.csv: bad_timestamp 1");
  }

  @Test
  void runsIntoOneSetOfExportsWithRowsForEveryOwner() throws IOException {
    assertThat(exit).isZero();
    List<String> lines =
        Files.readAllLines(out.resolve("reports/" + RUN_DATE + "/effectiveness.csv"));
    List<String> owners =
        lines.stream()
            .skip(1)
            .map(l -> l.substring(0, l.indexOf(',')))
            .distinct()
            .sorted()
            .toList();
    // HubSpot owner ids 1001 and 1002 mapped; the calendar organizer's e-mail mapped to Alice;
    // the LinkedIn archive belongs to --owner.
    assertThat(owners).containsExactly("Alex Rivera", "Alice", "Bob");
  }

  @Test
  void aPersonInHubSpotGoogleContactsAndACalendarInviteIsOneContact() {
    Dataset<Row> contacts = table("contacts");
    List<Row> priya =
        contacts
            .filter(col("full_name").equalTo("Priya Raman"))
            .select("contact_id", "source")
            .collectAsList();
    assertThat(priya).hasSize(1);
    String id = priya.get(0).getString(0);
    // HubSpot (priority 1) wins the attributes over Google Contacts and the calendar.
    assertThat(priya.get(0).getString(1)).isEqualTo("hubspot");

    List<String> sources =
        table("contact_identities")
            .filter(col("contact_id").equalTo(id))
            .select("source_file")
            .distinct()
            .orderBy("source_file")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(sources)
        .containsExactly(
            // the meeting's email: key is the calendar's too: one e-mail-only record, first file.
            "calendar/team.ics", "crm/google-contacts.csv", "crm/hubspot-contacts.csv");

    List<Row> touches =
        table("activities")
            .filter(col("contact_id").equalTo(id))
            .select(col("owner"), col("type"))
            .orderBy("owner", "type")
            .collectAsList();
    // HubSpot meeting 7001 (owner 1001) and the calendar meeting organised by alice@team.example.
    assertThat(touches)
        .extracting(r -> r.getString(0) + "/" + r.getString(1))
        .containsExactly("Alice/meeting", "Alice/meeting");
  }

  @Test
  void noRawEmailAddressInAnyWarehouseTable() throws IOException {
    try (Stream<Path> tables = Files.list(out.resolve("warehouse"))) {
      for (Path t : tables.toList()) {
        Path dir = t.resolve("run_date=" + RUN_DATE);
        if (!Files.isDirectory(dir)) {
          continue;
        }
        Dataset<Row> df = SPARK.read().parquet(dir.toString());
        for (String c : df.columns()) {
          // Calendar activity ids embed the event UID, which Google writes as <id>@google.com:
          // an event's address, not a person's.
          if (c.equals("activity_id")
              || !df.schema()
                  .apply(c)
                  .dataType()
                  .equals(org.apache.spark.sql.types.DataTypes.StringType)) {
            continue;
          }
          assertThat(
                  df.filter(col(c).rlike("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[a-z]{2,}")).count())
              .as("%s.%s holds an e-mail address", t.getFileName(), c)
              .isZero();
        }
      }
    }
  }

  @Test
  void manifestReconcilesEveryVendorFile() throws IOException {
    JsonNode m = Manifest.JSON.readTree(out.resolve("runs/" + RUN_DATE + ".json").toFile());
    JsonNode meetings = null;
    int vendorFiles = 0;
    for (JsonNode f : m.get("inputs")) {
      if (!f.get("kind").asText().equals("vendor")) {
        continue;
      }
      vendorFiles++;
      assertThat(f.get("rows_read").asLong())
          .as(f.get("file").asText())
          .isEqualTo(
              f.get("rows_mapped").asLong()
                  + f.get("rows_excluded").asLong()
                  + f.get("rows_rejected").asLong());
      if (f.get("file").asText().equals("crm/hubspot-meetings.csv")) {
        meetings = f;
      }
    }
    // Connections, messages, hubspot contacts and meetings, google contacts, the calendar.
    assertThat(vendorFiles).isEqualTo(6);
    assertThat(meetings.get("adapter").asText()).isEqualTo("hubspot.activities");
    assertThat(meetings.get("rows_read").asLong()).isEqualTo(3);
    assertThat(meetings.get("rows_mapped").asLong()).isEqualTo(2);
    assertThat(meetings.get("rejected_by_reason").toString()).isEqualTo("{\"bad_timestamp\":1}");
    assertThat(m.get("unrecognised_files").toString()).isEqualTo("[\"linkedin/Profile.csv\"]");
    List<String> rejects =
        Files.readAllLines(out.resolve("rejects/run_date=" + RUN_DATE + "/rejects.csv"));
    // The LinkedIn fixtures carry one bad date each (31 Feb 2024, "yesterday").
    assertThat(rejects).hasSize(4);
    assertThat(rejects.get(1)).startsWith("crm/hubspot-meetings.csv,4,bad_timestamp,");
    assertThat(rejects.get(2)).startsWith("linkedin/Connections.csv,11,bad_timestamp,");
  }

  private static Dataset<Row> table(String name) {
    return SPARK
        .read()
        .parquet(out.resolve("warehouse/" + name + "/run_date=" + RUN_DATE).toString());
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
