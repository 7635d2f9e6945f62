package dev.wellspring.generate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Test helpers: read generated CSVs back with Commons CSV, hash files, parse timestamps. */
public final class GeneratedFiles {
  private GeneratedFiles() {}

  /** All records of a kind (every part, in part order) as maps, header names as keys. */
  public static List<Map<String, String>> read(Path dir, String kind) throws IOException {
    List<Path> parts;
    try (Stream<Path> s = Files.list(dir)) {
      parts =
          s.filter(p -> p.getFileName().toString().matches(kind + "(-\\d{4})?\\.csv"))
              // activities.csv is the first part, although "-" sorts before ".".
              .sorted(
                  Comparator.comparing(
                          (Path p) -> !p.getFileName().toString().equals(kind + ".csv"))
                      .thenComparing(p -> p.getFileName().toString()))
              .toList();
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path p : parts) {
      try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8);
          CSVParser parser =
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        for (CSVRecord rec : parser) {
          Map<String, String> m = new TreeMap<>();
          for (String h : parser.getHeaderNames()) {
            m.put(h.replace("\uFEFF", ""), rec.get(h));
          }
          rows.add(m);
        }
      }
    }
    return rows;
  }

  /** sha256 of every file in a folder, by name. */
  static Map<String, String> hashes(Path dir) throws IOException, NoSuchAlgorithmException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        m.put(
            p.getFileName().toString(), HexFormat.of().formatHex(md.digest(Files.readAllBytes(p))));
      }
    }
    return m;
  }

  /** The timestamp forms of DESIGN.md "Precise rules" that the generator writes. */
  static Instant instant(String s) {
    if (s.length() == 10) {
      return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
    String t = s.replace(' ', 'T');
    if (t.matches(".*[+-]\\d{4}$")) {
      t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
    } else if (!t.endsWith("Z") && !t.matches(".*[+-]\\d{2}:\\d{2}$")) {
      t = t + "Z";
    }
    return OffsetDateTime.parse(t).toInstant();
  }
}
