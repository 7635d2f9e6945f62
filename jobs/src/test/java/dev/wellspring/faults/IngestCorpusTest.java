package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: one folder per case under {@code src/test/resources/faults/corpus}, holding
 * the input files and {@code expected.properties}. Each case runs {@code wellspring ingest} (run
 * date 2026-03-31, reject maximum 1 unless the case says {@code reject_max=default}) and checks:
 *
 * <ul>
 *   <li>{@code exit}: the exit code; for 2, {@code message} is the manifest's one-line message;
 *   <li>{@code read}, {@code accepted}, {@code future}: the manifest totals, and rows read =
 *       accepted + rejected for every file;
 *   <li>{@code rejects}: the reject lines and reasons in rejects.csv ({@code line:reason}, in file
 *       order; none when absent), all from {@code rejects.file} (default activities.csv); {@code
 *       raw.<line>}: that reject's raw cell;
 *   <li>{@code rows.<table>}: SQL expressions over the published table, {@code
 *       rows.<table>.expected}: its rows as text ({@code |} between values, {@code ;} between rows,
 *       sorted);
 *   <li>{@code unrecognised}: the manifest's unrecognised files;
 *   <li>{@code absent} / {@code present}: strings ({@code |}-separated) that must not / must appear
 *       in rejects.csv or any string column of any ingested table.
 * </ul>
 *
 * <p>Cases too big to commit are generated here ({@code generate}).
 */
