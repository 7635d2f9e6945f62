package dev.wellspring.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's optional planting for the incrementality estimate (docs/incrementality.md). */
class GeneratorPlantingTest {
  @TempDir Path tmp;

  private static GeneratorSpec spec(Path out, GeneratorSpec.Planting planting) {
    return new GeneratorSpec(
        out,
        GeneratorSpec.Profile.SCALE,
        6,
        12_000,
        GeneratorSpec.defaultContacts(12_000, 6),
        3,
        GeneratorSpec.DEFAULT_PART_SIZE_BYTES,
        LocalDate.parse("2024-01-01"),
        LocalDate.parse("2025-12-31"),
        new PlantedRates(new double[] {0.8, 0.64, 0.4}, new double[] {30, 25, 20}),
        planting);
  }

  @Test
  void baselineOutcomesAreTheirShareAndLinkedToRecentlyTouchedContacts() throws Exception {
    Path out = tmp.resolve("planted");
    Generator.generate(spec(out, new GeneratorSpec.Planting(0.5, 0.4, 0.9)));
    JsonNode inc =
        Manifest.JSON.readTree(out.resolve("generator-truth.json").toFile()).get("incrementality");
    double baseline = inc.get("baseline_value").asDouble();
    double caused = 0;
    double plantedCaused = 0;
    for (String c : new String[] {"DIRECTED", "EMBEDDED", "UNDIRECTED"}) {
      plantedCaused += inc.get("classes").get(c).get("incremental_value").asDouble();
    }
    // Every outcome in the file is either caused (the truth's classes) or baseline.
    double fileValue = 0;
    long fileOutcomes = 0;
    try (Reader r = Files.newBufferedReader(out.resolve("outcomes.csv"))) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        fileValue += Double.parseDouble(rec.get("value"));
        fileOutcomes++;
        // Nothing lands after the period.
        assertThat(rec.get("occurred_at").substring(0, 10)).isLessThanOrEqualTo("2025-12-31");
      }
    }
    JsonNode truth = Manifest.JSON.readTree(out.resolve("generator-truth.json").toFile());
    for (String c : new String[] {"DIRECTED", "EMBEDDED", "UNDIRECTED"}) {
      caused += truth.get("classes").get(c).get("value").asDouble();
    }
    assertThat(fileValue)
        .isCloseTo(caused + baseline, org.assertj.core.data.Offset.offset(0.01 * fileOutcomes));
    // Half the value arrives anyway (drawn, so within a few percent).
    assertThat(baseline / (baseline + caused)).isBetween(0.45, 0.55);
    // The drawn caused value is near the expected value the truth plants.
    assertThat(caused / plantedCaused).isBetween(0.95, 1.05);
    assertThat(inc.get("baseline_outcomes_linked_to_a_contact").asLong())
        .isGreaterThan((long) (0.95 * inc.get("baseline_outcomes").asLong()));
    double lift =
        inc.get("classes").get("DIRECTED").get("incremental_value_per_hour").asDouble()
            / inc.get("classes").get("UNDIRECTED").get("incremental_value_per_hour").asDouble();
    assertThat(inc.get("incremental_lift").asDouble())
        .isCloseTo(lift, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void monthSwingMovesTheClassMixFromMonthToMonth() throws Exception {
    Path flat = tmp.resolve("flat");
    Path swung = tmp.resolve("swung");
    Generator.generate(spec(flat, null));
    Generator.generate(spec(swung, new GeneratorSpec.Planting(0, 0, 0.9)));
    // The monthly share of activities with a business/speaking context (EMBEDDED) of one owner
    // varies far more with a 90% swing than from sampling alone (about 2.5 times, seed 3).
    assertThat(spread(swung)).isGreaterThan(1.8 * spread(flat));
  }

  /**
   * Mean over owners of the standard deviation across months of the share of an owner's activities
   * written with a context (only EMBEDDED ones have one).
   */
  private static double spread(Path dir) throws Exception {
    Map<String, Map<YearMonth, int[]>> perOwner = new java.util.TreeMap<>();
    try (Reader r = Files.newBufferedReader(dir.resolve("activities.csv"))) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        int[] n =
            perOwner
                .computeIfAbsent(rec.get("owner"), o -> new HashMap<>())
                .computeIfAbsent(
                    YearMonth.parse(rec.get("occurred_at").substring(0, 7)), m -> new int[2]);
        n[0]++;
        n[1] += rec.get("context").isEmpty() ? 0 : 1;
      }
    }
    double total = 0;
    for (Map<YearMonth, int[]> months : perOwner.values()) {
      double sum = 0;
      double sumSq = 0;
      for (int[] n : months.values()) {
        double share = (double) n[1] / n[0];
        sum += share;
        sumSq += share * share;
      }
      double mean = sum / months.size();
      total += Math.sqrt(sumSq / months.size() - mean * mean);
    }
    return total / perOwner.size();
  }

  @Test
  void withoutPlantingTheTruthHasNoIncrementalityAndFlagsTurnItOn() throws Exception {
    Path plain = tmp.resolve("plain");
    assertThat(Main.run("generate", "--output", plain.toString(), "--activities", "600")).isZero();
    assertThat(
            Manifest.JSON
                .readTree(plain.resolve("generator-truth.json").toFile())
                .has("incrementality"))
        .isFalse();
    Path planted = tmp.resolve("flagged");
    assertThat(
            Main.run(
                "generate",
                "--output",
                planted.toString(),
                "--activities",
                "600",
                "--carryover",
                "0.4"))
        .isZero();
    JsonNode inc =
        Manifest.JSON
            .readTree(planted.resolve("generator-truth.json").toFile())
            .get("incrementality");
    assertThat(inc.get("carryover").asDouble()).isEqualTo(0.4);
    assertThat(inc.get("month_swing").asDouble()).isEqualTo(0.5);
    assertThat(inc.get("baseline_share").asDouble()).isEqualTo(0.0);
  }

  @Test
  void outOfRangePlantingIsRefusedWithTheFlagNamed() {
    assertThatThrownBy(() -> new GeneratorSpec.Planting(0.95, 0, 0))
        .isInstanceOf(GeneratorException.class)
        .hasMessage("--baseline-share must be from 0 to 0.9, got 0.95");
    assertThatThrownBy(() -> new GeneratorSpec.Planting(0, -0.1, 0))
        .hasMessage("--carryover must be from 0 to 0.9, got -0.1");
  }
}
