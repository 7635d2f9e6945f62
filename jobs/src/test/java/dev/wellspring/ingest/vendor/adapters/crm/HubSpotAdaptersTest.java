package dev.wellspring.ingest.vendor.adapters.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSpotAdaptersTest {
  private final HubSpotContactsAdapter contacts = new HubSpotContactsAdapter();
  private final HubSpotActivitiesAdapter activities = new HubSpotActivitiesAdapter();

  @Test
  void contactExportMapsEachRowOrSaysWhyNot() throws Exception {
    RecordingSink sink = Fixtures.read(contacts, "crm/hubspot-contacts.csv", null);

    assertThat(sink.byId("contact_id"))
        .containsOnlyKeys("hubspot:51001", "hubspot:51002")
        .containsEntry(
            "hubspot:51001",
            Map.of(
                "contact_id", "hubspot:51001",
                "full_name", "Priya Raman",
                "email", "priya.raman@northwind.example",
                "company", "Northwind Media",
                "location", "United Kingdom",
                "source", "hubspot",
                "first_met_on", "2025-11-03"));
    // No name: the e-mail stands in, so the contact is still usable and resolvable.
    assertThat(sink.byId("contact_id").get("hubspot:51002"))
        .contains(
            entry("full_name", "tomasz@fabrikam.example"), entry("first_met_on", "2026-01-20"));
    assertThat(sink.rejected)
        .containsExactly(entry(4L, "missing_required"), entry(5L, "bad_timestamp"));
    assertThat(sink.rejectedRaw.get(5L)).startsWith("\"51004\",\"Lena\"").doesNotEndWith("\n");
    assertThat(sink.rowsReported()).isEqualTo(4);
  }

  @Test
  void contactViewWithOtherColumnsUsesLifecycleStageAndEpochCreateDate() throws Exception {
    RecordingSink sink = Fixtures.read(contacts, "crm/hubspot-contacts-lifecycle.csv", null);

    Map<String, Map<String, String>> byId = sink.byId("contact_id");
    assertThat(byId.get("hubspot:61001"))
        .contains(
            entry("relationship", "customer"),
            entry("title", "CTO"),
            entry("location", "Lisbon, Portugal"),
            entry("first_met_on", "2026-01-01"));
    assertThat(byId.get("hubspot:61002"))
        .contains(entry("relationship", "prospect"))
        .doesNotContainKey("first_met_on");
    assertThat(sink.rowsReported()).isEqualTo(2);
  }

  @Test
  void callsTakeEpochOrIsoTimesMillisecondDurationsAndAssociatedContacts() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/hubspot-calls.csv", null);

    Map<String, Map<String, String>> byId = sink.byId("activity_id");
    assertThat(byId.get("hs-9001"))
        .isEqualTo(
            Map.of(
                "activity_id", "hs-9001",
                "owner", "alice",
                "occurred_at", "2026-03-02T09:30:00Z",
                "type", "call",
                "contact_id", "hubspot:51001",
                "duration_minutes", "30.5",
                "notes", "Intro call | Talked about the keynote, next steps"));
    // Two associated contacts: one activity each; owner 2002 is not in the map and is kept.
    assertThat(byId.get("hs-9002:hubspot:51002"))
        .contains(
            entry("owner", "2002"),
            entry("occurred_at", "2026-03-05T14:00:00Z"),
            entry("duration_minutes", "10"));
    assertThat(byId.get("hs-9002:hubspot:51004")).containsEntry("contact_id", "hubspot:51004");
    assertThat(sink.warnings).containsExactly("3:unmapped_owner:2002");
    assertThat(sink.excluded).containsExactly(entry(4L, "call_not_completed"));
    assertThat(sink.rejected)
        .containsExactly(
            entry(5L, "bad_number"), entry(6L, "bad_timestamp"), entry(7L, "missing_required"));
    assertThat(sink.mappedRows()).isEqualTo(2);
    assertThat(sink.rowsReported()).isEqualTo(6);
  }

  @Test
  void aRowWithoutOwnerTakesTheOwnerOption() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/hubspot-calls.csv", "carol");

    assertThat(sink.byId("activity_id").get("hs-9006"))
        .contains(entry("owner", "carol"), entry("duration_minutes", "1"))
        .doesNotContainKey("contact_id");
    assertThat(sink.rejected).doesNotContainKey(7L);
  }

  @Test
  void meetingsLastFromStartToEndAndCancelledOrMissedOnesAreExcluded() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/hubspot-meetings.csv", null);

    assertThat(sink.byId("activity_id"))
        .containsOnlyKeys("hs-7001")
        .containsEntry(
            "hs-7001",
            Map.of(
                "activity_id", "hs-7001",
                "owner", "alice",
                "occurred_at", "2026-03-03T10:00:00Z",
                "type", "meeting",
                "contact_id", "email:priya.raman@northwind.example",
                "duration_minutes", "90",
                "channel", "Café Rio",
                "notes", "Partner lunch"));
    assertThat(sink.excluded).containsExactly(entry(3L, "cancelled"), entry(5L, "no_show"));
    assertThat(sink.rejected).containsExactly(entry(4L, "negative_duration"));
  }

  @Test
  void notesAreNotTouches() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/hubspot-notes.csv", null);

    assertThat(sink.records).isEmpty();
    assertThat(sink.excluded).containsExactly(entry(2L, "note"));
  }

  @Test
  void recognisesContactAndActivityExportsApart() {
    List<String> contactHeader =
        List.of("\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Create Date\"");
    List<String> callHeader =
        List.of("hs_object_id,hs_timestamp,hubspot_owner_id,hs_call_duration");

    assertThat(contacts.recognizes(contactHeader)).isTrue();
    assertThat(contacts.recognizes(callHeader)).isFalse();
    assertThat(activities.recognizes(callHeader)).isTrue();
    assertThat(activities.recognizes(contactHeader)).isFalse();
    assertThat(contacts.recognizes(List.of("\"Record ID\";\"First Name\";\"Email\""))).isTrue();
  }
}
