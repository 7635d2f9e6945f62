package dev.wellspring.ingest.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.config.ConfigLoader;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.RecordValidator;
import dev.wellspring.ingest.staging.StagingRows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file read in byte ranges gives exactly the rows of the file read whole: same values, reasons,
 * physical lines and raw text; one summary row per range, whose record counts add up to the whole
 * file's, the first with the file's digest and size.
 */
class FileSplitsTest {
  @TempDir Path dir;

  private static final String HEADER = "activity_id,owner,occurred_at,type,duration_minutes,notes";
  private static final RecordValidator VALIDATOR =
      new RecordValidator(
          Kind.ACTIVITIES,
          ConfigLoader.defaults("in", "out", LocalDate.of(2026, 3, 31)).durations());

  private static List<String> render(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.toSeq().mkString("|"));
    }
    return out;
  }

  private static final int N = Kind.ACTIVITIES.fields().size(); // staging columns follow the fields

  private static List<Row> records(List<Row> rows) {
    return rows.stream().filter(r -> r.getLong(N + 1) != StagingRows.SUMMARY_LINE).toList();
  }

  private static List<Row> summaries(List<Row> rows) {
    return rows.stream().filter(r -> r.getLong(N + 1) == StagingRows.SUMMARY_LINE).toList();
  }

  private List<Row> whole(Path p) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (CanonicalFileReader r =
        new CanonicalFileReader(
            new InputFile(p.toString(), "activities.csv", Kind.ACTIVITIES, 0), VALIDATOR)) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  private List<Row> inRanges(Path p, long splitBytes) {
    FileSplits.Splits splits = FileSplits.scan(p, splitBytes);
    InputFile f = new InputFile(p.toString(), "activities.csv", Kind.ACTIVITIES, 0);
    List<String> header = splits.ranges().size() > 1 ? CsvText.headerNames(p) : null;
    List<Row> rows = new ArrayList<>();
    for (FileSplits.Range range : splits.ranges()) {
      try (CanonicalFileReader r =
          new CanonicalFileReader(
              new CanonicalFileReader.Chunk(f, range, header, splits.sha256(), splits.bytes()),
              VALIDATOR)) {
        r.forEachRemaining(rows::add);
      }
    }
    return rows;
  }

  /** A random field: plain, quoted with commas, quotes and every kind of line end, or odd. */
  private static String field(Random rnd) {
    return switch (rnd.nextInt(9)) {
      case 0 -> "\"quoted, with comma\"";
      case 1 -> "\"two\r\nlines\"";
      case 2 -> "\"lone\rcr and \"\"escaped\"\" quotes\nand lf\"";
      case 3 -> "\"closed\"trailing\"data";
      case 4 -> "mid\"quote";
      case 5 -> "";
      case 6 -> "  spaced  ";
      case 7 -> "\"\"";
      default -> "plain" + rnd.nextInt(1000);
    };
  }

  private static String randomFile(Random rnd, int records, boolean bom) {
    StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
    String[] ends = {"\n", "\r\n", "\r"};
    sb.append(HEADER).append(ends[rnd.nextInt(3)]);
    for (int i = 0; i < records; i++) {
      if (rnd.nextInt(20) == 0) {
        sb.append(ends[rnd.nextInt(3)]); // a blank line
      }
      String type = rnd.nextInt(10) == 0 ? "bogus" : "call";
      sb.append("a")
          .append(rnd.nextInt(records))
          .append(",ann,2026-03-0")
          .append(1 + rnd.nextInt(9))
          .append(',')
          .append(type)
          .append(',')
          .append(rnd.nextInt(10) == 0 ? "x" : String.valueOf(rnd.nextInt(90)))
          .append(',')
          .append(field(rnd));
      if (i < records - 1 || rnd.nextBoolean()) {
        sb.append(ends[rnd.nextInt(3)]);
      }
    }
    return sb.toString();
  }

  @Test
  void rangesGiveTheRowsOfTheWholeFileForRandomFiles() throws Exception {
    Random rnd = new Random(20261128L);
    for (int round = 0; round < 40; round++) {
      String content = randomFile(rnd, 50 + rnd.nextInt(150), round % 3 == 0);
      Path p = dir.resolve("f" + round + ".csv");
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      Files.write(p, bytes);
      long split = 1 + rnd.nextInt(400);
      FileSplits.Splits splits = FileSplits.scan(p, split);
      assertThat(splits.ranges().size()).as("round %d is cut", round).isGreaterThan(1);
      List<Row> parts = inRanges(p, split);
      assertThat(render(records(parts)))
          .as("round %d, ranges of %d bytes", round, split)
          .containsExactlyInAnyOrderElementsOf(render(records(whole(p))));
      List<Row> summaries = summaries(parts);
      assertThat(summaries).as("one summary per range").hasSize(splits.ranges().size());
      Row wholeSummary = summaries(whole(p)).get(0);
      assertThat(summaries.stream().mapToLong(r -> r.getLong(N + 7)).sum())
          .as("records of the ranges")
          .isEqualTo(wholeSummary.getLong(N + 7))
          .isEqualTo(records(parts).size());
      List<Row> digests = summaries.stream().filter(r -> !r.isNullAt(N + 5)).toList();
      assertThat(digests).hasSize(1);
      assertThat(digests.get(0).getString(N + 5)).isEqualTo(wholeSummary.getString(N + 5));
      assertThat(digests.get(0).getLong(N + 6)).isEqualTo(wholeSummary.getLong(N + 6));
      assertThat(splits.sha256())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      assertThat(splits.bytes()).isEqualTo(bytes.length);
    }
  }

  @Test
  void rangesTileTheFileAndStartAtRecordStarts() throws IOException {
    String content =
        HEADER
            + "\n"
            + "a1,ann,2026-03-01,call,10,\"x\r\ny\"\r\n"
            + "a2,ann,2026-03-01,call,10,z\r"
            + "a3,ann,2026-03-01,call,10,w\n";
    Path p = dir.resolve("a.csv");
    Files.writeString(p, content);
    FileSplits.Splits splits = FileSplits.scan(p, 1);
    // Cut after every record: header (line 1), a1 (lines 2-3), a2 (line 4), a3 (line 5).
    assertThat(splits.ranges())
        .extracting(FileSplits.Range::start, FileSplits.Range::firstLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, 1L),
            org.assertj.core.groups.Tuple.tuple((long) content.indexOf("a1,"), 2L),
            org.assertj.core.groups.Tuple.tuple((long) content.indexOf("a2,"), 4L),
            org.assertj.core.groups.Tuple.tuple((long) content.indexOf("a3,"), 5L));
    long end = 0;
    for (FileSplits.Range r : splits.ranges()) {
      assertThat(r.start()).isEqualTo(end);
      end = r.end();
    }
    assertThat(end).isEqualTo(Files.size(p));
  }

  @Test
  void anUnterminatedQuoteKeepsTheRestOfTheFileInOneRange() throws IOException {
    String content =
        HEADER
            + "\n"
            + "a1,ann,2026-03-01,call,10,ok\n"
            + "a2,ann,2026-03-01,call,10,\"open\n"
            + "a3,ann,2026-03-01,call,10,w\n";
    Path p = dir.resolve("u.csv");
    Files.writeString(p, content);
    assertThat(FileSplits.scan(p, 1).ranges()).hasSize(3);
    assertThat(render(records(inRanges(p, 1))))
        .containsExactlyInAnyOrderElementsOf(render(records(whole(p))));
  }
}
