package dev.wellspring.ingest.vendor.identity;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import dev.wellspring.ingest.vendor.adapters.common.Emails;
import dev.wellspring.ingest.vendor.adapters.common.Names;
import dev.wellspring.ingest.vendor.adapters.common.ProfileUrls;
import dev.wellspring.privacy.Keys;
import dev.wellspring.privacy.Scrub;
import dev.wellspring.schema.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Identity resolution: the same person met through several files and sources becomes one contact.
 *
 * <p>Keys, strongest first: normalised e-mail; normalised LinkedIn profile URL; folded full name
 * together with folded company (both non-empty). Records sharing any key are one person
 * (transitively: connected components). A record with only a name (no e-mail, URL or company: an
 * old LinkedIn message, say) joins the one person of that name when exactly one exists, and stays
 * alone when several do, so two same-named people at different companies are never merged through
 * it; name-only records of one name are one person.
 *
 * <p>The resolved contact_id is the canonical contact_id when the cluster holds a canonical
 * contacts.csv row (priority 0; the smallest when several), else a minted id: {@code c-} + the
 * first 16 hex digits of the keyed HMAC ({@link Keys}) of {@code contact:} + the cluster's smallest
 * source key. Keyed, because source keys embed e-mail addresses and names ({@code email:ann@x.org},
 * {@code linkedin:name:ann lee|}): an unkeyed hash of them could be reversed by hashing guesses.
 * The same secret gives the same ids, so reruns into one output agree. In {@code identities}, a
 * source key holding an e-mail address is shown as {@code hmac:} + 16 hex digits of its keyed HMAC,
 * for the same reason. A merged contact takes each attribute from the first record that has it, by
 * (priority, source_file, line): canonical first, then vendor sources in their priority;
 * relationship {@code other} counts as empty, and first_met_on is the earliest date any source
 * gives. E-mail addresses are used only inside this computation: no output carries them.
 */
public final class IdentityResolution {
  private IdentityResolution() {}

  /**
   * What {@link #resolve} reads: one row per contact record of any source. contact_id is the
   * record's source key (a canonical contact's own id; a vendor's source-scoped key); priority 0
   * marks canonical contacts.csv rows, higher numbers vendor sources (lower wins attributes).
   */
  public static final StructType INPUT_SCHEMA =
      new StructType(
          new StructField[] {
            field("contact_id", StringType, false),
            field("full_name", StringType, true),
            field("email", StringType, true),
            field("profile_url", StringType, true),
            field("company", StringType, true),
            field("title", StringType, true),
            field("location", StringType, true),
            field("source", StringType, true),
            field("relationship", StringType, true),
            field("first_met_on", DateType, true),
            field("source_file", StringType, false),
            field("line", LongType, false),
            field("priority", IntegerType, false)
          });

  /**
   * The result: {@code contacts} in {@link Tables#CONTACTS_SCHEMA} (one row per resolved contact),
   * {@code mapping} (source_contact_id, contact_id) for {@link #applyMapping}, and {@code
   * identities} in {@link Tables#CONTACT_IDENTITIES_SCHEMA}.
   */
  public record Resolution(Dataset<Row> contacts, Dataset<Row> mapping, Dataset<Row> identities) {}

  // Name folding needs java.text.Normalizer (NFKC, accent removal) and the credential rules; no
  // built-in does that. E-mail and URL use the same code so that keys agree with the adapters'.
  private static final UserDefinedFunction FOLD_NAME =
      udf((UDF1<String, String>) Names::fold, StringType);
  private static final UserDefinedFunction FOLD_COMPANY =
      udf((UDF1<String, String>) Names::foldCompany, StringType);

  /**
   * The e-mail key: the keyed tag {@code <email:h16>} of the normalised address. Ingest masks
   * addresses in every field with the same tag (see {@link Scrub}), so a raw address and an
   * already-masked one meet; the raw address never leaves this computation.
   */
  static String emailKey(String email, Scrub scrub) {
    if (email == null) {
      return "";
    }
    String s = email.strip();
    if (s.matches("<email:[0-9a-f]{16}>")) {
      return s;
    }
    String n = Emails.normalize(s);
    return n.isEmpty() ? "" : scrub.text(n);
  }

  private static final UserDefinedFunction NORMALIZE_URL =
      udf((UDF1<String, String>) ProfileUrls::normalize, StringType);

  /** Resolves contact records (in {@link #INPUT_SCHEMA}) to contacts under the run's key. */
  public static Resolution resolve(Dataset<Row> records) {
    // The key is the run's (Keys.use), read per call.
    return resolve(records, Keys.active());
  }

