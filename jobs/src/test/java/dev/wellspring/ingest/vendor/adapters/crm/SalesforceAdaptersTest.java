package dev.wellspring.ingest.vendor.adapters.crm;

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
    // 11/03/2026 is 3 November or 11 March, and nothing else in the file says which.
    assertThat(sink.warnings)
        .containsExactly(
            "0:ambiguous_locale_dates:11/03/2026 (month/day or day/month; export with Data Loader for ISO dates)",
            "4:unmapped_owner:005A000000OwNeR2AA");
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
  void usReportDatesAreReadWhenTheFileProvesMonthFirst() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/salesforce-tasks-us.csv", null);

    // 3/14/2026 can only be month/day, and no date of the file is day/month: the file is US.
    assertThat(sink.warnings)
        .containsExactly("0:us_locale_dates:3/14/2026 (month/day/year; times read as UTC)");
    Map<String, Map<String, String>> byId = sink.byId("activity_id");
    assertThat(byId.get("sf-00TA000000UsT01AAA"))
        .contains(entry("occurred_at", "2026-03-04T14:05:00Z"), entry("duration_minutes", "10"));
    assertThat(byId.get("sf-00TA000000UsT02AAA")).contains(entry("occurred_at", "2026-03-14"));
    // ISO (Data Loader) values stay readable in the same file.
    assertThat(byId.get("sf-00TA000000UsT04AAA")).contains(entry("occurred_at", "2026-03-20"));
    // "3/5/2026, 11:30 PM" (the comma form of recent JDKs and Lightning) is 23:30 UTC.
    assertThat(byId.get("sf-00TA000000UsT05AAA"))
        .contains(entry("occurred_at", "2026-03-05T23:30:00Z"));
    // 30 February is no date in any locale.
    assertThat(sink.rejected).containsExactly(entry(4L, "bad_timestamp"));
    assertThat(sink.rowsReported()).isEqualTo(5);
  }

  @Test
  void usEventTimesGiveTheDurationFromStartAndEnd() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/salesforce-events-us.csv", null);

    Map<String, Map<String, String>> byId = sink.byId("activity_id");
    assertThat(byId.get("sf-00UA000000UsE01AAA"))
        .contains(entry("occurred_at", "2026-03-16T09:00:00Z"), entry("duration_minutes", "45"));
    // 12:00 PM is noon, 1:30 PM 13:30: 90 minutes.
    assertThat(byId.get("sf-00UA000000UsE02AAA"))
        .contains(entry("occurred_at", "2026-03-02T12:00:00Z"), entry("duration_minutes", "90"));
    assertThat(sink.rejected).isEmpty();
  }

  @Test
  void aDayFirstFileKeepsRejectingSlashDatesAndSaysWhy() throws Exception {
    RecordingSink sink = Fixtures.read(contacts, "crm/salesforce-contacts-day-first.csv", null);

    // 14/03/2026 proves day/month: 3/4/2026 in this file is 3 April, not a US date, and
    // Wellspring reads only the US form; the ISO row still maps.
    assertThat(sink.warnings)
        .containsExactly(
            "0:not_us_locale_dates:14/03/2026 09:15 (day/month/year; export with Data Loader for ISO dates)");
    assertThat(sink.rejected)
        .containsExactly(entry(2L, "bad_timestamp"), entry(3L, "bad_timestamp"));
    assertThat(sink.byId("contact_id").get("salesforce:003A000001DmY03IAA"))
        .containsEntry("first_met_on", "2026-03-01");
  }

  @Test
  void salesforceDateFormatDmyReadsADayFirstFile() throws Exception {
    RecordingSink sink = read(contacts, "crm/salesforce-contacts-day-first.csv", "dmy");

    // With the locale configured, 3/4/2026 is 3 April and "14/03/2026 09:15" a date and time.
    assertThat(sink.rejected).isEmpty();
    assertThat(sink.warnings).isEmpty();
    Map<String, Map<String, String>> byId = sink.byId("contact_id");
    assertThat(byId.get("salesforce:003A000001DmY01IAA"))
        .containsEntry("first_met_on", "2026-03-14");
    assertThat(byId.get("salesforce:003A000001DmY02IAA"))
        .containsEntry("first_met_on", "2026-04-03");
    assertThat(byId.get("salesforce:003A000001DmY03IAA"))
        .containsEntry("first_met_on", "2026-03-01");
  }

  @Test
  void salesforceDateFormatMdyAndIsoOverrideTheFilesOwnEvidence() throws Exception {
    // mdy on the day-first file: 14/03 is no month/day date; 3/4/2026 is 4 March.
    RecordingSink mdy = read(contacts, "crm/salesforce-contacts-day-first.csv", "mdy");
    assertThat(mdy.rejected).containsExactly(entry(2L, "bad_timestamp"));
    assertThat(mdy.byId("contact_id").get("salesforce:003A000001DmY02IAA"))
        .containsEntry("first_met_on", "2026-03-04");
    // iso on a US file: every slash date is a bad timestamp, ISO ones still read.
    RecordingSink iso = read(activities, "crm/salesforce-events-us.csv", "iso");
    assertThat(iso.mappedRows()).isZero();
    assertThat(iso.rejected).hasSize(iso.rowsReported()).containsValue("bad_timestamp");
    // auto is the judgement of the file (the US events read as before).
    assertThat(read(activities, "crm/salesforce-events-us.csv", "auto").rejected).isEmpty();
  }

  private static RecordingSink read(
      dev.wellspring.ingest.vendor.adapters.ExportAdapter adapter, String file, String format)
      throws Exception {
    RecordingSink sink = new RecordingSink();
    adapter.read(
        Fixtures.file(file),
        new dev.wellspring.ingest.vendor.adapters.AdapterContext(
            null,
            Fixtures.OWNER_MAP,
            java.time.LocalDate.of(2026, 3, 31),
            java.time.LocalDate.of(2026, 1, 1),
            Map.of(),
            format),
        sink);
    return sink;
  }

  @Test
  void usContactDatesAreFirstMetDates() throws Exception {
    RecordingSink sink = Fixtures.read(contacts, "crm/salesforce-contacts-us.csv", null);

    assertThat(sink.rejected).isEmpty();
    Map<String, Map<String, String>> byId = sink.byId("contact_id");
    assertThat(byId.get("salesforce:003A000001UsC01IAA"))
        .containsEntry("first_met_on", "2025-09-14");
    assertThat(byId.get("salesforce:003A000001UsC02IAA"))
        .containsEntry("first_met_on", "2026-03-04");
  }

  @Test
  void recognisesContactsAndActivitiesApart() {
    List<String> contactHeader =
        List.of("\"Id\",\"IsDeleted\",\"LastName\",\"FirstName\",\"Email\"");
    List<String> taskHeader = List.of("ID,WHOID,WHATID,SUBJECT,ACTIVITYDATE,STATUS,OWNERID");

    assertThat(contacts.recognizes(contactHeader)).isTrue();
    assertThat(contacts.recognizes(taskHeader)).isFalse();
    assertThat(activities.recognizes(taskHeader)).isTrue();
    assertThat(activities.recognizes(contactHeader)).isFalse();
  }
}
