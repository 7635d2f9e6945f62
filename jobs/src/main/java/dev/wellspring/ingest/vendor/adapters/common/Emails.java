package dev.wellspring.ingest.vendor.adapters.common;

import java.util.Locale;

/** Normalised e-mail addresses, an identity key. Kept only inside identity resolution. */
public final class Emails {
  private Emails() {}

  /** Trimmed, {@code mailto:} removed, lower case; empty when it is not an address. */
  public static String normalize(String email) {
    if (email == null) {
      return "";
    }
    String s = email.strip();
    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7).strip();
    }
    s = s.toLowerCase(Locale.ROOT);
    int at = s.indexOf('@');
    if (at <= 0 || at != s.lastIndexOf('@') || at == s.length() - 1 || s.contains(" ")) {
      return "";
    }
    return s;
  }
}
