package dev.wellspring.report;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Lays the report's blocks out with JasperReports and writes the PDF. The templates ({@code
 * report.jrxml} and the table grids {@code table3/6/7/9.jrxml}) are loaded only from this module's classpath and compiled
 * once per instance, i.e. once per run; the paper size is set on the design before compiling.
 */
public final class JasperRenderer {
  private static final String TEMPLATES = "/dev/wellspring/report/";

  private final SimpleJasperReportsContext context;
  /** The table templates by the most columns their grid holds. */
  static final List<Integer> TABLE_GRIDS = List.of(3, 6, 7, 9);

  private final JasperReport main;
  private final Map<String, JasperReport> tables;

  private JasperRenderer(SimpleJasperReportsContext context, JasperReport main, Map<String, JasperReport> tables) {
    this.context = context;
    this.main = main;
    this.tables = Map.copyOf(tables);
  }

  /** Compiles the templates for {@code paper} (A4 or Letter). */
  public static JasperRenderer compile(String paper) {
    SimpleJasperReportsContext ctx = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
    // DejaVu comes from jasperreports-fonts; embedding it makes the PDF look the same everywhere.
    ctx.setProperty("net.sf.jasperreports.default.font.name", "DejaVu Sans");
    ctx.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
    ctx.setProperty("net.sf.jasperreports.default.pdf.encoding", "Identity-H");
    // Chart text as text in the embedded font, not as glyph outlines: smaller, faster, searchable.
    ctx.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
    try {
      JasperDesign mainDesign = load("report.jrxml");
      if (paper.equals("Letter")) {
        // 8.5 x 11 in; the margins keep the content 515 points wide, as on A4.
        mainDesign.setPageWidth(612);
        mainDesign.setPageHeight(792);
        mainDesign.setLeftMargin(48);
        mainDesign.setRightMargin(49);
      }
      JasperCompileManager compiler = JasperCompileManager.getInstance(ctx);
      Map<String, JasperReport> tables = new HashMap<>();
      for (int cols : TABLE_GRIDS) {
        tables.put("TABLE" + cols, compiler.compile(load("table" + cols + ".jrxml")));
      }
      return new JasperRenderer(ctx, compiler.compile(mainDesign), tables);
    } catch (JRException e) {
      throw new ReportException(ReportException.INTERNAL, "cannot compile the report templates: " + e.getMessage(), e);
    }
  }

  private static JasperDesign load(String name) throws JRException {
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
    Map<String, Object> params = new HashMap<>(header);
    params.putAll(tables);
    try {
      JasperPrint print = JasperFillManager.getInstance(context)
          .fill(main, params, new JRMapCollectionDataSource(rows(blocks)));
      JRPdfExporter exporter = new JRPdfExporter(context);
      exporter.setExporterInput(new SimpleExporterInput(print));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
      SimplePdfExporterConfiguration conf = new SimplePdfExporterConfiguration();
      conf.setMetadataTitle(title);
      conf.setMetadataCreator("Wellspring");
      conf.setCompressed(true);
      exporter.setConfiguration(conf);
      exporter.exportReport();
      return print.getPages().size();
    } catch (JRException e) {
      throw new ReportException(ReportException.INTERNAL, "cannot render the report: " + e.getMessage(), e);
    }
  }

  /** The blocks as the field maps the templates read (names as in report.jrxml). */
  static List<Map<String, ?>> rows(List<Block> blocks) {
    List<Map<String, ?>> out = new ArrayList<>(blocks.size());
    for (Block b : blocks) {
      Map<String, Object> m = new HashMap<>();
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
