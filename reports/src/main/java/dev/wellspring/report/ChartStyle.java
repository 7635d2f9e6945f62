package dev.wellspring.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Chart details the JRXML cannot say: category labels may take two lines instead of being cut to
 * "reader...", bars are flat (no gradient or shadow, which print badly), and a chart with few
 * categories does not draw bars as wide as the page. Named in report.jrxml.
 */
public final class ChartStyle implements JRChartCustomizer {
  /**
   * Series names of a grouped bar chart with an interval: the bars of {@link #ESTIMATE} get a
   * whisker from its {@link #LOW} to its {@link #HIGH} value in the same category; the low and high
   * series are not drawn as bars (Jasper's category dataset has no interval of its own).
   */
  public static final String ESTIMATE = "incremental (estimate)";

  public static final String LOW = "95% low";
  public static final String HIGH = "95% high";

  /** Points of a chart's width outside its plot area: value axis, its label and the box. */
  private static final double AXIS_ALLOWANCE = 60;

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  @Override
  public void customize(JFreeChart chart, JRChart jasperChart) {
    if (!(chart.getPlot() instanceof CategoryPlot plot)) {
      return;
    }
    if (plot.getDataset() instanceof DefaultCategoryDataset ds
        && ds.getRowIndex(LOW) >= 0
        && ds.getRowIndex(HIGH) >= 0) {
      withWhiskers(plot, ds);
    }
    CategoryAxis axis = plot.getDomainAxis();
    axis.setMaximumCategoryLabelLines(2);
    if (plot.getRenderer() instanceof BarRenderer bars) {
      bars.setBarPainter(new StandardBarPainter());
      bars.setShadowVisible(false);
      bars.setMaximumBarWidth(0.12);
    }
    // JFreeChart breaks a word that is wider than its category mid-word ("reader-ship"); when a
    // word would not fit, the labels are drawn at 45 degrees, where they have room.
    int categories = plot.getCategories() == null ? 0 : plot.getCategories().size();
    if (categories > 0 && jasperChart != null) {
      double slot =
          (jasperChart.getWidth() - AXIS_ALLOWANCE)
              / categories
              * (1 - axis.getCategoryMargin())
              * 0.9;
      Font font = axis.getTickLabelFont();
      double widest = 0;
      for (Object key : plot.getCategories()) {
        for (String word : String.valueOf(key).split("\\s+")) {
          widest = Math.max(widest, font.getStringBounds(word, FRC).getWidth());
        }
      }
      if (widest > slot) {
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
      }
    }
  }

  /**
   * Replaces the low / high series by whiskers on the estimate's bars, and fits the axis to them.
   */
  private static void withWhiskers(CategoryPlot plot, DefaultCategoryDataset ds) {
    DefaultCategoryDataset bars = new DefaultCategoryDataset();
    Map<Comparable<?>, double[]> whiskers = new HashMap<>();
    double min = 0;
    double max = 0;
    for (int c = 0; c < ds.getColumnCount(); c++) {
      Comparable<?> cat = ds.getColumnKey(c);
      Number lo = ds.getValue(LOW, cat);
      Number hi = ds.getValue(HIGH, cat);
      if (lo != null && hi != null) {
        whiskers.put(cat, new double[] {lo.doubleValue(), hi.doubleValue()});
        min = Math.min(min, lo.doubleValue());
        max = Math.max(max, hi.doubleValue());
      }
      for (int r = 0; r < ds.getRowCount(); r++) {
        Comparable<?> series = ds.getRowKey(r);
        if (!series.equals(LOW) && !series.equals(HIGH)) {
          Number v = ds.getValue(r, c);
          bars.addValue(v, (Comparable) series, (Comparable) cat);
          if (v != null) {
            min = Math.min(min, v.doubleValue());
            max = Math.max(max, v.doubleValue());
          }
        }
      }
    }
    BarRenderer old = (BarRenderer) plot.getRenderer();
    WhiskerBars renderer = new WhiskerBars(whiskers);
    for (int r = 0; r < bars.getRowCount(); r++) {
      renderer.setSeriesPaint(r, old.getSeriesPaint(ds.getRowIndex(bars.getRowKey(r))));
    }
    plot.setDataset(bars);
    plot.setRenderer(renderer);
    ValueAxis range = plot.getRangeAxis();
    double pad = (max - min) * 0.08;
    range.setRange(min < 0 ? min - pad : 0, max + pad);
  }

  /** Grouped bars that draw a whisker (the 95% interval) on each bar of the estimate series. */
  private static final class WhiskerBars extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final Map<Comparable<?>, double[]> whiskers;

    WhiskerBars(Map<Comparable<?>, double[]> whiskers) {
      this.whiskers = whiskers;
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(false);
    }

    @Override
    public void drawItem(
        Graphics2D g2,
        CategoryItemRendererState state,
        Rectangle2D dataArea,
        CategoryPlot plot,
        CategoryAxis domainAxis,
        ValueAxis rangeAxis,
        CategoryDataset dataset,
        int row,
        int column,
        int pass) {
      super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
      double[] w = whiskers.get(dataset.getColumnKey(column));
      if (w == null || !ESTIMATE.equals(dataset.getRowKey(row)) || pass != 0) {
        return;
      }
      double x =
          calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column)
              + state.getBarWidth() / 2;
      double y0 = rangeAxis.valueToJava2D(w[0], dataArea, plot.getRangeAxisEdge());
      double y1 = rangeAxis.valueToJava2D(w[1], dataArea, plot.getRangeAxisEdge());
      double cap = Math.min(6, state.getBarWidth() / 3);
      g2.setPaint(new Color(0x1A1A1A));
      g2.setStroke(new BasicStroke(1.0f));
      g2.draw(new Line2D.Double(x, y0, x, y1));
      g2.draw(new Line2D.Double(x - cap, y0, x + cap, y0));
      g2.draw(new Line2D.Double(x - cap, y1, x + cap, y1));
    }
  }
}
