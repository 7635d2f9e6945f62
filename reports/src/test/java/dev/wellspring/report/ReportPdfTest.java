package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders the small fixture run once through the command line and reads the PDF back. */
class ReportPdfTest {
  @TempDir static Path dir;
  static Path pdf;
  static String text;

  @BeforeAll
  static void render() throws IOException {
    Fixtures.smallRunIn(dir);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ReportMain.run(
            new String[] {"--output", dir.toString(), "--run-date", Fixtures.RUN_DATE},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err));
    assertThat(exit).as("exit code, stderr: %s", err).isZero();
    pdf = dir.resolve("reports/" + Fixtures.RUN_DATE + "/effectiveness.pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      // Lines of the PDF joined with spaces so a sentence wrapped in the layout still matches.
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  /** A lift.csv cell rounded half-up to two decimals, as the report shows it. */
  private static String twoDecimals(String cell) {
    return new BigDecimal(cell).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  @Test
  void headlineShowsTheLiftAndIntervalOfLiftCsvUnderTheDefaultModel() throws IOException {
    String linear =
        Files.readAllLines(dir.resolve("reports/" + Fixtures.RUN_DATE + "/lift.csv")).stream()
            .filter(l -> l.startsWith("linear,"))
            .findFirst()
            .orElseThrow();
    String[] cells = linear.split(",", -1);
    String expected =
        "Goal-directed networking earned "
            + twoDecimals(cells[1])
            + "× the value per hour of undirected networking (95% interval "
            + twoDecimals(cells[2])
            + "–"
            + twoDecimals(cells[3])
            + ") under the linear model.";
    // Hand check of the fixture: 4.793823776 -> 4.79, 3.403615 -> 3.40, 6.855168 -> 6.86.
    assertThat(expected).contains("4.79×", "3.40–6.86");
    assertThat(text).contains(expected);
  }

  @Test
  void modelAgreementCountsOnlyDefinedLiftsAboveOne() {
    // lift.csv: first_touch undefined, last_touch 0.30, the other five above 1.
    assertThat(text)
        .contains("(5 of 7 models agree that the lift is above 1, 1 with no defined lift)");
  }

  @Test
  void everySectionTitleIsPresentInOrder() {
    int from = 0;
    for (int i = 0; i < ReportContent.SECTIONS.size(); i++) {
      String title = (i + 1) + ". " + ReportContent.SECTIONS.get(i);
      int at = text.indexOf(title, from);
      assertThat(at).as("section '%s' after position %d", title, from).isGreaterThanOrEqualTo(0);
      from = at + title.length();
    }
  }

  @Test
  void everyOwnerIsNamedIncludingNonAsciiNames() {
    assertThat(text).contains("Ana Pereira", "Ben Okafor", "Chloé Martin");
  }

  @Test
  void rejectCountsOfTheManifestAreListedByFileAndReason() {
    assertThat(text)
        .contains("2,422 rows read, 2,409 accepted, 13 rejected (0.54%); 7 rows ignored");
    assertThat(text)
        .contains(
            "activities.csv: bad_timestamp 4",
            "activities.csv: unknown_enum 2",
            "activities.csv: negative_duration 1",
            "activities-0001.csv: duplicate_id 2",
            "goals.csv: goal_ends_before_start 1",
            "outcomes.csv: missing_required 1",
            "outcomes.csv: negative_value 2");
    assertThat(text).contains("activities.csv activities 1,534 1,527 7 0 4");
    assertThat(text).contains("Profile.csv");
  }

  @Test
  void unattributedOutcomesAreCountedByReason() {
    // unattributed.csv: two no_contact_or_goal outcomes of value 1200 and 35.
    assertThat(text).contains("no_contact_or_goal 2 1,235");
  }

  @Test
  void droughtGoalsGetARecommendationAndSpreadsheetGuardsAreRemoved() {
    assertThat(text)
        .contains("g-ana-book (launch, Ana Pereira): 18.3 hours and no on-target outcome");
    assertThat(text).contains("@press-tv (publicity, Ben Okafor)").doesNotContain("'@press-tv");
  }

  @Test
  void anOlderRunWithoutTheNewExportsSaysWhatWasNotComputed() {
    assertThat(text)
        .contains(
            "The comparison with the previous period was not computed for this run; the numbers "
                + "below cover all of the history.");
    assertThat(text).contains("The incrementality estimate was not computed for this run.");
    assertThat(text).contains("The headline lift of earlier runs was not computed for this run.");
    assertThat(text).contains("Follow up with: not computed for this run.");
    assertThat(text).contains("the time elapsed is not shown");
    // Statuses come from the drought flag alone: the two drought goals, the rest without status.
    assertThat(text).contains("g-ana-book Ana Pereira drought outcomes 500 0 – – 18.3");
  }

  @Test
  void footerCarriesRunDateAndPageNumbers() throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      int pages = doc.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(7);
      assertThat(text)
          .contains(
              "Run date " + Fixtures.RUN_DATE + " · generated ",
              "Page 1 of " + pages,
              "Page " + pages + " of " + pages);
      PDRectangle a4 = doc.getPage(0).getMediaBox();
      assertThat(List.of(Math.round(a4.getWidth()), Math.round(a4.getHeight())))
          .containsExactly(595, 842);
    }
  }

  @Test
  void everyFontIsEmbeddedDejaVu() throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (var page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.getName()).as("font %s", name).contains("DejaVuSans");
          assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
        }
      }
    }
  }

  @Test
  void noPageIsBlank() throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFRenderer renderer = new PDFRenderer(doc);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage img = renderer.renderImageWithDPI(i, 40);
        long ink = 0;
        for (int y = 0; y < img.getHeight(); y++) {
          for (int x = 0; x < img.getWidth(); x++) {
            int rgb = img.getRGB(x, y);
            int r = (rgb >> 16) & 0xff;
            int g = (rgb >> 8) & 0xff;
            int b = rgb & 0xff;
            if (r + g + b < 600) {
              ink++;
            }
          }
        }
        // Header and footer alone are a few hundred pixels at 40 dpi; a real page has thousands.
        assertThat(ink).as("non-white pixels on page %d", i + 1).isGreaterThan(2_000);
      }
    }
  }

  @Test
  void thePdfIsPublishedWithoutLeavingTempFiles() throws IOException {
    try (Stream<Path> files = Files.list(pdf.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
          .isEmpty();
    }
    assertThat(new String(Files.readAllBytes(pdf), 0, 5, StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
  }
}
