package dev.wellspring.io;

import dev.wellspring.WellspringException;
import dev.wellspring.privacy.Keys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The generated secret of an output folder, {@code <output>/}{@value Keys#SECRET_FILE}: created on
 * first use with a fresh secret ({@link Keys#freshSecret}) readable by the owner only ({@code
 * rw-------}), read again by every later run into the same output, so reruns give the same keys.
 */
public final class SecretFile {
  private SecretFile() {}

  /**
   * The secret kept in {@code output}'s secret file, creating the file first when it is missing.
   *
   * @throws WellspringException (exit 2) when the file is empty or cannot be read or created
   */
  public static String readOrCreate(Path output) {
    Path file = output.resolve(Keys.SECRET_FILE);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String fresh = Keys.freshSecret();
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
}
