package dev.wellspring.ingest.vendor.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.ingest.vendor.adapters.crm.RecordingSink;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRowsTest {
  @Test
  void sniffsTheDelimiterFromTheHeaderOutsideQuotes() {
    assertThat(CsvRows.sniff("a,b,c")).isEqualTo(',');
    assertThat(CsvRows.sniff("\"a,1\";\"b,2\";c")).isEqualTo(';');
    assertThat(CsvRows.sniff("a\tb\tc")).isEqualTo('\t');
    assertThat(CsvRows.sniff("single")).isEqualTo(',');
  }

  @Test
  void rowsCarryTheirPhysicalLineAndRawTextAcrossCrlfBlankLinesAndShortRows(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("x.csv");
    Files.writeString(
        file, "\uFEFFA;B;C\r\n1;\"two\r\nlines\";3\r\n\r\n4;5\r\n", StandardCharsets.UTF_8);
    List<CsvRows.Row> rows = new ArrayList<>();

    CsvRows.read(file, new RecordingSink(), rows::add);

    assertThat(rows).extracting(CsvRows.Row::line).containsExactly(2L, 5L);
    assertThat(rows.get(0).get("b")).isEqualTo("two\r\nlines");
    assertThat(rows.get(0).raw()).isEqualTo("1;\"two\r\nlines\";3");
    assertThat(rows.get(1).get("C")).isEmpty();
    assertThat(rows.get(1).raw()).isEqualTo("4;5");
  }

  @Test
  void invalidUtf8IsReadAsWindows1252() {
    byte[] bytes = "Name\nCafé Müller €5\n".getBytes(Charset.forName("windows-1252"));

    DecodedText decoded = DecodedText.decode(bytes);

    assertThat(decoded.charset().name()).isEqualTo("windows-1252");
    assertThat(decoded.text()).isEqualTo("Name\nCafé Müller €5\n");
    assertThat(DecodedText.decode("Café".getBytes(StandardCharsets.UTF_8)).text())
        .isEqualTo("Café");
  }

  @Test
  void unbalancedQuotesAreNotCsv(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.csv");
    Files.writeString(file, "a,b\n1,\"open\n");

    assertThatThrownBy(() -> CsvRows.read(file, new RecordingSink(), row -> {}))
        .hasMessageContaining("broken.csv is not valid CSV");
  }

  @Test
  void timestampsInVendorFormsBecomeCanonical() {
    assertThat(Timestamps.canonical("1772443800000", true)).hasValue("2026-03-02T09:30:00Z");
    assertThat(Timestamps.canonical("1772443800000", false)).isEmpty();
    assertThat(Timestamps.canonical("2026-03-16T09:00:00.000+0000", false))
        .hasValue("2026-03-16T09:00:00Z");
    assertThat(Timestamps.canonical("2026-03-04 18:30+01:00", false))
        .hasValue("2026-03-04T17:30:00Z");
    assertThat(Timestamps.canonical("2026-03-04", false)).hasValue("2026-03-04");
    assertThat(Timestamps.canonical("2026-02-30", false)).isEmpty();
    assertThat(Timestamps.canonical("11/03/2026", true)).isEmpty();
  }

  @Test
  void namesFoldAndEmailsNormalise() {
    assertThat(Text.foldName("  José   María NÚÑEZ ")).isEqualTo("jose maria nunez");
    assertThat(Text.normaliseEmail("MAILTO:Priya.Raman@Northwind.example"))
        .isEqualTo("priya.raman@northwind.example");
    assertThat(Text.normaliseEmail("/o=ExchangeLabs/cn=Recipients/cn=x")).isEmpty();
    assertThat(Text.linkedInProfile("https://www.linkedin.com/in/Jane-Doe/?trk=x"))
        .hasValue("linkedin.com/in/jane-doe");
  }
}
