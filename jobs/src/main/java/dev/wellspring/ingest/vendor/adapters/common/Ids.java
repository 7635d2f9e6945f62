package dev.wellspring.ingest.vendor.adapters.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic ids: the same source facts give the same id on every rerun and machine. */
public final class Ids {
  private Ids() {}

  /** The first 16 hex digits of SHA-256 over the parts joined by U+001F. */
  public static String shortHash(String... parts) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] digest = md.digest(String.join("\u001F", parts).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
