package dev.wellspring.report;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;

/**
 * Chart details the JRXML cannot say: category labels may take two lines instead of being cut
 * to "reader...", bars are flat (no gradient or shadow, which print badly), and a chart with few
 * categories does not draw bars as wide as the page. Named in report.jrxml.
 */
public final class ChartStyle implements JRChartCustomizer {
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
  }
}
