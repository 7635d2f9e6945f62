package dev.wellspring.report.io;

import dev.wellspring.report.ReportException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes the report PDF atomically: a temp file in the same folder, then a rename. */
public final class PdfFile {
  /** Writes the PDF bytes to a stream. */
  @FunctionalInterface
  public interface Writer {
    void writeTo(OutputStream out) throws Exception;
  }

  private PdfFile() {}

  /**
   * Writes {@code target} so that a reader sees the old file or the whole new one, never a
   * half-written one. On failure the temp file is removed and the old file is left as it was.
   */
  public static void writeAtomically(Path target, Writer writer) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // Not Files.createTempFile: its owner-only permissions would carry over to the report.
      tmp = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".tmp");
      try (OutputStream out =
          new java.io.BufferedOutputStream(
              Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW))) {
        writer.writeTo(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (ReportException e) {
      throw e;
    } catch (Exception e) {
      throw new ReportException(ReportException.INTERNAL, "cannot write " + target + ": " + e, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write already failed; that error is the one to report
        }
      }
    }
  }
}
