package dev.wellspring.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Test fixtures: the hand-made small run under src/test/resources/reports/small. */
final class Fixtures {
  static final String RUN_DATE = "2026-01-31";
  static final Path SMALL = Path.of("src/test/resources/reports/small");

  private Fixtures() {}

  /** Copies the small run into {@code dir} (so the PDF is written there, not into the sources). */
  static Path smallRunIn(Path dir) {
    try (Stream<Path> files = Files.walk(SMALL)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(SMALL.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
