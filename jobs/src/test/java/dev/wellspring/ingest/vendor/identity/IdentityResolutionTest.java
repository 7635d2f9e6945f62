package dev.wellspring.ingest.vendor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.privacy.Keys;
import dev.wellspring.schema.Tables;
import dev.wellspring.testing.SparkExtension;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Identity resolution on small in-code contact records with hand-worked clusters. */
@ExtendWith(SparkExtension.class)
class IdentityResolutionTest {
  private final SparkSession spark;

  IdentityResolutionTest(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * contact_id, full_name, email, profile_url, company, title, relationship, first_met_on, file,
   * line, priority.
   */
  static Row rec(
      String id,
      String name,
      String email,
      String url,
      String company,
      String title,
      String relationship,
      String firstMet,
      String file,
      long line,
      int priority) {
    return RowFactory.create(
        id,
        name,
        email,
        url,
        company,
        title,
        null,
        priority == 0 ? "crm" : "linkedin",
        relationship,
        firstMet == null ? null : Date.valueOf(firstMet),
        file,
        line,
        priority);
  }

  private Dataset<Row> input(List<Row> rows) {
    return spark.createDataFrame(rows, IdentityResolution.INPUT_SCHEMA);
  }

  /** A fixed secret: minted ids are keyed, and tests must be deterministic. */
  static final String SECRET = "identity-test-secret";

  static final Keys KEYS = Keys.of(SECRET);

  /** HMAC-SHA256 under {@link #SECRET}, computed here independently of {@link Keys}. */
  static String hmacHex(String secret, String value) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The id minted for a cluster whose smallest source key is {@code key}. */
  static String hashedId(String key) throws Exception {
    return "c-" + hmacHex(SECRET, "contact:" + key).substring(0, 16);
  }

  private static final List<Row> PEOPLE =
      List.of(
          // Jane: canonical (e-mail) - Connections (e-mail and URL) - messages (URL): a chain.
          rec(
              "crm-001",
              "Jane Okafor",
              "JANE@Example.com ",
              null,
              "Brightline Media",
              null,
              "media",
              "2024-01-05",
              "contacts.csv",
              2,
              0),
          rec(
              "linkedin:url:linkedin.com/in/jane",
              "𝐉𝐚𝐧𝐞 Okafor 🚀",
              "jane@example.com",
              "https://www.linkedin.com/in/jane/",
              "Brightline Media, Inc.",
              "Editor",
              null,
              "2023-11-03",
              "a/Connections.csv",
              6,
              2),
          rec(
              "linkedin:url:linkedin.com/in/jane",
              "Jane Okafor",
              null,
              "linkedin.com/in/jane",
              null,
              null,
              null,
              null,
              "a/messages.csv",
              5,
              2),
          // Sam Lee at Acme: canonical and an old Connections row meet on name and company.
          rec(
              "crm-002",
              "Sam Lee",
              null,
              null,
              "Acme Robotics",
              "CTO",
              "partner",
              null,
              "contacts.csv",
              3,
              0),
          rec(
              "linkedin:name:sam lee|acme robotics",
              " Sam  Lee, PMP",
              null,
              null,
              "ACME Robotics",
              "Engineer",
              null,
              "2018-07-04",
              "b/Connections.csv",
              4,
              2),
          // Another Sam Lee, at Beta Foods: never merged with the one at Acme.
          rec(
              "linkedin:url:linkedin.com/in/sam-lee-beta",
              "Sam Lee",
              null,
              "https://www.linkedin.com/in/sam-lee-beta",
              "Beta Foods",
              "Buyer",
              null,
              "2024-02-02",
              "a/Connections.csv",
              8,
              2),
          // A message from just "Sam Lee": two Sam Lees exist, so it stays alone.
          rec(
              "linkedin:name:sam lee|",
              "Sam Lee",
              null,
              null,
              null,
              null,
              null,
              null,
              "b/messages.csv",
              9,
              2),
          // Marta: a name-only message joins the one Marta there is.
          rec(
              "linkedin:name:marta silva|lumen press",
              "Marta Silva",
              "marta@silva.example",
              null,
              "Lumen Press",
              "Publisher",
              null,
              "2018-01-08",
              "b/Connections.csv",
              2,
              2),
          rec(
              "linkedin:name:marta silva|",
              "Marta  Silva",
              null,
              null,
              null,
              null,
              null,
              null,
              "b/messages.csv",
              2,
              2),
          // Two canonical rows sharing an e-mail: one person under the smaller id.
          rec(
              "crm-020",
              "Kim Park",
              "kim@park.example",
              null,
              "Park & Co",
              null,
              "other",
              null,
              "contacts.csv",
              5,
              0),
          rec(
              "crm-010",
              "Kimberly Park",
              "kim@park.example",
              null,
              null,
              null,
              "customer",
              null,
              "contacts.csv",
              4,
              0));

  @Test
  void resolvesChainsByKeyOrderAndNamesContactsDeterministically() throws Exception {
    IdentityResolution.Resolution r = IdentityResolution.resolve(input(PEOPLE), KEYS);

    Map<String, String> idents = new TreeMap<>();
    for (Row row : r.identities().collectAsList()) {
      idents.put(
          row.getString(0) + ":" + row.getLong(1) + ":" + row.getString(2),
          row.getString(3) + " -> " + row.getString(4));
    }
    String sam = hashedId("linkedin:name:sam lee|");
    String samBeta = hashedId("linkedin:url:linkedin.com/in/sam-lee-beta");
    String marta = hashedId("linkedin:name:marta silva|");
    assertThat(idents)
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("contacts.csv:2:crm-001", "email -> crm-001"),
                Map.entry(
                    "a/Connections.csv:6:linkedin:url:linkedin.com/in/jane", "email -> crm-001"),
                Map.entry(
                    "a/messages.csv:5:linkedin:url:linkedin.com/in/jane", "profile_url -> crm-001"),
                Map.entry("contacts.csv:3:crm-002", "name_company -> crm-002"),
                Map.entry(
                    "b/Connections.csv:4:linkedin:name:sam lee|acme robotics",
                    "name_company -> crm-002"),
                Map.entry(
                    "a/Connections.csv:8:linkedin:url:linkedin.com/in/sam-lee-beta",
                    "none -> " + samBeta),
                Map.entry("b/messages.csv:9:linkedin:name:sam lee|", "none -> " + sam),
                Map.entry(
                    "b/Connections.csv:2:linkedin:name:marta silva|lumen press",
                    "none -> " + marta),
                Map.entry("b/messages.csv:2:linkedin:name:marta silva|", "name -> " + marta),
                Map.entry("contacts.csv:5:crm-020", "email -> crm-010"),
                Map.entry("contacts.csv:4:crm-010", "email -> crm-010")));

