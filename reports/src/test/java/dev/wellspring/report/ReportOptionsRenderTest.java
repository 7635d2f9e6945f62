package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.report.io.RunInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Letter paper, hidden names and another headline model, in one render. */
class ReportOptionsRenderTest {
  @TempDir Path dir;

  @Test
  void letterPaperHidesNamesAndUsesTheChosenModel() throws IOException {
    Fixtures.smallRunIn(dir);
    LocalDate date = LocalDate.parse(Fixtures.RUN_DATE);
    RunData data = RunInputs.read(dir, date);
    Path pdf =
        ReportMain.render(
            data,
            new ReportOptions(dir, date, "markov", "Letter", "none"),
            Instant.parse("2026-02-01T06:30:00Z"));
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDRectangle box = doc.getPage(0).getMediaBox();
      assertThat(Math.round(box.getWidth())).isEqualTo(612);
      assertThat(Math.round(box.getHeight())).isEqualTo(792);
      String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      assertThat(text).doesNotContain("Ana Pereira", "Ben Okafor", "Chloé Martin");
      assertThat(text).contains("Owner 1", "Owner 2", "Owner 3");
      // lift.csv markov: 8.217983395 with no interval.
      assertThat(text)
          .contains(
              "earned 8.22× the value per hour of undirected networking "
                  + "(95% interval not available) under the markov model.");
      assertThat(text).contains("generated 2026-02-01 06:30 UTC");
    }
  }
}
