package dev.wellspring.vocabulary;

import java.util.List;

/**
 * The category of a goal (the {@code category} column of goals.csv): the specific, timely purposes
 * DESIGN.md names. An outcome whose type equals its goal's category is on target.
 */
public enum GoalCategory implements WireNamed {
  /** More speaking engagements. */
  SPEAKING,
  /** More readership for a site, a newsletter, a book. */
  READERSHIP,
  /** A platform for a book or product launch. */
  LAUNCH,
  /** Solution partners that add operational capacity. */
  PARTNERS,
  /** Publicity in a particular channel (TV, a named publication). */
  PUBLICITY,
  /** Any other goal. */
  OTHER;

  /** The category as goals.csv and the tables write it, lower case. */
  @Override
  public String wireName() {
    return WireNamed.lowerCase(this);
  }

  /**
   * The category named {@code text} (trimmed, any case).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static GoalCategory parse(String text) {
    return WireNamed.parse(GoalCategory.class, "goal category", text);
  }

  /** Every category's wire name, in DESIGN.md's order (speaking ... other). */
  public static List<String> wireNames() {
    return WireNamed.wireNames(GoalCategory.class);
  }
}
