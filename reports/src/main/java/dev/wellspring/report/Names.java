package dev.wellspring.report;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * How owners' names appear in the report: {@code full} as written, {@code initials} ("Ana Pereira"
 * -> "A.P."), or {@code none} ("Owner 1".."Owner n" in sorted order of the names). Two owners never
 * share a displayed name: a repeated one gets a number. An owner given as an e-mail address is
 * shown as a person: its local part ("ana.pereira@example.com" -> "ana.pereira"; the jobs side maps
 * addresses through {@code owner_map} before this). Every shown name is shortened to {@link
 * #MAX_LENGTH} characters ({@link #shorten}).
 */
public final class Names {
  private final Map<String, String> display;

  private Names(Map<String, String> display) {
    this.display = Map.copyOf(display);
  }

  /** The display names of {@code owners} under {@code style} (full, initials or none). */
  public static Names of(Collection<String> owners, String style) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, Integer> seen = new HashMap<>();
    int n = 0;
    int hidden = 0;
    for (String owner : new TreeSet<>(owners)) {
      boolean tagged = TAGGED.matcher(owner).matches();
      hidden += tagged ? 1 : 0;
      String shown =
          switch (style) {
            case "full" -> tagged ? "Unnamed owner " + hidden : shorten(person(owner));
            case "initials" -> initials(owner);
            case "none" -> "Owner " + (++n);
            default ->
                throw ReportException.unusable(
                    "--names must be full, initials or none, not '" + style + "'");
          };
      int times = seen.merge(shown, 1, Integer::sum);
      out.put(owner, times == 1 ? shown : shown + " " + times);
    }
    return new Names(out);
  }

  /**
   * An owner the pipeline replaced by a keyed tag ({@code <email:dd11d339028e77d3>}, an older run
   * without {@code owner_map}): shown as "Unnamed owner n", never as the hash.
   */
  private static final java.util.regex.Pattern TAGGED =
      java.util.regex.Pattern.compile("<(email|phone):[0-9a-f]+>");

  /** Longest name or title shown in a heading or table cell before it is cut with an ellipsis. */
  public static final int MAX_LENGTH = 40;

  /**
   * {@code text} cut to at most {@link #MAX_LENGTH} characters, ending in "…" when cut (on a word
   * boundary when one lies in the last third), so long names and titles do not break a table.
   */
  public static String shorten(String text) {
    if (text == null || text.codePointCount(0, text.length()) <= MAX_LENGTH) {
      return text;
    }
    String cut = text.substring(0, text.offsetByCodePoints(0, MAX_LENGTH - 1));
    int space = cut.lastIndexOf(' ');
    if (space >= MAX_LENGTH * 2 / 3) {
      cut = cut.substring(0, space);
    }
    return cut.stripTrailing() + "…";
  }

  /** An owner as a person: an e-mail address's local part, anything else as written. */
  public static String person(String owner) {
    int at = owner.indexOf('@');
    return at > 0 && owner.indexOf('@', at + 1) < 0 && owner.indexOf('.', at) > at
        ? owner.substring(0, at)
        : owner;
  }

  /** "Ana Pereira" -> "A.P."; an e-mail address uses the part before the {@code @}. */
  static String initials(String name) {
    if (TAGGED.matcher(name).matches()) {
      return "?";
    }
    String base = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
    StringBuilder sb = new StringBuilder();
    for (String part : base.split("[\\s._-]+")) {
      if (!part.isEmpty()) {
        sb.appendCodePoint(Character.toUpperCase(part.codePointAt(0))).append('.');
      }
    }
    return sb.length() == 0 ? "?" : sb.toString().toUpperCase(Locale.ROOT);
  }

  /** The displayed name of {@code owner} (the owner itself if it was not given at creation). */
  public String show(String owner) {
    return display.getOrDefault(owner, owner);
  }
}
