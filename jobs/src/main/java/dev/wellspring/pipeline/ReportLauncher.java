package dev.wellspring.pipeline;

/**
 * Renders the PDF report in its own JVM (the report module has no Spark on its classpath).
 * Placeholder until the report module lands: reports that no report was rendered.
 */
public final class ReportLauncher {
  private ReportLauncher() {}

  public static StageResult render(RunContext ctx) {
    ctx.progress().info("report: the report module is not built yet; skipped");
    ctx.manifest().warn("report not rendered: report module not available");
    return StageResult.UNKNOWN;
  }
}
