package dev.wellspring.ingest.vendor.adapters.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalised LinkedIn profile URLs, the identity key of a LinkedIn member: percent-decoded (UTF-8),
 * Unicode NFC, lower case, without scheme, {@code www.} or a country subdomain, query, fragment and
 * trailing slashes. So {@code https://www.linkedin.com/in/linn%C3%A9a-x/} and {@code
 * www.linkedin.com/in/linnéa-x} are both {@code linkedin.com/in/linnéa-x}.
 */
public final class ProfileUrls {
  private ProfileUrls() {}

  private static final Pattern SCHEME = Pattern.compile("^[a-z][a-z0-9+.-]*://");
  private static final Pattern LINKEDIN_SUBDOMAIN =
      Pattern.compile("^(www\\.|[a-z]{2}\\.)(linkedin\\.com)");

  /** The normalised form; empty for an empty or blank URL. Idempotent. */
  public static String normalize(String url) {
    if (url == null || url.isBlank()) {
      return "";
    }
    String s = percentDecode(url.strip());
    s = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    s = SCHEME.matcher(s).replaceFirst("");
    int cut = indexOfAny(s, '?', '#');
    if (cut >= 0) {
      s = s.substring(0, cut);
    }
    if (s.startsWith("www.")) {
      s = s.substring(4);
    }
    s = LINKEDIN_SUBDOMAIN.matcher(s).replaceFirst("$2");
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  /** Several URLs in one field (LinkedIn RECIPIENT PROFILE URLS), split on commas and spaces. */
  public static java.util.List<String> splitAll(String field) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (field == null) {
      return out;
    }
    for (String part : field.split("[,;\\s]+")) {
      String n = normalize(part);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }

  private static int indexOfAny(String s, char a, char b) {
    int i = s.indexOf(a);
    int j = s.indexOf(b);
    if (i < 0) {
      return j;
    }
    return j < 0 ? i : Math.min(i, j);
  }

  /** Decodes %XX sequences as UTF-8 bytes; a malformed escape is kept as written; '+' stays. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 3;
        continue;
      }
      flush(bytes, out);
      out.append(c);
      i++;
    }
    flush(bytes, out);
    return out.toString();
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder out) {
    if (bytes.size() > 0) {
      out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
      bytes.reset();
    }
  }
}
