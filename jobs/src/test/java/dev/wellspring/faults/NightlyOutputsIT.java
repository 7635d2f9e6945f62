package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.io.Manifest;
import dev.wellspring.testing.Background;
import dev.wellspring.testing.SparkExtension;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two uninterrupted {@code nightly} runs (child JVMs, {@code local[1]} and {@code local[2]}) on one
 * input with planted personal data, formula-like owner and goal ids, and report templates planted
 * in the input folder; then the promises about what comes out.
 */
@ExtendWith(SparkExtension.class)
class NightlyOutputsIT {
  @TempDir static Path tmp;

  static Path in;
  static Path one;
  static Path two;
  static boolean report;

  @BeforeAll
  static void twoRuns() throws Exception {
    in = tmp.resolve("in");
    HardeningInputs.write(in, 300);
    HardeningInputs.plantTemplates(in);
    report = NightlyChild.reportsClasspath() != null;
    one = tmp.resolve("local1");
    two = tmp.resolve("local2");
    // The two runs are independent: run at once (each child is mostly Spark's fixed per-job
    // cost, so two share the machine's two cores; about 40 s instead of 75 s).
    CompletableFuture<Void> first =
        Background.start(
            () -> {
              NightlyChild.runOk(in, one, "local[1]", report, tmp.resolve("local1.log"));
              return null;
            });
    NightlyChild.runOk(in, two, "local[2]", report, tmp.resolve("local2.log"));
    Background.join(first);
  }

  @Test
  void exportsAreByteIdenticalWhateverTheNumberOfCores() throws Exception {
    Path a = one.resolve("reports/" + NightlyChild.RUN_DATE);
    Path b = two.resolve("reports/" + NightlyChild.RUN_DATE);
    List<String> csvs;
    try (Stream<Path> files = Files.list(a)) {
      csvs =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".csv"))
              .sorted()
              .toList();
    }
    assertThat(csvs)
        .contains(
            "effectiveness.csv", "lift.csv", "goal_scorecard.csv", "attribution_channels.csv");
    for (String csv : csvs) {
      assertThat(Files.readAllBytes(b.resolve(csv)))
          .as(csv)
          .isEqualTo(Files.readAllBytes(a.resolve(csv)));
    }
    String rejects = "rejects/run_date=" + NightlyChild.RUN_DATE + "/rejects.csv";
    assertThat(Files.readAllBytes(two.resolve(rejects)))
        .isEqualTo(Files.readAllBytes(one.resolve(rejects)));
    assertThat(NightlyChild.logical(two))
        .as("tables, exports and PDF text")
        .isEqualTo(NightlyChild.logical(one));
  }

  @Test
  void pdfTextIsIdenticalAcrossRuns() throws Exception {
    Assumptions.assumeTrue(
        report, "the report module is not built; run `mvn -DskipTests package` first");
    Path pdf = Path.of("reports", NightlyChild.RUN_DATE, "effectiveness.pdf");
    String text = NightlyChild.pdfText(one.resolve(pdf));
    assertThat(text).isNotBlank();
    assertThat(NightlyChild.pdfText(two.resolve(pdf))).isEqualTo(text);
  }

  @Test
  void noEmailAddressOrPhoneNumberInAnyOutput() throws Exception {
    String all = everyOutputAsText(two);
    assertThat(all).as("the scan sees the data").contains("Person 7", "Keynotes");
    assertThat(all).as("masked, not dropped").contains("<email:", "<phone:");
    for (String planted : HardeningInputs.PLANTED) {
      assertThat(all).as("personal data in an output").doesNotContain(planted);
    }
  }

  @Test
  void formulaLikeCellsAreNeutralisedInEveryCsv() throws Exception {
    List<Path> csvs = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(two)) {
      walk.filter(p -> p.toString().endsWith(".csv")).forEach(csvs::add);
    }
    List<String> seen = new ArrayList<>();
    for (Path csv : csvs) {
      try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        for (CSVRecord rec : CSVFormat.RFC4180.parse(r)) {
          for (String cell : rec) {
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
              assertThat(cell)
                  .as("a cell of %s starting with a formula character", csv.getFileName())
                  .matches("-[0-9.Ee+-]+");
            }
            if (cell.startsWith("'")) {
              seen.add(cell.length() > 12 ? cell.substring(0, 12) : cell);
            }
          }
        }
      }
    }
    assertThat(seen)
        .as("the planted formula-like values were exported, neutralised")
        .contains(
            "'" + HardeningInputs.FORMULA_OWNER,
            "'" + HardeningInputs.FORMULA_GOAL,
            "'=bad1,ann,s");
  }

  @Test
  void reportTemplatesInTheInputFolderHaveNoEffect() throws Exception {
    Assumptions.assumeTrue(
        report, "the report module is not built; run `mvn -DskipTests package` first");
    String text =
        NightlyChild.pdfText(
            two.resolve(Path.of("reports", NightlyChild.RUN_DATE, "effectiveness.pdf")));
    assertThat(text).doesNotContain("PWNED");
    JsonNode manifest =
        Manifest.JSON.readTree(two.resolve("runs/" + NightlyChild.RUN_DATE + ".json").toFile());
    List<String> unrecognised = new ArrayList<>();
    manifest.get("unrecognised_files").forEach(n -> unrecognised.add(n.asText()));
    assertThat(unrecognised).contains("report.jrxml", "dev/wellspring/report/report.jrxml");
  }

  /**
   * Every file of an output folder as text: Parquet through Spark (every string column), the PDF
   * through PDFBox plus its raw bytes, everything else as UTF-8. The generated secret is not data.
   */
  static String everyOutputAsText(Path out) throws Exception {
    StringBuilder sb = new StringBuilder();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    List<Path> parquetDirs = new ArrayList<>();
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".parquet")) {
        if (!parquetDirs.contains(f.getParent())) {
          parquetDirs.add(f.getParent());
        }
      } else if (name.endsWith(".pdf")) {
        sb.append(NightlyChild.pdfText(f)).append('\n');
        sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).append('\n');
      } else if (!name.endsWith(".crc") && !name.equals(".wellspring-secret")) {
        sb.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).append('\n');
      }
    }
    assertThat(parquetDirs).as("tables scanned").hasSizeGreaterThan(5);
    for (Path dir : parquetDirs) {
      Dataset<Row> df = SparkExtension.session().read().parquet(dir.toString());
      List<String> strings = new ArrayList<>();
      for (StructField f : df.schema().fields()) {
        if (f.dataType().equals(DataTypes.StringType)) {
          strings.add("coalesce(`" + f.name() + "`, '')");
        }
      }
      if (strings.isEmpty()) {
        continue;
      }
      for (Row r :
          df.selectExpr("concat_ws('\\n', " + String.join(", ", strings) + ")").collectAsList()) {
        sb.append(r.getString(0)).append('\n');
      }
    }
    return sb.toString();
  }
}
