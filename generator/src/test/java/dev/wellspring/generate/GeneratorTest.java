package dev.wellspring.generate;

import static dev.wellspring.generate.GeneratedFiles.instant;
import static dev.wellspring.generate.GeneratedFiles.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final LocalDate END = LocalDate.of(2025, 12, 31);

  @TempDir static Path shared;
  private static Path mid;
  private static List<Map<String, String>> contacts;
  private static List<Map<String, String>> activities;
  private static List<Map<String, String>> goals;
  private static List<Map<String, String>> outcomes;
  private static JsonNode truth;

  /** One mid-size run (20,000 activities, 3 owners) that most tests read. */
  @BeforeAll
  static void generateMidSize() throws Exception {
    mid = shared.resolve("mid");
    Generator.generate(GeneratorSpec.scale(mid, 3, 20_000, 11));
    contacts = read(mid, "contacts");
    activities = read(mid, "activities");
    goals = read(mid, "goals");
    outcomes = read(mid, "outcomes");
    truth = new ObjectMapper().readTree(mid.resolve("generator-truth.json").toFile());
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path tmp) throws Exception {
    Generator.generate(GeneratorSpec.scale(tmp.resolve("a"), 2, 5_000, 42));
    Generator.generate(GeneratorSpec.scale(tmp.resolve("b"), 2, 5_000, 42));
    Generator.generate(GeneratorSpec.scale(tmp.resolve("c"), 2, 5_000, 43));

    Map<String, String> a = GeneratedFiles.hashes(tmp.resolve("a"));
    assertThat(a.keySet())
        .containsExactly(
            "activities.csv", "contacts.csv", "generator-truth.json", "goals.csv", "outcomes.csv");
    assertThat(GeneratedFiles.hashes(tmp.resolve("b"))).isEqualTo(a);
    Map<String, String> c = GeneratedFiles.hashes(tmp.resolve("c"));
    assertThat(c.get("activities.csv")).isNotEqualTo(a.get("activities.csv"));
    assertThat(c.get("outcomes.csv")).isNotEqualTo(a.get("outcomes.csv"));
  }

  @Test
  void activitiesAreSplitIntoPartsEachWithTheHeader(@TempDir Path tmp) throws Exception {
    long partSize = 64 * 1024;
    GeneratorSpec spec =
        new GeneratorSpec(
            tmp, GeneratorSpec.Profile.SCALE, 2, 5_000, 250, 3, partSize, START, END, null);
    GenerationResult result = Generator.generate(spec);

    List<GenerationResult.File> parts =
        result.files().stream().filter(f -> f.name().startsWith("activities")).toList();
    assertThat(parts).hasSizeGreaterThan(3);
    assertThat(parts.get(0).name()).isEqualTo("activities.csv");
    assertThat(parts.get(1).name()).isEqualTo("activities-0001.csv");
    assertThat(parts.get(2).name()).isEqualTo("activities-0002.csv");
    String header =
        "activity_id,owner,occurred_at,type,contact_id,duration_minutes,cost,goal_id,context,"
            + "introduced_contact_id,channel,notes";
    long rows = 0;
    for (GenerationResult.File part : parts) {
      Path p = tmp.resolve(part.name());
      assertThat(Files.size(p))
          .as(part.name())
          .isEqualTo(part.bytes())
          .isLessThanOrEqualTo(partSize);
      assertThat(Files.readAllLines(p, StandardCharsets.UTF_8).get(0))
          .as(part.name())
          .isEqualTo(header);
      rows += part.rows();
    }
    assertThat(rows).isEqualTo(5_000);
    List<Map<String, String>> all = read(tmp, "activities");
    assertThat(all).hasSize(5_000);
    // Parts continue one another: ids run 1..n across them.
    assertThat(all.get(0).get("activity_id")).isEqualTo("A0000001");
    assertThat(all.get(4_999).get("activity_id")).isEqualTo("A0005000");
  }

  @Test
  void midSizeRunHasEveryRelationshipCategoryTypeAndContext() {
    assertThat(
            contacts.stream()
                .map(c -> c.get("relationship").isEmpty() ? "other" : c.get("relationship")))
        .containsOnly("customer", "prospect", "partner", "media", "peer", "other")
        .contains("customer", "prospect", "partner", "media", "peer", "other");
    assertThat(contacts.stream().map(c -> c.get("relationship"))).contains("");
    assertThat(goals.stream().map(g -> g.get("category")))
        .contains("speaking", "readership", "launch", "partners", "publicity", "other");
    assertThat(
            goals.stream()
                .filter(g -> !g.get("target_channel").isEmpty())
                .map(g -> g.get("target_channel")))
        .contains("TV");
    assertThat(activities.stream().map(a -> a.get("type")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(List.of(Generator.TYPES));
    assertThat(activities.stream().map(a -> a.get("context")).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("business", "speaking", "");
    assertThat(activities)
        .anySatisfy(a -> assertThat(a.get("introduced_contact_id")).isNotEmpty())
        .anySatisfy(a -> assertThat(a.get("cost")).isNotEmpty())
        .anySatisfy(a -> assertThat(a.get("duration_minutes")).isEmpty())
        .anySatisfy(a -> assertThat(a.get("contact_id")).isEmpty())
        .anySatisfy(a -> assertThat(a.get("notes")).contains(",").contains("\n"))
        .anySatisfy(a -> assertThat(a.get("channel")).isEqualTo("LinkedIn"));
    assertThat(outcomes)
        .anySatisfy(o -> assertThat(o.get("contact_id")).isNotEmpty())
        .anySatisfy(
            o ->
                assertThat(o.get("contact_id") + o.get("goal_id"))
                    .isEqualTo(o.get("goal_id"))
                    .isNotEmpty())
        .anySatisfy(o -> assertThat(o.get("contact_id") + o.get("goal_id")).isEmpty());
    assertThat(truth.at("/outcome_kinds/neither").asLong()).isPositive();
    assertThat(truth.at("/counts/directed_inferred").asLong()).isPositive();
    assertThat(truth.at("/counts/goal_link_invalid").asLong()).isPositive();
  }

  @Test
  void idsAreUniqueAndEveryRowIsValid() {
    assertThat(ids(contacts, "contact_id")).doesNotHaveDuplicates();
    assertThat(ids(activities, "activity_id")).doesNotHaveDuplicates().hasSize(20_000);
    assertThat(ids(goals, "goal_id")).doesNotHaveDuplicates();
    assertThat(ids(outcomes, "outcome_id")).doesNotHaveDuplicates();
    Set<String> contactIds = new HashSet<>(ids(contacts, "contact_id"));
    Set<String> goalIds = new HashSet<>(ids(goals, "goal_id"));
    Instant end = END.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    for (Map<String, String> a : activities) {
      Instant t = instant(a.get("occurred_at"));
      assertThat(t)
          .as(a.get("activity_id"))
          .isBefore(end)
          .isAfterOrEqualTo(START.atStartOfDay().toInstant(ZoneOffset.UTC));
      if (!a.get("contact_id").isEmpty()) {
        assertThat(contactIds).as(a.get("activity_id")).contains(a.get("contact_id"));
      }
      if (!a.get("goal_id").isEmpty()) {
        assertThat(goalIds).as(a.get("activity_id")).contains(a.get("goal_id"));
      }
      if (!a.get("duration_minutes").isEmpty()) {
        assertThat(Integer.parseInt(a.get("duration_minutes"))).isNotNegative();
      }
    }
    for (Map<String, String> g : goals) {
      assertThat(LocalDate.parse(g.get("ends_on")))
          .isAfterOrEqualTo(LocalDate.parse(g.get("starts_on")));
    }
    for (Map<String, String> o : outcomes) {
      assertThat(instant(o.get("occurred_at"))).as(o.get("outcome_id")).isBefore(end);
      assertThat(Double.parseDouble(o.get("value"))).isPositive();
    }
  }

  /**
   * The planted effect, recomputed from the CSV files alone: classify every activity by the
   * DESIGN.md rules, give each outcome to the class of its candidate touchpoints (they must all
   * share one), and compare value per hour with the truth file and the planted rates.
   */
  @Test
  void plantedEffectIsVisibleInTheFilesAndMatchesTheTruth() {
    ReferenceClassifier ref = new ReferenceClassifier(contacts, goals, activities);
    double[] hours = new double[3];
    for (ReferenceClassifier.Touch t : ref.touches()) {
      hours[t.cls()] += t.hours();
    }
    long[] cents = new long[3];
    int unattributed = 0;
    for (Map<String, String> o : outcomes) {
      List<ReferenceClassifier.Touch> cands = ref.candidates(o);
      if (cands.isEmpty()) {
        assertThat(o.get("contact_id") + o.get("goal_id")).as(o.get("outcome_id")).isEmpty();
        unattributed++;
        continue;
      }
      Set<Integer> classes =
          cands.stream().map(ReferenceClassifier.Touch::cls).collect(Collectors.toSet());
      assertThat(classes).as("classes of the candidates of %s", o.get("outcome_id")).hasSize(1);
      cents[classes.iterator().next()] += Math.round(Double.parseDouble(o.get("value")) * 100);
    }
    assertThat(unattributed).isEqualTo(truth.at("/outcome_kinds/neither").asInt()).isPositive();
    String[] names = Truth.CLASSES;
    for (int c = 0; c < 3; c++) {
      JsonNode t = truth.at("/classes/" + names[c]);
      assertThat(hours[c])
          .as(names[c] + " hours")
          .isCloseTo(t.get("hours").asDouble(), within(1e-6));
      assertThat(cents[c] / 100.0)
          .as(names[c] + " value")
          .isCloseTo(t.get("attributable_value").asDouble(), within(1e-6));
    }
    double lift = (cents[0] / hours[0]) / (cents[2] / hours[2]);
    assertThat(lift).isCloseTo(truth.get("attributable_lift").asDouble(), within(1e-9));
    // Planted 48 vs 8 per hour: whatever the draw, directed work must pay clearly better.
    assertThat(lift).isGreaterThan(3.0);
    assertThat(truth.get("realized_lift").asDouble())
        .isCloseTo(truth.get("expected_lift_given_goals").asDouble(), within(1.5));
    // Every class converts per hour roughly as planted (within sampling noise at this size).
    for (int c = 0; c < 3; c++) {
      JsonNode t = truth.at("/classes/" + names[c]);
      assertThat(t.get("value").asDouble())
          .as(names[c] + " drawn vs expected value")
          .isCloseTo(
              t.get("expected_value").asDouble(),
              within(0.25 * t.get("expected_value").asDouble()));
    }
  }

  @Test
  void outcomesFallWithinTheLookbackAfterATouch() {
    ReferenceClassifier ref = new ReferenceClassifier(contacts, goals, activities);
    for (Map<String, String> o : outcomes) {
      if (o.get("contact_id").isEmpty() && o.get("goal_id").isEmpty()) {
        continue;
      }
      Instant at = instant(o.get("occurred_at"));
      assertThat(ref.candidates(o))
          .as(o.get("outcome_id"))
          .isNotEmpty()
          .allSatisfy(
              t ->
                  assertThat(Duration.between(t.at(), at))
                      .isBetween(Duration.ZERO, Duration.ofDays(180)));
    }
  }

  @Test
  void invalidRequestsAreRefusedWithTheBadValue(@TempDir Path tmp) {
    assertThatThrownBy(() -> GeneratorSpec.scale(tmp, 0, 100, 1))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("--owners must be at least 1, got 0");
    assertThatThrownBy(() -> GeneratorSpec.scale(tmp, 5, 4, 1))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("--activities must be at least --owners (5), got 4");
    assertThatThrownBy(
            () ->
                new GeneratorSpec(
                    tmp, GeneratorSpec.Profile.SAMPLE, 4, 100, 100, 1, 4096, START, END, null))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("--owners must be 3 for --profile sample (its story has three people), got 4");
    assertThatThrownBy(
            () ->
                new GeneratorSpec(
                    tmp, GeneratorSpec.Profile.SCALE, 1, 100, 100, 1, 4096, END, START, null))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("--end must not be before --start, got --start 2025-12-31 --end 2025-01-01");
    assertThatThrownBy(
            () ->
                new GeneratorSpec(
                    tmp, GeneratorSpec.Profile.SCALE, 2, 100, 20, 1, 4096, START, END, null))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("--contacts must be at least 12 per owner (24), got 20");
  }

  private static List<String> ids(List<Map<String, String>> rows, String col) {
    List<String> ids = new ArrayList<>();
    for (Map<String, String> r : rows) {
      ids.add(r.get(col));
    }
    return ids;
  }
}
