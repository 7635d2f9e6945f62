package dev.wellspring.generate;

import static dev.wellspring.generate.GeneratedFiles.instant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain-Java reading of DESIGN.md "Classification" and the candidate rules of "Attribution",
 * written independently of the generator, to check that the files classify as planted.
 */
final class ReferenceClassifier {
  static final int D = 0;
  static final int E = 1;
  static final int U = 2;
  private static final Map<String, Integer> DEFAULTS =
      Map.ofEntries(
          Map.entry("meeting", 60),
          Map.entry("call", 30),
          Map.entry("email", 5),
          Map.entry("message", 5),
          Map.entry("event", 120),
          Map.entry("intro_received", 10),
          Map.entry("intro_made", 10),
          Map.entry("invitation", 5),
          Map.entry("endorsement", 5),
          Map.entry("recommendation", 20),
          Map.entry("social_post", 15),
          Map.entry("answer", 15),
          Map.entry("other", 30));

  record Touch(
      String id,
      String owner,
      Instant at,
      int cls,
      String contact,
      String introduced,
      String directedGoal,
      double hours) {}

  private record Goal(String owner, String category, LocalDate from, LocalDate to) {
    boolean activeOn(LocalDate d) {
      return !d.isBefore(from) && !d.isAfter(to);
    }
  }

  private final List<Touch> touches = new ArrayList<>();
  private final Map<String, List<Touch>> byOwnerContact = new HashMap<>();
  private final Map<String, List<Touch>> byGoal = new HashMap<>();

  ReferenceClassifier(
      List<Map<String, String>> contacts,
      List<Map<String, String>> goals,
      List<Map<String, String>> activities) {
    Map<String, String> rel = new HashMap<>();
    for (Map<String, String> c : contacts) {
      rel.put(
          c.get("contact_id"), c.get("relationship").isEmpty() ? "other" : c.get("relationship"));
    }
    Map<String, Goal> gs = new HashMap<>();
    for (Map<String, String> g : goals) {
      gs.put(
          g.get("goal_id"),
          new Goal(
              g.get("owner"),
              g.get("category"),
              LocalDate.parse(g.get("starts_on")),
              LocalDate.parse(g.get("ends_on"))));
    }
    for (Map<String, String> a : activities) {
      String owner = a.get("owner");
      Instant at = instant(a.get("occurred_at"));
      LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
      String contact = a.get("contact_id");
      String relationship = contact.isEmpty() ? "other" : rel.getOrDefault(contact, "other");
      Goal explicit = gs.get(a.get("goal_id"));
      int cls;
      String directed = null;
      if (explicit != null && explicit.owner().equals(owner) && explicit.activeOn(day)) {
        cls = D;
        directed = a.get("goal_id");
      } else if (!a.get("context").isEmpty() || relationship.equals("customer")) {
        cls = E;
      } else {
        String cat =
            relationship.equals("media")
                ? "publicity"
                : relationship.equals("partner") ? "partners" : null;
        List<String> matches = new ArrayList<>();
        if (cat != null && !contact.isEmpty()) {
          gs.forEach(
              (id, g) -> {
                if (g.owner().equals(owner) && g.category().equals(cat) && g.activeOn(day)) {
                  matches.add(id);
                }
              });
        }
        if (matches.size() == 1) {
          cls = D;
          directed = matches.get(0);
        } else {
          cls = U;
        }
      }
      String d = a.get("duration_minutes");
      double minutes = d.isEmpty() ? DEFAULTS.get(a.get("type")) : Double.parseDouble(d);
      Touch t =
          new Touch(
              a.get("activity_id"),
              owner,
              at,
              cls,
              contact,
              a.get("introduced_contact_id"),
              directed,
              minutes / 60.0);
      touches.add(t);
      if (!contact.isEmpty()) {
        byOwnerContact.computeIfAbsent(owner + "\u0000" + contact, k -> new ArrayList<>()).add(t);
      }
      if (!t.introduced().isEmpty()) {
        byOwnerContact
            .computeIfAbsent(owner + "\u0000" + t.introduced(), k -> new ArrayList<>())
            .add(t);
      }
      if (directed != null) {
        byGoal.computeIfAbsent(directed, k -> new ArrayList<>()).add(t);
      }
    }
  }

  List<Touch> touches() {
    return touches;
  }

  /** Candidate touchpoints of an outcome (lookback 180 days, both ends inclusive). */
  List<Touch> candidates(Map<String, String> outcome) {
    Instant at = instant(outcome.get("occurred_at"));
    Instant from = at.minus(Duration.ofDays(180));
    List<Touch> pool;
    if (!outcome.get("contact_id").isEmpty()) {
      pool =
          byOwnerContact.getOrDefault(
              outcome.get("owner") + "\u0000" + outcome.get("contact_id"), List.of());
    } else if (!outcome.get("goal_id").isEmpty()) {
      pool =
          byGoal.getOrDefault(outcome.get("goal_id"), List.of()).stream()
              .filter(t -> t.owner().equals(outcome.get("owner")))
              .toList();
    } else {
      pool = List.of();
    }
    return pool.stream().filter(t -> !t.at().isBefore(from) && !t.at().isAfter(at)).toList();
  }
}
