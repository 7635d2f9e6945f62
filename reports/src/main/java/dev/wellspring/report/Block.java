package dev.wellspring.report;

import java.util.List;

/**
 * One piece of the report's content, in reading order: the report is a list of blocks that the
 * template lays out one after another (a detail band per kind). Built by {@link ReportContent},
 * drawn by {@link JasperRenderer}.
 *
 * @param kind what the block is, which decides its band in the template
 * @param text the text of a title, heading or paragraph, or a table's caption; may be empty
 * @param table the rows of a {@link Kind#TABLE}; null otherwise
 * @param charts one chart ({@link Kind#CHART}, {@link Kind#BAR_CHART}, {@link Kind#LINE_CHART}) or
 *     two side by side ({@link Kind#CHART_PAIR})
 */
public record Block(Kind kind, String text, Table table, List<Chart> charts) {
  /** Block kinds; each has its own band in {@code report.jrxml}. */
  public enum Kind {
    TITLE,
    HEADING,
    SUBHEADING,
    HEADLINE,
    TEXT,
    NOTE,
    TABLE,
    CHART,
    /** One chart of grouped (side-by-side) bars: values that must not be added up. */
    BAR_CHART,
    /** One line chart: a series per class over months or run dates. */
    LINE_CHART,
    CHART_PAIR,
    PAGE_BREAK
  }

  public Block {
    text = text == null ? "" : text;
    charts = charts == null ? List.of() : List.copyOf(charts);
  }

  public static Block of(Kind kind, String text) {
    return new Block(kind, text, null, null);
  }

  public static Block table(Table table) {
    return new Block(Kind.TABLE, "", table, null);
  }

  /** A table under a caption; the two stay on one page when the table is short enough. */
  public static Block table(String caption, Table table) {
    return new Block(Kind.TABLE, caption, table, null);
  }

  public static Block chart(Chart chart) {
    return new Block(Kind.CHART, "", null, List.of(chart));
  }

  /** Grouped bars, one per series in each category (e.g. values per hour by class). */
  public static Block barChart(Chart chart) {
    return new Block(Kind.BAR_CHART, "", null, List.of(chart));
  }

  /** Lines, one per series; a category a series has no point for is left out of its line. */
  public static Block lineChart(Chart chart) {
    return new Block(Kind.LINE_CHART, "", null, List.of(chart));
  }

  public static Block chartPair(Chart left, Chart right) {
    return new Block(Kind.CHART_PAIR, "", null, List.of(left, right));
  }

  public static Block pageBreak() {
    return new Block(Kind.PAGE_BREAK, "", null, null);
  }

  /**
   * A table of text cells. The first column is the wide label column; the others hold numbers. At
   * most {@link #MAX_COLUMNS} columns (the width of the template's grid).
   */
  public record Table(List<String> headers, List<Row> rows) {
    public static final int MAX_COLUMNS = 9;

    public Table {
      headers = List.copyOf(headers);
      rows = List.copyOf(rows);
      if (headers.isEmpty() || headers.size() > MAX_COLUMNS) {
        throw new IllegalArgumentException(
            "a table has 1.." + MAX_COLUMNS + " columns, not " + headers.size());
      }
      for (Row r : rows) {
        if (r.cells().size() != headers.size()) {
          throw new IllegalArgumentException(
              "row "
                  + r.cells()
                  + " has "
                  + r.cells().size()
                  + " cells for "
                  + headers.size()
                  + " columns");
        }
      }
    }
  }

  /** A table row; a highlighted row is drawn on a warning background (e.g. a drought goal). */
  public record Row(List<String> cells, boolean highlight) {
    public Row {
      cells = List.copyOf(cells);
    }

    public static Row of(String... cells) {
      return new Row(List.of(cells), false);
    }
  }

  /**
   * A bar chart; with more than one series the bars are stacked. Series keep the order of their
   * first point, so classes get the same colour in every chart.
   */
  public record Chart(String title, String valueAxis, List<Point> points) {
    public Chart {
      points = List.copyOf(points);
    }

    /** True when there is nothing to draw (no point or only zeros). */
    public boolean isEmpty() {
      return points.stream().allMatch(p -> p.value() == 0.0 || Double.isNaN(p.value()));
    }
  }

  /** One bar (segment) or line point of a chart; NaN is no point (a gap in a line). */
  public record Point(String series, String category, double value) {}
}
