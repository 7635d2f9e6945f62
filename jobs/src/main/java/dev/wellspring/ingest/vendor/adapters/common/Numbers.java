package dev.wellspring.ingest.vendor.adapters.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Vendor numbers to canonical plain decimals. */
public final class Numbers {
  private Numbers() {}

  private static final Pattern PLAIN =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /** A plain or scientific decimal literal; empty for anything else (units, commas, NaN). */
  public static Optional<BigDecimal> parse(String value) {
    String v = Text.clean(value);
    return PLAIN.matcher(v).matches() ? Optional.of(new BigDecimal(v)) : Optional.empty();
  }

  /**
   * {@code amount / divisor} as canonical text, to six decimals (a microsecond of a minute is
   * beyond any export's precision), trailing zeros dropped.
   */
  public static String divide(BigDecimal amount, long divisor) {
    return plain(amount.divide(BigDecimal.valueOf(divisor), 6, RoundingMode.HALF_UP));
  }

  /** Plain decimal text without trailing zeros: {@code 30}, {@code 1.5}. */
  public static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.signum() == 0 ? BigDecimal.ZERO : stripped).toPlainString();
  }
}
