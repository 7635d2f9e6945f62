package dev.wellspring.vocabulary;

import java.util.List;

/**
 * The kind of relationship with a contact (the {@code relationship} column of contacts.csv; empty
 * and unknown contacts are {@link #OTHER}). A customer makes a touch EMBEDDED; media and partner
 * map by default to the goal categories publicity and partners for inferred DIRECTED touches.
 */
public enum Relationship implements WireNamed {
  /** A paying customer: touching one is networking embedded in business. */
  CUSTOMER,
  /** A prospective customer. */
  PROSPECT,
  /** A partner (default inference: partners goals). */
  PARTNER,
  /** A journalist, editor or producer (default inference: publicity goals). */
  MEDIA,
  /** A peer in the owner's field. */
  PEER,
  /** Anyone else, and the relationship of an empty or unknown contact. */
  OTHER;

  /** The relationship as contacts.csv and the tables write it, lower case. */
  @Override
  public String wireName() {
    return WireNamed.lowerCase(this);
  }

  /**
   * The relationship named {@code text} (trimmed, any case).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static Relationship parse(String text) {
    return WireNamed.parse(Relationship.class, "relationship", text);
  }

  /** Every relationship's wire name, in DESIGN.md's order (customer ... other). */
  public static List<String> wireNames() {
    return WireNamed.wireNames(Relationship.class);
  }
}
