package dev.wellspring.privacy;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks e-mail addresses and phone numbers in text with a keyed tag, so no output carries them
 * while equal addresses still give equal text: {@code ann@example.com} becomes {@code
 * <email:0123456789abcdef>} (the first 16 hex digits of the HMAC of the lower-cased address),
 * {@code +44 20 7946 0958} becomes {@code <phone:...>} (HMAC of its digits, with a leading {@code
 * +} kept).
 *
 * <p>A phone number is a run of digits with separators (space, {@code . - ( )}) holding 7 to 15
 * digits that starts with {@code +} or {@code 00}, or contains at least one separator; it does not
 * touch letters, digits, {@code - _ / .} on either side (so ids such as {@code act-2026-0001}
 * stay), and ISO dates and times ({@code 2026-03-04}, {@code 2026-03-04 18:30}) are never phones.
 * Bare digit runs without separators (amounts, order numbers) are left alone.
 *
 * <p>Also removes invisible characters from identifiers (see {@link #identifier}).
 */
public final class Scrub implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  static final Pattern PHONE =
      Pattern.compile("(?<![\\w+\\-/.])(?:\\+|00)?\\(?\\d[\\d ().-]{5,}\\d(?![\\w\\-/]|\\.\\d)");

  private static final Pattern DATE_LIKE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*|\\d{2}:\\d{2}.*");

  /**
   * Zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and bidirectional marks and controls
   * (U+200E, U+200F, U+061C, U+202A..U+202E, U+2066..U+2069).
   */
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u061C\\u202A-\\u202E\\u2066-\\u2069]");

  private final Keys keys;

  public Scrub(Keys keys) {
    this.keys = keys;
  }

  /** A scrubber with this JVM's active key ({@link Keys#active()}). */
  public static Scrub active() {
    return new Scrub(Keys.active());
  }

  /** The text with every e-mail address and phone number replaced by its tag. */
  public String text(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    String out = s;
    if (out.indexOf('@') >= 0) {
      out = replace(EMAIL, out, "email");
    }
    return mayHoldPhone(out) ? replace(PHONE, out, "phone") : out;
  }

  /**
   * A necessary condition for {@link #PHONE} to match, checked in one pass so the regular
   * expression runs only on the few values that can hold a number: its core is a digit, five or
   * more of {@code [0-9 ().-]}, and a digit, so some run of those characters must hold two digits
   * six or more positions apart.
   */
  static boolean mayHoldPhone(String s) {
    int firstDigit = -1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (firstDigit < 0) {
          firstDigit = i;
        } else if (i - firstDigit >= 6) {
          return true;
        }
      } else if (c != ' ' && c != '(' && c != ')' && c != '.' && c != '-') {
        firstDigit = -1; // the run ends
      }
    }
    return false;
  }

  /**
   * An identifier without invisible characters: zero-width and bidirectional marks are almost
   * always copy-paste debris, and kept they would make two ids that look the same differ, so they
   * are removed before ids are compared (exactly, as DESIGN.md says). An identifier that is an
   * e-mail address or phone number is then masked like text, consistently everywhere.
   */
  public String identifier(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    return text(withoutInvisible(s));
  }

  /** {@code s} without invisible characters, stripped; not masked. */
  static String withoutInvisible(String s) {
    return mayHoldInvisible(s) ? INVISIBLE.matcher(s).replaceAll("").strip() : s.strip();
  }

  /** Whether {@code s} has a character at or above U+061C, the lowest of {@link #INVISIBLE}. */
  private static boolean mayHoldInvisible(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= '\u061C') {
        return true;
      }
    }
    return false;
  }

  private String replace(Pattern p, String s, String kind) {
    Matcher m = p.matcher(s);
    StringBuilder sb = null;
    int last = 0;
    while (m.find()) {
      String found = m.group();
      String tag = tag(kind, found);
      if (tag == null) {
        continue;
      }
      if (sb == null) {
        sb = new StringBuilder(s.length());
      }
      sb.append(s, last, m.start()).append(tag);
      last = m.end();
    }
    if (sb == null) {
      return s;
    }
    return sb.append(s, last, s.length()).toString();
  }

  private String tag(String kind, String found) {
    if (kind.equals("email")) {
      return "<email:"
          + keys.hex("email:" + found.toLowerCase(java.util.Locale.ROOT)).substring(0, 16)
          + ">";
    }
    String digits = found.replaceAll("\\D", "");
    boolean international = found.startsWith("+") || found.startsWith("00");
    boolean separated = !found.matches("\\+?\\d+");
    if (digits.length() < 7 || digits.length() > 15 || DATE_LIKE.matcher(found).matches()) {
      return null;
    }
    if (!international && !separated) {
      return null;
    }
    String normal = (found.startsWith("+") ? "+" : "") + digits;
    return "<phone:" + keys.hex("phone:" + normal).substring(0, 16) + ">";
  }
}