@ExtendWith(SparkExtension.class)
class IngestCorpusTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 31);
  static final List<String> TABLES = List.of("contacts", "activities", "goals", "outcomes");

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> dirs = Files.list(corpus())) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  static Path corpus() throws URISyntaxException {
    return Path.of(IngestCorpusTest.class.getResource("/faults/corpus").toURI());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseHasItsDocumentedOutcome(String name) throws Exception {
    Path caseDir = corpus().resolve(name);
    Properties expected = new Properties();
    try (Reader r =
        Files.newBufferedReader(caseDir.resolve("expected.properties"), StandardCharsets.UTF_8)) {
      expected.load(r);
    }
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    try (Stream<Path> files = Files.list(caseDir)) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("expected.properties")) {
          Files.copy(f, in.resolve(f.getFileName().toString()));
        }
      }
    }
    generate(expected.getProperty("generate"), in);

    List<String> args =
        new ArrayList<>(
            List.of(
                "ingest",
                "--input",
                in.toString(),
                "--output",
                out.toString(),
                "--run-date",
                RUN_DATE.toString(),
                "--master",
                "local[2]",
                "--quiet"));
    if (!"default".equals(expected.getProperty("reject_max"))) {
      args.addAll(List.of("--reject-max", "1"));
    }
    int exit = Main.run(args.toArray(new String[0]));

    JsonNode manifest = Manifest.JSON.readTree(new Warehouse(out).manifestFile(RUN_DATE).toFile());
    assertThat(exit)
        .as("exit code; manifest message: %s", manifest.path("message").asText())
        .isEqualTo(Integer.parseInt(expected.getProperty("exit")));
    if (exit == 2) {
      assertThat(manifest.get("message").asText())
          .as("one clear line naming the file and the problem")
          .isEqualTo(expected.getProperty("message"))
          .doesNotContain("\n");
      assertThat(new Warehouse(out).tableDir("activities", RUN_DATE)).doesNotExist();
      return;
    }
    checkCounts(expected, manifest);
    List<CSVRecord> rejects = rejects(out);
    checkRejects(expected, rejects);
    checkRows(expected, out);
    if (expected.containsKey("warning")) {
      List<String> warnings = new ArrayList<>();
      manifest.path("warnings").forEach(n -> warnings.add(n.asText()));
      assertThat(warnings).contains(expected.getProperty("warning"));
    }
    if (expected.containsKey("unrecognised")) {
      List<String> unrecognised = new ArrayList<>();
      manifest.get("unrecognised_files").forEach(n -> unrecognised.add(n.asText()));
      assertThat(String.join(",", unrecognised)).isEqualTo(expected.getProperty("unrecognised"));
    }
    if (expected.containsKey("absent") || expected.containsKey("present")) {
      String all = allText(out);
      for (String s : split(expected.getProperty("absent", ""), "\\|")) {
        assertThat(all).as("personal data left in an output").doesNotContain(s);
      }
      for (String s : split(expected.getProperty("present", ""), "\\|")) {
        assertThat(all).contains(s);
      }
    }
  }

  private static void checkCounts(Properties expected, JsonNode manifest) {
    JsonNode totals = manifest.get("totals");
    assertThat(totals.get("rows_read").asLong())
        .as("rows read")
        .isEqualTo(Long.parseLong(expected.getProperty("read")));
    assertThat(totals.get("rows_accepted").asLong())
        .as("rows accepted")
        .isEqualTo(Long.parseLong(expected.getProperty("accepted")));
    assertThat(totals.get("rows_ignored_future").asLong())
        .as("rows ignored as future")
        .isEqualTo(Long.parseLong(expected.getProperty("future", "0")));
    for (JsonNode f : manifest.get("inputs")) {
      assertThat(f.get("rows_read").asLong())
          .as("read = accepted + rejected for %s", f.get("file").asText())
          .isEqualTo(f.get("rows_accepted").asLong() + f.get("rows_rejected").asLong());
    }
    assertThat(totals.get("rows_read").asLong())
        .isEqualTo(totals.get("rows_accepted").asLong() + totals.get("rows_rejected").asLong());
  }

  private static void checkRejects(Properties expected, List<CSVRecord> rejects) {
    String file = expected.getProperty("rejects.file", "activities.csv");
    List<String> actual = new ArrayList<>();
    for (CSVRecord r : rejects) {
      assertThat(r.get("source_file"))
          .as("source file of reject line %s", r.get("line"))
          .isEqualTo(file);
      actual.add(r.get("line") + ":" + r.get("reason"));
    }
    assertThat(actual).containsExactlyElementsOf(split(expected.getProperty("rejects", ""), " "));
    for (String key : expected.stringPropertyNames()) {
      if (key.startsWith("raw.")) {
        String line = key.substring(4);
        assertThat(rejects.stream().filter(r -> r.get("line").equals(line)).map(r -> r.get("raw")))
            .as("raw of the reject at line %s", line)
            .containsExactly(expected.getProperty(key));
      }
    }
  }

  private static void checkRows(Properties expected, Path out) {
    for (String table : TABLES) {
      String exprs = expected.getProperty("rows." + table);
      if (exprs == null) {
        continue;
      }
      Dataset<Row> df =
          SparkExtension.session()
              .read()
              .parquet(new Warehouse(out).tableDir(table, RUN_DATE).toString());
      String[] cols = exprs.split(",");
      String[] asText =
          Arrays.stream(cols).map(c -> "cast(" + c + " as string)").toArray(String[]::new);
      List<String> rows = new ArrayList<>();
      for (Row r : df.selectExpr(asText).collectAsList()) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
          cells.add(r.isNullAt(i) ? "null" : r.getString(i));
        }
        rows.add(String.join("|", cells));
      }
      rows.sort(null);
      assertThat(rows)
          .as("rows of %s (%s)", table, exprs)
          .containsExactlyElementsOf(
              split(expected.getProperty("rows." + table + ".expected"), ";"));
    }
  }

  static List<CSVRecord> rejects(Path out) throws IOException {
    Path file = new Warehouse(out).rejectsDir(RUN_DATE).resolve("rejects.csv");
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return format.parse(r).getRecords();
    }
  }

  /** rejects.csv and every string value of every ingested table, as one text. */
  static String allText(Path out) throws IOException {
    StringBuilder sb =
        new StringBuilder(
            Files.readString(new Warehouse(out).rejectsDir(RUN_DATE).resolve("rejects.csv")));
    for (String table : TABLES) {
      Path dir = new Warehouse(out).tableDir(table, RUN_DATE);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      Dataset<Row> df = SparkExtension.session().read().parquet(dir.toString());
      List<String> strings = new ArrayList<>();
      for (StructField f : df.schema().fields()) {
        if (f.dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)) {
          strings.add("coalesce(`" + f.name() + "`, '')");
        }
      }
      for (Row r :
          df.selectExpr("concat_ws('\\n', " + String.join(", ", strings) + ")").collectAsList()) {
        sb.append('\n').append(r.getString(0));
      }
    }
    return sb.toString();
  }

  private static List<String> split(String s, String regex) {
    return s.isEmpty() ? List.of() : List.of(s.split(regex));
  }

  private static void generate(String what, Path in) throws IOException {
    if (what == null) {
      return;
    }
    if (what.equals("huge_notes")) {
      StringBuilder sb = new StringBuilder("activity_id,owner,occurred_at,type,notes\n");
      sb.append("a1,ann,2026-03-01,call,\"");
      sb.append("n".repeat(10 * 1024 * 1024));
      sb.append("\"\na2,ann,2026-03-01,call,ok\n");
      Files.writeString(in.resolve("activities.csv"), sb);
      return;
    }
    throw new IllegalArgumentException("unknown generated case " + what);
  }
}
