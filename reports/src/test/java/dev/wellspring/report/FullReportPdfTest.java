package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a run with every export of issues 20 and 21 (Fixtures.fullRunIn), rendered once
 * through the command line with a value unit, and read back with PDFBox section by section.
 */
class FullReportPdfTest {
  @TempDir static Path dir;
  static Path pdf;
  static String text;
  static String[] pages;

  @BeforeAll
  static void render() throws IOException {
    Fixtures.fullRunIn(dir);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ReportMain.run(
            new String[] {
              "--output", dir.toString(), "--run-date", Fixtures.RUN_DATE, "--value-unit", "EUR"
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err));
    assertThat(exit).as("exit code, stderr: %s", err).isZero();
    pdf = dir.resolve("reports/" + Fixtures.RUN_DATE + "/effectiveness.pdf");
    if (System.getProperty("keepPdf") != null) {
      Files.copy(
          pdf,
          Path.of(System.getProperty("keepPdf")),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper();
      text = stripper.getText(doc).replaceAll("\\s+", " ");
      pages = new String[doc.getNumberOfPages()];
      for (int i = 0; i < pages.length; i++) {
        stripper.setStartPage(i + 1);
        stripper.setEndPage(i + 1);
        pages[i] = stripper.getText(doc).replaceAll("\\s+", " ");
      }
    }
  }

  @Test
  void pageOneComparesThePeriodsQuotesBothLiftsAndFitsOnOnePage() {
    assertThat(pages[0])
        .contains(
            "In the last 90 days goal-directed networking earned 4.75× the value per hour of "
                + "undirected networking (95% interval 3.10–6.90) under the linear model; in the 90 days before, 3.20× "
                + "(95% interval 2.10–4.80).");
    assertThat(pages[0])
        .contains("period 2025-11-03 to 2026-01-31 (90 days) against 2025-08-05 to 2025-11-02");
    assertThat(pages[0])
        .contains(
            "Goal-directed work paid better than in the previous 90 days: 95.00 EUR per hour "
                + "against 80.00 (+19%). Its hours went up from 40.0 to 55.0 (from 38% to 52% of all hours)");
    assertThat(pages[0])
        .contains(
            "Over all of the history the linear model gives 4.79× (95% interval 3.40–6.86).",
            "gives 2.10× (95% interval 1.20–3.60)");
    assertThat(pages[0]).contains("DIRECTED 40.0 55.0 +15.0 80.00 95.00 +19% 5,225");
    // The last block of page 1 is on page 1; the next section starts page 2.
    assertThat(pages[0]).contains("Lift under every model", "shapley 7.35×");
    assertThat(pages[1]).contains("2. Trend");
  }

  @Test
  void trendHasTheMonthlyChartTheLiftHistoryAndCosts() {
    assertThat(text)
        .contains(
            "Value per hour by class and month, 2025-02 to 2026-01", "Headline lift of each run");
    assertThat(text)
        .contains("2025-12-31 4.50× 3.20–6.40 1.90× 1.00–3.40", "2025-11-30 4.20× 3.00–6.10 –");
    // effectiveness.csv, linear, DIRECTED: 178.65 h, cost 930, value 16,273.9: 17.50 per unit of
    // cost, 5.21 per hour.
    assertThat(text).contains("DIRECTED 178.7 930.0 16,274 17.50 5.21");
  }

  @Test
  void goalScorecardShowsTitlesUnitsProgressAndStatusWithAttentionFirst() {
    // Elapsed: 2025-06-01..2026-06-30 is 395 days, 245 of them by 2026-01-31: 62%.
    assertThat(text)
        .contains("Newsletter subscriptions Chloé Martin achieved EUR 1,000 1,250 125% 100% 30.8");
    assertThat(text)
        .contains(
            "Two solution partners for delivery Ben Okafor on track outcomes 3 2 67% 42% 22.0");
    int[] at = {
      text.indexOf("Launch the book"),
      text.indexOf("A TV segment on"),
      text.indexOf("Four keynotes at"),
      text.indexOf("Two solution partners for delivery"),
      text.indexOf("Guest spots on podcasts"),
      text.indexOf("Newsletter subscriptions Chloé")
    };
    assertThat(at).doesNotContain(-1).isSorted();
    assertThat(text)
        .contains("Launch the book Wells Before Thirst…")
        .doesNotContain("pre-orders from the newsletter");
  }

  @Test
  void isItRealPutsBothLiftsSideBySideAndExplainsTheDifference() {
    assertThat(text)
        .contains(
            "5. Is it real?",
            "Per hour, goal-directed work earns 4.79× as much as undirected work "
                + "by attribution (linear) and 2.10× by the incrementality estimate.");
    assertThat(text).contains("Attribution gives goal-directed work more credit than it adds");
    assertThat(text).contains("95% interval 3.40–6.86 1.20–3.60");
    assertThat(text).contains("DIRECTED 178.7 5,449 30.50 18.20–44.90 91.09");
    // One owner's rows: the name on the first only; by class moved to, then share.
    assertThat(text)
        .contains(
            "Ana Pereira → directed 10% 1.2 +19.0 6.5 to 31.0 no → directed 25% 3.0 +47.5 "
                + "16.2 to 77.5 yes → embedded 10% 1.2 +0.5 −7.0 to 8.0 no");
    assertThat(text).contains("Ben Okafor → directed 10% 0.8 −4.8 −12.0 to −0.8 no");
  }

  @Test
  void ownerPagesOpenWithRecommendationsAndFollowUps() {
    assertThat(text)
        .contains(
            "Moving 25% of your undirected hours (3.0 hours a month) to goal-directed work would add "
                + "about 47.5 EUR a month (95% interval 16.2 to 77.5).");
    assertThat(text)
        .contains(
            "\u201CLaunch the book Wells Before Thirst…\u201D has had 18.3 hours and no on-target "
                + "outcome in 90+ days");
    assertThat(text)
        .contains(
            "Follow up with (on converting paths of your active goals, not touched for 60+ days): "
                + "Marta Rossi (Four keynotes at industry conferences, 122 days); Jon Park (Four keynotes at industry "
                + "conferences, 72 days).");
    assertThat(text).contains("Priya Raman (Two solution partners for delivery, 138 days)");
    assertThat(text).contains("Follow up with: nobody;");
    for (String page : pages) {
      if (page.contains("Recommendations")) {
        // Each owner page opens with 2 to 4 recommendations.
        String recs =
            page.substring(page.indexOf("Recommendations"), page.indexOf("Follow up with"));
        assertThat(recs.split("•", -1).length - 1).as(page).isBetween(2, 4);
      }
    }
  }

  @Test
  void valuesCarryTheUnitAndTheAppendixTheFinalStatus() {
    assertThat(text).contains("Credited value (EUR)", "Value/h now (EUR)", "values in EUR");
    assertThat(text).contains("Run status: ok.");
  }

  @Test
  void namesNoneHidesContactsAndOwners() throws IOException {
    Path other = Files.createDirectories(dir.resolve("none"));
    Fixtures.fullRunIn(other);
    java.time.LocalDate date = java.time.LocalDate.parse(Fixtures.RUN_DATE);
    Path out =
        ReportMain.render(
            dev.wellspring.report.io.RunInputs.read(other, date),
            new ReportOptions(other, date, "linear", "A4", "none", "", 90),
            java.time.Instant.parse("2026-02-01T06:30:00Z"));
    try (PDDocument doc = Loader.loadPDF(out.toFile())) {
      String none = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(none).doesNotContain("Marta Rossi", "Priya Raman", "Ana Pereira", "Chloé");
      assertThat(none).contains("contact c-0012 (Four keynotes at industry conferences, 122 days)");
    }
  }
}
