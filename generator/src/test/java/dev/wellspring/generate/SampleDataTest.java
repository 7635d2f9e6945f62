package dev.wellspring.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample-data/ folder: reproducible, tells its story, carries a few warts. */
class SampleDataTest {
  private static final Path SAMPLE =
      Path.of(System.getProperty("user.dir")).resolve("../sample-data").normalize();
  private static final Set<String> TYPES = Set.of(Generator.TYPES);
  private static final Set<String> OUTCOME_TYPES =
      Set.of("speaking", "readership", "launch", "partners", "publicity", "revenue", "other");

  @Test
  void theCommittedSampleIsExactlyWhatTheReadmeCommandProduces(@TempDir Path tmp) throws Exception {
    Generator.generate(GeneratorSpec.sample(tmp, 3000, 2025));

    Map<String, String> committed = GeneratedFiles.hashes(SAMPLE);
    committed.remove("README.md");
    committed.remove("RUN_DATE");
    assertThat(committed).isEqualTo(GeneratedFiles.hashes(tmp));
  }

  @Test
  void runDateIsTheDayAfterTheYearAndNothingIsDatedAfterIt() throws Exception {
    List<String> lines = Files.readAllLines(SAMPLE.resolve("RUN_DATE"));
    assertThat(lines).containsExactly("2026-01-01");
    var end = LocalDate.parse(lines.get(0)).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (Map<String, String> a : GeneratedFiles.read(SAMPLE, "activities")) {
      if (parses(a.get("occurred_at"))) {
        assertThat(GeneratedFiles.instant(a.get("occurred_at")))
            .as(a.get("activity_id"))
            .isBefore(end);
      }
    }
  }

  @Test
  void aFewWartsForIngestButWellUnderFivePercent() throws Exception {
    assertThat(Files.readAllBytes(SAMPLE.resolve("contacts.csv"))).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(Files.readAllBytes(SAMPLE.resolve("activities.csv"))[0]).isEqualTo((byte) 'a');

    List<Map<String, String>> activities = GeneratedFiles.read(SAMPLE, "activities");
    List<Map<String, String>> outcomes = GeneratedFiles.read(SAMPLE, "outcomes");
    List<String> bad = new ArrayList<>();
    for (Map<String, String> a : activities) {
      if (!parses(a.get("occurred_at"))) {
        bad.add("bad_timestamp " + a.get("occurred_at"));
      } else if (!TYPES.contains(a.get("type"))) {
        bad.add("unknown_enum " + a.get("type"));
      }
    }
    for (Map<String, String> o : outcomes) {
      if (!OUTCOME_TYPES.contains(o.get("type"))) {
        bad.add("unknown_enum " + o.get("type"));
      }
    }
    assertThat(bad)
        .containsExactly(
            "bad_timestamp 14/06/2025 10:00", "unknown_enum coffee chat", "unknown_enum award");
    long rows =
        activities.size()
            + outcomes.size()
            + GeneratedFiles.read(SAMPLE, "contacts").size()
            + GeneratedFiles.read(SAMPLE, "goals").size();
    assertThat((double) bad.size() / rows).isLessThan(0.01);
    assertThat(activities).anySatisfy(a -> assertThat(a.get("notes")).contains(",").contains("\n"));
  }

  @Test
  void theStoryShowsInTheTruth() throws Exception {
    JsonNode truth = new ObjectMapper().readTree(SAMPLE.resolve("generator-truth.json").toFile());
    assertThat(truth.get("expected_rejects").asInt()).isEqualTo(3);
    double maya = valuePerHour(truth.at("/owners/0"));
    double theo = valuePerHour(truth.at("/owners/1"));
    assertThat(truth.at("/owners/0/owner").asText()).isEqualTo("Maya Quillfeather");
    assertThat(truth.at("/owners/1/owner").asText()).isEqualTo("Theo Brindlecombe");
    // The goal-directed author earns clearly more per hour than the networker.
    assertThat(maya).isGreaterThan(1.5 * theo);
    assertThat(truth.get("attributable_lift").asDouble()).isGreaterThan(3.0);
  }

  @Test
  void theosPartnersGoalIsADrought() throws Exception {
    List<Map<String, String>> goals = GeneratedFiles.read(SAMPLE, "goals");
    List<Map<String, String>> activities = new ArrayList<>();
    for (Map<String, String> a : GeneratedFiles.read(SAMPLE, "activities")) {
      if (parses(a.get("occurred_at")) && TYPES.contains(a.get("type"))) {
        activities.add(a);
      }
    }
    ReferenceClassifier ref =
        new ReferenceClassifier(GeneratedFiles.read(SAMPLE, "contacts"), goals, activities);
    double hours = 0;
    for (ReferenceClassifier.Touch t : ref.touches()) {
      if ("theo-partners".equals(t.directedGoal())) {
        hours += t.hours();
      }
    }
    assertThat(hours).isGreaterThanOrEqualTo(10);
    for (Map<String, String> o : GeneratedFiles.read(SAMPLE, "outcomes")) {
      if (o.get("type").equals("partners") && OUTCOME_TYPES.contains(o.get("type"))) {
        assertThat(ref.candidates(o))
            .as(o.get("outcome_id"))
            .noneSatisfy(t -> assertThat(t.directedGoal()).isEqualTo("theo-partners"));
      }
    }
  }

  private static double valuePerHour(JsonNode owner) {
    double value = 0;
    double hours = 0;
    for (JsonNode c : owner.get("classes")) {
      value += c.get("attributable_value").asDouble();
      hours += c.get("hours").asDouble();
    }
    return value / hours;
  }

  private static boolean parses(String ts) {
    try {
      GeneratedFiles.instant(ts);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