  /**
   * Resolves contact records (in {@link #INPUT_SCHEMA}) to contacts, minting ids and e-mail keys
   * with {@code keys}.
   */
  public static Resolution resolve(Dataset<Row> records, Keys keys) {
    // The tasks need the key serialized along.
    Scrub scrub = new Scrub(keys);
    UserDefinedFunction normalizeEmail =
        udf((UDF1<String, String>) e -> emailKey(e, scrub), StringType);
    Dataset<Row> recs =
        records
            .select(
                col("contact_id").as("source_contact_id"),
                col("full_name"),
                col("company"),
                col("title"),
                col("location"),
                col("source"),
                col("relationship"),
                col("first_met_on"),
                col("source_file"),
                col("line"),
                col("priority"),
                coalesce(normalizeEmail.apply(col("email")), lit("")).as("k_email"),
                coalesce(NORMALIZE_URL.apply(col("profile_url")), lit("")).as("k_url"),
                coalesce(FOLD_NAME.apply(col("full_name")), lit("")).as("k_name"),
                coalesce(FOLD_COMPANY.apply(col("company")), lit("")).as("k_company"))
            .withColumn(
                "name_only",
                col("k_email")
                    .equalTo("")
                    .and(col("k_url").equalTo(""))
                    .and(col("k_company").equalTo(""))
                    .and(col("k_name").notEqual("")))
            // Used by every step below: materialised once, so the UDFs run once and later plans
            // start from here instead of growing with every self-join.
            .localCheckpoint();

    Dataset<Row> recordKeys = recordKeys(recs);
    Dataset<Row> labels = clusterLabels(recs, keys);
    Dataset<Row> clustered =
        recs.join(labels, recs.col("source_contact_id").equalTo(labels.col("node"))).drop("node");
    Dataset<Row> ids =
        clustered
            .groupBy(col("label"))
            .agg(
                min(when(col("priority").equalTo(0), col("source_contact_id"))).as("canonical_id"),
                min(col("minted_id")).as("minted_id"))
            .select(col("label"), coalesce(col("canonical_id"), col("minted_id")).as("contact_id"));
    // The minted id only chooses the contact_id; merge() needs no such column.
    Dataset<Row> resolved = clustered.drop("minted_id").join(ids, "label");

    Dataset<Row> mapping = resolved.select(col("source_contact_id"), col("contact_id")).distinct();
    return new Resolution(merge(resolved), mapping, identities(resolved, recordKeys, keys));
  }

  /** The id minted for a cluster without a canonical contact: see the class comment. */
  static String mintedId(Keys keys, String label) {
    return "c-" + keys.hex("contact:" + label).substring(0, 16);
  }

  /** A source key as the identities table shows it: see the class comment. */
  static String shownSourceKey(Keys keys, String sourceKey) {
    return sourceKey.indexOf('@') < 0
        ? sourceKey
        : "hmac:" + keys.hex("source_key:" + sourceKey).substring(0, 16);
  }

  /**
   * Rewrites {@code column} of {@code df} through {@code mapping} (source_contact_id ->
   * contact_id); values the mapping does not know (canonical ids of contacts not seen, empty
   * values) stay as they are. Column order is kept.
   */
  public static Dataset<Row> applyMapping(Dataset<Row> df, Dataset<Row> mapping, String column) {
    String from = "__map_from_" + column;
    String to = "__map_to_" + column;
    Dataset<Row> m = mapping.select(col("source_contact_id").as(from), col("contact_id").as(to));
    Dataset<Row> joined = df.join(m, col(column).equalTo(col(from)), "left");
    List<Column> out = new ArrayList<>();
    for (String c : df.columns()) {
      out.add(c.equals(column) ? coalesce(col(to), col(c)).as(c) : col(c));
    }
    return joined.select(out.toArray(new Column[0]));
  }

  /** (source record, key_type, key, rank): the identity keys each record carries. */
  private static Dataset<Row> recordKeys(Dataset<Row> recs) {
    Column emailKey = keyStruct("email", 1, col("k_email"), col("k_email").notEqual(""));
    Column urlKey = keyStruct("profile_url", 2, col("k_url"), col("k_url").notEqual(""));
    Column nameCompanyKey =
        keyStruct(
            "name_company",
            3,
            concat(col("k_name"), lit("|"), col("k_company")),
            col("k_name").notEqual("").and(col("k_company").notEqual("")));
    Column nameKey = keyStruct("name", 4, col("k_name"), col("name_only"));
    return recs.select(
            col("source_contact_id"),
            col("source_file"),
            col("line"),
            explode(array(emailKey, urlKey, nameCompanyKey, nameKey)).as("k"))
        .where(col("k").isNotNull())
        .select(
            col("source_contact_id"),
            col("source_file"),
            col("line"),
            col("k.key_type").as("key_type"),
            col("k.rank").as("rank"),
            concat(col("k.key_type"), lit(":"), col("k.value")).as("key"));
  }

