package dev.wellspring.ingest.canonical;

import dev.wellspring.io.input.InputFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The CSV dialect of the canonical files, shared by the header sniff and the record reader. */
public final class CsvText {
  private CsvText() {}

  /**
   * RFC 4180, lenient where a strict parser would abort the whole file: empty lines come back as
   * records (so their positions stay exact and the reader skips them), text after a closing quote
   * is kept, and an unterminated quote at end of file yields the record instead of an exception
   * (the reader then rejects it, see {@link #unterminated(String)}).
   */
  public static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setIgnoreEmptyLines(false)
          .setTrailingData(true)
          .setLenientEof(true)
          .get();

  private static final CSVFormat STRICT_EOF = FORMAT.builder().setLenientEof(false).get();

  static final char BOM = '\uFEFF';

  /** Header names as matched: BOM stripped, trimmed, lower case. */
  public static List<String> columnNames(CSVRecord header) {
    List<String> names = new ArrayList<>(header.size());
    for (String v : header) {
      String n = v;
      if (!n.isEmpty() && n.charAt(0) == BOM) {
        n = n.substring(1);
      }
      names.add(n.trim().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  /**
   * The header names of a canonical file as the reader finds them: the first record with a
   * non-empty name (blank lines before it skipped).
   */
  public static List<String> headerNames(java.nio.file.Path file) {
    try (java.io.Reader in =
            new java.io.InputStreamReader(
                InputFiles.open(file), java.nio.charset.StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      for (CSVRecord r : p) {
        List<String> names = columnNames(r);
        if (names.stream().anyMatch(n -> !n.isEmpty())) {
          return names;
        }
      }
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Whether a record's text ends inside a quoted field (only possible at end of file). */
  static boolean unterminated(String recordText) {
    if (recordText.indexOf('"') < 0) {
      return false;
    }
    try (CSVParser p =
        CSVParser.builder().setReader(new StringReader(recordText)).setFormat(STRICT_EOF).get()) {
      for (CSVRecord ignored : p) {
        // Reading through is the check.
      }
      return false;
    } catch (UncheckedIOException | IllegalStateException e) {
      return true;
    } catch (IOException e) {
      return true;
    }
  }
}
