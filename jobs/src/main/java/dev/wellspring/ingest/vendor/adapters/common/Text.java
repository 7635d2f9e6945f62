package dev.wellspring.ingest.vendor.adapters.common;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text rules shared by the CRM, address-book and calendar adapters. */
public final class Text {
  private Text() {}

  private static final Pattern EMAIL =
      Pattern.compile("[^\\s@<>()\",;:]+@[^\\s@<>()\",;:]+\\.[^\\s@<>()\",;:]+");
  private static final Pattern LINKEDIN_PROFILE =
      Pattern.compile("(?i)linkedin\\.com/(in|pub)/([^/?#\\s]+)");

  /** Trimmed, empty for null. */
  public static String clean(String value) {
    return value == null ? "" : value.strip();
  }

  /** Joins the non-empty parts with single spaces. */
  public static String joinNonEmpty(String separator, String... parts) {
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      String p = clean(part);
      if (!p.isEmpty()) {
        if (out.length() > 0) {
          out.append(separator);
        }
        out.append(p);
      }
    }
    return out.toString();
  }

  /** A name folded for keys: {@link Names#fold}, so keys agree with the LinkedIn adapters'. */
  public static String foldName(String name) {
    return Names.fold(clean(name));
  }

  /**
   * An e-mail address in normal form: a {@code mailto:} prefix and surrounding white space removed,
   * lower case. Empty when the value holds no address.
   */
  public static String normaliseEmail(String value) {
    String v = clean(value);
    if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
      v = v.substring(7).strip();
    }
    // Vendors wrap the address in text ("Priya Raman (priya@x.org)"): find it, then normalise
    // it as identity resolution does.
    Matcher m = EMAIL.matcher(v);
    return m.find() ? Emails.normalize(m.group()) : "";
  }

  /**
   * A LinkedIn profile URL in the form identity resolution compares ({@code
   * linkedin.com/in/<slug>}, slug in lower case), if the value holds one.
   */
  public static Optional<String> linkedInProfile(String value) {
    Matcher m = LINKEDIN_PROFILE.matcher(clean(value));
    if (!m.find()) {
      return Optional.empty();
    }
    // ProfileUrls also percent-decodes, so the key equals the one the LinkedIn adapters write.
    return Optional.of(ProfileUrls.normalize("linkedin.com/in/" + m.group(2)));
  }
}
