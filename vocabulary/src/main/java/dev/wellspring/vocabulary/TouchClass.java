package dev.wellspring.vocabulary;

import java.util.List;

/**
 * The class of a networking touchpoint (DESIGN.md "Classification"), the thesis' three kinds of
 * networking. Unlike the other words, classes are written in upper case.
 */
public enum TouchClass implements WireNamed {
  /**
   * Done for a specific, timely goal: the activity names an active goal of its owner (explicit), or
   * the owner has exactly one active goal of the category its contact's relationship maps to
   * (inferred).
   */
  DIRECTED,
  /**
   * Networking in the natural course of doing business: context business or speaking, or a customer
   * contact.
   */
  EMBEDDED,
  /** Everything else: networking just to network. */
  UNDIRECTED;

  /** The class as tables and exports write it: upper case ({@code DIRECTED}). */
  @Override
  public String wireName() {
    return name();
  }

  /**
   * The class named {@code text} (trimmed, any case).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static TouchClass parse(String text) {
    return WireNamed.parse(TouchClass.class, "class", text);
  }

  /** DIRECTED, EMBEDDED, UNDIRECTED: the order in which exports list the classes. */
  public static List<String> wireNames() {
    return WireNamed.wireNames(TouchClass.class);
  }
}
