package dev.wellspring.io.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Class data sharing (AppCDS) for the report JVM that {@code pipeline.ReportLauncher} starts: the
 * first report for an output folder and report installation writes an archive of the classes it
 * loaded ({@code -XX:ArchiveClassesAtExit}, about a second more that once); later ones map it
 * ({@code -XX:SharedArchiveFile}) instead of loading, verifying and linking some 4,600 classes from
 * the jars, about 0.5 s of CPU less a report (reports/README.md, "Benchmark"). The archive is
 * {@value #CDS_ARCHIVE} (about 27 MB) beside the first classpath entry, i.e. in {@code
 * reports/target/} for run.sh, so one archive serves every output folder; when that folder is not
 * writable, in the output folder's {@value #CDS_DIR}. A key file beside it names the JVM and every
 * jar of the classpath with its size and time, and an archive whose key differs (a rebuilt jar,
 * another JVM) is written again. The JVM only archives classes from jars, so a classpath with a
 * folder of classes (an IDE, the tests) runs without it.
 */
public record ReportClassArchive(Path archive, String key, Path writing) {
  /** Where the archive lives when the installation is read-only: under the output folder. */
  public static final String CDS_DIR = ".wellspring";

  /** The archive's file name. */
  public static final String CDS_ARCHIVE = "report-classes.jsa";

  /** No archive: the child loads its classes from the jars. */
  public static final ReportClassArchive NONE = new ReportClassArchive(null, null, null);

  /** The archive for a report of {@code output} with {@code classpath}, or {@link #NONE}. */
  public static ReportClassArchive of(Path output, String classpath) {
    String key = key(classpath);
    if (key == null) {
      return NONE;
    }
    Path dir = archiveDir(output, classpath);
    Path archive = dir.resolve(CDS_ARCHIVE);
    Path keyFile = dir.resolve(CDS_ARCHIVE + ".key");
    try {
      if (Files.isRegularFile(archive)
          && Files.isRegularFile(keyFile)
          && Files.readString(keyFile, StandardCharsets.UTF_8).equals(key)) {
        return new ReportClassArchive(archive, key, null);
      }
      Files.createDirectories(dir);
      sweep(dir);
      // Unique per child: two reports may start at once (two output folders, parallel tests).
      return new ReportClassArchive(
          archive,
          key,
          dir.resolve(
              CDS_ARCHIVE
                  + "."
                  + ProcessHandle.current().pid()
                  + "-"
                  + System.nanoTime()
                  + ".tmp"));
    } catch (IOException e) {
      return NONE; // an unwritable output folder: the report itself will say so
    }
  }

  /** The folder of the first classpath entry if writable, else the output's {@value #CDS_DIR}. */
  public static Path archiveDir(Path output, String classpath) {
    String first = classpath.split(java.io.File.pathSeparator)[0];
    Path install =
        first.endsWith("*")
            ? Path.of(first.substring(0, first.length() - 1)).toAbsolutePath()
            : Path.of(first).toAbsolutePath().getParent();
    return install != null && Files.isDirectory(install) && Files.isWritable(install)
        ? install
        : output.resolve(CDS_DIR);
  }

  /**
   * Deletes archives left half-done by a launcher that died before its child exited (the child
   * still writes its archive then, and nobody publishes it): any older than ten minutes.
   */
  private static void sweep(Path dir) {
    long stale = System.currentTimeMillis() - 10 * 60_000L;
    try (var files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(CDS_ARCHIVE + ".")
            && name.endsWith(".tmp")
            && Files.getLastModifiedTime(p).toMillis() < stale) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      // Left for the next report to sweep.
    }
  }

  /** The child's flags: map the archive, or write it at exit, or nothing. */
  public List<String> flags() {
    if (archive == null) {
      return List.of();
    }
    return writing == null
        ? List.of("-XX:SharedArchiveFile=" + archive)
        : List.of("-XX:ArchiveClassesAtExit=" + writing);
  }

  /** After the child: publish a freshly written archive (and its key) if the report succeeded. */
  public void finish(boolean succeeded) {
    if (writing == null) {
      return;
    }
    try {
      if (succeeded && Files.isRegularFile(writing) && Files.size(writing) > 0) {
        Path keyFile = archive.resolveSibling(CDS_ARCHIVE + ".key");
        // The key goes last: an archive without its key is written again next time.
        Files.deleteIfExists(keyFile);
        Files.move(
            writing, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(keyFile, key, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      // No archive this time; the next report tries again.
    } finally {
      try {
        Files.deleteIfExists(writing);
      } catch (IOException e) {
        // a stray temp file in .wellspring is harmless
      }
    }
  }

  /**
   * The JVM and every jar of {@code classpath} (a {@code dir/*} entry expands to its jars) with
   * size and modification time, one per line; null when an entry is a folder or unreadable.
   */
  public static String key(String classpath) {
    StringBuilder key =
        new StringBuilder(
            System.getProperty("java.home")
                + " "
                + System.getProperty("java.vm.version")
                + "\n"
                + classpath
                + "\n");
    try {
      for (String entry : classpath.split(java.io.File.pathSeparator)) {
        if (entry.isEmpty()) {
          continue;
        }
        List<Path> jars;
        if (entry.endsWith("*")) {
          try (var list = Files.list(Path.of(entry.substring(0, entry.length() - 1)))) {
            jars = list.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
          }
        } else {
          jars = List.of(Path.of(entry));
        }
        for (Path jar : jars) {
          if (!Files.isRegularFile(jar)) {
            return null;
          }
          key.append(jar)
              .append(' ')
              .append(Files.size(jar))
              .append(' ')
              .append(Files.getLastModifiedTime(jar).toMillis())
              .append('\n');
        }
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return key.toString();
  }
}
