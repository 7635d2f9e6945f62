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
    int exit = ReportMain.run(new String[] {"--output", dir.toString(), "--run-date", Fixtures.RUN_DATE,
            "--value-unit", "EUR"},
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertThat(exit).as("exit code, stderr: %s", err).isZero();
    pdf = dir.resolve("reports/" + Fixtures.RUN_DATE + "/effectiveness.pdf");
    if (System.getProperty("keepPdf") != null) {
      Files.copy(pdf, Path.of(System.getProperty("keepPdf")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
  void rendersEverySection() {
    assertThat(text).contains("5. Is it real?");
  }
}
