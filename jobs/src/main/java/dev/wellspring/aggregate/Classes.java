package dev.wellspring.aggregate;

import java.util.List;

/** Class and model names the aggregates write (DESIGN.md "Outputs"). */
final class Classes {
  static final String DIRECTED = "DIRECTED";
  static final String EMBEDDED = "EMBEDDED";
  static final String UNDIRECTED = "UNDIRECTED";
  static final List<String> ALL = List.of(DIRECTED, EMBEDDED, UNDIRECTED);

  /** The rule-based models: always reported, even before any outcome is credited. */
  static final List<String> RULE_MODELS =
      List.of("first_touch", "last_touch", "linear", "time_decay", "position_based");

  private Classes() {}
}
