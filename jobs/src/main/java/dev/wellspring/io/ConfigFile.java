package dev.wellspring.io;

import dev.wellspring.WellspringException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the configuration file ({@code --config}); parsing it is {@code config/}'s part. */
public final class ConfigFile {
  private ConfigFile() {}

  /** The file's text; an unreadable file is an unusable configuration (exit 2). */
  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw WellspringException.unusable(
          "config",
          "cannot read configuration file " + file + ": " + (nl < 0 ? m : m.substring(0, nl)));
    }
  }
}
