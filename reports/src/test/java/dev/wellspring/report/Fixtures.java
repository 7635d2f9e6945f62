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

  /**
   * The exports of issues 20 and 21 for the small run (period comparison, goals with titles and
   * status, lift history, follow-up, incrementality, what-if, lift.csv with its incremental row),
   * laid over it by {@link #fullRunIn}; the small run alone stands for an older run folder.
   */
  static final Path EXTRAS = Path.of("src/test/resources/reports/extras");

  private Fixtures() {}

  /** Copies the small run into {@code dir} (so the PDF is written there, not into the sources). */
  static Path smallRunIn(Path dir) {
    return copy(SMALL, dir);
  }

  /** The small run with every export of issues 20 and 21, copied into {@code dir}. */
  static Path fullRunIn(Path dir) {
    copy(SMALL, dir);
    return copy(EXTRAS, dir);
  }

  private static Path copy(Path from, Path dir) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = dir.resolve(from.relativize(p).toString());
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
