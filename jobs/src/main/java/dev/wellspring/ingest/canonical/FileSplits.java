package dev.wellspring.ingest.canonical;

import dev.wellspring.io.input.InputFiles;
import dev.wellspring.privacy.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a canonical CSV file into byte ranges that each begin at a record start, so several Spark
 * tasks can parse one large file, and computes the file's SHA-256 and size in the same pass.
 *
 * <p>The scan follows the record syntax of {@link CsvText#FORMAT} (RFC 4180 with trailing data)
 * byte by byte: a double quote opens a quoted field only as a field's first character; inside one,
 * {@code ""} is a quote and a lone {@code "} closes it; after the closing quote anything up to the
 * next comma or line end is trailing data, where quotes are literal; a line end ({@code \n}, {@code
 * \r\n} or a lone {@code \r}) outside quotes ends the record. The bytes that matter are ASCII and
 * never occur inside a multi-byte UTF-8 sequence, so no decoding is needed. Physical lines are
 * counted the same way as {@link CanonicalFileReader} counts them, so every range knows the line it
 * starts on.
 */
public final class FileSplits {
  /** Ranges are cut at the first record start at or after every multiple of this many bytes. */
  public static final long DEFAULT_SPLIT_BYTES = 16L << 20;

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private FileSplits() {}

  /**
   * A byte range of a file to parse: {@code [start, end)}, starting on physical line {@code
   * firstLine}. The first range of a file starts at byte 0 (before any BOM) and holds the header.
   */
  public record Range(long start, long end, long firstLine) implements Serializable {}

  /** The ranges of a file, with its SHA-256 (hex) and byte count. */
  public record Splits(List<Range> ranges, String sha256, long bytes) implements Serializable {}

  /** Scans {@code file} once; ranges are about {@code splitBytes} long (at least one range). */
  public static Splits scan(Path file, long splitBytes) {
    MessageDigest digest = Sha256.digest();
    Cutter cut = new Cutter(splitBytes);
    long pos = 0;
    int state = FIELD_START;
    boolean prevCr = false; // the previous byte was \r (anywhere): a lone one is a line end
    boolean crEndsRecord = false; // ... and it was outside quotes: the record ended with it
    byte[] buf = new byte[1 << 16];
    try (InputStream in = InputFiles.open(file)) {
      int n;
      boolean first = true;
      while ((n = in.read(buf)) > 0) {
        digest.update(buf, 0, n);
        int i = 0;
        if (first
            && n >= 3
            && buf[0] == (byte) 0xEF
            && buf[1] == (byte) 0xBB
            && buf[2] == (byte) 0xBF) {
          // The reader drops a BOM before the parser sees it: the first field starts after it.
          i = 3;
          pos = 3;
        }
        first = false;
        for (; i < n; i++, pos++) {
          byte b = buf[i];
          if (prevCr && b != '\n') {
            cut.line++;
          }
          if (crEndsRecord) {
            crEndsRecord = false;
            if (b == '\n') {
              cut.line++;
              prevCr = false;
              cut.recordStartsAt(pos + 1);
              continue; // state is FIELD_START already
            }
            cut.recordStartsAt(pos);
          }
          prevCr = b == '\r';
          if (b == '\n' && state == QUOTED) {
            cut.line++;
          }
          switch (state) {
            case QUOTED -> state = b == '"' ? QUOTE_IN_QUOTED : QUOTED;
            case QUOTE_IN_QUOTED -> state = b == '"' ? QUOTED : outside(b, UNQUOTED, cut, pos);
            case FIELD_START -> state = b == '"' ? QUOTED : outside(b, UNQUOTED, cut, pos);
            default -> state = outside(b, UNQUOTED, cut, pos);
          }
          if (b == '\r' && state == FIELD_START) {
            crEndsRecord = true;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    cut.finish(pos);
    return new Splits(List.copyOf(cut.ranges), Sha256.hex(digest), pos);
  }

  /**
   * The state after byte {@code b} outside quotes: a comma starts a field, a line end a record
   * ({@code \n} here; a {@code \r} waits for the next byte, see the caller).
   */
  private static int outside(byte b, int otherwise, Cutter cut, long pos) {
    if (b == '\n') {
      cut.line++;
      cut.recordStartsAt(pos + 1);
      return FIELD_START;
    }
    return b == ',' || b == '\r' ? FIELD_START : otherwise;
  }

  /** Collects the ranges: cuts at the first record start at or past each target. */
  private static final class Cutter {
    final long splitBytes;
    final List<Range> ranges = new ArrayList<>();
    long line = 1; // the physical line of the current position
    long rangeStart;
    long rangeLine = 1;
    long nextCut;

    Cutter(long splitBytes) {
      this.splitBytes = Math.max(1, splitBytes);
      this.nextCut = this.splitBytes;
    }

    void recordStartsAt(long p) {
      if (p >= nextCut) {
        ranges.add(new Range(rangeStart, p, rangeLine));
        rangeStart = p;
        rangeLine = line;
        nextCut = p + splitBytes;
      }
    }

    void finish(long end) {
      if (rangeStart < end || ranges.isEmpty()) {
        ranges.add(new Range(rangeStart, end, rangeLine));
      }
    }
  }
}
