package dev.wellspring.aggregate;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;

/**
 * Order-independent sums. A double sum depends on the order of its terms, and Spark's order depends
 * on partitioning; a sum of integers does not, so the exported bytes do not change with the number
 * of cores (DESIGN.md "Precise rules / Writing").
 *
 * <p>Each double is turned into a whole number of units of 10^-12: its product with 10^12, rounded
 * half up (away from zero at .5). Twelve decimals keep sub-second hours and 1/n weights far below
 * any displayed digit.
 *
 * <p>How, and why this way (each measured with JFR on the aggregate stage): Spark's {@code round}
 * of a double goes through {@code BigDecimal.valueOf(double)}, the double's decimal string, for
 * every row, and a {@code decimal(38,0)} sum keeps its buffer as a byte array, so every row's
 * addition went through {@code BigInteger}; together they were most of the stage's CPU. Here the
 * rounding is double arithmetic, and the units r are summed as three longs, r = (top x 2^31 + mid)
 * x 2^31 + lo with 0 <= mid, lo < 2^31 and |top| < 2^29, each part exact in double arithmetic since
 * r is a whole number. Every sum fits a long for more than 2^31 rows, and only the one result per
 * group becomes a decimal: exactly the sum of the units, whatever the order. Values up to 10^15 in
 * magnitude are supported; a larger one stops the run with a clear error rather than losing digits.
 */
final class Sums {
  /** A sum of units: exact, and safe to add up again across groups. */
  static final String UNITS = "decimal(38,0)";

  /** Units per 1. */
  static final double SCALE = 1e12;

  /** The largest magnitude of a value whose units are summed exactly. */
  static final double MAX_VALUE = 1e15;

  /** The split of the units into 31-bit parts. */
  static final int SPLIT_BITS = 31;

  private static final double SPLIT = 0x1.0p31;

  /** From here on every double is a whole number. */
  private static final double WHOLE = 0x1.0p52;

  private Sums() {}

  /**
   * A double rounded half up (away from zero at .5) to a whole double, in double arithmetic only.
   * Same as Spark's {@code round(x)}, which rounds the double's shortest decimal string: floor(|x|)
   * and |x| - floor(|x|) are exact for |x| < 2^52, and the fraction is >= 0.5 exactly when the
   * decimal string's is, since k + 0.5 is itself a double; from 2^52 on a double is a whole number.
   */
  static Column halfUp(Column x) {
    Column a = abs(x);
    Column whole = floor(a).cast("double");
    Column up =
        when(a.geq(WHOLE), a).when(a.minus(whole).geq(0.5), whole.plus(1.0)).otherwise(whole);
    return when(x.lt(0), negate(up)).otherwise(up);
  }

  /** {@link #halfUp} as a long, for |x| < 2^63. */
  static Column halfUpLong(Column x) {
    return halfUp(x).cast("long");
  }

  private static Column checked(Column value) {
    return when(
            abs(value).gt(MAX_VALUE),
            raise_error(
                lit(
                    "a value above "
                        + (long) MAX_VALUE
                        + " in magnitude cannot be summed exactly")))
        .otherwise(value);
  }

  /**
   * The exact sum of a double expression in units ({@link #UNITS}); null over no values. Equal to
   * the sum of every value's units, computed as two long sums (see the class comment).
   */
  static Column exactUnits(Column value) {
    Column r = halfUp(checked(value).multiply(SCALE));
    Column q = floor(r.divide(SPLIT)).cast("double");
    Column lo = r.minus(q.multiply(SPLIT)).cast("long");
    Column top = floor(q.divide(SPLIT));
    Column mid = q.minus(top.cast("double").multiply(SPLIT)).cast("long");
    Column base = lit(BigDecimal.valueOf((long) SPLIT));
    return sum(top)
        .cast(UNITS)
        .multiply(base)
        .plus(sum(mid).cast(UNITS))
        .cast(UNITS)
        .multiply(base)
        .plus(sum(lo).cast(UNITS))
        .cast(UNITS);
  }

  /** A sum of units (or of such sums) as a double. */
  static Column toDouble(Column units) {
    return units.cast("double").divide(SCALE);
  }

  /** The exact sum of a double column, as a double; null over no rows. */
  static Column exactSum(String column) {
    return exactSum(col(column));
  }

  /** The exact sum of a double expression, as a double; null over no rows. */
  static Column exactSum(Column value) {
    return toDouble(exactUnits(value));
  }

  /**
   * Hours from an exact sum of minutes: minutes are usually whole, so their sum is exact and the
   * one division by 60 is the only rounding (summing per-row hours would accumulate 1/60ths).
   */
  static Column exactHours(Column minutes) {
    return exactSum(minutes).divide(60.0);
  }
}
