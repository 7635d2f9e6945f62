package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.report.io.Glyphs;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owner names and goal ids in Latin, Greek, Cyrillic, Arabic, Hebrew, CJK and emoji: every script
 * is drawn (the CJK glyphs from Droid Sans Fallback, the emoticons from DejaVu Sans), and an emoji
 * that no report font has (U+1F4FA, a family sequence) becomes a visible U+FFFD instead of nothing.
 * The page with the CJK owner's heading is written as a PNG beside the PDF ({@code
 * -Dscripts.png=DIR} keeps it) so a person can look at it.
 */
class ScriptsPdfTest {
  @TempDir Path dir;

  static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put("Ana Pereira", "王小明");
    NAMES.put("Ben Okafor", "Ελένη Ωμέγα \uD83D\uDE00");
    NAMES.put("g-ana-keynotes", "g-Доклады");
    NAMES.put("g-ana-book", "g-كتاب");
    NAMES.put("g-ben-partners", "g-שותפים");
    NAMES.put("'@press-tv", "g-tv\uD83D\uDCFA\u200D\uFE0F");
  }

  @Test
  void everyScriptIsDrawnAndAnEmojiBecomesAVisibleReplacement() throws IOException {
    Fixtures.smallRunIn(dir);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".csv") || p.toString().endsWith(".json"))
              .toList()) {
        String s = Files.readString(f, StandardCharsets.UTF_8);
        for (Map.Entry<String, String> e : NAMES.entrySet()) {
          s = s.replace(e.getKey(), e.getValue());
        }
        Files.writeString(f, s, StandardCharsets.UTF_8);
      }
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ReportMain.run(
            new String[] {"--output", dir.toString(), "--run-date", Fixtures.RUN_DATE},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err));
    assertThat(exit).as("exit code, stderr: %s", err).isZero();
    Path pdf = dir.resolve("reports/" + Fixtures.RUN_DATE + "/effectiveness.pdf");
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(doc);
      assertThat(text)
          .contains("王小明", "Ελένη Ωμέγα \uD83D\uDE00", "g-Доклады", "g-tv" + Glyphs.REPLACEMENT);
      assertThat(text)
          .as("Arabic and Hebrew letters are in the text layer")
          .containsPattern("[\u0621-\u064A\uFE70-\uFEFC]")
          .containsPattern("[\u05D0-\u05EA]");
      assertThat(text).doesNotContain("\uD83D\uDCFA");
      List<String> fonts = new ArrayList<>();
      int cjkPage = -1;
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        PDPage page = doc.getPage(i);
        for (var name : page.getResources().getFontNames()) {
          PDFont f = page.getResources().getFont(name);
          fonts.add(f.getName());
        }
        PDFTextStripper one = new PDFTextStripper();
        one.setStartPage(i + 1);
        one.setEndPage(i + 1);
        if (cjkPage < 0 && one.getText(doc).contains("王小明")) {
          cjkPage = i;
        }
      }
      assertThat(fonts)
          .as("fonts embedded")
          .anyMatch(n -> n.contains("DroidSansFallback"))
          .anyMatch(n -> n.contains("DejaVuSans"));
      assertThat(cjkPage).isGreaterThanOrEqualTo(0);
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(cjkPage, 60);
      Path png =
          Path.of(System.getProperty("scripts.png", dir.toString())).resolve("scripts-page.png");
      Files.createDirectories(png.getParent());
      ImageIO.write(image, "png", png.toFile());
      assertThat(png).isNotEmptyFile();
    }
  }

  @Test
  void glyphsKeepWhatTheFontsDrawAndReplaceTheRest() {
    assertThat(Glyphs.drawable("Ana Pereira")).isEqualTo("Ana Pereira");
    assertThat(Glyphs.drawable("王小明 Ελένη Иван كتاب שותפים"))
        .isEqualTo("王小明 Ελένη Иван كتاب שותפים");
    assertThat(Glyphs.drawable("team \uD83D\uDE00!"))
        .as("DejaVu Sans has the emoticons")
        .isEqualTo("team \uD83D\uDE00!");
    assertThat(Glyphs.drawable("tv \uD83D\uDCFA"))
        .as("no report font has U+1F4FA")
        .isEqualTo("tv \uFFFD");
    // A family emoji: three emoji glued by zero-width joiners; the glue is dropped.
    assertThat(Glyphs.drawable("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"))
        .isEqualTo("\uFFFD\uFFFD\uFFFD");
    assertThat(Glyphs.drawable("\u2764\uFE0F"))
        .as("a heart DejaVu has, its selector dropped")
        .isEqualTo("\u2764");
  }
}
