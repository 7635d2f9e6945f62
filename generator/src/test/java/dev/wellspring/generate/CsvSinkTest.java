package dev.wellspring.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSinkTest {

  @Test
  void quotesOnlyWhatNeedsQuotingAndRoundTripsThroughCommonsCsv(@TempDir Path tmp)
      throws Exception {
    String[] values = {
      "plain", "a,b", "say \"hi\"", "line1\nline2", "crlf\r\nend", "Zoë Ørsted 日本 \uD83D\uDE00", ""
    };
    try (CsvSink sink =
        new CsvSink(tmp, "notes", new String[] {"id", "text"}, Long.MAX_VALUE, false)) {
      for (int i = 0; i < values.length; i++) {
        sink.num(i).str(values[i]).endRow();
      }
    }
    String text = Files.readString(tmp.resolve("notes.csv"), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "id,text\r\n0,plain\r\n1,\"a,b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"line1\nline2\"\r\n")
        .endsWith("6,\r\n");
    List<Map<String, String>> rows = GeneratedFiles.read(tmp, "notes");
    assertThat(rows).extracting(r -> r.get("text")).containsExactly(values);
  }

  @Test
  void numbersAndCentsAreWrittenExactly(@TempDir Path tmp) throws Exception {
    try (CsvSink sink =
        new CsvSink(tmp, "n", new String[] {"a", "b", "c"}, Long.MAX_VALUE, false)) {
      sink.num(0).cents(5).cents(123_456).endRow();
      sink.num(9_876_543_210L).cents(100).empty().endRow();
    }
    assertThat(Files.readString(tmp.resolve("n.csv")))
        .isEqualTo("a,b,c\r\n0,0.05,1234.56\r\n9876543210,1.00,\r\n");
  }

  @Test
  void partsNeverExceedTheLimitAndCountBytesIncludingTheBom(@TempDir Path tmp) throws Exception {
    long limit = 1024;
    List<CsvSink.Part> parts;
    try (CsvSink sink = new CsvSink(tmp, "x", new String[] {"id", "text"}, limit, true)) {
      for (int i = 0; i < 200; i++) {
        sink.num(i).str("ümlaut, row " + i).endRow();
      }
      sink.close();
      parts = sink.parts();
    }
    assertThat(parts).hasSizeGreaterThan(3);
    assertThat(parts.stream().mapToLong(CsvSink.Part::rows).sum()).isEqualTo(200);
    for (CsvSink.Part p : parts) {
      byte[] bytes = Files.readAllBytes(tmp.resolve(p.file()));
      assertThat((long) bytes.length).as(p.file()).isEqualTo(p.bytes()).isLessThanOrEqualTo(limit);
      assertThat(new String(bytes, StandardCharsets.UTF_8)).as(p.file()).contains("id,text\r\n");
    }
    byte[] first = Files.readAllBytes(tmp.resolve("x.csv"));
    assertThat(first[0]).isEqualTo((byte) 0xEF);
    assertThat(Files.readAllBytes(tmp.resolve("x-0001.csv"))[0]).isEqualTo((byte) 'i');
  }
}
