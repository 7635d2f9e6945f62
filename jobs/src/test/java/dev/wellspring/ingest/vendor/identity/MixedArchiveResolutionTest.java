package dev.wellspring.ingest.vendor.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.linkedin.ArchiveReader;
import dev.wellspring.ingest.vendor.adapters.linkedin.CollectingSink;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An old (2018) and a current (2025) LinkedIn archive of the same owner next to a canonical
 * contacts.csv: overlapping people become single contacts, same-named people at different companies
 * stay apart, and every activity points at a resolved contact.
 */
@ExtendWith(SparkExtension.class)
class MixedArchiveResolutionTest {
  private final SparkSession spark;

  MixedArchiveResolutionTest(SparkSession spark) {
    this.spark = spark;
  }

  @Test
  void overlappingPeopleResolveToSingleContacts() throws IOException {
    Path folder = ArchiveReader.fixture("mixed");
    Map<String, CollectingSink> sinks =
        ArchiveReader.readAll(folder, ArchiveReader.context(ArchiveReader.OWNER));
    assertThat(sinks.keySet())
        .as("recognised by header; Profile.csv and the canonical contacts.csv are not LinkedIn's")
        .containsExactly(
            "archive-2018/Connections.csv", "archive-2018/messages.csv",
            "archive-2025/Connections.csv", "archive-2025/Endorsement_Given_Info.csv",
            "archive-2025/Endorsement_Received_Info.csv", "archive-2025/messages.csv");

    List<Row> input = new ArrayList<>(canonicalContacts(folder.resolve("contacts.csv")));
    List<Row> activities = new ArrayList<>();
    for (Map.Entry<String, CollectingSink> e : sinks.entrySet()) {
      for (CanonicalRecord r : e.getValue().records("contacts")) {
        Map<String, String> f = r.fields();
        input.add(
            RowFactory.create(
                f.get("contact_id"),
                f.get("full_name"),
                f.get("email"),
                f.get("profile_url"),
                f.get("company"),
                f.get("title"),
                null,
                f.get("source"),
                null,
                f.get("first_met_on").isEmpty() ? null : Date.valueOf(f.get("first_met_on")),
                "linkedin/" + e.getKey(),
                r.line(),
                2));
      }
      for (CanonicalRecord r : e.getValue().records("activities")) {
        activities.add(
            RowFactory.create(r.fields().get("activity_id"), r.fields().get("contact_id")));
      }
    }

    IdentityResolution.Resolution res =
        IdentityResolution.resolve(spark.createDataFrame(input, IdentityResolution.INPUT_SCHEMA));
    Map<String, String> mapping = new HashMap<>();
    for (Row m : res.mapping().collectAsList()) {
      assertThat(mapping.put(m.getString(0), m.getString(1)))
          .as("one contact per source key %s", m.getString(0))
          .isNull();
    }
    Map<String, String> names = new TreeMap<>();
    for (Row c : IdentityResolutionTest.asText(res.contacts()).collectAsList()) {
      names.put(c.getAs("contact_id"), c.getAs("full_name") + " @ " + c.getAs("company"));
    }

    // Jane: canonical e-mail = old Connections e-mail = current Connections e-mail and URL =
    // the URL of the current group message.
    assertThat(mapping)
        .containsEntry("linkedin:url:linkedin.com/in/jane-okafor-42", "crm-001")
        .containsEntry("linkedin:name:jane okafor|brightline media", "crm-001")
        // Sam Lee at Acme: canonical by name and company, old Connections by name and company,
        // current Connections by name and company plus the given endorsement by URL.
        .containsEntry("linkedin:url:linkedin.com/in/samlee-acme", "crm-002")
        .containsEntry("linkedin:name:sam lee|acme robotics", "crm-002");
    // The other Sam Lee, at Beta Foods, stays a contact of their own.
    String samBeta = mapping.get("linkedin:url:linkedin.com/in/sam-lee-beta");
    assertThat(samBeta).isNotEqualTo("crm-002").startsWith("c-");
    assertThat(names.get(samBeta)).isEqualTo("Sam Lee @ Beta Foods");
    assertThat(names.get("crm-002")).isEqualTo("Sam Lee @ Acme Robotics");
    // Linnéa: percent-encoded URL in Connections and messages, unescaped in endorsements.
    String linnea = mapping.get("linkedin:url:linkedin.com/in/linnéa-x");
    assertThat(names.get(linnea)).isEqualTo("Linnéa Xu @ Nordlys AB");
    // Marta: the old messages name only her; she is the one Marta, so they join her connection.
    assertThat(mapping.get("linkedin:name:marta silva|"))
        .isEqualTo(mapping.get("linkedin:name:marta silva|lumen press"));
    assertThat(mapping.get("linkedin:url:linkedin.com/in/priya-nair"))
        .isNotEqualTo(mapping.get("linkedin:url:linkedin.com/in/jane-okafor-42"));

    // Jane, Sam (Acme), Sam (Beta), Linnéa, Marta, Priya, Omar, Kim: one contact each.
    assertThat(names).hasSize(8);
    assertThat(names.values()).filteredOn(n -> n.startsWith("Jane")).hasSize(1);
    assertThat(names).containsEntry("crm-001", "Jane Okafor @ Brightline Media");

    // contact_identities: a row per source record, none lost, none invented.
    assertThat(res.identities().count()).isEqualTo(input.size());

    StructType activitySchema =
        new StructType()
            .add("activity_id", DataTypes.StringType)
            .add("contact_id", DataTypes.StringType);
    List<Row> mapped =
        IdentityResolution.applyMapping(
                spark.createDataFrame(activities, activitySchema), res.mapping(), "contact_id")
            .collectAsList();
    assertThat(mapped).hasSize(activities.size());
    assertThat(mapped)
        .as("every activity's contact is a resolved contact")
        .allSatisfy(a -> assertThat(names).containsKey(a.getString(1)));
    long janeTouches = mapped.stream().filter(a -> a.getString(1).equals("crm-001")).count();
    // old connection, current connection, group message.
    assertThat(janeTouches).isEqualTo(3);
  }

  private static List<Row> canonicalContacts(Path file) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p =
            CSVParser.parse(
                in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : p) {
        rows.add(
            RowFactory.create(
                r.get("contact_id"),
                r.get("full_name"),
                r.get("email"),
                null,
                r.get("company"),
                r.get("title"),
                null,
                "crm",
                r.get("relationship"),
                null,
                "contacts.csv",
                p.getCurrentLineNumber(),
                0));
      }
    }
    return rows;
  }
}
