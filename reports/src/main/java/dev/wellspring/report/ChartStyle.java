package dev.wellspring.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * Chart details the JRXML cannot say: category labels may take two lines instead of being cut
 * to "reader...", bars are flat (no gradient or shadow, which print badly), and a chart with few
 * categories does not draw bars as wide as the page. Named in report.jrxml.
 */
public final class ChartStyle implements JRChartCustomizer {
  /** Points of a chart's width outside its plot area: value axis, its label and the box. */
  private static final double AXIS_ALLOWANCE = 60;

  private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

  @Override
  public void customize(JFreeChart chart, JRChart jasperChart) {
    if (!(chart.getPlot() instanceof CategoryPlot plot)) {
      return;
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
      double slot = (jasperChart.getWidth() - AXIS_ALLOWANCE) / categories
          * (1 - axis.getCategoryMargin()) * 0.9;
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
}
