package dev.wellspring.ingest.vendor.adapters.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.calendar.ICalendarAdapter;
import dev.wellspring.ingest.vendor.adapters.common.DecodedText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every fixture is recognised by exactly its own adapter, from its first lines alone. */
class ExportRecognitionTest {
  private static final List<ExportAdapter> ADAPTERS =
      List.of(
          new HubSpotContactsAdapter(),
          new HubSpotActivitiesAdapter(),
          new SalesforceContactsAdapter(),
          new SalesforceActivitiesAdapter(),
          new GoogleContactsAdapter(),
          new OutlookContactsAdapter(),
          new ICalendarAdapter());

  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry("crm/hubspot-contacts.csv", "hubspot.contacts"),
          Map.entry("crm/hubspot-contacts-lifecycle.csv", "hubspot.contacts"),
          Map.entry("crm/hubspot-calls.csv", "hubspot.activities"),
          Map.entry("crm/hubspot-meetings.csv", "hubspot.activities"),
          Map.entry("crm/hubspot-notes.csv", "hubspot.activities"),
          Map.entry("crm/salesforce-contacts.csv", "salesforce.contacts"),
          Map.entry("crm/salesforce-tasks.csv", "salesforce.activities"),
          Map.entry("crm/salesforce-events.csv", "salesforce.activities"),
          Map.entry("crm/google-contacts.csv", "google.contacts"),
          Map.entry("crm/google-contacts-legacy.csv", "google.contacts"),
          Map.entry("crm/outlook-contacts.csv", "outlook.contacts"),
          Map.entry("crm/outlook-contacts-excel.csv", "outlook.contacts"),
          Map.entry("calendar/google.ics", "calendar.ics"),
          Map.entry("calendar/outlook.ics", "calendar.ics"));

  @Test
  void eachFixtureIsRecognisedByItsAdapterOnly() throws Exception {
    for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
      String text = DecodedText.decode(Files.readAllBytes(Fixtures.file(e.getKey()))).text();
      List<String> firstLines = text.lines().limit(20).toList();
      assertThat(ADAPTERS.stream().filter(a -> a.recognizes(firstLines)).map(ExportAdapter::name))
          .as("adapters recognising %s", e.getKey())
          .containsExactly(e.getValue());
    }
  }

  @Test
  void adaptersSurviveJavaSerialization() throws Exception {
    for (ExportAdapter adapter : ADAPTERS) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(adapter);
      }
      try (ObjectInputStream in =
          new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        assertThat(((ExportAdapter) in.readObject()).name()).isEqualTo(adapter.name());
      }
    }
  }
}