  private static Column keyStruct(String type, int rank, Column value, Column present) {
    return when(present, struct(lit(type).as("key_type"), lit(rank).as("rank"), value.as("value")));
  }

  /**
   * (node, label, minted_id): every source key, the smallest source key of its cluster, and the id
   * minted from that label.
   *
   * <p>Clusters are found on the driver with union-find over the records' keys rather than by label
   * propagation in Spark: contact records are bounded by people's networks (tens of thousands for a
   * team, each a few short strings), so they fit the driver easily, and one collect replaces a
   * round of shuffles per link in the longest chain of records.
   */
  private static Dataset<Row> clusterLabels(Dataset<Row> recs, Keys keys) {
    List<Row> rows =
        recs.select(
                col("source_contact_id"),
                col("k_email"),
                col("k_url"),
                col("k_name"),
                col("k_company"),
                col("name_only"))
            .distinct()
            .collectAsList();
    List<Row> labels = new ArrayList<>();
    // One HMAC per cluster, here on the driver where the clusters are.
    Map<String, String> minted = new java.util.HashMap<>();
    for (Map.Entry<String, String> e : Clusters.of(rows).entrySet()) {
      String id = minted.computeIfAbsent(e.getValue(), label -> mintedId(keys, label));
      labels.add(RowFactory.create(e.getKey(), e.getValue(), id));
    }
    StructType schema =
        new StructType()
            .add("node", StringType, false)
            .add("label", StringType, false)
            .add("minted_id", StringType, false);
    return recs.sparkSession().createDataFrame(labels, schema);
  }

  /** One contact per resolved contact_id, attributes by (priority, source_file, line). */
  private static Dataset<Row> merge(Dataset<Row> resolved) {
    return resolved
        .groupBy(col("contact_id"))
        .agg(
            first("full_name"),
            first("company"),
            first("title"),
            first("location"),
            first("source"),
            min(when(
                    trim(coalesce(col("relationship"), lit("")))
                        .notEqual("")
                        .and(lower(trim(col("relationship"))).notEqual("other")),
                    struct(
                        col("priority"),
                        col("source_file"),
                        col("line"),
                        lower(trim(col("relationship"))).as("v"))))
                .getField("v")
                .as("relationship"),
            min(col("first_met_on")).as("first_met_on"),
            min(struct(col("priority"), col("source_file"), col("line"))).as("origin"))
        .select(
            col("contact_id"),
            coalesce(col("full_name"), col("contact_id")).as("full_name"),
            col("company"),
            col("title"),
            col("location"),
            col("source"),
            coalesce(col("relationship"), lit("other")).as("relationship"),
            col("first_met_on"),
            col("origin.source_file").as("source_file"),
            col("origin.line").as("line"));
  }

  /** The first non-empty value of a column by (priority, source_file, line). */
  private static Column first(String c) {
    return min(when(
            trim(coalesce(col(c), lit(""))).notEqual(""),
            struct(col("priority"), col("source_file"), col("line"), col(c).as("v"))))
        .getField("v")
        .as(c);
  }

  /**
   * One row per source record: the contact it resolved to and the strongest key it shares with
   * another record of that contact ({@code name} for a name-only record merged by name; {@code
   * none} when it shares none).
   */
  private static Dataset<Row> identities(Dataset<Row> resolved, Dataset<Row> keys, Keys secret) {
    UserDefinedFunction shown =
        udf((UDF1<String, String>) k -> shownSourceKey(secret, k), StringType);
    String[] record = {"source_contact_id", "source_file", "line"};
    Dataset<Row> shared =
        keys.groupBy(col("key")).agg(count(lit(1)).as("records")).where(col("records").gt(1));
    Dataset<Row> best =
        keys.join(shared, "key")
            .groupBy(record[0], record[1], record[2])
            .agg(min(col("rank")).as("rank"));
    Dataset<Row> sizes = resolved.groupBy(col("contact_id")).agg(count(lit(1)).as("size"));
    return resolved
        .join(best, record, "left")
        .join(sizes, "contact_id")
        .select(
            col("source_file"),
            col("line"),
            shown.apply(col("source_contact_id")).as("source_contact_id"),
            when(col("name_only"), when(col("size").gt(1), lit("name")).otherwise(lit("none")))
                .when(col("rank").equalTo(1), lit("email"))
                .when(col("rank").equalTo(2), lit("profile_url"))
                .when(col("rank").equalTo(3), lit("name_company"))
                .otherwise(lit("none"))
                .as("matched_key_type"),
            col("contact_id"));
  }

  private static StructField field(
      String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }
}
