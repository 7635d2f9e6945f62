package dev.wellspring.ingest.staging;

import java.util.Locale;

/**
 * Why a row was rejected. Declaration order is the precedence of DESIGN.md "Precise rules": a row
 * with several defects is rejected for the first one in this order.
 */
public enum RejectReason {
  MISSING_REQUIRED,
  BAD_TIMESTAMP,
  BAD_NUMBER,
  UNKNOWN_ENUM,
  NEGATIVE_DURATION,
  NEGATIVE_COST,
  NEGATIVE_VALUE,
  GOAL_ENDS_BEFORE_START,
  DUPLICATE_ID,
  /**
   * A duration, cost or outcome value above {@link RecordValidator#MAX_AMOUNT}: larger amounts
   * cannot be summed exactly in the aggregates. Last in the list; a duplicate id is only given to
   * an otherwise valid row, so a row too large is always this.
   */
  VALUE_TOO_LARGE;

  /** The name written to rejects.csv and the manifest, e.g. {@code missing_required}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The reason that wins between two (either may be null). */
  public static RejectReason first(RejectReason a, RejectReason b) {
    if (a == null) {
      return b;
    }
    return b == null || a.ordinal() <= b.ordinal() ? a : b;
  }
}
