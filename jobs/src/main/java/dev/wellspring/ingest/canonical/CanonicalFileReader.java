package dev.wellspring.ingest.canonical;

import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.RecordValidator;
import dev.wellspring.ingest.staging.RejectReason;
import dev.wellspring.ingest.staging.StagingRows;
import dev.wellspring.io.input.InputFiles;
import dev.wellspring.privacy.Sha256;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Streams one canonical file into staging rows ({@link StagingRows}): one row per record after the
 * header, then one summary row with the file's SHA-256 and byte count, all in a single pass. Rows
 * are produced lazily, so a file of millions of records needs memory for one record only.
 *
 * <p>Physical lines: the reader keeps the text read so far (trimmed as it goes) and uses each
 * record's character position to find the line it starts on (counting {@code \n}, {@code \r\n} and
 * a lone {@code \r} as one line end each) and its raw text (up to the next record's start, without
 * the final line ending). Blank lines are skipped and not counted as rows. A record left open by an
 * unterminated quote at end of file is rejected as {@code missing_required} at the line where it
 * starts, its raw text being the rest of the file.
 */
public final class CanonicalFileReader implements Iterator<Row>, Closeable {
  private final InputFile file;
  private final Chunk chunk;
  private final RecordValidator validator;
  private final CountingStream bytes;
  private final MessageDigest digest;
  private final RecordingReader text;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;

  private int[] fieldColumns; // per kind field: its column in the file, -1 when absent
  private CSVRecord pending; // the record whose end is not known yet
  private long pendingLine;
  private long countedTo; // line ends are counted up to this character position
  private long lineAtCounted = 1;
  private Row next;
  private boolean summaryDone;

  /** Record rows given so far (the summary row's {@code records}). */
  private long recordRows;

  private boolean closed;

  CanonicalFileReader(InputFile file, RecordValidator validator) {
    this(new Chunk(file, null, null, null, -1), validator);
  }

  /**
   * One part of a file to read.
   *
   * @param file the file
   * @param range the byte range and its first line, or null for the whole file
   * @param header the file's header names when the range is not the first (it has no header)
   * @param sha256 the file's SHA-256 when known (then no digest is computed here), else null
   * @param bytes the file's size when sha256 is given
   */
  record Chunk(
      InputFile file, FileSplits.Range range, List<String> header, String sha256, long bytes)
      implements java.io.Serializable {
    boolean first() {
      return range == null || range.start() == 0;
    }
  }

