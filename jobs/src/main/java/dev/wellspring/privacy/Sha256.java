package dev.wellspring.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, set up in one place: the input files' fingerprints in the manifest and the short
 * deterministic ids of vendor records. (Keyed hashes of personal data are {@link Keys}' HMAC, not
 * this.)
 */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest to feed a file through as it is read. */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's documentation).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Lower-case hex of the digest's result (which resets the digest). */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Lower-case hex of the SHA-256 of {@code bytes}. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The first {@code hexDigits} (even) lower-case hex digits of the SHA-256 of text's UTF-8. */
  public static String hexPrefix(String text, int hexDigits) {
    byte[] hash = digest().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, hexDigits / 2);
  }
}
