package dev.wellspring.report;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Lays the report's blocks out with JasperReports and writes the PDF. The templates ({@code
 * report.jrxml} and the table grids {@code table3/6/7/9.jrxml}) come only from this module's
 * classpath. The build compiles them to {@code .jasper} files ({@link TemplateCompiler}, one main
 * report per paper size), so a run only deserializes them; compiling the JRXML with JDT costs
 * about 3 s of CPU in a fresh JVM. Without the compiled files (e.g. from an IDE) they are
 * compiled from the JRXML. Either way they are loaded once per JVM and paper size.
 */
public final class JasperRenderer {
  private static final String TEMPLATES = "/dev/wellspring/report/";
  /** The paper sizes the report is laid out for. */
  static final List<String> PAPERS = List.of("A4", "Letter");

  /** The table templates by the most columns their grid holds. */
  static final List<Integer> TABLE_GRIDS = List.of(3, 6, 7, 9);

  private static final Map<String, JasperRenderer> LOADED = new ConcurrentHashMap<>();

  private final SimpleJasperReportsContext context;
  private final JasperReport main;
  private final Map<String, JasperReport> tables;

  private JasperRenderer(SimpleJasperReportsContext context, JasperReport main, Map<String, JasperReport> tables) {
    this.context = context;
    this.main = main;
    this.tables = Map.copyOf(tables);
  }

  /** The renderer for {@code paper} (A4 or Letter), its templates loaded once per JVM. */
  public static JasperRenderer compile(String paper) {
    return LOADED.computeIfAbsent(paper, JasperRenderer::load);
  }

  private static JasperRenderer load(String paper) {
    SimpleJasperReportsContext ctx = context();
    Map<String, JasperReport> tables = new HashMap<>();
    for (int cols : TABLE_GRIDS) {
      tables.put("TABLE" + cols, template(ctx, "table" + cols, null));
    }
    return new JasperRenderer(ctx, template(ctx, "report", paper), tables);
  }

  /** The Jasper settings of every run; the build's compiler uses them too. */
  static SimpleJasperReportsContext context() {
    SimpleJasperReportsContext ctx = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
    // DejaVu comes from jasperreports-fonts; embedding it makes the PDF look the same everywhere.
    ctx.setProperty("net.sf.jasperreports.default.font.name", "DejaVu Sans");
    ctx.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
    ctx.setProperty("net.sf.jasperreports.default.pdf.encoding", "Identity-H");
    // Chart text as text in the embedded font, not as glyph outlines: smaller, faster, searchable.
    ctx.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
    // Subreports keep Jasper's default runner (a thread pool): the non-threaded continuation
    // runner needs commons-javaflow bytecode instrumentation, which is not worth a dependency.
    return ctx;
  }

  /** The name of a compiled template on the classpath: {@code report-A4.jasper}, {@code table3.jasper}. */
  static String compiledName(String name, String paper) {
    return name + (paper == null ? "" : "-" + paper) + ".jasper";
  }

  private static JasperReport template(SimpleJasperReportsContext ctx, String name, String paper) {
    try (InputStream in = JasperRenderer.class.getResourceAsStream(TEMPLATES + compiledName(name, paper))) {
      if (in != null) {
        return (JasperReport) JRLoader.loadObject(ctx, in);
      }
    } catch (JRException | java.io.IOException | ClassCastException e) {
      // A stale or damaged compiled template: compile the JRXML instead.
    }
    return compileDesign(ctx, name, paper);
  }

  /** Compiles {@code name.jrxml}, laid out for {@code paper} when given. */
  static JasperReport compileDesign(SimpleJasperReportsContext ctx, String name, String paper) {
    try {
      JasperDesign design = design(name + ".jrxml");
      if ("Letter".equals(paper)) {
        // 8.5 x 11 in; the margins keep the content 515 points wide, as on A4.
        design.setPageWidth(612);
        design.setPageHeight(792);
        design.setLeftMargin(48);
        design.setRightMargin(49);
      }
      return JasperCompileManager.getInstance(ctx).compile(design);
    } catch (JRException e) {
      throw new ReportException(ReportException.INTERNAL, "cannot compile the report templates: " + e.getMessage(), e);
    }
  }

