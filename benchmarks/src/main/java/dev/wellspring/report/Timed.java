package dev.wellspring.report;

import dev.wellspring.bench.render.RenderBenchmark;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperPrint;

/**
 * The render benchmark's access to the renderer's two steps (package-private), timed apart: in the
 * report's package, in the benchmarks module.
 */
public final class Timed {
  private Timed() {}

  /** Fills and exports {@code blocks}, adding a time mark after each step. */
  public static void fillAndExport(
      JasperRenderer renderer,
      List<Block> blocks,
      OutputStream out,
      int[] pages,
      List<long[]> marks) {
    List<JasperPrint> print =
        renderer.fill(
            blocks, Map.of("RUN_DATE", "2026-01-31", "GENERATED_AT", "now", "MODEL", "linear"));
    marks.add(RenderBenchmark.mark());
    renderer.export(print, "bench", out);
    marks.add(RenderBenchmark.mark());
    pages[0] = JasperRenderer.pageCount(print);
  }
}
