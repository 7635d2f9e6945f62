package dev.wellspring.incrementality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.generate.Generator;
import dev.wellspring.generate.GeneratorSpec;
import dev.wellspring.generate.PlantedRates;
import dev.wellspring.io.Manifest;
import dev.wellspring.pipeline.Pipeline;
import dev.wellspring.pipeline.Progress;
import dev.wellspring.testing.SparkExtension;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story end to end: the generator plants outcomes that arrive whatever anyone does
 * (half the value, each linked to a recently touched contact), carry-over, and DIRECTED hours that
 * truly add three times the value of UNDIRECTED ones; the real pipeline (ingest ... aggregate,
 * incrementality) then must put the planted incremental lift inside the incremental interval and
 * the attribution lift outside it.
 */
@ExtendWith(SparkExtension.class)
class PlantedIncrementalityIT {
  private static final LocalDate RUN_DATE = LocalDate.parse("2026-01-01");

  @TempDir Path tmp;

  @Test
  void intervalCoversThePlantedLiftAndLeavesTheAttributionLiftOut() throws Exception {
    Path in = tmp.resolve("in");
    // Many small outcomes (value per hour 24, 16, 8: lift 3) so a month's value is not two
    // lucky draws; months swing the class mix by up to 90%.
    PlantedRates rates = new PlantedRates(new double[] {0.8, 0.64, 0.4}, new double[] {30, 25, 20});
    GeneratorSpec spec =
        new GeneratorSpec(
            in,
            GeneratorSpec.Profile.SCALE,
            60,
            80_000,
            GeneratorSpec.defaultContacts(80_000, 60),
            7,
            GeneratorSpec.DEFAULT_PART_SIZE_BYTES,
            LocalDate.parse("2024-01-01"),
            LocalDate.parse("2025-12-31"),
            rates,
            new GeneratorSpec.Planting(0.5, 0.4, 0.9));
    Generator.generate(spec);
    JsonNode truth = Manifest.JSON.readTree(in.resolve("generator-truth.json").toFile());
    double planted = truth.path("incrementality").path("incremental_lift").asDouble();

    Path out = tmp.resolve("out");
    WellspringConfig config = ConfigLoader.defaults(in.toString(), out.toString(), RUN_DATE);
    int exit =
        Pipeline.run(
            config,
            List.of("ingest", "classify", "attribute", "aggregate", "incrementality"),
            new Progress(new PrintStream(System.err), Progress.Level.QUIET));
    assertThat(exit).isZero();

    Map<String, String[]> lift = new HashMap<>();
    for (String line : Files.readAllLines(out.resolve("reports/" + RUN_DATE + "/lift.csv"))) {
      String[] cells = line.split(",", -1);
      lift.put(cells[0], cells);
    }
    String[] incremental = lift.get("incremental");
    double attribution = Double.parseDouble(lift.get("linear")[1]);
    String story =
        "planted "
            + planted
            + ", incremental "
            + String.join(",", incremental)
            + ", attribution (linear) "
            + attribution;
    System.err.println(story);
    double low = Double.parseDouble(incremental[2]);
    double high =
        incremental[3].isEmpty() ? Double.POSITIVE_INFINITY : Double.parseDouble(incremental[3]);
    // Below the rates' 3: drought goals (their DIRECTED touches never convert) and the outcomes
    // that would land after the period lower what DIRECTED hours cause inside it.
    assertThat(planted).as(story).isBetween(2.0, 3.5);
    assertThat(low <= planted && planted <= high).as(story).isTrue();
    assertThat(attribution < low || attribution > high).as(story).isTrue();
  }
}
