package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.ingest.vendor.adapters.RecordSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A vendor CSV file as rows with their physical line and raw text. Handles what spreadsheets do to
 * exports: a BOM, Windows-1252 text (see {@link DecodedText}), {@code ;} or tab as the delimiter
 * (sniffed from the header line), CRLF line ends. Blank lines are skipped and are not rows; a row
 * with fewer fields than the header has the rest empty.
 */
public final class CsvRows {
  private CsvRows() {}

  /** One data row. Column look-ups are case-insensitive and values are trimmed. */
  public record Row(Map<String, Integer> index, List<String> values, long line, String raw) {
    /** The trimmed value of {@code column}; empty when the column or the field is absent. */
    public String get(String column) {
      Integer i = index.get(column.toLowerCase(Locale.ROOT));
      return i == null || i >= values.size() ? "" : Text.clean(values.get(i));
    }

    /** The first non-empty value among {@code columns}. */
    public String first(String... columns) {
      for (String column : columns) {
        String v = get(column);
        if (!v.isEmpty()) {
          return v;
        }
      }
      return "";
    }

    /** Whether the header has {@code column}. */
    public boolean has(String column) {
      return index.containsKey(column.toLowerCase(Locale.ROOT));
    }
  }

  /** The header fields of a header line, trimmed, with the delimiter sniffed from that line. */
  public static List<String> header(String line) {
    String stripped = line.startsWith("\uFEFF") ? line.substring(1) : line;
    try (CSVParser parser = CSVParser.parse(stripped, format(sniff(stripped)))) {
      List<CSVRecord> records = parser.getRecords();
      if (records.isEmpty()) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      records.get(0).forEach(v -> out.add(Text.clean(v)));
      return out;
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
  }

  /** Whether {@code header} has every one of {@code columns} (case-insensitive). */
  public static boolean hasAll(List<String> header, String... columns) {
    return Arrays.stream(columns)
        .allMatch(c -> header.stream().anyMatch(h -> h.equalsIgnoreCase(c)));
  }

  /** Whether {@code header} has any of {@code columns} (case-insensitive). */
  public static boolean hasAny(List<String> header, String... columns) {
    return Arrays.stream(columns)
        .anyMatch(c -> header.stream().anyMatch(h -> h.equalsIgnoreCase(c)));
  }

  /**
   * Reads {@code file} and hands every data row to {@code rows} in file order. The header is the
   * first non-blank line. Throws when the file is not CSV (unbalanced quotes), naming the line.
   */
  public static void read(Path file, RecordSink sink, Consumer<Row> rows) throws IOException {
    String text = DecodedText.read(file, sink).text();
    long[] lineStarts = lineStarts(text);
    int firstBreak = firstLineEnd(text);
    char delimiter = sniff(text.substring(0, firstBreak));
    Map<String, Integer> index = null;
    try (CSVParser parser = CSVParser.parse(text, format(delimiter))) {
      CSVRecord previous = null;
      for (CSVRecord record : parser) {
        if (previous != null) {
          index = emit(text, lineStarts, previous, record.getCharacterPosition(), index, rows);
        }
        previous = record;
      }
      if (previous != null) {
        emit(text, lineStarts, previous, text.length(), index, rows);
      }
    } catch (UncheckedIOException e) {
      throw new IOException(
          file.getFileName() + " is not valid CSV: " + e.getCause().getMessage(), e);
    }
  }

  private static Map<String, Integer> emit(
      String text,
      long[] lineStarts,
      CSVRecord record,
      long end,
      Map<String, Integer> index,
      Consumer<Row> rows) {
    if (index == null) {
      Map<String, Integer> header = new HashMap<>();
      for (int i = 0; i < record.size(); i++) {
        header.putIfAbsent(Text.clean(record.get(i)).toLowerCase(Locale.ROOT), i);
      }
      return header;
    }
    int start = (int) record.getCharacterPosition();
    int stop = (int) end;
    // Commons CSV places a record after blank lines at the first blank line; no record starts
    // with a line break, so skip them to find the line the record really starts on.
    while (start < stop && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
      start++;
    }
    // The span up to the next record holds this record's line end and any blank lines.
    while (stop > start && (text.charAt(stop - 1) == '\n' || text.charAt(stop - 1) == '\r')) {
      stop--;
    }
    rows.accept(
        new Row(index, record.toList(), lineOf(lineStarts, start), text.substring(start, stop)));
    return index;
  }

  private static CSVFormat format(char delimiter) {
    return CSVFormat.DEFAULT
        .builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(false)
        .get();
  }

  /** The most frequent of {@code ,}, {@code ;} and tab outside quotes; comma on a tie. */
  static char sniff(String headerLine) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  private static int firstLineEnd(String text) {
    int i = 0;
    // Skip leading blank lines, then stop at the header's line end.
    while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
      i++;
    }
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static long[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      }
      if (c == '\n' || c == '\r') {
        starts.add(i + 1);
      }
    }
    return starts.stream().mapToLong(Integer::longValue).toArray();
  }

  /** 1-based physical line holding character {@code offset}. */
  static long lineOf(long[] lineStarts, long offset) {
    int found = Arrays.binarySearch(lineStarts, offset);
    return (found >= 0 ? found : -found - 2) + 1L;
  }
}
