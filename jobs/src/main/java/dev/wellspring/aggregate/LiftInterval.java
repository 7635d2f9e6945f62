package dev.wellspring.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import dev.wellspring.vocabulary.TouchClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The 95% percentile bootstrap interval of the DIRECTED / UNDIRECTED value-per-hour lift per model,
 * resampling (owner, contact) units (DESIGN.md "Aggregates").
 *
 * <p>Method, precisely:
 *
 * <ul>
 *   <li>Units: (owner, contact_id). An owner's contactless activities (posts, events with no one
 *       named) form one unit of their own, (owner, no contact). A credit belongs to the unit of its
 *       touchpoint. Only DIRECTED and UNDIRECTED touchpoints and their credits matter.
 *   <li>Per unit, in Spark: directed hours, undirected hours (model-independent) and per model
 *       directed and undirected credited value. Each touchpoint's hours and each credit are
 *       fixed-point integers in millionths (rounded half up), so every sum is an exact integer and
 *       independent of partitioning and order.
 *   <li>Poisson(1) bootstrap, the standard approximation of the multinomial one at scale: in
 *       resample r, unit u appears k(r, u) times, drawn by inverse CDF from a SplitMix64 hash of
 *       (seed, r, xxhash64(owner, contact_id)). The draw is a pure function of those three, so it
 *       is the same wherever the unit's row happens to be processed.
 *   <li>Per resample and model, the lift is (DV / DH) / (UV / UH) over the weighted sums; it is
 *       defined when DH, UH and UV are all positive. The interval is the 2.5% and 97.5% percentiles
 *       of the defined lifts, R type 7 (linear interpolation between order statistics). A model
 *       none of whose resamples defines the lift gets null bounds.
 * </ul>
 *
 * <p>Cost: one pass over the unit summaries; each task keeps one array of resamples x (2 + 2 x
 * models) integer sums and the driver adds the per-task arrays, so nothing is exploded into
 * resamples x units rows and the shuffle stays tiny.
 */
public final class LiftInterval {
  private LiftInterval() {}

  /** The schema of {@link #intervals}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("model", "string", false)
          .add("ci_low", "double")
          .add("ci_high", "double");

  /** Fixed-point scale of hours and values in the bootstrap sums. */
  static final double SCALE = 1_000_000.0;

  /**
   * @param touchpoints rows in {@link dev.wellspring.schema.Tables#TOUCHPOINTS_SCHEMA}
   * @param credits rows in {@link dev.wellspring.schema.Tables#CREDITS_SCHEMA}
   * @param resamples bootstrap resamples; 0 gives null bounds
   * @param seed bootstrap seed
   * @return rows (model string, ci_low double, ci_high double), one per model of {@link
   *     dev.wellspring.schema.Tables#MODELS}; the bounds are null where no resample defines the
   *     lift
   */
  public static Dataset<Row> intervals(
      Dataset<Row> touchpoints, Dataset<Row> credits, int resamples, long seed) {
    return intervals(touchpoints, credits, dev.wellspring.schema.Tables.MODELS, resamples, seed);
  }

