package dev.wellspring.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.wellspring.schema.Tables;
import dev.wellspring.testing.SparkExtension;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class LiftIntervalTest {
  private static final Timestamp AT = Timestamp.valueOf("2026-02-01 10:00:00");

  private static Row touch(String id, String owner, String contact, String cls, double hours) {
    return RowFactory.create(
        id,
        owner,
        AT,
        "meeting",
        contact,
        hours * 60,
        hours,
        0.0,
        null,
        null,
        null,
        null,
        "other",
        cls,
        null,
        null,
        null,
        false,
        "2026-02");
  }

  private static Row credit(String activityId, String model, double value) {
    return RowFactory.create("o-" + activityId, activityId, model, 1.0, value);
  }

  private static Dataset<Row> touchpoints(List<Row> rows) {
    return SparkExtension.session().createDataFrame(rows, Tables.TOUCHPOINTS_SCHEMA);
  }

  /**
   * Wide credits from (outcome, activity, model, 1.0, value) rows: each model's column holds the
   * credited value and outcome_value is 1, so weight x outcome_value is that value; the
   * touchpoint's owner, contact and class come from {@code touches}.
   */
  private static Dataset<Row> credits(List<Row> rows, List<Row> touches) {
    List<String> models = rows.stream().map(r -> r.getString(2)).distinct().sorted().toList();
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add("outcome_id", "string")
            .add("activity_id", "string")
            .add("owner", "string")
            .add("contact_id", "string")
            .add("class", "string")
            .add("outcome_value", "double");
    for (String m : models) {
      schema = schema.add(m, "double");
    }
    Map<String, Row> touchById = new TreeMap<>();
    touches.forEach(t -> touchById.put(t.getString(0), t));
    Map<String, Object[]> wide = new TreeMap<>();
    for (Row r : rows) {
      Row t = touchById.get(r.getString(1));
      Object[] v =
          wide.computeIfAbsent(
              r.getString(0) + "|" + r.getString(1),
              k -> {
                Object[] a = new Object[6 + models.size()];
                a[0] = r.getString(0);
                a[1] = r.getString(1);
                a[2] = t.getString(1);
                a[3] = t.getString(4);
                a[4] = t.getString(13);
                a[5] = 1.0;
                for (int i = 0; i < models.size(); i++) {
                  a[6 + i] = 0.0;
                }
                return a;
              });
      v[6 + models.indexOf(r.getString(2))] = r.getDouble(4);
    }
    List<Row> out = wide.values().stream().map(RowFactory::create).toList();
    return SparkExtension.session().createDataFrame(out, schema);
  }

  /** The model columns of a frame made by {@link #credits}. */
  private static List<String> modelsOf(Dataset<Row> credits) {
    return java.util.Arrays.stream(credits.columns()).skip(6).toList();
  }

  private static Dataset<Row> intervals(
      Dataset<Row> touchpoints, Dataset<Row> credits, int n, long seed) {
    return LiftInterval.intervals(touchpoints, credits, modelsOf(credits), n, seed);
  }

  /**
   * 30 directed units of 2 hours worth 8..12 each (about 5 per hour) and 30 undirected units of 2
   * hours worth 1..3 (about 1 per hour), plus an embedded unit that must not count; model "flat"
   * credits undirected work nothing.
   */
  private static Dataset<Row>[] clearExample() {
    List<Row> touches = new ArrayList<>();
    List<Row> credits = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      touches.add(touch("d" + i, "ann", "dc" + i, "DIRECTED", 2));
      touches.add(touch("u" + i, "ann", "uc" + i, "UNDIRECTED", 2));
      credits.add(credit("d" + i, "linear", 8 + (i % 5)));
      credits.add(credit("u" + i, "linear", 1 + (i % 3)));
      credits.add(credit("d" + i, "flat", 8 + (i % 5)));
    }
    touches.add(touch("e1", "ann", "ec", "EMBEDDED", 100));
    credits.add(credit("e1", "linear", 1000));
    touches.add(touch("n1", "ann", null, "UNDIRECTED", 1));
    touches.add(touch("n2", "ann", null, "UNDIRECTED", 1));
    @SuppressWarnings("unchecked")
    Dataset<Row>[] out = new Dataset[] {touchpoints(touches), credits(credits, touches)};
    return out;
  }

  private static Map<String, Row> byModel(Dataset<Row> df) {
    Map<String, Row> m = new TreeMap<>();
    df.collectAsList().forEach(r -> m.put(r.getString(0), r));
    return m;
  }

  @Test
  void intervalContainsThePointLift() {
    Dataset<Row>[] in = clearExample();
    Map<String, Row> rows = byModel(intervals(in[0], in[1], 1000, 20260101L));
    assertThat(rows.keySet()).containsExactly("flat", "linear");
    // Directed: 60 h, 6 x (8+9+10+11+12) = 300. Undirected: 62 h, 10 x (1+2+3) = 60.
    double point = (300.0 / 60) / (60.0 / 62);
    Row linear = rows.get("linear");
    assertThat(linear.getDouble(1)).isLessThan(point).isGreaterThan(3.5);
    assertThat(linear.getDouble(2)).isGreaterThan(point).isLessThan(7.5);
    assertThat(rows.get("flat").isNullAt(1)).as("no undirected value: no interval").isTrue();
    assertThat(rows.get("flat").isNullAt(2)).isTrue();
  }

  @Test
  void deterministicForASeedAndAnyPartitioning() {
    Dataset<Row>[] in = clearExample();
    List<Row> first = intervals(in[0], in[1], 200, 42L).collectAsList();
    List<Row> again =
        intervals(in[0].repartition(3), in[1].repartition(3), 200, 42L).collectAsList();
    assertThat(again).isEqualTo(first);
    List<Row> other = intervals(in[0], in[1], 200, 43L).collectAsList();
    assertThat(other.get(1).getDouble(1)).isNotEqualTo(first.get(1).getDouble(1));
  }

  @Test
  void undirectedZeroEverywhereGivesNullBounds() {
    List<Row> touches =
        List.of(touch("d", "ann", "c", "DIRECTED", 1), touch("u", "ann", "k", "UNDIRECTED", 1));
    List<Row> credits = List.of(credit("d", "linear", 5));
    List<Row> rows =
        intervals(touchpoints(touches), credits(credits, touches), 100, 1L).collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getString(0)).isEqualTo("linear");
    assertThat(rows.get(0).isNullAt(1)).isTrue();
    assertThat(rows.get(0).isNullAt(2)).isTrue();
    assertThat(intervals(touchpoints(touches), credits(List.of(), touches), 100, 1L).count())
        .isZero();
  }

  @Test
  void unitsAreOwnerContactPairsWithContactlessWorkAsOneUnitPerOwner() {
    List<Row> touches =
        List.of(
            touch("a", "ann", "c1", "DIRECTED", 1),
            touch("b", "ann", "c1", "UNDIRECTED", 0.5),
            touch("c", "ann", null, "UNDIRECTED", 2),
            touch("d", "ann", null, "DIRECTED", 0.25),
            touch("e", "bob", "c1", "UNDIRECTED", 1),
            touch("f", "bob", "c2", "EMBEDDED", 3));
    List<Row> credits =
        List.of(
            credit("a", "m1", 4),
            credit("c", "m1", 1.5),
            credit("c", "m2", 0.1),
            credit("f", "m1", 9));
    List<Row> units =
        LiftInterval.unitSummaries(
                touchpoints(touches), credits(credits, touches), List.of("m1", "m2"))
            .drop("unit_hash")
            .orderBy("dh", "uh")
            .collectAsList();
    // Columns dh, uh, dv_m1, uv_m1, dv_m2, uv_m2 in millionths; bob's embedded unit drops out.
    assertThat(units)
        .containsExactly(
            decimals(0L, 1_000_000L, 0L, 0L, 0L, 0L),
            decimals(250_000L, 2_000_000L, 0L, 1_500_000L, 0L, 100_000L),
            decimals(1_000_000L, 500_000L, 4_000_000L, 0L, 0L, 0L));
  }

  private static Row decimals(long... millionths) {
    return RowFactory.create(
        java.util.Arrays.stream(millionths).mapToObj(java.math.BigDecimal::valueOf).toArray());
  }

  @Test
  void bootstrapSumsPastTwoToTheSixtyThreeAreExactNotWrappedAround() {
    // One unit with 4 x 10^18 millionths directed and undirected (4 x 10^12 of value: sums of
    // units at the row limit): k x amount passes 2^63 (9.22 x 10^18) for every k >= 3, which the
    // long arithmetic turned into negative sums (a lift interval with a -9.9e16 bound).
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType().add("unit_hash", "long");
    for (String c : List.of("dh", "uh", "dv_0", "uv_0")) {
      schema = schema.add(c, "decimal(38,0)");
    }
    java.math.BigDecimal big = new java.math.BigDecimal("4000000000000000000");
    java.math.BigDecimal one = java.math.BigDecimal.ONE;
    List<Row> units =
        List.of(
            RowFactory.create(7L, one, one, big, big), RowFactory.create(8L, one, one, big, big));
    int resamples = 40;
    java.math.BigInteger[] sums =
        LiftInterval.bootstrapSums(
            SparkExtension.session().createDataFrame(units, schema), 1, resamples, 5L);
    boolean pastLong = false;
    for (int r = 0; r < resamples; r++) {
      long k = 0;
      for (long hash : new long[] {7L, 8L}) {
        k +=
            LiftInterval.poisson(
                LiftInterval.draw(LiftInterval.mix(hash ^ LiftInterval.mix(5L)), r));
      }
      java.math.BigInteger expected = java.math.BigInteger.valueOf(k).multiply(big.toBigInteger());
      assertThat(sums[r * 4 + 2])
          .as("directed value of resample %s (k = %s)", r, k)
          .isEqualTo(expected);
      assertThat(sums[r * 4])
          .as("directed hours of resample %s", r)
          .isEqualTo(java.math.BigInteger.valueOf(k));
      pastLong |= expected.bitLength() > 63;
    }
    assertThat(pastLong).as("some resample's sum is beyond a long").isTrue();
  }

  @Test
  void poissonDrawsHaveMeanAndZeroShareOfPoissonOne() {
    int n = 200_000;
    long total = 0;
    int zeros = 0;
    long stream = LiftInterval.mix(12345L);
    for (int r = 0; r < n; r++) {
      int k = LiftInterval.poisson(LiftInterval.draw(stream, r));
      total += k;
      zeros += k == 0 ? 1 : 0;
    }
    assertThat((double) total / n).isCloseTo(1.0, within(0.01));
    assertThat((double) zeros / n).isCloseTo(Math.exp(-1), within(0.005));
    assertThat(LiftInterval.poisson(0L)).isZero();
    assertThat(LiftInterval.poisson(-1L)).isEqualTo(18);
  }

  /** The inverse CDF as first written: the top 53 bits as a double in [0, 1) against the CDF. */
  private static int poissonByDouble(long bits) {
    double[] cdf = LiftInterval.poissonCdf();
    double u = (bits >>> 11) * 0x1.0p-53;
    int k = 0;
    while (k < cdf.length - 1 && u >= cdf[k]) {
      k++;
    }
    return k;
  }

  @Test
  void poissonOnIntegerThresholdsEqualsTheDoubleInverseCdf() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    for (int i = 0; i < 200_000; i++) {
      long bits = random.nextLong();
      assertThat(LiftInterval.poisson(bits)).as("bits %x", bits).isEqualTo(poissonByDouble(bits));
    }
    // Either side of every threshold: the top 53 bits m = ceil(cdf[k] x 2^53) + d, d in -2..2.
    double[] cdf = LiftInterval.poissonCdf();
    for (int k = 0; k < cdf.length - 1; k++) {
      long at = (long) Math.ceil(cdf[k] * 0x1.0p53);
      for (long d = -2; d <= 2; d++) {
        long m = Math.min(at + d, (1L << 53) - 1);
        long bits = (m << 11) | 0x7FF;
        assertThat(LiftInterval.poisson(bits))
            .as("k %d, d %d", k, d)
            .isEqualTo(poissonByDouble(bits));
      }
    }
  }

  @Test
  void bootstrapSumsEqualEveryUnitTimesItsDrawAddedUpOneByOne() {
    // Units with zero amounts in different places (touch-only, credit-only, everything, nothing
    // but one model), over three partitions; 2 models, so 6 amounts each.
    java.util.SplittableRandom random = new java.util.SplittableRandom(11);
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType().add("unit_hash", "long");
    for (String c : List.of("dh", "uh", "dv_0", "uv_0", "dv_1", "uv_1")) {
      schema = schema.add(c, "long");
    }
    List<Row> units = new ArrayList<>();
    for (int u = 0; u < 60; u++) {
      Object[] v = new Object[7];
      v[0] = random.nextLong();
      for (int j = 1; j < 7; j++) {
        v[j] = random.nextInt(3) == 0 ? random.nextLong(1, 5_000_000L) : 0L;
      }
      units.add(RowFactory.create(v));
    }
    int resamples = 50;
    long seed = 99L;
    java.math.BigInteger[] sums =
        LiftInterval.bootstrapSums(
            SparkExtension.session().createDataFrame(units, schema).repartition(3),
            2,
            resamples,
            seed);
    long[] expected = new long[resamples * 6];
    for (Row unit : units) {
      long stream = LiftInterval.mix(unit.getLong(0) ^ LiftInterval.mix(seed));
      for (int r = 0; r < resamples; r++) {
        int k = LiftInterval.poisson(LiftInterval.draw(stream, r));
        for (int j = 0; j < 6; j++) {
          expected[r * 6 + j] += k * unit.getLong(1 + j);
        }
      }
    }
    assertThat(sums)
        .containsExactly(
            java.util.Arrays.stream(expected)
                .mapToObj(java.math.BigInteger::valueOf)
                .toArray(java.math.BigInteger[]::new));
    assertThat(java.util.Arrays.stream(expected).filter(x -> x != 0).count()).isGreaterThan(200);
  }

  @Test
  void percentileIsRType7() {
    double[] x = {1, 2, 3, 4};
    // h = 3p: p = 0.5 -> 1.5 -> 2.5; p = 0.025 -> 0.075 -> 1.075; p = 0.975 -> 2.925 -> 3.925.
    assertThat(LiftInterval.percentile(x, 0.5)).isCloseTo(2.5, within(1e-12));
    assertThat(LiftInterval.percentile(x, 0.025)).isCloseTo(1.075, within(1e-12));
    assertThat(LiftInterval.percentile(x, 0.975)).isCloseTo(3.925, within(1e-12));
    assertThat(LiftInterval.percentile(new double[] {7}, 0.975)).isEqualTo(7);
    assertThatThrownBy(() -> LiftInterval.percentile(new double[0], 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentile of no values");
  }

  @Test
  void negativeResamplesAreRejected() {
    Dataset<Row>[] in = clearExample();
    assertThatThrownBy(() -> intervals(in[0], in[1], -1, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resamples must be >= 0, got -1");
  }
}
