package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.privacy.Sha256;

/** Deterministic ids: the same source facts give the same id on every rerun and machine. */
public final class Ids {
  private Ids() {}

  /** The first 16 hex digits of SHA-256 over the parts joined by U+001F. */
  public static String shortHash(String... parts) {
    return Sha256.hexPrefix(String.join("\u001F", parts), 16);
  }
}