  /**
   * {@link #intervals(Dataset, Dataset, int, long)} for the given weight columns of {@code
   * credits}.
   */
  public static Dataset<Row> intervals(
      Dataset<Row> touchpoints,
      Dataset<Row> credits,
      List<String> models,
      int resamples,
      long seed) {
    if (resamples < 0) {
      throw new IllegalArgumentException("resamples must be >= 0, got " + resamples);
    }
    var spark = touchpoints.sparkSession();
    java.math.BigInteger[] sums =
        bootstrapSums(unitSummaries(touchpoints, credits, models), models.size(), resamples, seed);
    int width = 2 + 2 * models.size();
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      double[] lifts = new double[resamples];
      int defined = 0;
      for (int r = 0; r < resamples; r++) {
        int base = r * width;
        java.math.BigInteger dh = sums[base];
        java.math.BigInteger uh = sums[base + 1];
        java.math.BigInteger dv = sums[base + 2 + 2 * m];
        java.math.BigInteger uv = sums[base + 3 + 2 * m];
        if (dh.signum() > 0 && uh.signum() > 0 && uv.signum() > 0) {
          lifts[defined++] =
              (dv.doubleValue() / dh.doubleValue()) / (uv.doubleValue() / uh.doubleValue());
        }
      }
      double[] sorted = Arrays.copyOf(lifts, defined);
      Arrays.sort(sorted);
      rows.add(
          defined == 0
              ? RowFactory.create(models.get(m), null, null)
              : RowFactory.create(
                  models.get(m), percentile(sorted, 0.025), percentile(sorted, 0.975)));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * One row per unit with anything to resample: unit_hash (long), dh and uh (directed and
   * undirected hours), then dv_i and uv_i (directed and undirected credited value of model i, in
   * the order of {@code models}); all amounts are whole millionths, as {@code decimal(38,0)}: a
   * row's amount fits a long (amounts are at most 10^12, RecordValidator#MAX_AMOUNT), a unit's sum
   * of them need not.
   */
  static Dataset<Row> unitSummaries(
      Dataset<Row> touchpoints, Dataset<Row> credits, List<String> models) {
    // Each amount is made fixed-point once per row, in a projection of its own, and then routed to
    // its directed or undirected column: written inline, the rounding would be generated twice
    // per amount, and the generated method grows past what the JIT compiles.
    Column directed = col("directed");
    Dataset<Row> touches =
        touchpoints
            .where(
                col("class").isin(TouchClass.DIRECTED.wireName(), TouchClass.UNDIRECTED.wireName()))
            .select(
                col("owner"),
                col("contact_id"),
                col("class").equalTo(TouchClass.DIRECTED.wireName()).as("directed"),
                fixed(col("hours")).as("h"));
    List<Column> effortCols = new ArrayList<>();
    effortCols.add(col("owner"));
    effortCols.add(col("contact_id"));
    effortCols.add(when(directed, col("h")).otherwise(lit(0L)).as("dh"));
    effortCols.add(when(directed, lit(0L)).otherwise(col("h")).as("uh"));
    for (int i = 0; i < models.size(); i++) {
      effortCols.add(lit(0L).as("dv_" + i));
      effortCols.add(lit(0L).as("uv_" + i));
    }
    Dataset<Row> effort = touches.select(effortCols.toArray(Column[]::new));
    List<Column> creditCols = new ArrayList<>();
    creditCols.add(col("owner"));
    creditCols.add(col("contact_id"));
    creditCols.add(lit(0L).as("dh"));
    creditCols.add(lit(0L).as("uh"));
    List<Column> fixedCols = new ArrayList<>();
    fixedCols.add(col("owner"));
    fixedCols.add(col("contact_id"));
    fixedCols.add(col("class").equalTo(TouchClass.DIRECTED.wireName()).as("directed"));
    for (int i = 0; i < models.size(); i++) {
      fixedCols.add(fixed(col(models.get(i)).multiply(col("outcome_value"))).as("v_" + i));
      Column value = col("v_" + i);
      creditCols.add(when(directed, value).otherwise(lit(0L)).as("dv_" + i));
      creditCols.add(when(directed, lit(0L)).otherwise(value).as("uv_" + i));
    }
    Dataset<Row> credited =
        credits
            .where(
                col("class").isin(TouchClass.DIRECTED.wireName(), TouchClass.UNDIRECTED.wireName()))
            .select(fixedCols.toArray(Column[]::new))
            .select(creditCols.toArray(Column[]::new));
    List<Column> aggs = new ArrayList<>();
    aggs.add(exact("uh"));
    for (int i = 0; i < models.size(); i++) {
      aggs.add(exact("dv_" + i));
      aggs.add(exact("uv_" + i));
    }
    List<Column> amounts = new ArrayList<>();
    amounts.add(col("dh"));
    amounts.add(col("uh"));
    for (int i = 0; i < models.size(); i++) {
      amounts.add(col("dv_" + i));
      amounts.add(col("uv_" + i));
    }
    List<Column> out = new ArrayList<>();
    out.add(xxhash64(col("owner"), col("contact_id")).as("unit_hash"));
    out.addAll(amounts);
    return effort
        .union(credited)
        .groupBy("owner", "contact_id")
        .agg(exact("dh"), aggs.toArray(Column[]::new))
        .where(greatest(amounts.toArray(Column[]::new)).gt(0))
        .select(out.toArray(Column[]::new));
  }

  private static Column fixed(Column amount) {
    return Sums.halfUpLong(amount.multiply(SCALE));
  }

  /** A sum of whole millionths that cannot overflow: 38 digits hold 10^20 rows at the limit. */
  private static Column exact(String column) {
    return sum(col(column).cast(Sums.UNITS)).cast(Sums.UNITS).as(column);
  }

  /**
   * Sums of every amount weighted by k(r, u), per resample r: element [r * width + j] with width =
   * 2 + 2 x models, j as in the columns after unit_hash of {@link #unitSummaries}.
   */
  static java.math.BigInteger[] bootstrapSums(
      Dataset<Row> units, int models, int resamples, long seed) {
    int width = 2 + 2 * models;
    int size = resamples * width;
    long unitSeed = mix(seed);
    // A typed pass, not built-in columns: Spark has no element-wise array sum aggregate, and
    // exploding resamples x units rows would be a thousand-fold blow-up. Integer sums make the
    // merge order irrelevant. Each sum is 128 bits, two longs (low word unsigned): k x amount
    // passes 2^63 from a unit's amount of 4.9 x 10^17 millionths (a credited value of 4.9 x 10^11),
    // and a product that wrapped around gave a negative interval bound silently.
    long[] merged =
        units
            .javaRDD()
            .mapPartitions(
                (Iterator<Row> it) -> {
                  long[] acc = new long[2 * size]; // [2i] low word, [2i + 1] high word
                  long[] amountLo = new long[width];
                  long[] amountHi = new long[width];
                  int[] nonZero = new int[width];
                  while (it.hasNext()) {
                    Row row = it.next();
                    long stream = mix(row.getLong(0) ^ unitSeed);
                    // Only the unit's non-zero amounts are added (a unit has touches of one class,
                    // or credits under some models, rarely all sixteen amounts).
                    int used = 0;
                    for (int j = 0; j < width; j++) {
                      java.math.BigInteger a = whole(row.get(1 + j));
                      if (a.signum() != 0) {
                        amountLo[used] = a.longValue();
                        amountHi[used] = a.shiftRight(64).longValueExact();
                        nonZero[used++] = j;
                      }
                    }
                    for (int r = 0; r < resamples; r++) {
                      int k = poisson(draw(stream, r));
                      if (k != 0) {
                        int base = r * width;
                        for (int i = 0; i < used; i++) {
                          add128(acc, 2 * (base + nonZero[i]), k, amountLo[i], amountHi[i]);
                        }
                      }
                    }
                  }
                  return List.of(acc).iterator();
                })
            .fold(
                new long[2 * size],
                (a, b) -> {
                  for (int i = 0; i < a.length; i += 2) {
                    addWords(a, i, b[i], b[i + 1]);
                  }
                  return a;
                });
    java.math.BigInteger[] sums = new java.math.BigInteger[size];
    for (int i = 0; i < size; i++) {
      sums[i] =
          java.math.BigInteger.valueOf(merged[2 * i + 1])
              .shiftLeft(64)
              .add(new java.math.BigInteger(Long.toUnsignedString(merged[2 * i])));
    }
    return sums;
  }

  private static java.math.BigInteger whole(Object amount) {
    return amount instanceof java.math.BigDecimal d
        ? d.toBigIntegerExact()
        : java.math.BigInteger.valueOf(((Number) amount).longValue());
  }

  /** acc[at..at+1] += k x (hi:lo), 128-bit two's complement; the high word is checked. */
  static void add128(long[] acc, int at, int k, long lo, long hi) {
    long productLo = lo * k;
    // The unsigned high word of lo x k (k >= 0): the signed one, plus k when lo's top bit is set.
    long carry = Math.multiplyHigh(lo, k) + (lo < 0 ? k : 0);
    addWords(acc, at, productLo, Math.addExact(Math.multiplyExact(hi, (long) k), carry));
  }

  private static void addWords(long[] acc, int at, long lo, long hi) {
    long sumLo = acc[at] + lo;
    long carry = Long.compareUnsigned(sumLo, acc[at]) < 0 ? 1 : 0;
    acc[at] = sumLo;
    acc[at + 1] = Math.addExact(Math.addExact(acc[at + 1], hi), carry);
  }

  /** The SplitMix64 finalizer: a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** The r-th pseudo-random 64 bits of a unit's stream. */
  static long draw(long stream, int r) {
    return mix(stream + (r + 1L) * 0x9E3779B97F4A7C15L);
  }

  /** Poisson(1) cumulative probabilities P(K <= k), k = 0..; the tail beyond is below 2^-53. */
  private static final double[] POISSON_CDF = poissonCdf();

  /**
   * The inverse CDF on the 53-bit integer m itself: m x 2^-53 >= cdf[k] exactly when m >=
   * ceil(cdf[k] x 2^53) (scaling by a power of two is exact), so no conversion to double per draw.
   */
  private static final long[] POISSON_AT_LEAST = poissonThresholds();

  /** P(K <= k) of Poisson(1) for k = 0..19, summed in double arithmetic. */
  static double[] poissonCdf() {
    double[] cdf = new double[20];
    double p = Math.exp(-1);
    double sum = 0;
    for (int k = 0; k < cdf.length; k++) {
      sum += p;
      cdf[k] = sum;
      p /= k + 1;
    }
    return cdf;
  }

  private static long[] poissonThresholds() {
    long[] at = new long[POISSON_CDF.length - 1];
    for (int k = 0; k < at.length; k++) {
      at[k] = (long) Math.ceil(POISSON_CDF[k] * 0x1.0p53);
    }
    return at;
  }

  /**
   * A Poisson(1) count from 64 random bits, by inverse CDF on their top 53 bits m: the smallest k
   * with m x 2^-53 < P(K <= k), capped at 19.
   */
  static int poisson(long bits) {
    long m = bits >>> 11;
    int k = 0;
    while (k < POISSON_AT_LEAST.length && m >= POISSON_AT_LEAST[k]) {
      k++;
    }
    return k;
  }

  /**
   * The p-quantile of sorted values, R type 7: h = (n - 1) p, then linear interpolation between the
   * order statistics floor(h) and floor(h) + 1 (0-based).
   */
  static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("percentile of no values");
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }
}
