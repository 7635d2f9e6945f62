package dev.wellspring.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Questions about folders and files on the local disk that code outside {@code io} asks. */
public final class Folders {
  private Folders() {}

  /** Whether {@code path} is a folder (following links). */
  public static boolean isFolder(Path path) {
    return Files.isDirectory(path);
  }

  /** Whether anything, folder or file, is at {@code path}. */
  public static boolean exists(Path path) {
    return Files.exists(path);
  }

  /** Creates the folder a file goes into, and its parents, if missing. */
  public static void createParents(Path file) throws IOException {
    Files.createDirectories(file.getParent());
  }

  /**
   * The bytes of every regular file under {@code folder}; 0 when it is null, missing, not a folder
   * or cannot be read (a file that vanishes while walking counts 0).
   */
  public static long sizeInBytes(String folder) {
    if (folder == null) {
      return 0;
    }
    Path p = Path.of(folder);
    if (!Files.isDirectory(p)) {
      return 0;
    }
    try (var files = Files.walk(p)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }
}
