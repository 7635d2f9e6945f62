package dev.wellspring.adapters.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceAdaptersTest {
  private final SalesforceContactsAdapter contacts = new SalesforceContactsAdapter();
  private final SalesforceActivitiesAdapter activities = new SalesforceActivitiesAdapter();

  @Test
  void contactsAreKeyedByIdAndDeletedOnesExcluded() throws Exception {
    RecordingSink sink = Fixtures.read(contacts, "crm/salesforce-contacts.csv", null);

    assertThat(sink.byId("contact_id"))
        .containsOnlyKeys("salesforce:003A000001AbCdEIAZ")
        .containsEntry(
            "salesforce:003A000001AbCdEIAZ",
            Map.of(
                "contact_id", "salesforce:003A000001AbCdEIAZ",
                "full_name", "Chidi Okafor",
                "email", "chidi@eventbrite.example",
                "company", "Summit Events Ltd",
                "title", "Head of Events",
                "location", "Lagos, Nigeria",
                "source", "salesforce",
                "first_met_on", "2025-09-14"));
    assertThat(sink.excluded).containsExactly(entry(3L, "deleted"));
    assertThat(sink.rejected).containsExactly(entry(4L, "bad_timestamp"));
  }

  @Test
  void onlyCompletedTasksCount() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/salesforce-tasks.csv", null);

    Map<String, Map<String, String>> byId = sink.byId("activity_id");
    assertThat(byId)
        .containsOnlyKeys("sf-00TA000000Task1AAA", "sf-00TA000000Task3AAA")
        .containsEntry(
            "sf-00TA000000Task1AAA",
            Map.of(
                "activity_id", "sf-00TA000000Task1AAA",
                "owner", "bob",
                "occurred_at", "2026-03-10T15:04:05Z",
                "type", "call",
                "contact_id", "salesforce:003A000001AbCdEIAZ",
                // 754 s / 60
                "duration_minutes", "12.566667",
                "notes", "Call about panel slot | Agreed, on the 2nd panel"));
    // No CompletedDateTime: the date-only ActivityDate stands, as a date.
    assertThat(byId.get("sf-00TA000000Task3AAA"))
        .contains(
            entry("occurred_at", "2026-03-11"),
            entry("type", "email"),
            entry("owner", "005A000000OwNeR2AA"));
    assertThat(sink.warnings).containsExactly("4:unmapped_owner:005A000000OwNeR2AA");
    assertThat(sink.excluded).containsExactly(entry(3L, "open_task"));
    assertThat(sink.rejected).containsExactly(entry(5L, "bad_timestamp"));
    assertThat(sink.rowsReported()).isEqualTo(4);
  }

  @Test
  void eventsAreMeetingsAndAllDayOnesKeepTheDefaultDuration() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/salesforce-events.csv", null);

    Map<String, Map<String, String>> byId = sink.byId("activity_id");
    assertThat(byId.get("sf-00UA000000Evt01AAA"))
        .contains(
            entry("occurred_at", "2026-03-16T09:00:00Z"),
            entry("type", "meeting"),
            entry("duration_minutes", "45"),
            entry("channel", "Monmouth, Borough"));
    assertThat(byId.get("sf-00UA000000Evt02AAA"))
        .contains(entry("occurred_at", "2026-03-18"), entry("type", "meeting"))
        .doesNotContainKey("duration_minutes");
    assertThat(sink.excluded).containsExactly(entry(4L, "deleted"));
    assertThat(sink.rowsReported()).isEqualTo(3);
  }

  @Test
  void recognisesContactsAndActivitiesApart() {
    List<String> contactHeader = List.of("\"Id\",\"IsDeleted\",\"LastName\",\"FirstName\",\"Email\"");
    List<String> taskHeader = List.of("ID,WHOID,WHATID,SUBJECT,ACTIVITYDATE,STATUS,OWNERID");

    assertThat(contacts.recognizes(contactHeader)).isTrue();
    assertThat(contacts.recognizes(taskHeader)).isFalse();
    assertThat(activities.recognizes(taskHeader)).isTrue();
    assertThat(activities.recognizes(contactHeader)).isFalse();
  }
}
