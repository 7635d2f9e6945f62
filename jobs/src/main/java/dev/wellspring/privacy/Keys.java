package dev.wellspring.privacy;

import dev.wellspring.WellspringException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) for personal data that needs a stable key but must not appear in any
 * output: e-mail addresses and phone numbers found in input text, identity-resolution keys.
 *
 * <p>The secret, first found wins: the configuration key {@code secret} (file or flag), the
 * environment variable {@value #ENV}, the file {@code <output>/.wellspring-secret}. When none
 * exists a random 256-bit secret is generated on first use and kept in that file ({@code
 * io.SecretFile} reads and writes it), readable by the owner only ({@code rw-------}), so reruns
 * into the same output give the same keys. The secret is never a constant in code and never written
 * to the manifest.
 *
 * <p>{@link #use} makes a key the active one of this JVM (the pipeline does so before its first
 * stage); {@link #hmac} uses it. Without {@link #use} (a stage run alone in a test) a random key of
 * this JVM is used: stable within the JVM, different in the next one.
 */
public final class Keys implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Environment variable that may hold the secret. */
  public static final String ENV = "WELLSPRING_SECRET";

  /** File name of a generated secret under the output folder. */
  public static final String SECRET_FILE = ".wellspring-secret";

  private static volatile Keys active;

  private final byte[] key;

  private Keys(byte[] key) {
    this.key = key.clone();
  }

  /** A key from a secret given as text (its UTF-8 bytes). */
  public static Keys of(String secret) {
    if (secret == null || secret.isBlank()) {
      throw WellspringException.unusable(
          "config", "bad value for secret: empty (expected a non-empty secret)");
    }
    return new Keys(secret.strip().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Finds or creates the secret for an output folder and makes it the active key.
   *
   * @param configured the configuration's {@code secret}, or null
   * @param secretFile the secret kept in the output folder ({@code io.SecretFile}), asked only when
   *     neither the configuration nor the environment holds one
   */
  public static Keys use(String configured, Supplier<String> secretFile) {
    Keys k = resolve(configured, System.getenv(ENV), secretFile);
    active = k;
    return k;
  }

  static Keys resolve(String configured, String env, Supplier<String> secretFile) {
    if (configured != null && !configured.isBlank()) {
      return of(configured);
    }
    if (env != null && !env.isBlank()) {
      return of(env);
    }
    return of(secretFile.get());
  }

  /** The active key of this JVM (see the class comment). */
  public static Keys active() {
    Keys k = active;
    if (k == null) {
      synchronized (Keys.class) {
        if (active == null) {
          active = new Keys(randomBytes());
        }
        k = active;
      }
    }
    return k;
  }

  /** HMAC-SHA256 of a value's UTF-8 bytes under the active key, as 64 lower-case hex digits. */
  public static String hmac(String value) {
    return active().hex(value);
  }

  /** HMAC-SHA256 of a value's UTF-8 bytes under this key, as 64 lower-case hex digits. */
  public String hex(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * A fresh random secret, 256 bits as 64 lower-case hex digits: what {@code io.SecretFile} keeps
   * in {@value #SECRET_FILE} when no secret is configured.
   */
  public static String freshSecret() {
    return HexFormat.of().formatHex(randomBytes());
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
