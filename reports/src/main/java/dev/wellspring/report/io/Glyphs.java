package dev.wellspring.report.io;

import java.awt.Font;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides which characters the report can draw. The report's font set ({@code
 * Wellspring Sans}: DejaVu Sans, then Droid Sans Fallback) covers Latin, Greek, Cyrillic, Arabic,
 * Hebrew and CJK; a character neither font has (an emoji, say) would otherwise be drawn as nothing,
 * leaving a blank heading or cell. It becomes U+FFFD, the visible replacement character (which
 * DejaVu Sans has), and joiners and variation selectors of emoji sequences are dropped.
 */
public final class Glyphs {
  /** What a character no font can draw becomes. */
  public static final String REPLACEMENT = "\uFFFD";

  static final List<String> FONT_FILES =
      List.of(
          "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
          "dev/wellspring/report/fonts/DroidSansFallback.ttf");

  private Glyphs() {}

  /** {@code text} with every character the report's fonts cannot draw replaced. */
  public static String drawable(String text) {
    if (text == null || text.chars().allMatch(c -> c < 0x0250)) {
      return text; // Latin and its extensions: DejaVu Sans has them all (the common case)
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == 0x200D
                  || (cp >= 0xFE00 && cp <= 0xFE0F)
                  || (cp >= 0xE0100 && cp <= 0xE01EF)) {
                return; // zero-width joiner, variation selectors: only glue for emoji sequences
              }
              if (cp < 0x0250 || Fonts.canDisplay(cp)) {
                out.appendCodePoint(cp);
              } else {
                out.append(REPLACEMENT);
              }
            });
    return out.toString();
  }

  /** The fonts, loaded on first need (the CJK one is 3.4 MB). */
  private static final class Fonts {
    static final List<Font> LOADED = load();

    static boolean canDisplay(int cp) {
      for (Font f : LOADED) {
        if (f.canDisplay(cp)) {
          return true;
        }
      }
      return false;
    }

    private static List<Font> load() {
      List<Font> fonts = new ArrayList<>();
      for (String file : FONT_FILES) {
        try (InputStream in = Glyphs.class.getClassLoader().getResourceAsStream(file)) {
          if (in == null) {
            throw new IllegalStateException("font " + file + " is not on the classpath");
          }
          fonts.add(Font.createFont(Font.TRUETYPE_FONT, in));
        } catch (java.io.IOException | java.awt.FontFormatException e) {
          throw new IllegalStateException("cannot load font " + file + ": " + e.getMessage(), e);
        }
      }
      return List.copyOf(fonts);
    }
  }
}
