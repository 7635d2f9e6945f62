package dev.wellspring.ingest.staging;

import dev.wellspring.config.ConfigLoader;
import dev.wellspring.schema.Tables;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.types.StructType;

/**
 * The four canonical input kinds (DESIGN.md "Canonical input files"): their file names, required
 * columns, the typed fields read from a file, and the warehouse table they fill.
 */
public enum Kind {
  CONTACTS(
      Tables.CONTACTS,
      Tables.CONTACTS_SCHEMA,
      List.of(
          Field.text("contact_id", true),
          Field.text("full_name", true),
          Field.text("company", false),
          Field.text("title", false),
          Field.text("location", false),
          Field.text("source", false),
          Field.choice("relationship", false, ConfigLoader.RELATIONSHIPS),
          Field.of("first_met_on", FieldType.DATE, false),
          // Not a table column: read (as its keyed tag) for identity resolution only.
          Field.text("email", false))),
  ACTIVITIES(
      Tables.ACTIVITIES,
      Tables.ACTIVITIES_SCHEMA,
      List.of(
          Field.text("activity_id", true),
          Field.text("owner", true),
          Field.of("occurred_at", FieldType.TIMESTAMP, true),
          Field.choice("type", true, ConfigLoader.ACTIVITY_TYPES),
          Field.text("contact_id", false),
          Field.of("duration_minutes", FieldType.NUMBER, false),
          Field.of("cost", FieldType.NUMBER, false),
          Field.text("goal_id", false),
          Field.choice("context", false, Set.of("business", "speaking")),
          Field.text("introduced_contact_id", false),
          Field.text("channel", false),
          Field.text("notes", false))),
  GOALS(
      Tables.GOALS,
      Tables.GOALS_SCHEMA,
      List.of(
          Field.text("goal_id", true),
          Field.text("owner", true),
          Field.choice("category", true, ConfigLoader.GOAL_CATEGORIES),
          Field.text("title", false),
          Field.of("target_value", FieldType.NUMBER, false),
          Field.text("target_channel", false),
          Field.of("starts_on", FieldType.DATE, true),
          Field.of("ends_on", FieldType.DATE, true),
          Field.choice("target_unit", false, GoalUnits.ALL))),
  OUTCOMES(
      Tables.OUTCOMES,
      Tables.OUTCOMES_SCHEMA,
      List.of(
          Field.text("outcome_id", true),
          Field.text("owner", true),
          Field.of("occurred_at", FieldType.TIMESTAMP, true),
          Field.choice("type", true, OutcomeTypes.ALL),
          Field.of("value", FieldType.NUMBER, false),
          Field.text("contact_id", false),
          Field.text("goal_id", false),
          Field.text("channel", false),
          Field.text("notes", false)));

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

  Kind(String table, StructType schema, List<Field> fields) {
    this.table = table;
    this.schema = schema;
    this.fields = fields;
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
