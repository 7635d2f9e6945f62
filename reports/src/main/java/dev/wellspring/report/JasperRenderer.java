package dev.wellspring.report;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Lays the report's blocks out with JasperReports and writes the PDF. The templates ({@code
 * report.jrxml} and the table grids {@code table3/6/7/8/9.jrxml}) come only from this module's
 * classpath. The build compiles them to {@code .jasper} files ({@link TemplateCompiler}, one main
 * report per paper size), so a run only deserializes them; compiling the JRXML with JDT costs about
 * 3 s of CPU in a fresh JVM. Without the compiled files (e.g. from an IDE) they are compiled from
 * the JRXML. Either way they are loaded once per JVM and paper size.
 */
public final class JasperRenderer {
  private static final String TEMPLATES = "/dev/wellspring/report/";

  /** The paper sizes the report is laid out for. */
  static final List<String> PAPERS = List.of("A4", "Letter");

  /** The table templates by the most columns their grid holds. */
  static final List<Integer> TABLE_GRIDS = List.of(3, 6, 7, 8, 9);

  private static final String CREATOR = "Wellspring";

  private static final Map<String, JasperRenderer> LOADED = new ConcurrentHashMap<>();

  /** Fill threads besides the caller's: one per core, at most 4 (the report has few big parts). */
  static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  /** Daemon threads, so a finished report's JVM exits without shutting the pool down. */
  private static final ExecutorService POOL =
      Executors.newFixedThreadPool(
          THREADS,
          r -> {
            Thread t = new Thread(r, "report-fill");
            t.setDaemon(true);
            return t;
          });

  private final SimpleJasperReportsContext context;
  private final JasperReport main;
  private final Map<String, JasperReport> tables;

  private JasperRenderer(
      SimpleJasperReportsContext context, JasperReport main, Map<String, JasperReport> tables) {
    this.context = context;
    this.main = main;
    this.tables = Map.copyOf(tables);
  }

  /** The renderer for {@code paper} (A4 or Letter), its templates loaded once per JVM. */
  public static JasperRenderer compile(String paper) {
    return LOADED.computeIfAbsent(paper, JasperRenderer::load);
  }

  /**
   * Starts loading the templates for {@code paper} on a background thread and renders a tiny report
   * there (a heading, a table, a chart) to nowhere, while the caller reads the run's files: a fresh
   * JVM spends much of a render loading and compiling Jasper's, JFreeChart's and OpenPDF's classes
   * and the fonts, and this does it on another core. Failures are ignored; the real render meets
   * them again and reports them.
   */
  public static void warmUp(String paper) {
    if (!PAPERS.contains(paper)) {
      return;
    }
    Thread t =
        new Thread(
            () -> {
              try {
                JasperRenderer r = compile(paper);
                List<Block> blocks =
                    List.of(
                        Block.of(Block.Kind.HEADING, "Warm-up"),
                        Block.of(Block.Kind.TEXT, "Warm-up 1,234.5"),
                        Block.table(
                            "Warm-up",
                            new Block.Table(
                                List.of("Class", "Hours", "Value"),
                                List.of(Block.Row.of("DIRECTED", "1", "2")))),
                        Block.chart(
                            new Block.Chart(
                                "Warm-up",
                                "hours",
                                List.of(
                                    new Block.Point("DIRECTED", "Jan 2026", 1),
                                    new Block.Point("EMBEDDED", "Jan 2026", 2)))));
                JasperPrint print =
                    r.fillPart(blocks, Map.of("RUN_DATE", "", "GENERATED_AT", "", "MODEL", ""));
                r.export(List.of(print), "warm-up", OutputStream.nullOutputStream());
              } catch (RuntimeException | LinkageError e) {
                // Nothing to do: the real render will fail the same way and say why.
              }
            },
            "report-warm-up");
    t.setDaemon(true);
    t.start();
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
    SimpleJasperReportsContext ctx =
        new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
    // DejaVu comes from jasperreports-fonts; embedding it makes the PDF look the same everywhere.
    // "Wellspring Sans" is the font set of reports/src/main/resources/dev/wellspring/report/fonts:
    // DejaVu Sans, then Droid Sans Fallback for CJK.
    ctx.setProperty("net.sf.jasperreports.default.font.name", "Wellspring Sans");
    ctx.setProperty("net.sf.jasperreports.default.pdf.embedded", "true");
    ctx.setProperty("net.sf.jasperreports.default.pdf.encoding", "Identity-H");
    // Chart text as text in the embedded font, not as glyph outlines: smaller, faster, searchable.
    ctx.setProperty("net.sf.jasperreports.export.pdf.force.svg.shapes", "false");
    // Subreports keep Jasper's default runner (a thread pool): the non-threaded continuation
    // runner needs commons-javaflow bytecode instrumentation, which is not worth a dependency.
    return ctx;
  }

  /**
   * The name of a compiled template on the classpath: {@code report-A4.jasper}, {@code
   * table3.jasper}.
   */
  static String compiledName(String name, String paper) {
    return name + (paper == null ? "" : "-" + paper) + ".jasper";
  }

