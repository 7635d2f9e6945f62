package dev.wellspring.ingest.vendor.adapters.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * People's and companies' names: a display form (kept as the person wrote it, only whitespace
 * tidied) and a folded form used only for matching.
 */
public final class Names {
  private Names() {}

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /**
   * Credentials often written in lower case or with one capital, so the capitals test misses them.
   */
  private static final Set<String> CREDENTIALS =
      Set.of(
          "phd", "msc", "bsc", "mba", "md", "jd", "cpa", "cfa", "pmp", "ma", "ba", "meng", "dr",
          "jr", "sr", "ii", "iii", "mcc", "pcc", "acc", "esq");

  /**
   * The name as shown: line breaks, tabs, runs of spaces and invisible format characters become one
   * space, ends trimmed. Emoji, credentials and styled letters stay: they are what the person chose
   * to show.
   */
  public static String display(String name) {
    if (name == null) {
      return "";
    }
    String s = name.replace('\u00A0', ' ').replaceAll("[\\p{Cc}\\p{Cf}&&[^\u200D]]", " ");
    return SPACES.matcher(s).replaceAll(" ").strip();
  }

  /** First and last name joined for display. */
  public static String fullName(String first, String last) {
    return display(display(first) + " " + display(last));
  }

  /**
   * The matching form of a person's name: NFKC (styled letters such as mathematical bold become
   * plain), trailing credentials after a comma removed ({@code Jane Doe, PMP, CSM}), accents
   * removed, lower case, apostrophes dropped, every other non-letter-or-digit (emoji, hyphens,
   * dots) a space, whitespace collapsed. Empty for an empty name.
   */
  public static String fold(String name) {
    if (name == null) {
      return "";
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
    s = stripCredentials(s);
    return foldText(s);
  }

  /** The matching form of a company name: as {@link #fold} without credential removal. */
  public static String foldCompany(String company) {
    if (company == null) {
      return "";
    }
    return foldText(Normalizer.normalize(company, Normalizer.Form.NFKC));
  }

  private static String foldText(String nfkc) {
    String s = MARKS.matcher(Normalizer.normalize(nfkc, Normalizer.Form.NFD)).replaceAll("");
    s = s.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            cp -> {
              if (Character.isLetterOrDigit(cp)) {
                b.appendCodePoint(cp);
              } else if (cp != '\'' && cp != '\u2019') {
                b.append(' ');
              }
            });
    // Letters that NFD does not decompose (ø, ł, ß) would still differ between spellings; leave
    // them: the same person's name is spelled the same way across one person's exports.
    return SPACES.matcher(b).replaceAll(" ").strip();
  }

  /** Removes trailing {@code , CRED} segments whose every word looks like a credential. */
  static String stripCredentials(String s) {
    String result = s;
    while (true) {
      int comma = result.lastIndexOf(',');
      if (comma <= 0) {
        return result;
      }
      String tail = result.substring(comma + 1).strip();
      if (!tail.isEmpty() && !isCredentials(tail)) {
        return result;
      }
      result = result.substring(0, comma);
    }
  }

  /**
   * Whether a comma-separated part of a name is credentials ({@code PMP}, {@code Ph.D.}, {@code
   * MBA, CSM}).
   */
  public static boolean isCredentials(String tail) {
    for (String word : tail.split("[\\s/]+")) {
      String w = word.replaceAll("[.\\u00AE\\u2122()\\-]", "");
      if (w.isEmpty()) {
        continue;
      }
      long capitals = w.codePoints().filter(Character::isUpperCase).count();
      boolean allLetters = w.codePoints().allMatch(Character::isLetterOrDigit);
      if (!allLetters) {
        return false;
      }
      if (capitals < 2 && !CREDENTIALS.contains(w.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
