package dev.wellspring.archfixture.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file outside {@code dev.wellspring.io}: ArchitectureTest's IO rule must report it (the
 * package is named io, but not {@code dev.wellspring.io}).
 */
public final class ReadsAFile {
  private ReadsAFile() {}

  public static String read(Path file) throws IOException {
    return Files.readString(file);
  }
}
