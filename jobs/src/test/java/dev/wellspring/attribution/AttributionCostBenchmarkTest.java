package dev.wellspring.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.io.Warehouse;
import dev.wellspring.schema.Tables;
import dev.wellspring.testing.SharedSpark;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What the data-driven models add to the attribute stage (issue 4), on the touchpoints and outcomes
 * of a real nightly run: the rule-based attribution alone (candidates, the five weights, credits
 * written) against the same plus the data-driven solve and its two weight columns. Off by default;
 * run after a nightly on generated data with
 *
 * <pre>
 * mvn -o -pl jobs test -Dtest=AttributionCostBenchmarkTest -Dwellspring.bench=true \
 *   -Dwellspring.bench.output=/tmp/b3/out -Dwellspring.bench.date=2026-01-01 \
 *   -Dwellspring.test.argLine=-Xmx4g
 * </pre>
 *
 * Each variant runs three times, alternating, after one warm-up of each; the medians are printed
 * beside the machine line.
 */
@EnabledIfSystemProperty(named = "wellspring.bench", matches = "true")
class AttributionCostBenchmarkTest {
  private static final double HALF_LIFE = 30.0;

  private static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(Double::compare);
    return s.get(s.size() / 2);
  }

  /** Seconds for candidates + (optionally the solve) + credits written as Parquet. */
  private static double run(
      Dataset<Row> touchpoints, Dataset<Row> outcomes, boolean dataDriven, Path out) {
    long t0 = System.nanoTime();
    Dataset<Row> candidates =
        Candidates.select(touchpoints, outcomes, 180)
            .candidates()
            .persist(StorageLevel.MEMORY_AND_DISK());
    candidates.count();
    Dataset<Row> weighted = RuleModels.weights(candidates, HALF_LIFE);
    Dataset<Row> table;
    if (dataDriven) {
      DataDrivenAttribution.Result r =
          DataDrivenAttribution.attribute(candidates, touchpoints, outcomes, "class");
      r.channels().collectAsList();
      table = Credits.table(r.withWeights(weighted));
    } else {
      List<String> cols = new ArrayList<>();
      for (var f : Tables.CREDITS_SCHEMA.fields()) {
        if (!f.name().equals("markov") && !f.name().equals("shapley")) {
          cols.add(f.name());
        }
      }
      table = weighted.selectExpr(cols.toArray(String[]::new));
    }
    table.write().mode(SaveMode.Overwrite).parquet(out.toString());
    candidates.unpersist();
    return (System.nanoTime() - t0) / 1e9;
  }

  @Test
  void dataDrivenAddsLessThanTheRuleBasedAttribution() throws Exception {
    SparkSession spark = SharedSpark.session();
    Warehouse wh = new Warehouse(Path.of(System.getProperty("wellspring.bench.output")));
    LocalDate date = LocalDate.parse(System.getProperty("wellspring.bench.date"));
    Dataset<Row> touchpoints = wh.read(spark, Tables.TOUCHPOINTS, Tables.TOUCHPOINTS_SCHEMA, date);
    Dataset<Row> outcomes = wh.read(spark, Tables.OUTCOMES, Tables.OUTCOMES_SCHEMA, date);
    Path out = Files.createTempDirectory("attribution-cost");
    long activities = touchpoints.count();
    run(touchpoints, outcomes, false, out.resolve("warm-rule"));
    run(touchpoints, outcomes, true, out.resolve("warm-all"));
    List<Double> rule = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      rule.add(run(touchpoints, outcomes, false, out.resolve("rule")));
      all.add(run(touchpoints, outcomes, true, out.resolve("all")));
    }
    double r = median(rule);
    double a = median(all);
    System.out.printf(
        "[bench] %s cores, %s, Java %s, max heap %d MB, load %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(
        "[bench] %,d touchpoints: rule-based attribution %.1f s (runs %s); with markov + shapley"
            + " %.1f s (runs %s); data-driven adds %.1f s%n",
        activities, r, rule, a, all, a - r);
    assertThat(a - r).as("data-driven adds less than the rule-based stage").isLessThan(r);
  }
}
