package dev.wellspring.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A word of the vocabulary with its wire name: the exact text that files, configuration, tables and
 * exports carry for it.
 */
public interface WireNamed {

  /** The exact text written for this value in files, configuration, tables and exports. */
  String wireName();

  /**
   * The constant of {@code type} whose wire name is {@code text}. As DESIGN.md "Precise rules"
   * reads enum values, the text is trimmed and compared without regard to case.
   *
   * @param what what the value is, for the message ("attribution model")
   * @throws IllegalArgumentException naming the bad value and the accepted ones
   */
  static <E extends Enum<E> & WireNamed> E parse(Class<E> type, String what, String text) {
    if (text != null) {
      String wanted = text.trim();
      for (E e : type.getEnumConstants()) {
        if (e.wireName().equalsIgnoreCase(wanted)) {
          return e;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown "
            + what
            + " "
            + (text == null ? "null" : "'" + text + "'")
            + ": expected one of "
            + String.join(", ", wireNames(type)));
  }

  /** The wire names of {@code type}'s constants, in their declared order. */
  static <E extends Enum<E> & WireNamed> List<String> wireNames(Class<E> type) {
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.wireName());
    }
    return List.copyOf(names);
  }

  /** The lower-case wire name of an enum constant: its name in lower case. */
  static String lowerCase(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
