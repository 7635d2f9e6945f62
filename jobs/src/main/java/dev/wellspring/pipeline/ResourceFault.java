package dev.wellspring.pipeline;

import dev.wellspring.WellspringException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Recognises a failure caused by the machine's resources rather than by a bug: a full disk (or
 * quota), a read-only file system, a denied permission. Spark reports a task's failure as a {@code
 * SparkException} whose message carries the task's exception as text, and Hadoop wraps a full disk
 * in an {@code FSError} (an {@link Error}), so the whole cause chain is searched, by type and by
 * the operating system's wording.
 *
 * <p>Exit codes (README, "Choices where DESIGN.md is silent"): a read-only output or a denied
 * permission is an unusable invocation, 2 (the user named a folder the run cannot write); a full
 * disk is an environment failure, 1, as DESIGN.md's "internal error" covers, but with one line.
 */
record ResourceFault(String fault, Path path, int exitCode) {

  /** The fault behind {@code t}, or null when it is not a resource fault. */
  static ResourceFault of(Throwable t, Path output) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Path path = null;
    String fault = null;
    int code = 0;
    for (Throwable c = t; c != null && seen.put(c, true) == null; c = c.getCause()) {
      if (c instanceof FileSystemException fse && fse.getFile() != null && path == null) {
        path = Path.of(fse.getFile());
      }
      String text = String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT);
      if (fault != null) {
        continue;
      }
      if (text.contains("no space left on device") || text.contains("disk quota exceeded")) {
        fault = text.contains("quota") ? "disk quota exceeded" : "no space left on device";
        code = WellspringException.INTERNAL;
      } else if (text.contains("read-only file system")) {
        fault = "read-only file system";
        code = WellspringException.UNUSABLE;
      } else if (c instanceof AccessDeniedException || text.contains("permission denied")) {
        fault = "permission denied";
        code = WellspringException.UNUSABLE;
      }
    }
    return fault == null ? null : new ResourceFault(fault, path == null ? output : path, code);
  }

  /** The one line the user sees. */
  String message() {
    return path + ": " + fault;
  }
}
