package dev.wellspring.ingest.staging;

import dev.wellspring.ingest.values.Values;
import dev.wellspring.privacy.OwnerNames;
import dev.wellspring.privacy.Scrub;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the trimmed text values of one record into the typed values of its kind's fields, and finds
 * the reject reason that applies first (all reasons but duplicate_id, which needs every row).
 * Defaults of DESIGN.md: empty relationship = other, empty duration = the per-type default, empty
 * cost = 0, empty outcome value = 1, other empty optional values = null.
 */
public final class RecordValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Kind kind;
  private final Map<String, Double> durations;
  private final double fallbackDuration;
  private final Scrub scrub;
  private final OwnerNames owners;

  /**
   * @param durations per activity type default duration in minutes; types missing from it take the
   *     {@code other} entry (as {@code WellspringConfig.defaultDuration})
   * @param ownerMap the configuration's owner_map: an owner given as an e-mail address is stored as
   *     its name there, else as the address's local part ({@link OwnerNames})
   */
  public RecordValidator(Kind kind, Map<String, Double> durations, Map<String, String> ownerMap) {
    this.kind = kind;
    this.durations = Map.copyOf(durations);
    this.fallbackDuration = durations.getOrDefault("other", 30.0);
    // Built on the driver and shipped to the tasks with its key (see Keys.use).
    this.scrub = Scrub.active();
    this.owners = new OwnerNames(scrub, ownerMap);
  }

  public RecordValidator(Kind kind, Map<String, Double> durations) {
    this(kind, durations, Map.of());
  }

  /**
   * The largest duration (minutes), cost or outcome value a row may carry: 10^12. The aggregates
   * add amounts as whole numbers of small units (the bootstrap in millionths as longs, 10^12 x 10^6
   * < 2^63; the exported sums in 10^-12 units as 38-digit decimals), so every larger amount would
   * overflow or lose digits; such a row is rejected as {@code value_too_large}.
   */
  public static final double MAX_AMOUNT = 1e12;

  /** Typed values in field order, and the first reject reason (null when the row is valid). */
  public record Result(Object[] values, RejectReason reason) {}

  /**
   * @param text one trimmed value per field of the kind, "" when empty or absent
   */
  public Result validate(List<String> text) {
    List<Kind.Field> fields = kind.fields();
    Object[] out = new Object[fields.size()];
    RejectReason reason = null;
    for (int i = 0; i < fields.size(); i++) {
      Kind.Field f = fields.get(i);
      String v = text.get(i);
      if (f.type() == Kind.FieldType.TEXT) {
        // No e-mail address or phone number reaches a table; ids also lose invisible characters.
        // Owners are the team's own people: an owner's address becomes their name instead.
        v =
            f.name().equals("owner")
                ? owners.owner(v)
                : isIdentifier(f) ? scrub.identifier(v) : scrub.text(v);
      }
      if (v.isEmpty()) {
        if (f.required()) {
          reason = RejectReason.first(reason, RejectReason.MISSING_REQUIRED);
        }
        continue;
      }
      switch (f.type()) {
        case TEXT -> out[i] = v;
        case CHOICE -> {
          String lower = v.toLowerCase(Locale.ROOT);
          if (f.allowed().contains(lower)) {
            out[i] = lower;
          } else {
            reason = RejectReason.first(reason, RejectReason.UNKNOWN_ENUM);
          }
        }
        case TIMESTAMP -> {
          Instant t = Values.timestamp(v);
          if (t == null) {
            reason = RejectReason.first(reason, RejectReason.BAD_TIMESTAMP);
          } else {
            // An Instant, not a java.sql.Timestamp: Spark converts the latter through the hybrid
            // Julian calendar, which moves instants before 1582 (0001-01-01 became 0001-01-03).
            out[i] = t;
          }
        }
        case DATE -> {
          LocalDate d = Values.date(v);
          if (d == null) {
            reason = RejectReason.first(reason, RejectReason.BAD_TIMESTAMP);
          } else {
            out[i] = d; // a LocalDate, for the same reason
          }
        }
        case NUMBER -> {
          Double d = Values.number(v);
          if (d == null) {
            reason = RejectReason.first(reason, RejectReason.BAD_NUMBER);
          } else {
            out[i] = d;
          }
        }
      }
    }
    reason = RejectReason.first(reason, applyKindRules(text, out));
    return new Result(out, reason);
  }

  private static boolean isIdentifier(Kind.Field f) {
    return f.name().endsWith("_id") || f.name().equals("owner");
  }

  // Defaults and range checks that depend on the kind; indexes follow Kind's field lists.
  private RejectReason applyKindRules(List<String> text, Object[] out) {
    switch (kind) {
      case CONTACTS -> {
        if (text.get(6).isEmpty()) {
          out[6] = "other";
        }
        return null;
      }
      case ACTIVITIES -> {
        RejectReason r = null;
        if (text.get(5).isEmpty() && out[3] != null) {
          out[5] = durations.getOrDefault((String) out[3], fallbackDuration);
        } else if (out[5] != null && (Double) out[5] < 0) {
          r = RejectReason.NEGATIVE_DURATION;
        } else if (out[5] != null && (Double) out[5] > MAX_AMOUNT) {
          r = RejectReason.VALUE_TOO_LARGE;
        }
        if (text.get(6).isEmpty()) {
          out[6] = 0.0;
        } else if (out[6] != null && (Double) out[6] < 0) {
          r = RejectReason.first(r, RejectReason.NEGATIVE_COST);
        } else if (out[6] != null && (Double) out[6] > MAX_AMOUNT) {
          r = RejectReason.first(r, RejectReason.VALUE_TOO_LARGE);
        }
        return r;
      }
      case GOALS -> {
        if (text.get(8).isEmpty()) {
          out[8] = Kind.GoalUnits.OUTCOMES;
        }
        if (out[6] != null && out[7] != null && ((LocalDate) out[7]).isBefore((LocalDate) out[6])) {
          return RejectReason.GOAL_ENDS_BEFORE_START;
        }
        return null;
      }
      case OUTCOMES -> {
        if (text.get(4).isEmpty()) {
          out[4] = 1.0;
        } else if (out[4] != null && (Double) out[4] < 0) {
          return RejectReason.NEGATIVE_VALUE;
        } else if (out[4] != null && (Double) out[4] > MAX_AMOUNT) {
          return RejectReason.VALUE_TOO_LARGE;
        }
        return null;
      }
      default -> throw new IllegalStateException("unknown kind " + kind);
    }
  }
}
