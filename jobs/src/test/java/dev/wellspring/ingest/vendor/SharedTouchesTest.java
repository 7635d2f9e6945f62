package dev.wellspring.ingest.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedTouchesTest {
  private static final Map<String, Double> DEFAULTS =
      Map.of("meeting", 60.0, "message", 5.0, "other", 30.0);

  private static CanonicalRecord activity(String at, String type, String minutes, String contact) {
    Map<String, String> f = new java.util.LinkedHashMap<>();
    f.put("activity_id", "a-" + contact + at);
    f.put("occurred_at", at);
    f.put("type", type);
    f.put("contact_id", contact);
    if (minutes != null) {
      f.put("duration_minutes", minutes);
    }
    return new CanonicalRecord("activities", f, 7, "raw");
  }

  private static List<String> minutes(List<CanonicalRecord> records) {
    List<String> out = new ArrayList<>();
    records.forEach(r -> out.add(r.fields().get("duration_minutes")));
    return out;
  }

  @Test
  void partsAddUpExactlyAndDifferByAtMostOneMillionth() {
    assertThat(SharedTouches.parts(new BigDecimal("60"), 4))
        .extracting(BigDecimal::toPlainString)
        .containsExactly("15.000000", "15.000000", "15.000000", "15.000000");
    // 60 000 000 millionths / 7 = 8 571 428 remainder 4: the first four get one more.
    List<BigDecimal> sevenths = SharedTouches.parts(new BigDecimal("60"), 7);
    assertThat(sevenths)
        .extracting(BigDecimal::toPlainString)
        .containsExactly(
            "8.571429", "8.571429", "8.571429", "8.571429", "8.571428", "8.571428", "8.571428");
    for (int k = 1; k <= 13; k++) {
      for (String total : List.of("0", "1", "45", "30.5", "0.000001", "1439.999999")) {
        assertThat(
                SharedTouches.parts(new BigDecimal(total), k).stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add))
            .as("%s in %s parts", total, k)
            .isEqualByComparingTo(total);
      }
    }
  }

  @Test
  void aRowsSameMomentTouchesShareItsDurationOrTheTypeDefault() {
    List<CanonicalRecord> meeting =
        List.of(
            new CanonicalRecord("contacts", Map.of("contact_id", "k1"), 7, "raw"),
            activity("2026-03-02T10:00:00Z", "meeting", "45", "k1"),
            activity("2026-03-02T10:00:00Z", "meeting", "45", "k2"),
            activity("2026-03-02T10:00:00Z", "meeting", "45", "k3"),
            // another occurrence of the same series: its own meeting
            activity("2026-03-09T10:00:00Z", "meeting", "45", "k1"));
    assertThat(minutes(SharedTouches.split(meeting, DEFAULTS)))
        .containsExactly(null, "15", "15", "15", "45");
    // Without a duration, the per-type default is what is shared: a 5-minute message to two.
    List<CanonicalRecord> message =
        List.of(
            activity("2023-06-01T14:00:00Z", "message", null, "k1"),
            activity("2023-06-01T14:00:00Z", "message", null, "k2"));
    assertThat(minutes(SharedTouches.split(message, DEFAULTS))).containsExactly("2.5", "2.5");
  }

  @Test
  void aBadDurationIsLeftForValidationToReject() {
    List<CanonicalRecord> bad =
        List.of(
            activity("2026-03-02T10:00:00Z", "call", "45 min", "k1"),
            activity("2026-03-02T10:00:00Z", "call", "45 min", "k2"));
    assertThat(minutes(SharedTouches.split(bad, DEFAULTS))).containsExactly("45 min", "45 min");
    List<CanonicalRecord> negative =
        List.of(
            activity("2026-03-02T10:00:00Z", "call", "-10", "k1"),
            activity("2026-03-02T10:00:00Z", "call", "-10", "k2"));
    assertThat(minutes(SharedTouches.split(negative, DEFAULTS))).containsExactly("-10", "-10");
  }
}
