package dev.wellspring.ingest.vendor;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.StagingRows;
import dev.wellspring.ingest.vendor.identity.IdentityResolution;
import dev.wellspring.schema.Tables;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The vendor records merged with the canonical tables: canonical ids win, all contacts resolved
 * through {@link IdentityResolution} and the mapping applied to activities and outcomes (see {@link
 * VendorIngest} for the rules).
 */
final class VendorMerge {
  private VendorMerge() {}

  private static final String FUTURE = VendorIngest.FUTURE;
  private static final String DUPLICATE = VendorIngest.DUPLICATE;
  private static final String PRIORITY = "priority";

  /**
   * The final tables: the canonical ones (in their table schemas) with the vendor records merged in
   * and contacts resolved (canonical contacts keyed by {@code contactEmails}, their contacts.csv
   * e-mails as keyed tags, contact_id -> email, when given), plus {@code contact_identities} under
   * {@code Tables.CONTACT_IDENTITIES}.
   */
  static Map<String, Dataset<Row>> tables(
      SparkSession spark,
      Dataset<Row> marked,
      Map<Kind, Dataset<Row>> canonical,
      Dataset<Row> contactEmails) {
    Map<String, Dataset<Row>> out = new LinkedHashMap<>();
    if (marked == null) {
      canonical.forEach((k, df) -> out.put(k.table(), df));
      out.put(
          Tables.CONTACT_IDENTITIES,
          spark.createDataFrame(List.<Row>of(), Tables.CONTACT_IDENTITIES_SCHEMA));
      return out;
    }
    Map<Kind, Dataset<Row>> merged = new EnumMap<>(Kind.class);
    for (Kind k : List.of(Kind.ACTIVITIES, Kind.GOALS, Kind.OUTCOMES)) {
      Dataset<Row> vendor = records(marked, k);
      Dataset<Row> canon = canonical.get(k);
      // Canonical files win an id both give.
      Dataset<Row> fresh =
          vendor.join(
              canon.select(col(k.idColumn()).as("__canon_id")),
              col(k.idColumn()).equalTo(col("__canon_id")),
              "left_anti");
      merged.put(k, canon.unionByName(fresh));
    }
    IdentityResolution.Resolution res =
        IdentityResolution.resolve(contactRecords(marked, canonical, contactEmails));
    Dataset<Row> mapping = res.mapping();
    Dataset<Row> activities =
        IdentityResolution.applyMapping(
            IdentityResolution.applyMapping(merged.get(Kind.ACTIVITIES), mapping, "contact_id"),
            mapping,
            "introduced_contact_id");
    out.put(Tables.CONTACTS, Tables.conform(res.contacts(), Kind.CONTACTS.schema()));
    out.put(Tables.ACTIVITIES, activities);
    out.put(Tables.GOALS, merged.get(Kind.GOALS));
    out.put(
        Tables.OUTCOMES,
        IdentityResolution.applyMapping(merged.get(Kind.OUTCOMES), mapping, "contact_id"));
    out.put(Tables.CONTACT_IDENTITIES, scrubKeys(res.identities()));
    return out;
  }

  /**
   * Source keys of address books and e-mail activities embed the address ({@code email:ann@x.org},
   * {@code google:ann lee|ann@x.org}); in the identities table such a key is replaced by its hash,
   * {@code sha256:} + 16 hex digits, still stable across runs.
   */
  private static Dataset<Row> scrubKeys(Dataset<Row> identities) {
    Column key = col("source_contact_id");
    return identities.withColumn(
        "source_contact_id",
        when(
                key.contains("@"),
                org.apache.spark.sql.functions.concat(
                    lit("sha256:"),
                    substring(org.apache.spark.sql.functions.sha2(key, 256), 1, 16)))
            .otherwise(key));
  }

  /** The kept vendor records of a kind in the kind's table schema (not future, not duplicate). */
  private static Dataset<Row> records(Dataset<Row> marked, Kind kind) {
    String struct = VendorRows.column(kind);
    List<Column> cols = new ArrayList<>();
    for (var f : kind.schema().fields()) {
      Column c =
          switch (f.name()) {
            case StagingRows.SOURCE_FILE, StagingRows.LINE -> col(f.name());
            default -> col(struct + "." + f.name());
          };
      cols.add(c.cast(f.dataType()).as(f.name()));
    }
    return kept(marked, kind).select(cols.toArray(new Column[0]));
  }

