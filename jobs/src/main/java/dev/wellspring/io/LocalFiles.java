package dev.wellspring.io;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:}) with permissions set through java.nio instead of a
 * {@code chmod} child process. Without Hadoop's native library (which Spark does not ship) every
 * directory and file Spark's writers create is followed by a {@code chmod} child of the driver JVM
 * (with threads to read its output): 199 of them in a {@code nightly} of the sample data, more with
 * every write task on large inputs; about 1 s of system CPU and 2 s of wall time of a 1 M run
 * (docs/benchmarks.md). Everything else, checksums included, is Hadoop's own {@link
 * LocalFileSystem}. Set as {@code fs.file.impl} by {@code dev.wellspring.spark.Sessions}.
 */
public final class LocalFiles extends LocalFileSystem {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  public LocalFiles() {
    super(POSIX ? new NioPermissions() : new RawLocalFileSystem());
  }

  /** The raw local file system with {@link #setPermission} in process. */
  static final class NioPermissions extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      // rwx of user, group and others: what `chmod %04o` set; the sticky bit (which Spark's
      // writers never ask for) has no java.nio form, so such a request still goes to chmod.
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      String symbols =
          permission.getUserAction().SYMBOL
              + permission.getGroupAction().SYMBOL
              + permission.getOtherAction().SYMBOL;
      Files.setPosixFilePermissions(
          pathToFile(p).toPath(), PosixFilePermissions.fromString(symbols));
    }
  }
}
