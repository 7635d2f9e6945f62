package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.WellspringException;
import dev.wellspring.io.input.InputFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a vendor CSV export the way every adapter needs it: charset detection, BOM removal, a
 * header row found by scanning (vendor files carry preambles of varying length, sometimes padded
 * with delimiters by a spreadsheet), {@code ;} or {@code ,} as delimiter, and for every record the
 * physical line it starts on and its raw text.
 *
 * <p>Charset: UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what a spreadsheet on
 * Windows writes); {@link Table#charset()} says which, and a fallback is logged. Files are read
 * whole into memory: raw text and line numbers come from character offsets into the text.
 */
public final class VendorCsv {
  private static final Logger LOG = LoggerFactory.getLogger(VendorCsv.class);
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  /** Vendor preambles are a few lines; a header further down is not a header. */
  private static final int HEADER_SCAN_LINES = 50;

  private VendorCsv() {}

  /**
   * A header layout: the lower-case column names that must all be present. Extra columns are
   * allowed (vendors add columns over time; an adapter reads only the ones it knows).
   */
  public record Header(String name, Set<String> required) {
    public Header {
      required = Set.copyOf(required);
    }

    public static Header of(String name, String... required) {
      List<String> cols = new ArrayList<>();
      for (String c : required) {
        cols.add(c.toLowerCase(Locale.ROOT));
      }
      return new Header(name, Set.copyOf(cols));
    }

    boolean matches(List<String> cells) {
      return cells.containsAll(required);
    }
  }

  /**
   * Where a header was found: which layout, on which line (0-based index), with which delimiter.
   */
  public record Found(Header header, int lineIndex, char delimiter, List<String> columns) {}

  /** One data record: the physical line it starts on (1-based), its raw text, its cells. */
  public record Row(long line, String raw, Map<String, Integer> index, List<String> cells) {
    /** The trimmed value of a (lower-case) column; empty when absent or beyond the row's end. */
    public String get(String column) {
      Integer i = index.get(column);
      if (i == null || i >= cells.size()) {
        return "";
      }
      String v = cells.get(i);
      return v == null ? "" : v.strip();
    }

    public boolean has(String column) {
      return index.containsKey(column);
    }
  }

  /** A decoded vendor file: its layout, charset and data records (blank records removed). */
  public record Table(Found found, Charset charset, List<Row> rows) {}

  /**
   * Finds the first line among {@code lines} that is a header of one of {@code headers}, trying
   * {@code ,} then {@code ;} as delimiter. Cells are trimmed and lower-cased; trailing empty cells
   * (spreadsheet padding) do not matter.
   */
  public static Found findHeader(List<String> lines, List<Header> headers) {
    int limit = Math.min(lines.size(), HEADER_SCAN_LINES);
    for (int i = 0; i < limit; i++) {
      String line = stripBom(lines.get(i));
      for (char delimiter : new char[] {',', ';', '\t'}) {
        if (line.indexOf(delimiter) < 0) {
          continue;
        }
        List<String> cells = headerCells(line, delimiter);
        for (Header h : headers) {
          if (h.matches(cells)) {
            return new Found(h, i, delimiter, cells);
          }
        }
      }
    }
    return null;
  }

  /** Reads a whole file whose header is one of {@code headers}; unusable (exit 2) otherwise. */
  public static Table read(Path file, List<Header> headers) throws IOException {
    byte[] bytes = InputFiles.readAllBytes(file);
    Charset charset = detectCharset(bytes);
    if (!charset.equals(StandardCharsets.UTF_8)) {
      LOG.warn("{}: not valid UTF-8, read as {}", file.getFileName(), charset.name());
    }
    String text = stripBom(new String(bytes, charset));
    return parse(file.getFileName().toString(), text, charset, headers);
  }

  /** {@link #read} on text already decoded (for tests and callers holding the text). */
  public static Table parse(String fileName, String text, Charset charset, List<Header> headers) {
    List<int[]> lineSpans = lineSpans(text, HEADER_SCAN_LINES);
    List<String> firstLines = new ArrayList<>();
    for (int[] s : lineSpans) {
      firstLines.add(text.substring(s[0], s[1]));
    }
    Found found = findHeader(firstLines, headers);
    if (found == null) {
      throw WellspringException.unusable(
          "ingest", fileName + ": no header row of " + names(headers) + " in its first lines");
    }
    int[] headerSpan = lineSpans.get(found.lineIndex());
    int dataStart = headerSpan[2];
    long firstDataLine = found.lineIndex() + 2L;
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < found.columns().size(); i++) {
      index.putIfAbsent(found.columns().get(i), i);
    }
    Map<String, Integer> columns = Collections.unmodifiableMap(index);
    return new Table(
        found,
        charset,
        records(fileName, text, dataStart, firstDataLine, found.delimiter(), columns));
  }

  /**
   * The first {@code max} lines of a file as {@code ExportAdapter.recognizes} wants them: BOM
   * removed, line ends removed, decoded as UTF-8 or else Windows-1252 (judged on the bytes read, at
   * most 64 KiB, cut at a line end so a multi-byte character is never split).
   */
  public static List<String> firstLines(Path file, int max) throws IOException {
    byte[] head;
    long size;
    try (java.io.InputStream in = InputFiles.open(file)) {
      size = InputFiles.size(file);
      head = in.readNBytes(64 * 1024);
    }
    int len = head.length;
    boolean wide = utf16(head) != null;
    if (size > len) {
      while (len > 0 && head[len - 1] != '\n') {
        len--;
      }
      if (wide) {
        // UTF-16LE's line feed is 0A 00: keep whole two-byte units.
        len = Math.min(head.length, len + 1) & ~1;
      }
    }
    byte[] bytes = java.util.Arrays.copyOf(head, len);
    String text = stripBom(new String(bytes, detectCharset(bytes)));
    List<String> lines = new ArrayList<>();
    for (int[] s : lineSpans(text, max)) {
      lines.add(text.substring(s[0], s[1]));
    }
    return lines;
  }

  /**
   * UTF-16 when the bytes start with its byte-order mark (a spreadsheet's "Unicode text" export,
   * tab-separated), else UTF-8 if the bytes decode strictly as UTF-8, else Windows-1252.
   */
  public static Charset detectCharset(byte[] bytes) {
    Charset utf16 = utf16(bytes);
    if (utf16 != null) {
      return utf16;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return StandardCharsets.UTF_8;
    } catch (CharacterCodingException e) {
      return WINDOWS_1252;
    }
  }

  /** UTF-16LE or UTF-16BE when {@code bytes} start with that byte-order mark, else null. */
  public static Charset utf16(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** Whether a file starts with a UTF-16 byte-order mark. */
  public static boolean startsWithUtf16Bom(Path file) {
    try (java.io.InputStream in = InputFiles.open(file)) {
      return utf16(in.readNBytes(2)) != null;
    } catch (IOException e) {
      return false;
    }
  }

  public static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static List<Row> records(
      String fileName,
      String text,
      int dataStart,
      long firstDataLine,
      char delimiter,
      Map<String, Integer> columns) {
    String data = text.substring(dataStart);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(false)
            .get();
    List<CSVRecord> parsed = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(data), format)) {
      for (CSVRecord r : parser) {
        parsed.add(r);
      }
    } catch (IOException | UncheckedIOException e) {
      String where =
          parsed.isEmpty()
              ? "from line " + firstDataLine
              : "after the record starting on line "
                  + (firstDataLine + countLineBreaks(data, 0, lastStart(parsed, data)));
      throw new WellspringException(
          "ingest",
          WellspringException.UNUSABLE,
          fileName + ": not readable as CSV " + where + " (" + e.getMessage() + ")",
          e);
    }
    List<Row> rows = new ArrayList<>();
    long line = firstDataLine;
    int cursor = 0;
    for (int k = 0; k < parsed.size(); k++) {
      CSVRecord r = parsed.get(k);
      int start = (int) r.getCharacterPosition();
      int end =
          k + 1 < parsed.size() ? (int) parsed.get(k + 1).getCharacterPosition() : data.length();
      line += countLineBreaks(data, cursor, start);
      cursor = start;
      // The parser positions a record after skipped blank lines' start: move past them.
      while (start < end && (data.charAt(start) == '\n' || data.charAt(start) == '\r')) {
        int next = skipLineBreak(data, start);
        line++;
        start = next;
        cursor = next;
      }
      int rawEnd = end;
      if (rawEnd > start && data.charAt(rawEnd - 1) == '\n') {
        rawEnd--;
      }
      if (rawEnd > start && data.charAt(rawEnd - 1) == '\r') {
        rawEnd--;
      }
      List<String> cells = new ArrayList<>(r.size());
      boolean blank = true;
      for (String v : r) {
        cells.add(v);
        blank &= v.isBlank();
      }
      // A record of only empty cells is a blank line, possibly padded by a spreadsheet.
      if (!blank) {
        rows.add(new Row(line, data.substring(start, rawEnd), columns, List.copyOf(cells)));
      }
    }
    return List.copyOf(rows);
  }

  private static int lastStart(List<CSVRecord> parsed, String data) {
    if (parsed.isEmpty()) {
      return 0;
    }
    CSVRecord last = parsed.get(parsed.size() - 1);
    return (int) Math.min(last.getCharacterPosition(), data.length());
  }

  private static int skipLineBreak(String s, int i) {
    if (s.charAt(i) == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
      return i + 2;
    }
    return i + 1;
  }

  /** Line breaks (CRLF, LF or CR) in {@code s[from, to)}. */
  static long countLineBreaks(String s, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        n++;
      } else if (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n')) {
        n++;
      }
    }
    return n;
  }

  /** [start, end-of-content, start-of-next-line] of the first {@code max} physical lines. */
  private static List<int[]> lineSpans(String text, int max) {
    List<int[]> spans = new ArrayList<>();
    int start = 0;
    int n = text.length();
    while (start < n && spans.size() < max) {
      int i = start;
      while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        i++;
      }
      int next = i < n ? skipLineBreak(text, i) : n;
      spans.add(new int[] {start, i, next});
      start = next;
    }
    return spans;
  }

  private static List<String> headerCells(String line, char delimiter) {
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(line), format)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return List.of();
      }
      List<String> cells = new ArrayList<>();
      for (String v : records.get(0)) {
        cells.add(v.strip().toLowerCase(Locale.ROOT));
      }
      while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
        cells.remove(cells.size() - 1);
      }
      return cells;
    } catch (IOException | UncheckedIOException e) {
      // A preamble line with an unbalanced quote is simply not a header.
      return List.of();
    }
  }

  private static String names(List<Header> headers) {
    List<String> n = new ArrayList<>();
    for (Header h : headers) {
      n.add(h.name());
    }
    return String.join(" / ", n);
  }
}