    assertThat(nullable(r.identities().schema()))
        .isEqualTo(nullable(Tables.CONTACT_IDENTITIES_SCHEMA));
    assertThat(r.contacts().columns()).containsExactly(Tables.CONTACTS_SCHEMA.fieldNames());
    Map<String, Row> contacts = new TreeMap<>();
    // Dates as text: decoding java.sql.Date needs JVM add-opens the test JVM does not have.
    for (Row c : asText(r.contacts()).collectAsList()) {
      contacts.put(c.getAs("contact_id"), c);
    }
    assertThat(contacts).hasSize(6);

    Row jane = contacts.get("crm-001");
    assertThat(jane.<String>getAs("full_name")).isEqualTo("Jane Okafor");
    assertThat(jane.<String>getAs("company")).isEqualTo("Brightline Media");
    assertThat(jane.<String>getAs("title"))
        .as("canonical has none: the vendor's")
        .isEqualTo("Editor");
    assertThat(jane.<String>getAs("relationship")).isEqualTo("media");
    assertThat(jane.<String>getAs("first_met_on")).isEqualTo("2023-11-03");
    assertThat(jane.<String>getAs("source_file")).isEqualTo("contacts.csv");
    assertThat(jane.<Long>getAs("line")).isEqualTo(2L);

    Row kim = contacts.get("crm-010");
    assertThat(kim.<String>getAs("full_name"))
        .as("first by line among canonical rows")
        .isEqualTo("Kimberly Park");
    assertThat(kim.<String>getAs("relationship")).isEqualTo("customer");
    Row lone = contacts.get(sam);
    assertThat(lone.<String>getAs("relationship")).isEqualTo("other");
    assertThat(r.contacts().columns()).doesNotContain("email");
  }

  @Test
  void mintedIdsAreKeyedAndNoAddressKeyIsShown() throws Exception {
    // An e-mail-only record (the key of a calendar attendee seen nowhere else) and a LinkedIn one.
    List<Row> rows =
        List.of(
            rec(
                "email:kim@park.example",
                null,
                "kim@park.example",
                null,
                null,
                null,
                null,
                null,
                "calendar/team.ics",
                12,
                9),
            rec(
                "linkedin:url:linkedin.com/in/sam-lee-beta",
                "Sam Lee",
                null,
                "https://www.linkedin.com/in/sam-lee-beta",
                "Beta Foods",
                null,
                null,
                null,
                "a/Connections.csv",
                8,
                2));
    IdentityResolution.Resolution mine = IdentityResolution.resolve(input(rows), KEYS);
    IdentityResolution.Resolution again = IdentityResolution.resolve(input(rows), Keys.of(SECRET));
    IdentityResolution.Resolution other =
        IdentityResolution.resolve(input(rows), Keys.of("another secret"));

    Map<String, String> ids = new TreeMap<>();
    for (Row r : mine.identities().collectAsList()) {
      ids.put(r.getString(2), r.getString(4));
    }
    String kimKey = "hmac:" + hmacHex(SECRET, "source_key:email:kim@park.example").substring(0, 16);
    assertThat(ids)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                kimKey,
                hashedId("email:kim@park.example"),
                "linkedin:url:linkedin.com/in/sam-lee-beta",
                hashedId("linkedin:url:linkedin.com/in/sam-lee-beta")));
    // Not the unkeyed SHA-256 of the key: that could be reversed by hashing guessed addresses.
    byte[] plain =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest("email:kim@park.example".getBytes(StandardCharsets.UTF_8));
    assertThat(ids.values())
        .doesNotContain("c-" + HexFormat.of().formatHex(plain).substring(0, 16));
    // The same secret gives the same ids (reruns agree); another secret other ids.
    assertSameRows(mine.mapping(), again.mapping());
    List<String> otherIds =
        other
            .mapping()
            .select("contact_id")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(otherIds).hasSize(2).doesNotContainAnyElementsOf(ids.values());
  }

  @Test
  void resultDoesNotDependOnPartitioningOrInputOrder() {
    List<Row> reversed = new ArrayList<>(PEOPLE);
    java.util.Collections.reverse(reversed);
    IdentityResolution.Resolution a =
        IdentityResolution.resolve(input(PEOPLE).repartition(1), KEYS);
    IdentityResolution.Resolution b =
        IdentityResolution.resolve(input(reversed).repartition(5), KEYS);
    assertSameRows(asText(a.contacts()), asText(b.contacts()));
    assertSameRows(a.mapping(), b.mapping());
    assertSameRows(a.identities(), b.identities());
  }

  static void assertSameRows(Dataset<Row> x, Dataset<Row> y) {
    List<String> xs = x.collectAsList().stream().map(Row::toString).sorted().toList();
    List<String> ys = y.collectAsList().stream().map(Row::toString).sorted().toList();
    assertThat(xs).isNotEmpty().isEqualTo(ys);
  }

  @Test
  void applyMappingRewritesKnownKeysAndKeepsTheRest() {
    IdentityResolution.Resolution r = IdentityResolution.resolve(input(PEOPLE), KEYS);
    StructType schema =
        new StructType()
            .add("activity_id", DataTypes.StringType)
            .add("contact_id", DataTypes.StringType)
            .add("notes", DataTypes.StringType);
    Dataset<Row> activities =
        spark.createDataFrame(
            List.of(
                RowFactory.create("a1", "linkedin:url:linkedin.com/in/jane", "x"),
                RowFactory.create("a2", "crm-020", "y"),
                RowFactory.create("a3", null, "z"),
                RowFactory.create("a4", "crm-999", "w")),
            schema);

    Dataset<Row> mapped = IdentityResolution.applyMapping(activities, r.mapping(), "contact_id");

    assertThat(mapped.columns()).containsExactly("activity_id", "contact_id", "notes");
    assertThat(mapped.orderBy("activity_id").collectAsList())
        .extracting(Row::toString)
        .containsExactly("[a1,crm-001,x]", "[a2,crm-010,y]", "[a3,null,z]", "[a4,crm-999,w]");
  }

  static Dataset<Row> asText(Dataset<Row> contacts) {
    return contacts.withColumn(
        "first_met_on", org.apache.spark.sql.functions.col("first_met_on").cast("string"));
  }

  static StructType nullable(StructType s) {
    return new StructType(
        Arrays.stream(s.fields())
            .map(
                f ->
                    new org.apache.spark.sql.types.StructField(
                        f.name(), f.dataType(), true, f.metadata()))
            .toArray(org.apache.spark.sql.types.StructField[]::new));
  }
}
