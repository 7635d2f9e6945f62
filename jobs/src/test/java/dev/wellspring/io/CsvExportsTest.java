package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class CsvExportsTest {
  private static final StructType SCHEMA =
      new StructType()
          .add("name", "string", false)
          .add("value", "double")
          .add("n", "long")
          .add("flag", "boolean");
  private static final CsvExports.Export EXPORT =
      new CsvExports.Export("sample", SCHEMA, List.of("name"));

  @TempDir Path tmp;

  @Test
  void numbersAreTheShortestDecimalThatParsesBack() {
    assertThat(CsvExports.number(0.1)).isEqualTo("0.1");
    assertThat(CsvExports.number(1e-7)).isEqualTo("0.0000001");
    assertThat(CsvExports.number(123456789.125)).isEqualTo("123456789.125");
    assertThat(CsvExports.number(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(CsvExports.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(CsvExports.number(2.0)).isEqualTo("2");
    assertThat(CsvExports.number(1500.0)).isEqualTo("1500");
    assertThat(CsvExports.number(-5.25)).isEqualTo("-5.25");
    assertThat(CsvExports.number(0.0)).isEqualTo("0");
    assertThat(CsvExports.number(-0.0)).isEqualTo("0");
    // Java 17's Double.toString writes these with a digit too many.
    assertThat(Double.toString(2e23)).isEqualTo("1.9999999999999998E23");
    assertThat(CsvExports.number(2e23)).isEqualTo("2E+23");
    assertThat(Double.toString(2.82879384806159E17)).isEqualTo("2.82879384806159008E17");
    assertThat(CsvExports.number(2.82879384806159E17)).isEqualTo("282879384806159000");
    // Outside 1e-7 .. 1e21, scientific notation keeps cells short.
    assertThat(CsvExports.number(1.5e-11)).isEqualTo("1.5E-11");
    assertThat(CsvExports.number(1e21)).isEqualTo("1E+21");
    assertThat(CsvExports.number(Double.MIN_VALUE)).isEqualTo("5E-324");
    assertThat(CsvExports.number(Double.NaN)).isEmpty();
    assertThat(CsvExports.number(Double.POSITIVE_INFINITY)).isEmpty();
  }

  @Test
  void everyFiniteDoubleRoundTripsInNoMoreDigitsThanJavaWrites() {
    Random random = new Random(20260101);
    int checked = 0;
    while (checked < 20_000) {
      double d =
          checked % 2 == 0
              ? Double.longBitsToDouble(random.nextLong())
              : random.nextInt(1_000_000) / 1000.0 / (1 + random.nextInt(60));
      if (!Double.isFinite(d)) {
        continue;
      }
      String s = CsvExports.number(d);
      assertThat(Double.parseDouble(s)).as("%s written as %s", d, s).isEqualTo(d);
      assertThat(digits(s))
          .as("%s written as %s", d, s)
          .isLessThanOrEqualTo(digits(Double.toString(d)));
      checked++;
    }
  }

  private static int digits(String number) {
    String mantissa = number.replaceFirst("[eE].*", "").replace("-", "").replace(".", "");
    return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
  }

  @Test
  void textCellsThatASpreadsheetWouldRunAreNeutralised() {
    assertThat(CsvExports.text("=SUM(A1:A9)")).isEqualTo("'=SUM(A1:A9)");
    assertThat(CsvExports.text("+31 20 555")).isEqualTo("'+31 20 555");
    assertThat(CsvExports.text("-5")).isEqualTo("'-5");
    assertThat(CsvExports.text("@ann")).isEqualTo("'@ann");
    assertThat(CsvExports.text("\tx")).isEqualTo("'\tx");
    assertThat(CsvExports.text("\rx")).isEqualTo("'\rx");
    assertThat(CsvExports.text("a=b")).isEqualTo("a=b");
    assertThat(CsvExports.text("2026-03")).isEqualTo("2026-03");
    assertThat(CsvExports.text(null)).isEmpty();
  }

  private static Dataset<Row> sample() {
    return SparkExtension.session()
        .createDataFrame(
            List.of(
                RowFactory.create("b", 0.1, 3L, true),
                RowFactory.create("-5", -5.0, -2L, false),
                RowFactory.create("a,\"q\"", 1e-7, null, null),
                RowFactory.create("=HYPERLINK(1)", null, 0L, true),
                RowFactory.create("A", 123456789.125, 7L, false),
                RowFactory.create("a", 1.0 / 3, 1L, true)),
            SCHEMA);
  }

  @Test
  void writesHeaderSortedRowsAndExactCellsWithNumbersUntouched() throws IOException {
    Path file = tmp.resolve("sample.csv");
    long rows = CsvExports.write(sample(), EXPORT, file);
    assertThat(rows).isEqualTo(6);
    // Sorted by name in code-point order ("-" < "=" < "A" < "a" < "a,..." < "b"); the text "-5"
    // gets its quote, the number -5 does not; null is an empty cell.
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "name,value,n,flag\r\n"
                + "'-5,-5,-2,false\r\n"
                + "'=HYPERLINK(1),,0,true\r\n"
                + "A,123456789.125,7,false\r\n"
                + "a,0.3333333333333333,1,true\r\n"
                + "\"a,\"\"q\"\"\",0.0000001,,\r\n"
                + "b,0.1,3,true\r\n");
  }

  @Test
  void aKeyWrittenWithAMinusSortsDescending() throws IOException {
    CsvExports.Export export = new CsvExports.Export("t", SCHEMA, List.of("flag", "-n", "name"));
    Path file = tmp.resolve("desc.csv");
    CsvExports.write(sample(), export, file);
    // flag ascending (null first), then n descending (null last), then name.
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "name,value,n,flag\r\n"
                + "\"a,\"\"q\"\"\",0.0000001,,\r\n"
                + "A,123456789.125,7,false\r\n"
                + "'-5,-5,-2,false\r\n"
                + "b,0.1,3,true\r\n"
                + "a,0.3333333333333333,1,true\r\n"
                + "'=HYPERLINK(1),,0,true\r\n");
  }

  @Test
  void twoWritesOfTheSameRowsAreByteIdenticalWhateverThePartitioning() throws IOException {
    Path one = tmp.resolve("one.csv");
    Path many = tmp.resolve("many.csv");
    CsvExports.write(sample().repartition(1), EXPORT, one);
    CsvExports.write(sample().repartition(5), EXPORT, many);
    assertThat(Files.mismatch(one, many)).isEqualTo(-1L);
  }

  @Test
  void publishWritesEveryExportWithTheDesignHeaderAndKeepsThePdf() throws IOException {
    Warehouse warehouse = new Warehouse(tmp.resolve("out"));
    LocalDate date = LocalDate.parse("2026-06-30");
    Path reports = warehouse.reportsDir(date);
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("effectiveness.pdf"), "%PDF-old");
    Files.writeString(reports.resolve("stale.csv"), "old");

    Map<String, Long> written = CsvExports.publish(warehouse, date, Map.of());

    // Column names exactly as DESIGN.md "Outputs".
    List<String> expected =
        List.of(
            "effectiveness.csv: owner,class,month,model,activities,hours,cost,credited_outcomes,"
                + "credited_value,value_per_hour,outcomes_per_hour",
            "model_comparison.csv: model,class,credited_value,share",
            "attribution_channels.csv: model,channel,score,share,credited_value",
            "lift.csv: model,lift,ci_low,ci_high,directed_value_per_hour,undirected_value_per_hour",
            "goal_scorecard.csv: goal_id,owner,category,hours,on_target_outcomes,on_target_value,"
                + "serendipitous_outcomes,target_value,drought,title,target_unit,progress,status",
            "well_building.csv: owner,class,month,new_relationships,strengthened_relationships,"
                + "intros_made,intros_received",
            "unattributed.csv: outcome_id,owner,type,value,reason",
            "period_comparison.csv: period,start,end,class,hours,credited_value,value_per_hour,"
                + "lift,ci_low,ci_high",
            "lift_history.csv: run_date,model,lift,ci_low,ci_high",
            "follow_up.csv: owner,goal_id,contact_id,contact_name,last_touch_on,days_since_touch");
    List<String> actual = new ArrayList<>();
    for (String line : expected) {
      String name = line.substring(0, line.indexOf(':'));
      actual.add(name + ": " + Files.readString(reports.resolve(name)).replace("\r\n", ""));
    }
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(written.values()).containsOnly(0L).hasSize(10);
    assertThat(Files.readString(reports.resolve("effectiveness.pdf"))).isEqualTo("%PDF-old");
    List<String> names =
        new ArrayList<>(expected.stream().map(l -> l.substring(0, l.indexOf(':'))).toList());
    names.add("effectiveness.pdf");
    try (var files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("the old folder is replaced whole, only the PDF carried over")
          .containsExactlyInAnyOrderElementsOf(names);
    }
    assertThat(tmp.resolve("out/.staging")).isEmptyDirectory();
  }
}
