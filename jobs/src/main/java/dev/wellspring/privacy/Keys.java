package dev.wellspring.privacy;

import dev.wellspring.WellspringException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) for personal data that needs a stable key but must not appear in any
 * output: e-mail addresses and phone numbers found in input text, identity-resolution keys.
 *
 * <p>The secret, first found wins: the configuration key {@code secret} (file or flag), the
 * environment variable {@value #ENV}, the file {@code <output>/.wellspring-secret}. When none
 * exists a random 256-bit secret is generated on first use and kept in that file, readable by the
 * owner only ({@code rw-------}), so reruns into the same output give the same keys. The secret is
 * never a constant in code and never written to the manifest.
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
   * @param output the output folder (holds the generated secret when none is configured)
   */
  public static Keys use(String configured, Path output) {
    Keys k = resolve(configured, System.getenv(ENV), output);
    active = k;
    return k;
  }

  static Keys resolve(String configured, String env, Path output) {
    if (configured != null && !configured.isBlank()) {
      return of(configured);
    }
    if (env != null && !env.isBlank()) {
      return of(env);
    }
    return of(fileSecret(output.resolve(SECRET_FILE)));
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

  private static String fileSecret(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String fresh = HexFormat.of().formatHex(randomBytes());
        try {
          // Created with owner-only permissions from the start: never readable by others, not
          // even for a moment.
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, fresh + "\n", StandardCharsets.UTF_8);
        } catch (UnsupportedOperationException e) {
          Files.writeString(file, fresh + "\n", StandardCharsets.UTF_8);
        } catch (FileAlreadyExistsException e) {
          // Another process created it first; use theirs.
        }
      }
      String s = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (s.isEmpty()) {
        throw WellspringException.unusable(
            "config", file + ": the secret file is empty (delete it to get a new one)");
      }
      return s;
    } catch (IOException e) {
      throw WellspringException.unusable(
          "config", "cannot read or create the secret " + file + ": " + e.getMessage());
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
