package dev.wellspring.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.testing.SparkExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class SumsTest {
  private static final StructType SCHEMA =
      new StructType().add("g", "int", false).add("x", "double");

  private static Dataset<Row> frame(List<Row> rows) {
    return SparkExtension.session().createDataFrame(rows, SCHEMA).repartition(3);
  }

  /** The double product x x 10^12, rounded half up in exact decimal arithmetic. */
  private static BigDecimal unitsOf(double x) {
    return new BigDecimal(x * 1e12).setScale(0, RoundingMode.HALF_UP);
  }

  @Test
  void splitLongSumsEqualTheUnitsSummedInExactDecimalArithmetic() {
    Random random = new Random(42);
    List<Row> rows = new ArrayList<>();
    BigDecimal[] expected = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    for (int i = 0; i < 3000; i++) {
      int g = i % 3;
      double x =
          switch (i % 6) {
            case 0 -> random.nextDouble(); // weights in [0, 1)
            case 1 -> -random.nextDouble() * 5000; // negative amounts
            case 2 -> random.nextDouble() * 8.9e6; // just below the long-safe bound
            case 3 -> 9e6 + random.nextDouble() * 1e14; // large values: units above 2^63
            case 4 -> -(9e6 + random.nextDouble() * 1e14); // and negative large ones
            default -> 1.0 / (1 + random.nextInt(17)); // 1/n weights
          };
      rows.add(RowFactory.create(g, x));
      expected[g] = expected[g].add(unitsOf(x));
    }
    rows.add(RowFactory.create(0, null)); // a null is skipped, as sum() skips it
    List<Row> out =
        frame(rows)
            .groupBy("g")
            .agg(Sums.exactUnits(col("x")).as("split"))
            .orderBy("g")
            .collectAsList();
    assertThat(out).hasSize(3);
    for (Row r : out) {
      int g = r.getInt(0);
      BigDecimal split = r.getDecimal(1);
      assertThat(split).as("group %d against BigDecimal", g).isEqualByComparingTo(expected[g]);
    }
  }

  @Test
  void halfUpLongRoundsTheExactDoubleHalfUpLikeSparksRound() {
    // Spark's round(double) is BigDecimal.valueOf(x).setScale(0, HALF_UP); the long arithmetic
    // must agree on ties, on doubles just below a tie, on large whole doubles and on random ones.
    List<Double> xs =
        new ArrayList<>(
            List.of(
                0.0,
                0.5,
                1.5,
                2.5,
                -0.5,
                -1.5,
                -2.5,
                0.49999999999999994,
                -0.49999999999999994,
                2.4999999999999996,
                1e-300,
                4503599627370495.5,
                4503599627370497.0,
                9007199254740993.0,
                -9007199254740993.0,
                8.999999e18,
                -8.999999e18,
                123456.789 * 1e12,
                1.0 / 3 * 1e12,
                2.0 / 3 * 1e12));
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(19));
      xs.add(i % 4 == 0 ? Math.floor(x) + 0.5 : x);
    }
    List<Row> rows = new ArrayList<>();
    for (double x : xs) {
      rows.add(RowFactory.create(0, x));
    }
    List<Row> out =
        frame(rows).select(col("x"), Sums.halfUpLong(col("x")).as("ours")).collectAsList();
    assertThat(out).hasSize(xs.size());
    for (Row r : out) {
      double x = r.getDouble(0);
      // The double's exact value, rounded half up; below 2^53 that is also what Spark's round
      // gives (its decimal string rounds to the same whole number).
      long expected = new BigDecimal(x).setScale(0, RoundingMode.HALF_UP).longValueExact();
      assertThat(r.getLong(1)).as("half up of %s", x).isEqualTo(expected);
      if (Math.abs(x) < 0x1.0p53) {
        assertThat(r.getLong(1))
            .as("Spark's round of %s", x)
            .isEqualTo(BigDecimal.valueOf(x).setScale(0, RoundingMode.HALF_UP).longValueExact());
      }
    }
  }

  @Test
  void sumOfOnlyNullsIsNullAndOfNoRowsIsNull() {
    List<Row> rows = List.of(RowFactory.create(1, null), RowFactory.create(1, null));
    Row r = frame(rows).agg(Sums.exactUnits(col("x"))).first();
    assertThat(r.isNullAt(0)).isTrue();
    Row none = frame(rows).where(col("g").equalTo(2)).agg(Sums.exactUnits(col("x"))).first();
    assertThat(none.isNullAt(0)).isTrue();
  }

  @Test
  void aValueTooLargeToSumExactlyStopsWithAClearError() {
    List<Row> rows = List.of(RowFactory.create(1, 1.0), RowFactory.create(1, 2e15));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> frame(rows).agg(Sums.exactUnits(col("x"))).first())
        .hasStackTraceContaining("cannot be summed exactly");
  }

  @Test
  void negativeUnitsSplitIntoANonNegativeLowPart() {
    // -1e-12 is -1 unit: hi = -1, lo = 2^31 - 1, and hi x 2^31 + lo = -1.
    List<Row> rows = List.of(RowFactory.create(1, -1e-12), RowFactory.create(1, -2.5));
    Row r = frame(rows).agg(Sums.exactUnits(col("x"))).first();
    assertThat(r.getDecimal(0)).isEqualByComparingTo(new BigDecimal("-2500000000001"));
  }
}