  private static JasperReport template(SimpleJasperReportsContext ctx, String name, String paper) {
    try (InputStream in =
        JasperRenderer.class.getResourceAsStream(TEMPLATES + compiledName(name, paper))) {
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
      throw new ReportException(
          ReportException.INTERNAL, "cannot compile the report templates: " + e.getMessage(), e);
    }
  }

  private static JasperDesign design(String name) throws JRException {
    try (InputStream in = JasperRenderer.class.getResourceAsStream(TEMPLATES + name)) {
      if (in == null) {
        throw new ReportException(
            ReportException.INTERNAL, "report template missing from the classpath: " + name);
      }
      return JRXmlLoader.load(in);
    } catch (java.io.IOException e) {
      throw new ReportException(ReportException.INTERNAL, "cannot read report template " + name, e);
    }
  }

  /**
   * Fills the templates with {@code blocks} and writes the PDF to {@code out}.
   *
   * <p>The blocks are filled in parts, concurrently: the report is cut at its page breaks (so no
   * part changes the layout) into pieces of about equal work, each filled as its own JasperPrint on
   * {@link #POOL}; then every footer gets its page number and the document's total, and the parts
   * are exported in order as one PDF. A 50-owner report is mostly owner pages, so this uses every
   * core for the fill, its larger half.
   *
   * @param header RUN_DATE, GENERATED_AT and MODEL for the page header and footer
   * @return the number of pages
   */
  public int render(
      List<Block> blocks, Map<String, String> header, String title, OutputStream out) {
    List<JasperPrint> prints = fill(blocks, header);
    export(prints, title, out);
    return pageCount(prints);
  }

  /**
   * Lays the blocks out into pages, in parts filled concurrently, with "Page X of Y" numbered
   * across all parts (the benchmark times this apart from {@link #export}).
   */
  List<JasperPrint> fill(List<Block> blocks, Map<String, String> header) {
    List<List<Block>> parts = parts(blocks, THREADS == 1 ? 1 : 2 * THREADS);
    List<Future<JasperPrint>> filling = new ArrayList<>();
    for (List<Block> part : parts.subList(1, parts.size())) {
      filling.add(POOL.submit(() -> fillPart(part, header)));
    }
    List<JasperPrint> prints = new ArrayList<>();
    // The first part on this thread: it would otherwise only wait.
    prints.add(fillPart(parts.get(0), header));
    for (Future<JasperPrint> f : filling) {
      prints.add(await(f));
    }
    numberPages(prints);
    return prints;
  }