  CanonicalFileReader(Chunk chunk, RecordValidator validator) {
    InputFile file = chunk.file();
    this.file = file;
    this.chunk = chunk;
    this.validator = validator;
    this.digest = Sha256.digest();
    try {
      InputStream raw = InputFiles.open(Path.of(file.path()));
      if (chunk.range() != null) {
        raw.skipNBytes(chunk.range().start());
        raw = new BoundedStream(raw, chunk.range().end() - chunk.range().start());
        lineAtCounted = chunk.range().firstLine();
      }
      this.bytes = new CountingStream(raw);
      if (!chunk.first()) {
        fieldColumns = mapColumns(chunk.header());
      }
      // Malformed UTF-8 inside data becomes U+FFFD (InputStreamReader's default); the header
      // sniff on the driver already refused files that are not UTF-8 text at all.
      Reader decoded =
          new InputStreamReader(
              chunk.sha256() == null ? new DigestInputStream(bytes, digest) : bytes,
              StandardCharsets.UTF_8);
      this.text = new RecordingReader(decoded, chunk.first());
      this.parser = CSVParser.builder().setReader(text).setFormat(CsvText.FORMAT).get();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.name(), e);
    }
    this.records = parser.iterator();
  }

  @Override
  public boolean hasNext() {
    if (next == null && !summaryDone) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  private Row advance() {
    while (true) {
      if (records.hasNext()) {
        CSVRecord r = records.next();
        long pos = r.getCharacterPosition();
        Row row = pending == null ? null : finish(pending, pendingLine, pos, false);
        pendingLine = lineAt(pos);
        pending = r;
        text.discardBefore(pos);
        if (row != null) {
          return row;
        }
      } else if (pending != null) {
        Row row = finish(pending, pendingLine, text.end(), true);
        pending = null;
        if (row != null) {
          return row;
        }
      } else {
        summaryDone = true;
        // One summary row per part: its record count, and the file's digest and size on the
        // first part's.
        Row summary = summary();
        close();
        return summary;
      }
    }
  }

  /** The staging row of a finished record, or null for a blank line or the header. */
  private Row finish(CSVRecord record, long line, long end, boolean atEof) {
    String raw = stripLineEnd(text.substring(record.getCharacterPosition(), end));
    if (raw.isBlank()) {
      return null;
    }
    if (fieldColumns == null) {
      List<String> names = CsvText.columnNames(record);
      // As in the header sniff: the first record with a non-empty name is the header.
      if (names.stream().anyMatch(n -> !n.isEmpty())) {
        fieldColumns = mapColumns(names);
      }
      return null;
    }
    List<String> values = new ArrayList<>(fieldColumns.length);
    for (int col : fieldColumns) {
      values.add(col >= 0 && col < record.size() ? record.get(col).trim() : "");
    }
    RecordValidator.Result result = validator.validate(values);
    RejectReason reason = result.reason();
    if (atEof && CsvText.unterminated(raw)) {
      reason = RejectReason.MISSING_REQUIRED;
    }
    Object[] cells = new Object[result.values().length + 8];
    System.arraycopy(result.values(), 0, cells, 0, result.values().length);
    int i = result.values().length;
    cells[i] = file.name();
    cells[i + 1] = line;
    cells[i + 2] = file.order();
    cells[i + 3] = reason == null ? null : reason.code();
    cells[i + 4] = raw;
    recordRows++;
    return RowFactory.create(cells);
  }

  private Row summary() {
    try {
      // Read any bytes the decoder left so the digest and count cover the whole file.
      while (bytes.read() >= 0) {
        // drain
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.name(), e);
    }
    int n = file.kind().fields().size();
    Object[] cells = new Object[n + 8];
    cells[n] = file.name();
    cells[n + 1] = StagingRows.SUMMARY_LINE;
    cells[n + 2] = file.order();
    if (chunk.first()) {
      cells[n + 5] = chunk.sha256() != null ? chunk.sha256() : Sha256.hex(digest);
      cells[n + 6] = chunk.sha256() != null ? chunk.bytes() : bytes.count;
    }
    cells[n + 7] = recordRows;
    return RowFactory.create(cells);
  }

  private int[] mapColumns(List<String> header) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < header.size(); c++) {
      index.putIfAbsent(header.get(c), c); // a repeated column name: the first one counts
    }
    List<Kind.Field> fields = file.kind().fields();
    int[] cols = new int[fields.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = index.getOrDefault(fields.get(i).name(), -1);
    }
    return cols;
  }

  /** The 1-based physical line of a character position, counting forward from the last one. */
  private long lineAt(long pos) {
    long line = lineAtCounted;
    for (long i = countedTo; i < pos; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.end() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    countedTo = pos;
    lineAtCounted = line;
    return line;
  }

  private static String stripLineEnd(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("\n") || s.endsWith("\r")) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file.name(), e);
    }
  }

  /** Ends after a number of bytes: a range of a file. */
  private static final class BoundedStream extends FilterInputStream {
    private long left;

    BoundedStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buf, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  /** Counts the bytes read through it. */
  private static final class CountingStream extends FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /**
   * Keeps the characters read through it, addressed by absolute position, so a record's raw text
   * and line can be recovered from its character position. Drops a leading BOM, which the CSV
   * parser then never sees (positions count from after it).
   */
  private static final class RecordingReader extends Reader {
    private static final int DISCARD_THRESHOLD = 1 << 16;
    private final PushbackReader in;
    private final StringBuilder kept = new StringBuilder();
    private long base; // absolute position of kept[0]

    RecordingReader(Reader in, boolean atFileStart) throws IOException {
      this.in = new PushbackReader(in, 1);
      int first = atFileStart ? this.in.read() : -1;
      if (first >= 0 && first != CsvText.BOM) {
        this.in.unread(first);
      }
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
      int n = in.read(buf, off, len);
      if (n > 0) {
        kept.append(buf, off, n);
      }
      return n;
    }

    long end() {
      return base + kept.length();
    }

    char charAt(long pos) {
      return kept.charAt((int) (pos - base));
    }

    String substring(long from, long to) {
      return kept.substring((int) (from - base), (int) (to - base));
    }

    /** Forgets text before {@code pos}; batched so the copying stays linear overall. */
    void discardBefore(long pos) {
      if (pos - base > DISCARD_THRESHOLD) {
        kept.delete(0, (int) (pos - base));
        base = pos;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
