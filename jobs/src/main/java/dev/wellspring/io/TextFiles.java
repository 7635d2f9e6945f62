package dev.wellspring.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Small UTF-8 text files: the run's log. */
public final class TextFiles {
  private TextFiles() {}

  /** Appends {@code text} to {@code file}, creating the file if missing (not its folder). */
  public static void append(Path file, String text) throws IOException {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