  private static JasperDesign design(String name) throws JRException {
    try (InputStream in = JasperRenderer.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new ReportException(ReportException.INTERNAL, "report template missing from the classpath: " + name);
      }
      return JRXmlLoader.load(in);
    } catch (java.io.IOException e) {
      throw new ReportException(ReportException.INTERNAL, "cannot read report template " + name, e);
    }
  }

  /**
   * Fills the templates with {@code blocks} and writes the PDF to {@code out}.
   *
   * @param header RUN_DATE, GENERATED_AT and MODEL for the page header and footer
   * @return the number of pages
   */
  public int render(List<Block> blocks, Map<String, String> header, String title, OutputStream out) {
    JasperPrint print = fill(blocks, header);
    export(print, title, out);
    return print.getPages().size();
  }

  /** Lays the blocks out into pages (the benchmark times this apart from {@link #export}). */
  JasperPrint fill(List<Block> blocks, Map<String, String> header) {
    Map<String, Object> params = new HashMap<>(header);
    params.putAll(tables);
    try {
      return JasperFillManager.getInstance(context)
          .fill(main, params, new JRMapCollectionDataSource(rows(blocks)));
    } catch (JRException e) {
      throw new ReportException(ReportException.INTERNAL, "cannot render the report: " + e.getMessage(), e);
    }
  }

  /** Writes filled pages as a compressed PDF with the given title in its metadata. */
  void export(JasperPrint print, String title, OutputStream out) {
    try {
      JRPdfExporter exporter = new JRPdfExporter(context);
      exporter.setExporterInput(new SimpleExporterInput(print));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
      SimplePdfExporterConfiguration conf = new SimplePdfExporterConfiguration();
      conf.setMetadataTitle(title);
      conf.setMetadataCreator("Wellspring");
      conf.setCompressed(true);
      exporter.setConfiguration(conf);
      exporter.exportReport();
    } catch (JRException e) {
      throw new ReportException(ReportException.INTERNAL, "cannot render the report: " + e.getMessage(), e);
    }
  }

  /** The blocks as the field maps the templates read (names as in report.jrxml). */
  static List<Map<String, ?>> rows(List<Block> blocks) {
    List<Map<String, ?>> out = new ArrayList<>(blocks.size());
    int grp = 0;
    for (Block b : blocks) {
      Map<String, Object> m = new HashMap<>();
      if (b.kind() == Block.Kind.HEADING || b.kind() == Block.Kind.SUBHEADING) {
        grp++;
      }
      // The template's "section" group: a heading and the blocks up to the next heading.
      m.put("grp", grp);
      m.put("kind", b.kind().name());
      m.put("text", b.text());
      if (b.table() != null) {
        List<String> headers = b.table().headers();
        m.put("cols", headers.size());
        for (int i = 0; i < headers.size(); i++) {
          m.put("h" + i, headers.get(i));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Block.Row r : b.table().rows()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 0; i < r.cells().size(); i++) {
            row.put("c" + i, r.cells().get(i));
          }
          row.put("hl", r.highlight());
          rows.add(row);
        }
        m.put("rows", rows);
      }
      for (int i = 0; i < b.charts().size(); i++) {
        Block.Chart c = b.charts().get(i);
        String p = "c" + (i + 1);
        m.put(p + "Title", c.title());
        m.put(p + "Axis", c.valueAxis());
        List<Map<String, Object>> pts = new ArrayList<>();
        for (Block.Point pt : c.points()) {
          pts.add(Map.of("series", pt.series(), "category", pt.category(), "value", pt.value()));
        }
        m.put(p + "Points", pts);
      }
      out.add(m);
    }
    return out;
  }
}