  private JasperPrint fillPart(List<Block> blocks, Map<String, String> header) {
    Map<String, Object> params = new HashMap<>(header);
    params.putAll(tables);
    try {
      return JasperFillManager.getInstance(context)
          .fill(main, params, new JRMapCollectionDataSource(rows(blocks)));
    } catch (JRException e) {
      throw new ReportException(
          ReportException.INTERNAL, "cannot render the report: " + e.getMessage(), e);
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportException(
          ReportException.INTERNAL, "interrupted while rendering the report", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ReportException r) {
        throw r;
      }
      throw new ReportException(
          ReportException.INTERNAL, "cannot render the report: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Cuts {@code blocks} at their page breaks into at most {@code max} runs of whole pages of about
   * equal weight (a chart weighs most; see {@link #weight}). A page break where a part starts is
   * dropped: every part starts on a new page anyway.
   */
  static List<List<Block>> parts(List<Block> blocks, int max) {
    // Pieces: the blocks from one page break (included) to the next.
    List<List<Block>> pieces = new ArrayList<>();
    List<Block> piece = new ArrayList<>();
    for (Block b : blocks) {
      if (b.kind() == Block.Kind.PAGE_BREAK && !piece.isEmpty()) {
        pieces.add(piece);
        piece = new ArrayList<>();
      }
      piece.add(b);
    }
    pieces.add(piece);
    long total = 0;
    for (List<Block> p : pieces) {
      total += weight(p);
    }
    List<List<Block>> parts = new ArrayList<>();
    List<Block> part = new ArrayList<>();
    long done = 0;
    for (List<Block> p : pieces) {
      long w = weight(p);
      // Close the part before a piece whose middle lies past the part's share of the total (the
      // k-th boundary is total * k / max); the last part takes the rest.
      if (!part.isEmpty()
          && parts.size() < max - 1
          && (2 * done + w) * max > 2 * total * (parts.size() + 1)) {
        parts.add(part);
        part = new ArrayList<>();
      }
      boolean starts = part.isEmpty();
      part.addAll(starts && p.get(0).kind() == Block.Kind.PAGE_BREAK ? p.subList(1, p.size()) : p);
      done += w;
    }
    if (!part.isEmpty() || parts.isEmpty()) {
      parts.add(part);
    }
    return parts;
  }

  /** Rough fill and export cost of blocks: charts dominate, then table rows. */
  private static long weight(List<Block> blocks) {
    long w = 0;
    for (Block b : blocks) {
      w += 1 + 8L * b.charts().size() + (b.table() == null ? 0 : b.table().rows().size());
    }
    return w;
  }

  /**
   * Writes "Page X of" and the total into every footer: each part was numbered from 1 on its own.
   * The two texts are found by their keys in report.jrxml.
   */
  static void numberPages(List<JasperPrint> prints) {
    int total = pageCount(prints);
    int n = 0;
    for (JasperPrint print : prints) {
      for (JRPrintPage page : print.getPages()) {
        n++;
        for (JRPrintElement e : page.getElements()) {
          if (e instanceof JRPrintText t && "pageNumber".equals(t.getKey())) {
            setText(t, "Page " + n + " of");
          } else if (e instanceof JRPrintText t && "pageTotal".equals(t.getKey())) {
            setText(t, " " + total);
          }
        }
      }
    }
  }

  private static void setText(JRPrintText t, String text) {
    t.setText(text);
    // The fill measured the old text; a one-line number needs no breaks and is never truncated.
    t.setLineBreakOffsets(null);
    t.setTextTruncateIndex(null);
  }

  static int pageCount(List<JasperPrint> prints) {
    int pages = 0;
    for (JasperPrint p : prints) {
      pages += p.getPages().size();
    }
    return pages;
  }

  /**
   * Writes filled parts, in order, as one compressed PDF with the given title in its metadata. With
   * more than one core the parts are exported in groups of about equal page counts, each on its own
   * thread into a PDF of its own, and the groups' pages are then copied into one document as they
   * are (no page is drawn or compressed again). The export, drawing the charts and laying the text
   * out, is the largest step of a render.
   */
  void export(List<JasperPrint> prints, String title, OutputStream out) {
    List<List<JasperPrint>> groups = groups(prints, THREADS);
    if (groups.size() == 1) {
      exportPdf(prints, title, out);
      return;
    }
    List<Future<byte[]>> exporting = new ArrayList<>();
    for (List<JasperPrint> g : groups.subList(1, groups.size())) {
      exporting.add(POOL.submit(() -> exportPdf(g, title)));
    }
    List<byte[]> pdfs = new ArrayList<>();
    pdfs.add(exportPdf(groups.get(0), title));
    for (Future<byte[]> f : exporting) {
      pdfs.add(await(f));
    }
    concatenate(pdfs, title, out);
  }

  /** Consecutive runs of parts, at most {@code max}, of about equal page counts. */
  static List<List<JasperPrint>> groups(List<JasperPrint> prints, int max) {
    int total = pageCount(prints);
    List<List<JasperPrint>> groups = new ArrayList<>();
    List<JasperPrint> group = new ArrayList<>();
    int done = 0;
    for (JasperPrint p : prints) {
      group.add(p);
      done += p.getPages().size();
      if (groups.size() < max - 1 && (long) done * max >= (long) total * (groups.size() + 1)) {
        groups.add(group);
        group = new ArrayList<>();
      }
    }
    if (!group.isEmpty() || groups.isEmpty()) {
      groups.add(group);
    }
    return groups;
  }

  private byte[] exportPdf(List<JasperPrint> prints, String title) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream(1 << 19);
    exportPdf(prints, title, pdf);
    return pdf.toByteArray();
  }

  private void exportPdf(List<JasperPrint> prints, String title, OutputStream out) {
    try {
      JRPdfExporter exporter = new JRPdfExporter(context);
      exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
      exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
      SimplePdfExporterConfiguration conf = new SimplePdfExporterConfiguration();
      conf.setMetadataTitle(title);
      conf.setMetadataCreator(CREATOR);
      conf.setCompressed(true);
      exporter.setConfiguration(conf);
      exporter.exportReport();
    } catch (JRException e) {
      throw new ReportException(
          ReportException.INTERNAL, "cannot render the report: " + e.getMessage(), e);
    }
  }

  /** Copies the pages of {@code pdfs}, in order, into one PDF with the report's metadata. */
  private static void concatenate(List<byte[]> pdfs, String title, OutputStream out) {
    Document doc = new Document();
    try {
      PdfCopy copy = new PdfCopy(doc, out);
      copy.setFullCompression();
      doc.addTitle(title);
      doc.addCreator(CREATOR);
      doc.open();
      for (byte[] pdf : pdfs) {
        PdfReader reader = new PdfReader(pdf);
        for (int i = 1; i <= reader.getNumberOfPages(); i++) {
          copy.addPage(copy.getImportedPage(reader, i));
        }
        copy.freeReader(reader);
        reader.close();
      }
      doc.close();
    } catch (IOException | RuntimeException e) {
      throw new ReportException(
          ReportException.INTERNAL, "cannot write the report: " + e.getMessage(), e);
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
          Map<String, Object> point = new HashMap<>();
          point.put("series", pt.series());
          point.put("category", pt.category());
          point.put("value", Double.isNaN(pt.value()) ? null : pt.value());
          pts.add(point);
        }
        m.put(p + "Points", pts);
      }
      out.add(m);
    }
    return out;
  }
}
