package dev.wellspring.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.util.JRSaver;

/**
 * Build step (Maven {@code process-classes}): compiles the report templates to {@code .jasper}
 * files beside the JRXML in the classes folder, so a report run loads them instead of compiling
 * (see {@link JasperRenderer}). Not used at run time.
 *
 * <pre>TemplateCompiler CLASSES_DIR</pre>
 */
public final class TemplateCompiler {
  private TemplateCompiler() {}

  public static void main(String[] args) throws IOException, JRException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TemplateCompiler CLASSES_DIR");
    }
    Path dir = Path.of(args[0], "dev", "wellspring", "report");
    Files.createDirectories(dir);
    SimpleJasperReportsContext ctx = JasperRenderer.context();
    for (String paper : JasperRenderer.PAPERS) {
      save(
          JasperRenderer.compileDesign(ctx, "report", paper),
          dir.resolve(JasperRenderer.compiledName("report", paper)));
    }
    for (int cols : JasperRenderer.TABLE_GRIDS) {
      String name = "table" + cols;
      save(
          JasperRenderer.compileDesign(ctx, name, null),
          dir.resolve(JasperRenderer.compiledName(name, null)));
    }
  }

  private static void save(Object report, Path file) throws JRException {
    JRSaver.saveObject(report, file.toFile());
  }
}
