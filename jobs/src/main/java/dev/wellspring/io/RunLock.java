package dev.wellspring.io;

import dev.wellspring.WellspringException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One run at a time per output folder. The lock is an OS file lock on {@code .wellspring.lock}, so
 * it dies with its process (even on SIGKILL); the file's text (pid, host, start time) only serves
 * the messages. A lock file left by a dead run is "stale" and is taken over.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE = ".wellspring.lock";

  private final FileChannel channel;
  private final FileLock lock;
  private final String previousHolder;

  private RunLock(FileChannel channel, FileLock lock, String previousHolder) {
    this.channel = channel;
    this.lock = lock;
    this.previousHolder = previousHolder;
  }

  /**
   * Takes the lock of an output folder or fails at once (exit 2) naming the holder.
   *
   * @return the lock; {@link #tookOverStaleLock()} tells whether a dead run's lock was found
   */
  public static RunLock acquire(Path outputDir) {
    try {
      Files.createDirectories(outputDir);
      Path file = outputDir.resolve(FILE);
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      String before = readText(ch);
      if (l == null) {
        ch.close();
        throw WellspringException.unusable(
            "lock",
            "another Wellspring run is writing to "
                + outputDir
                + " ("
                + (before.isBlank() ? "holder unknown" : before.strip())
                + "); wait for it to finish or use another --output");
      }
      ch.truncate(0);
      String me =
          "pid " + ProcessHandle.current().pid() + " on " + host() + " since " + Instant.now();
      ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
      ch.force(true);
      return new RunLock(ch, l, before.isBlank() ? null : before.strip());
    } catch (IOException e) {
      throw new WellspringException(
          "lock", WellspringException.INTERNAL, "cannot lock " + outputDir + ": " + e, e);
    }
  }

  /** The holder text of a stale lock that was taken over, or null when the folder was free. */
  public String tookOverStaleLock() {
    return previousHolder;
  }

  @Override
  public void close() {
    try {
      channel.truncate(0);
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readText(FileChannel ch) throws IOException {
    long size = Math.min(ch.size(), 4096);
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    ch.read(buf, 0);
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }
}
