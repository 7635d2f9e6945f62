package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.testing.SparkExtension;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The earlier run dates of a table (lift_history reads them) and whether a table exists. */
@ExtendWith(SparkExtension.class)
class WarehouseEarlierDatesTest {
  private static final StructType SCHEMA =
      new StructType().add("model", "string").add("lift", "double");

  @TempDir java.nio.file.Path out;

  @Test
  void earlierDatesAreThePublishedPartitionsBeforeTheRunDateWithTheirDate(SparkSession spark) {
    Warehouse wh = new Warehouse(out);
    write(spark, wh, "2026-01-01", "a", 1.0);
    write(spark, wh, "2026-01-02", "b", 2.0);
    write(spark, wh, "2026-01-03", "c", 3.0);

    List<String> rows =
        wh
            .readEarlierDates(spark, "lift", SCHEMA, LocalDate.parse("2026-01-03"))
            .orElseThrow()
            .orderBy("run_date")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0) + " " + r.getDouble(1) + " " + r.get(2))
            .toList();

    assertThat(rows).containsExactly("a 1.0 2026-01-01", "b 2.0 2026-01-02");
    assertThat(wh.readEarlierDates(spark, "lift", SCHEMA, LocalDate.parse("2026-01-01")))
        .as("nothing before the first date")
        .isEmpty();
    assertThat(wh.readEarlierDates(spark, "credits", SCHEMA, LocalDate.parse("2026-01-03")))
        .as("a table never written")
        .isEmpty();
  }

  @Test
  void hasTableSaysWhetherTheRunDateWasWritten(SparkSession spark) {
    Warehouse wh = new Warehouse(out);
    write(spark, wh, "2026-01-01", "a", 1.0);

    assertThat(wh.hasTable("lift", LocalDate.parse("2026-01-01"))).isTrue();
    assertThat(wh.hasTable("lift", LocalDate.parse("2026-01-02"))).isFalse();
  }

  private static void write(SparkSession spark, Warehouse wh, String date, String model, double l) {
    List<Row> rows = List.of(RowFactory.create(model, l));
    wh.write(spark.createDataFrame(rows, SCHEMA), "lift", LocalDate.parse(date));
  }
}
