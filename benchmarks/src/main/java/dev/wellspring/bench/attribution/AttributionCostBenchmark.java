package dev.wellspring.bench.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.attribution.Candidates;
import dev.wellspring.attribution.Credits;
import dev.wellspring.attribution.DataDrivenAttribution;
import dev.wellspring.attribution.TestAttribution;
import dev.wellspring.bench.BenchSpark;
import dev.wellspring.io.Warehouse;
import dev.wellspring.schema.Tables;
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

/**
 * What the data-driven models add to the attribute stage (issue 4), on the touchpoints and outcomes
 * of a real nightly run: the rule-based attribution alone (candidates, the five weights, credits
 * written) against the same plus the data-driven solve and its two weight columns. Run after a
 * nightly on generated data with
 *
 * <pre>
 * BENCH_JAVA_OPTS=-Xmx4g benchmarks/run.sh attribution-cost /tmp/b3/out 2026-01-01
 * </pre>
 *
 * Each variant runs three times, alternating, after one warm-up of each; the medians are printed
 * beside the machine line.
 */
public final class AttributionCostBenchmark {
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
        TestAttribution.candidates(Candidates.select(touchpoints, outcomes, 180))
            .persist(StorageLevel.MEMORY_AND_DISK());
    candidates.count();
    Dataset<Row> weighted = TestAttribution.weights(candidates, HALF_LIFE);
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

  private AttributionCostBenchmark() {}

  /** {@code AttributionCostBenchmark OUTPUT RUN-DATE}: a nightly's output folder and run date. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: AttributionCostBenchmark OUTPUT RUN-DATE (a nightly's output)");
      System.exit(2);
    }
    dataDrivenAddsLessThanTheRuleBasedAttribution(
        BenchSpark.session(), Path.of(args[0]), LocalDate.parse(args[1]));
  }

  static void dataDrivenAddsLessThanTheRuleBasedAttribution(
      SparkSession spark, Path output, LocalDate date) throws Exception {
    Warehouse wh = new Warehouse(output);
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
