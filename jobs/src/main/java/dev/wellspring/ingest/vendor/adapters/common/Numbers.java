package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.ingest.values.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Vendor numbers to canonical plain decimals. */
public final class Numbers {
  private Numbers() {}

  /**
   * A plain or scientific decimal literal ({@link Values#decimal}); empty for anything else (units,
   * commas, NaN).
   */
  public static Optional<BigDecimal> parse(String value) {
    return Optional.ofNullable(Values.decimal(Text.clean(value)));
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
