package dev.wellspring.ingest.vendor;

import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.common.Numbers;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor row that touches several people at once (a meeting with four attendees, a call logged
 * against two contacts, a LinkedIn message to a group) is the owner's time once: its k activity
 * records at the same moment share the duration, so hours never grow with the attendee count.
 *
 * <p>The split is exact in decimal: the duration (the row's, or the per-type default when the row
 * gives none) is counted in millionths of a minute, each of the k touches gets the whole quotient
 * and the first r of them in the row's order (r = the remainder) one millionth more. So 60 minutes
 * with 4 people is 15 each, 60 with 7 is 8.571429 four times and 8.571428 three times, and the
 * touches always add up to the meeting's length (the exports sum in units of 10^-12, exactly). A
 * duration that is not a plain non-negative number is left alone: validation rejects it.
 */
final class SharedTouches {
  private SharedTouches() {}

  private static final int SCALE = 6;

  /** The records with each group of same-moment, same-type activities sharing its duration. */
  static List<CanonicalRecord> split(List<CanonicalRecord> records, Map<String, Double> durations) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < records.size(); i++) {
      CanonicalRecord r = records.get(i);
      if (r.kind().equals(Kind.ACTIVITIES.table())) {
        String key =
            r.fields().getOrDefault("occurred_at", "")
                + "\u001F"
                + r.fields().getOrDefault("type", "");
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    if (groups.values().stream().allMatch(g -> g.size() < 2)) {
      return records;
    }
    List<CanonicalRecord> out = new ArrayList<>(records);
    for (List<Integer> group : groups.values()) {
      if (group.size() < 2) {
        continue;
      }
      CanonicalRecord first = records.get(group.get(0));
      Optional<BigDecimal> total = total(first, durations);
      boolean same =
          group.stream()
              .allMatch(
                  i ->
                      records
                          .get(i)
                          .fields()
                          .getOrDefault("duration_minutes", "")
                          .equals(first.fields().getOrDefault("duration_minutes", "")));
      if (total.isEmpty() || !same) {
        continue;
      }
      List<BigDecimal> parts = parts(total.get(), group.size());
      for (int j = 0; j < group.size(); j++) {
        CanonicalRecord r = records.get(group.get(j));
        Map<String, String> fields = new LinkedHashMap<>(r.fields());
        fields.put("duration_minutes", Numbers.plain(parts.get(j)));
        out.set(group.get(j), new CanonicalRecord(r.kind(), fields, r.line(), r.raw()));
      }
    }
    return out;
  }

  /** k parts of {@code total} in millionths, the first ones larger by the remainder. */
  static List<BigDecimal> parts(BigDecimal total, int k) {
    BigInteger units = total.setScale(SCALE, java.math.RoundingMode.HALF_UP).unscaledValue();
    BigInteger[] qr = units.divideAndRemainder(BigInteger.valueOf(k));
    List<BigDecimal> parts = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      BigInteger u = j < qr[1].intValue() ? qr[0].add(BigInteger.ONE) : qr[0];
      parts.add(new BigDecimal(u, SCALE));
    }
    return parts;
  }

  private static Optional<BigDecimal> total(CanonicalRecord r, Map<String, Double> durations) {
    String text = r.fields().getOrDefault("duration_minutes", "").strip();
    if (text.isEmpty()) {
      String type = r.fields().getOrDefault("type", "").strip().toLowerCase(java.util.Locale.ROOT);
      Double d = durations.containsKey(type) ? durations.get(type) : durations.get("other");
      return d == null ? Optional.empty() : Optional.of(new BigDecimal(Double.toString(d)));
    }
    return Numbers.parse(text)
        .filter(v -> v.signum() >= 0 && v.abs().compareTo(BigDecimal.valueOf(1e12)) < 0);
  }
}
