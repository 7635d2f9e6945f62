package dev.wellspring.io.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * The file access of ingest: opening and reading input files, their sizes, the input folder's walk
 * and staged copies. Ingest keeps what it makes of the bytes (headers, records, kinds).
 */
public final class InputFiles {
  private InputFiles() {}

  /** A stream of the file's bytes from the start. */
  public static InputStream open(Path file) throws IOException {
    return Files.newInputStream(file);
  }

  /** All of a file's bytes (vendor exports are read whole: they are small). */
  public static byte[] readAllBytes(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  /** The file's size in bytes. */
  public static long size(Path file) throws IOException {
    return Files.size(file);
  }

  /** Whether the path is a folder (following links). */
  public static boolean isDirectory(Path path) {
    return Files.isDirectory(path);
  }

  /**
   * The regular files under {@code inputDir}, as paths relative to it with '/' (unsorted), links
   * followed (to files and to folders, and {@code inputDir} itself may be one); a link that leads
   * back into a folder being listed is a loop, skipped with a warning. FIFOs, sockets and devices
   * are refused with a warning: reading a FIFO would block the run, and none of them is an export.
   * A folder whose name {@code namedLikeAFile} holds is listed like any folder, with a warning,
   * since the user probably meant the file.
   */
  public static List<String> list(
      Path inputDir, Predicate<String> namedLikeAFile, List<String> warnings) {
    List<String> names = new ArrayList<>();
    try {
      Files.walkFileTree(
          inputDir,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(inputDir) && namedLikeAFile.test(dir.getFileName().toString())) {
                warnings.add(
                    relative(inputDir, dir)
                        + ": a folder named like a canonical file; its files are read by their"
                        + " headers like any other");
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                names.add(relative(inputDir, file));
              } else if (attrs.isOther()) {
                warnings.add(
                    relative(inputDir, file)
                        + ": skipped, not a regular file (a FIFO, socket or device)");
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException) {
                warnings.add(
                    relative(inputDir, file)
                        + ": skipped, a link that loops back to a folder it is in");
              } else if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                warnings.add(relative(inputDir, file) + ": skipped, a link to nothing");
              } else {
                warnings.add(
                    relative(inputDir, file)
                        + ": skipped, cannot be read ("
                        + e.getMessage()
                        + ")");
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + inputDir, e);
    }
    return names;
  }

  private static String relative(Path base, Path p) {
    return base.relativize(p).toString().replace('\\', '/');
  }

  /** Copies a file with every CR byte turned into LF (CR is never part of a UTF-8 sequence). */
  public static void lfCopy(Path from, Path to) {
    try {
      Files.createDirectories(to.getParent());
      try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(from));
          java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(to))) {
        int b;
        while ((b = in.read()) >= 0) {
          out.write(b == '\r' ? '\n' : b);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot stage a copy of " + from + ": " + e.getMessage(), e);
    }
  }
}
