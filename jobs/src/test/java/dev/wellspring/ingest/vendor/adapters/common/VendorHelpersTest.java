package dev.wellspring.ingest.vendor.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared vendor helpers: reading, dates, names, URLs, e-mails. */
class VendorHelpersTest {
  private static final List<VendorCsv.Header> AB = List.of(VendorCsv.Header.of("ab", "A", "B"));

  @Test
  void blankAndPaddedLinesAreSkippedAndLinesCountPhysically() {
    String text = "\uFEFFpreamble\r\n\r\na,b\r\n1,2\r\n\r\n,\r\n\"x\r\ny\",3\r\n4,\"5\"\r\n";
    VendorCsv.Table t =
        VendorCsv.parse("f.csv", VendorCsv.stripBom(text), StandardCharsets.UTF_8, AB);

    assertThat(t.found().lineIndex()).isEqualTo(2);
    assertThat(t.rows())
        .extracting(r -> r.line() + "|" + r.raw() + "|" + r.get("a") + "|" + r.get("b"))
        .containsExactly("4|1,2|1|2", "7|\"x\r\ny\",3|x\r\ny|3", "9|4,\"5\"|4|5");
  }

  @Test
  void semicolonFilesAreSniffedFromTheHeader() {
    VendorCsv.Table t = VendorCsv.parse("f.csv", "A;B;C\n1,5;2;x\n", StandardCharsets.UTF_8, AB);
    assertThat(t.found().delimiter()).isEqualTo(';');
    assertThat(t.rows().get(0).get("a")).isEqualTo("1,5");
    assertThat(t.rows().get(0).get("c")).isEqualTo("x");
    assertThat(t.rows().get(0).get("missing")).isEmpty();
  }

  @Test
  void noHeaderOrBrokenQuotingIsUnusable() {
    assertThatThrownBy(() -> VendorCsv.parse("f.csv", "x,y\n1,2\n", StandardCharsets.UTF_8, AB))
        .isInstanceOf(WellspringException.class)
        .hasMessage("f.csv: no header row of ab in its first lines");
    assertThatThrownBy(
            () -> VendorCsv.parse("g.csv", "a,b\n1,2\n3,\"open\n", StandardCharsets.UTF_8, AB))
        .isInstanceOf(WellspringException.class)
        .hasMessageStartingWith("g.csv: not readable as CSV after the record starting on line 2 (");
  }

  @Test
  void charsetIsUtf8WhenValidElseWindows1252() {
    assertThat(VendorCsv.detectCharset("Zoë".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(StandardCharsets.UTF_8);
    assertThat(VendorCsv.detectCharset("Zoë".getBytes(Charset.forName("windows-1252"))))
        .isEqualTo(Charset.forName("windows-1252"));
  }

  @Test
  void vendorDatesParseToUtc() {
    assertThat(VendorDates.parse("16 Dec 2024")).hasToString("2024-12-16T00:00:00Z");
    assertThat(VendorDates.parse("1/8/18, 6:14 PM")).hasToString("2018-01-08T18:14:00Z");
    assertThat(VendorDates.parse("29-Mar-21")).hasToString("2021-03-29T00:00:00Z");
    assertThat(VendorDates.parse("10/16/18, 8:36 am")).hasToString("2018-10-16T08:36:00Z");
    assertThat(VendorDates.parse("2023-04-22 08:18:59 UTC")).hasToString("2023-04-22T08:18:59Z");
    assertThat(VendorDates.parse("4/6/26,\u202F2:12\u202FPM")).hasToString("2026-04-06T14:12:00Z");
    assertThat(VendorDates.parse("2024/12/07 14:51:07 UTC")).hasToString("2024-12-07T14:51:07Z");
    assertThat(VendorDates.parse("11/27/24, 09:51 AM")).hasToString("2024-11-27T09:51:00Z");
    assertThat(VendorDates.parse("12/27/24, 12:05 AM")).hasToString("2024-12-27T00:05:00Z");
    assertThat(VendorDates.parse("31 Feb 2024")).isNull();
    assertThat(VendorDates.parse("13/30/26, 9:45 AM")).isNull();
    assertThat(VendorDates.parse("")).isNull();
    assertThat(VendorDates.parseRange("Jan 12, 2022 11:30 PM - Jan 13, 2022 01:00 AM"))
        .extracting(Object::toString)
        .containsExactly("2022-01-12T23:30:00Z", "2022-01-13T01:00:00Z");
  }

  @Test
  void namesFoldForMatchingOnly() {
    assertThat(Names.fold("𝐉𝐚𝐧𝐞  Okafor 🚀")).isEqualTo("jane okafor");
    assertThat(Names.fold(" Linnéa  XU ")).isEqualTo("linnea xu");
    assertThat(Names.fold("Priya Nair, PMP")).isEqualTo("priya nair");
    assertThat(Names.fold("Priya Nair, Ph.D., MBA")).isEqualTo("priya nair");
    assertThat(Names.fold("Sean O'Brien")).isEqualTo("sean obrien");
    assertThat(Names.fold("Lee, Sam"))
        .as("a comma before a name is not credentials")
        .isEqualTo("lee sam");
    assertThat(Names.display("  Sam \t Lee\u200B ")).isEqualTo("Sam Lee");
    assertThat(Names.display("𝐉𝐚𝐧𝐞 🚀")).isEqualTo("𝐉𝐚𝐧𝐞 🚀");
    assertThat(Names.foldCompany("Brightline Média,  Inc.")).isEqualTo("brightline media inc");
  }

  @Test
  void profileUrlsMeetAcrossSpellings() {
    String n = "linkedin.com/in/linnéa-x";
    assertThat(ProfileUrls.normalize("https://www.linkedin.com/in/linn%C3%A9a-x")).isEqualTo(n);
    assertThat(ProfileUrls.normalize("www.linkedin.com/in/linnéa-x/")).isEqualTo(n);
    assertThat(ProfileUrls.normalize("http://se.linkedin.com/in/Linn%c3%a9a-X?trk=x#top"))
        .isEqualTo(n);
    assertThat(ProfileUrls.normalize(n)).isEqualTo(n);
    assertThat(ProfileUrls.normalize("linkedin.com/in/a%2")).isEqualTo("linkedin.com/in/a%2");
    assertThat(
            ProfileUrls.splitAll("https://www.linkedin.com/in/a/, https://www.linkedin.com/in/b"))
        .containsExactly("linkedin.com/in/a", "linkedin.com/in/b");
  }

  @Test
  void emailsNormalise() {
    assertThat(Emails.normalize(" mailto:Jane.Okafor@Example.COM "))
        .isEqualTo("jane.okafor@example.com");
    assertThat(Emails.normalize("not an email")).isEmpty();
    assertThat(Emails.normalize("a@b@c")).isEmpty();
  }
}