  private static Dataset<Row> kept(Dataset<Row> marked, Kind kind) {
    return marked.filter(
        col(VendorRows.EVENT)
            .equalTo(VendorRows.RECORD)
            .and(col(VendorRows.KIND).equalTo(kind.table()))
            .and(not(col(FUTURE)))
            .and(not(col(DUPLICATE))));
  }

  // The adapter's priority needs its name; a tiny lookup the optimizer cannot see into, on a
  // column of a few distinct values.
  private static final UserDefinedFunction PRIORITY_OF =
      org.apache.spark.sql.functions.udf(
          (UDF1<String, Integer>) ExportAdapters::priority, DataTypes.IntegerType);

  /** Identity-resolution input: canonical contacts (priority 0), vendor contacts, e-mail keys. */
  private static Dataset<Row> contactRecords(
      Dataset<Row> marked, Map<Kind, Dataset<Row>> canonical, Dataset<Row> contactEmails) {
    Dataset<Row> contacts = canonical.get(Kind.CONTACTS);
    // contacts.csv's optional e-mail column (already a keyed tag) keys canonical contacts too.
    Dataset<Row> withEmail =
        contactEmails == null
            ? contacts.withColumn("email", lit(null).cast("string"))
            : contacts
                .join(
                    contactEmails,
                    contacts.col("contact_id").equalTo(contactEmails.col("contact_id")),
                    "left")
                .select(contacts.col("*"), contactEmails.col("email"));
    Dataset<Row> canon =
        withEmail.select(
            col("contact_id"),
            col("full_name"),
            col("email"),
            lit(null).cast("string").as("profile_url"),
            col("company"),
            col("title"),
            col("location"),
            col("source"),
            col("relationship"),
            col("first_met_on"),
            col("source_file"),
            col("line"),
            lit(0).as(PRIORITY));
    Dataset<Row> vendor =
        kept(marked, Kind.CONTACTS)
            .select(
                col("contact.contact_id").as("contact_id"),
                col("contact.full_name").as("full_name"),
                col("contact.email").as("email"),
                col("contact.profile_url").as("profile_url"),
                col("contact.company").as("company"),
                col("contact.title").as("title"),
                col("contact.location").as("location"),
                col("contact.source").as("source"),
                col("contact.relationship").as("relationship"),
                col("contact.first_met_on").as("first_met_on"),
                col(StagingRows.SOURCE_FILE),
                col(StagingRows.LINE),
                PRIORITY_OF.apply(col(VendorRows.ADAPTER)).as(PRIORITY));
    Dataset<Row> keys =
        kept(marked, Kind.ACTIVITIES)
            .select(
                col("activity.contact_id").as("k"),
                col(StagingRows.SOURCE_FILE),
                col(StagingRows.LINE),
                col(VendorRows.ADAPTER))
            .unionByName(
                kept(marked, Kind.ACTIVITIES)
                    .select(
                        col("activity.introduced_contact_id").as("k"),
                        col(StagingRows.SOURCE_FILE),
                        col(StagingRows.LINE),
                        col(VendorRows.ADAPTER)))
            .unionByName(
                kept(marked, Kind.OUTCOMES)
                    .select(
                        col("outcome.contact_id").as("k"),
                        col(StagingRows.SOURCE_FILE),
                        col(StagingRows.LINE),
                        col(VendorRows.ADAPTER)))
            .filter(col("k").startsWith("email:"));
    Dataset<Row> emailOnly =
        keys.join(vendor.select(col("contact_id").as("k")), "k", "left_anti")
            .groupBy(col("k"))
            .agg(
                min(org.apache.spark.sql.functions.struct(
                        col(StagingRows.SOURCE_FILE),
                        col(StagingRows.LINE),
                        col(VendorRows.ADAPTER)))
                    .as("o"))
            .select(
                col("k").as("contact_id"),
                lit(null).cast("string").as("full_name"),
                substring(col("k"), 7, 1000).as("email"),
                lit(null).cast("string").as("profile_url"),
                lit(null).cast("string").as("company"),
                lit(null).cast("string").as("title"),
                lit(null).cast("string").as("location"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .substring_index(col("o.adapter"), ".", 1)
                    .as("source"),
                lit(null).cast("string").as("relationship"),
                lit(null).cast("date").as("first_met_on"),
                col("o.source_file").as(StagingRows.SOURCE_FILE),
                col("o.line").as(StagingRows.LINE),
                lit(9).as(PRIORITY));
    return canon
        .unionByName(vendor)
        .unionByName(emailOnly)
        .transform(df -> Tables.conform(df, IdentityResolution.INPUT_SCHEMA));
  }
}
