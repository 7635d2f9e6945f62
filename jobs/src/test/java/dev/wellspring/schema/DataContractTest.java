package dev.wellspring.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.config.ConfigOption;
import dev.wellspring.config.Options;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.io.CsvExports;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/data-contract.md against the code: every warehouse table (each name in {@link Tables}) with
 * every column of its schema, every CSV export ({@link CsvExports#EXPORTS}), every input column
 * ({@link Kind}), every configuration key (the option table {@link Options}) and every exit code. A
 * table, column or key added in code without a line in the document fails here.
 */
class DataContractTest {
  static final Path DOC =
      Path.of(System.getProperty("user.dir")).resolveSibling("docs").resolve("data-contract.md");

  static String doc;

  @BeforeAll
  static void read() throws IOException {
    doc = Files.readString(DOC);
  }

  /** The text from the heading {@code ### `name`} to the next heading. */
  static String section(String name) {
    String heading = "### `" + name + "`";
    int start = doc.indexOf(heading + "\n");
    assertThat(start).as("docs/data-contract.md has a section '%s'", heading).isNotNegative();
    int end = doc.indexOf("\n#", start + heading.length());
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  /** Column names a section's table rows name (first cell, comma-separated, '*' dropped). */
  static List<String> documentedColumns(String section) {
    List<String> names = new ArrayList<>();
    for (String line : section.lines().toList()) {
      if (line.startsWith("| ") && !line.startsWith("| column") && !line.startsWith("|---")) {
        String first = line.substring(2, line.indexOf(" |", 1));
        for (String n : first.split(",")) {
          names.add(n.strip().replace("*", ""));
        }
      }
    }
    return names;
  }

  /** The warehouse table names: the String constants of {@link Tables}. */
  static List<String> tableNames() throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field f : Tables.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    return names;
  }

  @Test
  void thereAreTablesToCheck() throws Exception {
    // The reflection finds what the code has (guards the test against finding nothing).
    assertThat(tableNames())
        .contains(Tables.ACTIVITIES, Tables.CREDITS, Tables.LIFT)
        .hasSizeGreaterThan(10);
  }

  @Test
  void everyWarehouseTableIsDocumentedWithEveryColumnOfItsSchema() throws Exception {
    for (String table : tableNames()) {
      Field schemaField = Tables.class.getField(table.toUpperCase(Locale.ROOT) + "_SCHEMA");
      StructType schema = (StructType) schemaField.get(null);
      List<String> documented = documentedColumns(section(table));
      for (StructField column : schema.fields()) {
        assertThat(documented).as("columns documented for table %s", table).contains(column.name());
      }
      // And nothing documented that the table does not have.
      assertThat(List.of(schema.fieldNames()))
          .as("columns of table %s", table)
          .containsAll(documented);
    }
  }

  @Test
  void everyCsvExportIsMarkedAsAnExportOfItsTable() {
    assertThat(CsvExports.EXPORTS).isNotEmpty();
    // The aggregate stage's exports, and the incrementality step's (lift is in both).
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (List<CsvExports.Export> list :
        List.of(CsvExports.EXPORTS, CsvExports.INCREMENTALITY_EXPORTS)) {
      for (CsvExports.Export export : list) {
        assertThat(section(export.name()))
            .as("section of export %s", export.fileName())
            .contains("*Export.*");
        assertThat(documentedColumns(section(export.name())))
            .containsAll(List.of(export.schema().fieldNames()));
        names.add(export.name());
      }
    }
    long marked = doc.lines().filter(l -> l.startsWith("*Export.*")).count();
    assertThat(marked).as("sections marked *Export.*").isEqualTo(names.size());
  }

  @Test
  void everyInputColumnIsDocumentedWithItsRequiredMark() {
    for (Kind kind : Kind.values()) {
      String section = section(kind.table() + ".csv");
      for (Kind.Field field : kind.fields()) {
        String cell = "| " + field.name() + (field.required() ? "*" : "") + " |";
        assertThat(section).as("%s.csv documents %s", kind.table(), cell).contains(cell);
      }
    }
  }

  @Test
  void everyConfigurationKeyAndExitCodeIsDocumented() {
    String config = doc.substring(doc.indexOf("## Configuration"));
    for (String key : Options.ALL.stream().map(ConfigOption::key).toList()) {
      assertThat(config).as("configuration key %s", key).contains("| `" + key + "` |");
    }
    String exits = doc.substring(doc.indexOf("## Exit codes"), doc.indexOf("## Configuration"));
    for (int code = 0; code <= 3; code++) {
      assertThat(exits).contains("| " + code + " |");
    }
  }
}
