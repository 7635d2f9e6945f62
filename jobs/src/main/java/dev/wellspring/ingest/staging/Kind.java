package dev.wellspring.ingest.staging;

import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.ActivityType;
import dev.wellspring.vocabulary.GoalCategory;
import dev.wellspring.vocabulary.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The four canonical input kinds (DESIGN.md "Canonical input files"): their file names, required
 * columns, the typed fields read from a file, and the warehouse table they fill. The fields are the
 * table's columns (schema/Tables); a kind adds only what a file has beyond its table.
 */
public enum Kind {
  CONTACTS(
      Tables.CONTACTS,
      Tables.CONTACTS_SCHEMA,
      Set.of("contact_id", "full_name"),
      Map.of("relationship", Set.copyOf(Relationship.wireNames())),
      // Not a table column: read (as its keyed tag) for identity resolution only.
      List.of(Field.text("email", false))),
  ACTIVITIES(
      Tables.ACTIVITIES,
      Tables.ACTIVITIES_SCHEMA,
      Set.of("activity_id", "owner", "occurred_at", "type"),
      Map.of(
          "type", Set.copyOf(ActivityType.wireNames()), "context", Set.of("business", "speaking")),
      List.of()),
  GOALS(
      Tables.GOALS,
      Tables.GOALS_SCHEMA,
      Set.of("goal_id", "owner", "category", "starts_on", "ends_on"),
      Map.of("category", Set.copyOf(GoalCategory.wireNames()), "target_unit", GoalUnits.ALL),
      List.of()),
  OUTCOMES(
      Tables.OUTCOMES,
      Tables.OUTCOMES_SCHEMA,
      Set.of("outcome_id", "owner", "occurred_at", "type"),
      Map.of("type", OutcomeTypes.ALL),
      List.of());

  /** How a field's text becomes a typed value. */
  public enum FieldType {
    TEXT,
    CHOICE,
    TIMESTAMP,
    DATE,
    NUMBER
  }

  /**
   * One column read from a file.
   *
   * @param name lower-case column name, as in the warehouse table
   * @param type how it is parsed
   * @param required whether an empty value rejects the row as missing_required
   * @param allowed the lower-case values of a CHOICE field; empty otherwise
   */
  public record Field(String name, FieldType type, boolean required, Set<String> allowed)
      implements java.io.Serializable {
    static Field text(String name, boolean required) {
      return new Field(name, FieldType.TEXT, required, Set.of());
    }

    static Field choice(String name, boolean required, Set<String> allowed) {
      return new Field(name, FieldType.CHOICE, required, Set.copyOf(allowed));
    }

    static Field of(String name, FieldType type, boolean required) {
      return new Field(name, type, required, Set.of());
    }
  }

  /**
   * What a goal's target_value counts (DESIGN.md "Reporting period, trend and goals"): on-target
   * outcomes (the default, for an empty value) or the sum of their values.
   */
  public static final class GoalUnits {
    private GoalUnits() {}

    public static final String OUTCOMES = "outcomes";
    public static final String VALUE = "value";
    public static final Set<String> ALL = Set.of(OUTCOMES, VALUE);
  }

  /** Outcome types (DESIGN.md outcomes.csv). */
  public static final class OutcomeTypes {
    private OutcomeTypes() {}

    public static final Set<String> ALL =
        Set.of("speaking", "readership", "launch", "partners", "publicity", "revenue", "other");
  }

  // activities.csv, activities-0001.csv, ... in any letter case.
  private static final Pattern CANONICAL_NAME =
      Pattern.compile(
          "(contacts|activities|goals|outcomes)(-\\d+)?\\.csv", Pattern.CASE_INSENSITIVE);

  private final String table;
  private final StructType schema;
  private final List<Field> fields;

  /**
   * A kind read as its table's columns (names, order and types from schema/Tables), less the
   * provenance columns the reader adds, plus {@code extra} fields the table does not keep.
   *
   * @param required the columns a file must carry and fill
   * @param choices the allowed lower-case values of the text columns that are choices
   */
  Kind(
      String table,
      StructType schema,
      Set<String> required,
      Map<String, Set<String>> choices,
      List<Field> extra) {
    this.table = table;
    this.schema = schema;
    List<Field> read = new ArrayList<>();
    for (StructField column : schema.fields()) {
      String name = column.name();
      if (name.equals("source_file") || name.equals("line")) {
        continue;
      }
      boolean req = required.contains(name);
      read.add(
          choices.containsKey(name)
              ? Field.choice(name, req, choices.get(name))
              : Field.of(name, fieldType(column.dataType()), req));
    }
    read.addAll(extra);
    this.fields = List.copyOf(read);
  }

  private static FieldType fieldType(DataType type) {
    if (type.equals(DataTypes.StringType)) {
      return FieldType.TEXT;
    }
    if (type.equals(DataTypes.TimestampType)) {
      return FieldType.TIMESTAMP;
    }
    if (type.equals(DataTypes.DateType)) {
      return FieldType.DATE;
    }
    if (type.equals(DataTypes.DoubleType)) {
      return FieldType.NUMBER;
    }
    throw new IllegalArgumentException("no input field type for the table type " + type);
  }

  /** The warehouse table this kind fills (also the kind's name in the manifest). */
  public String table() {
    return table;
  }

  /** A field's type: the table column's, or text for a field the table does not keep. */
  public org.apache.spark.sql.types.DataType tableType(String field) {
    return java.util.Arrays.asList(schema.fieldNames()).contains(field)
        ? schema.apply(field).dataType()
        : org.apache.spark.sql.types.DataTypes.StringType;
  }

  /** The warehouse table's schema (schema/Tables). */
  public StructType schema() {
    return schema;
  }

  /**
   * The fields read from a file, in table column order; contacts also read {@code email}, which is
   * no table column (identity resolution matches vendor records by it; see {@link #tableType}).
   */
  public List<Field> fields() {
    return fields;
  }

  /** The id column checked for duplicates. */
  public String idColumn() {
    return fields.get(0).name();
  }

  /** The columns a file of this kind must carry, in contract order. */
  public List<String> requiredColumns() {
    return fields.stream().filter(Field::required).map(Field::name).toList();
  }

  /** The kind a file is named as ({@code activities.csv}, {@code Activities-0002.CSV}), or null. */
  public static Kind byFileName(String fileName) {
    var m = CANONICAL_NAME.matcher(fileName);
    return m.matches() ? valueOf(m.group(1).toUpperCase(Locale.ROOT)) : null;
  }
}
