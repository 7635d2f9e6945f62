package dev.wellspring.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A fast RFC 4180 CSV writer for one canonical kind ({@code activities}, ...), split into parts
 * above a size: {@code activities.csv}, then {@code activities-0001.csv}, {@code
 * activities-0002.csv}, ..., each part starting with the header.
 *
 * <p>Rows are encoded to UTF-8 by hand into a row buffer and copied into a large output buffer,
 * because a {@code Writer} plus per-row {@code String} building costs several times more at ten
 * million rows. The row buffer also gives the exact byte size of a row before it is written, so a
 * part never exceeds the limit unless a single row does. A field is quoted when it contains a
 * comma, a quote, CR or LF; quotes inside are doubled.
 */
final class CsvSink implements Closeable {
  private static final byte[] CRLF = {'\r', '\n'};
  private static final int OUT_BUFFER = 1 << 20;

  private final Path dir;
  private final String kind;
  private final byte[] headerBytes;
  private final long partSizeBytes;
  private final boolean bom;

  private final byte[] out = new byte[OUT_BUFFER];
  private int outLen;
  private byte[] row = new byte[1024];
  private int rowLen;
  private boolean firstField = true;

  private OutputStream stream;
  private long partBytes;
  private long partRows;
  private long rows;
  private final List<Part> parts = new ArrayList<>();

  /** One written file: its name, its data rows (header excluded) and its size in bytes. */
  record Part(String file, long rows, long bytes) {}

  /**
   * @param partSizeBytes a part is closed before a row that would take it above this size; {@code
   *     Long.MAX_VALUE} for a single file
   * @param bom whether the first part starts with a UTF-8 byte order mark
   */
  CsvSink(Path dir, String kind, String[] header, long partSizeBytes, boolean bom) {
    this.dir = dir;
    this.kind = kind;
    this.partSizeBytes = partSizeBytes;
    this.bom = bom;
    for (String h : header) {
      str(h);
    }
    put(CRLF[0]);
    put(CRLF[1]);
    this.headerBytes = Arrays.copyOf(row, rowLen);
    rowLen = 0;
    firstField = true;
    openPart();
  }

  /** A text field, quoted when it needs to be; null and "" are both written empty. */
  CsvSink str(String s) {
    sep();
    if (s == null || s.isEmpty()) {
      return this;
    }
    boolean quote = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        quote = true;
        break;
      }
    }
    if (quote) {
      put((byte) '"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          put((byte) '"');
        }
        i = encode(s, i);
      }
      put((byte) '"');
    } else {
      for (int i = 0; i < s.length(); i++) {
        i = encode(s, i);
      }
    }
    return this;
  }

  /** Bytes the caller knows need no quoting (ASCII ids, dates, enum values). */
  CsvSink raw(byte[] b, int len) {
    sep();
    ensure(len);
    System.arraycopy(b, 0, row, rowLen, len);
    rowLen += len;
    return this;
  }

  CsvSink raw(byte[] b) {
    return raw(b, b.length);
  }

  /** A non-negative integer. */
  CsvSink num(long v) {
    sep();
    putLong(v);
    return this;
  }

  /** A non-negative amount given in hundredths, written as {@code 12.30}. */
  CsvSink cents(long c) {
    sep();
    putLong(c / 100);
    put((byte) '.');
    long r = c % 100;
    put((byte) ('0' + r / 10));
    put((byte) ('0' + r % 10));
    return this;
  }

  CsvSink empty() {
    sep();
    return this;
  }

  /** Ends the row; it goes to the current part, or opens the next one if the row does not fit. */
  void endRow() {
    put(CRLF[0]);
    put(CRLF[1]);
    if (partRows > 0 && partBytes + rowLen > partSizeBytes) {
      closePart();
      openPart();
    }
    write(row, rowLen);
    partRows++;
    rows++;
    rowLen = 0;
    firstField = true;
  }

  long rows() {
    return rows;
  }

  /** The parts written so far; complete after {@link #close()}. */
  List<Part> parts() {
    return List.copyOf(parts);
  }

  @Override
  public void close() {
    if (stream != null) {
      closePart();
    }
  }

  private void openPart() {
    String name =
        parts.isEmpty()
            ? kind + ".csv"
            : String.format(Locale.ROOT, "%s-%04d.csv", kind, parts.size());
    try {
      stream = Files.newOutputStream(dir.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir.resolve(name), e);
    }
    parts.add(new Part(name, 0, 0));
    partBytes = 0;
    partRows = 0;
    if (bom && parts.size() == 1) {
      write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, 3);
    }
    write(headerBytes, headerBytes.length);
  }

  private void closePart() {
    flush();
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + kind + " part", e);
    }
    stream = null;
    Part last = parts.remove(parts.size() - 1);
    parts.add(new Part(last.file(), partRows, partBytes));
  }

  private void write(byte[] b, int len) {
    if (outLen + len > out.length) {
      flush();
    }
    if (len > out.length) {
      writeThrough(b, len);
    } else {
      System.arraycopy(b, 0, out, outLen, len);
      outLen += len;
    }
    partBytes += len;
  }

  private void flush() {
    if (outLen > 0) {
      writeThrough(out, outLen);
      outLen = 0;
    }
  }

  private void writeThrough(byte[] b, int len) {
    try {
      stream.write(b, 0, len);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + kind, e);
    }
  }

  private void sep() {
    if (firstField) {
      firstField = false;
    } else {
      put((byte) ',');
    }
  }

  /** Encodes the char at i (and its low surrogate) as UTF-8; returns the last index consumed. */
  private int encode(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x80) {
      put((byte) c);
    } else if (c < 0x800) {
      put((byte) (0xC0 | (c >> 6)));
      put((byte) (0x80 | (c & 0x3F)));
    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      put((byte) (0xF0 | (cp >> 18)));
      put((byte) (0x80 | ((cp >> 12) & 0x3F)));
      put((byte) (0x80 | ((cp >> 6) & 0x3F)));
      put((byte) (0x80 | (cp & 0x3F)));
      return i + 1;
    } else {
      put((byte) (0xE0 | (c >> 12)));
      put((byte) (0x80 | ((c >> 6) & 0x3F)));
      put((byte) (0x80 | (c & 0x3F)));
    }
    return i;
  }

  private void putLong(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative number " + v);
    }
    ensure(20);
    if (v == 0) {
      row[rowLen++] = '0';
      return;
    }
    int start = rowLen;
    while (v > 0) {
      row[rowLen++] = (byte) ('0' + v % 10);
      v /= 10;
    }
    for (int a = start, b = rowLen - 1; a < b; a++, b--) {
      byte t = row[a];
      row[a] = row[b];
      row[b] = t;
    }
  }

  private void put(byte b) {
    if (rowLen == row.length) {
      ensure(1);
    }
    row[rowLen++] = b;
  }

  private void ensure(int more) {
    if (rowLen + more > row.length) {
      row = Arrays.copyOf(row, Math.max(row.length * 2, rowLen + more));
    }
  }
}
