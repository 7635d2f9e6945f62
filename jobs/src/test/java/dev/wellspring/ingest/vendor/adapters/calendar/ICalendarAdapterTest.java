package dev.wellspring.ingest.vendor.adapters.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.crm.Fixtures;
import dev.wellspring.ingest.vendor.adapters.crm.RecordingSink;
import dev.wellspring.testing.SparkExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class ICalendarAdapterTest {
  private final ICalendarAdapter adapter = new ICalendarAdapter();

  private static String id(String uid, String recurrenceId, String email) {
    return "ics-" + uid + "|" + recurrenceId + "|" + ICalendarAdapter.hash(email);
  }

  @Test
  void googleExportGivesOneMeetingPerOtherParticipant() throws Exception {
    RecordingSink sink = Fixtures.read(adapter, "calendar/google.ics", null);

    // TZID Europe/Berlin in winter (+01:00): 18:30 is 17:30Z. Folded ATTENDEE lines are read
    // whole; the room, the declining guest and alice herself are not contacts.
    assertThat(
            sink.byId("activity_id")
                .get(id("coffee-0304@google.com", "", "priya.raman@northwind.example")))
        .isEqualTo(
            Map.of(
                "activity_id", id("coffee-0304@google.com", "", "priya.raman@northwind.example"),
                "owner", "alice",
                "occurred_at", "2026-03-04T17:30:00Z",
                "type", "meeting",
                "contact_id", "email:priya.raman@northwind.example",
                "duration_minutes", "30",
                "channel", "Café Einstein, Unter den Linden, Berlin",
                "notes", "Coffee, then the keynote plan"));
    assertThat(sink.records.stream().filter(r -> r.line() == 26)).hasSize(1);
  }

  @Test
  void allDayEventsAreDatedByTheirDayWithTheDefaultDuration() throws Exception {
    RecordingSink sink = Fixtures.read(adapter, "calendar/google.ics", null);

    // Organised by Tomasz (not in the owner map); alice is the attendee the map knows.
    assertThat(
            sink.byId("activity_id").get(id("fair-0310@google.com", "", "tomasz@fabrikam.example")))
        .contains(entry("occurred_at", "2026-03-10"), entry("owner", "alice"))
        .doesNotContainKey("duration_minutes");
  }

  @Test
  void recurringEventsExpandInThePeriodWithExdatesOverridesAndDaylightSaving() throws Exception {
    RecordingSink sink = Fixtures.read(adapter, "calendar/google.ics", null);

    String uid = "weekly-mentoring@google.com";
    String jonas = "jonas@litware.example";
    Map<String, Map<String, String>> byId = sink.byId("activity_id");
    // Weekly from Mon 2 March 09:00 Berlin, 6 times: 9 March is an EXDATE, 16 March is moved to
    // 10:00 by an override, 30 March is after the switch to summer time (+02:00), 6 April is after
    // the run date (31 March).
    assertThat(
            sink.records.stream()
                .filter(r -> r.line() == 64)
                .map(r -> r.fields().get("occurred_at")))
        .containsExactly("2026-03-02T08:00:00Z", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z");
    assertThat(byId.get(id(uid, "20260316T080000Z", jonas)))
        .contains(
            entry("occurred_at", "2026-03-16T09:00:00Z"),
            entry("notes", "Mentoring (moved)"),
            entry("duration_minutes", "30"));
    assertThat(byId).containsKey(id(uid, "20260330T070000Z", jonas));
  }

  @Test
  void cancelledDeclinedPrivateAndOutOfPeriodEventsAreExcludedAndBadDatesRejected()
      throws Exception {
    RecordingSink sink = Fixtures.read(adapter, "calendar/google.ics", null);

    assertThat(sink.excluded)
        .containsExactly(
            entry(89L, "cancelled"),
            entry(99L, "declined"),
            entry(109L, "no_attendees"),
            entry(116L, "outside_period"),
            entry(144L, "not_an_event"));
    assertThat(sink.rejected).containsExactly(entry(135L, "bad_timestamp"));
    assertThat(sink.rejectedRaw.get(135L)).startsWith("BEGIN:VEVENT\r\n").endsWith("END:VEVENT");
    // DURATION instead of DTEND.
    assertThat(sink.byId("activity_id").get(id("podcast@google.com", "", "kwame@wingtip.example")))
        .containsEntry("duration_minutes", "45");
    // 10 VEVENTs and a VTODO: every one reported once.
    assertThat(sink.rowsReported()).isEqualTo(11);
  }

  @Test
  void outlookExportWithWindowsTimeZoneNamesAndTheOrganizerAsOwner() throws Exception {
    RecordingSink sink = Fixtures.read(adapter, "calendar/outlook.ics", null);

    // "W. Europe Standard Time" from the file's VTIMEZONE: +01:00 on 26 March, +02:00 on 31 March.
    assertThat(sink.records)
        .extracting(
            r -> r.fields().get("occurred_at"),
            r -> r.fields().get("owner"),
            r -> r.fields().get("duration_minutes"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-03-26T09:00:00Z", "bob", "60"),
            org.assertj.core.groups.Tuple.tuple("2026-03-31T08:00:00Z", "bob", "60"));
    assertThat(sink.records.get(0).fields())
        .containsEntry("contact_id", "email:chidi@eventbrite.example")
        .containsEntry("notes", "Panel prep");
  }

  @Test
  void withoutAnyOwnerTheEventIsRejected(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cal.ics");
    Files.writeString(
        file,
        String.join(
            "\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//test//EN",
            "BEGIN:VEVENT",
            "UID:u1",
            "DTSTAMP:20260301T000000Z",
            "DTSTART:20260302T100000",
            "DTEND:20260302T103000",
            "ORGANIZER:mailto:someone@else.example",
            "ATTENDEE:mailto:guest@else.example",
            "END:VEVENT",
            "END:VCALENDAR",
            ""),
        StandardCharsets.UTF_8);
    RecordingSink none = new RecordingSink();
    adapter.read(file, Fixtures.context(null), none);
    assertThat(none.rejected).containsExactly(entry(4L, "missing_required"));

    // With --owner the organizer and the guest are both contacts; a floating time reads as UTC.
    RecordingSink carol = new RecordingSink();
    adapter.read(file, Fixtures.context("carol"), carol);
    assertThat(carol.records)
        .extracting(r -> r.fields().get("contact_id"))
        .containsExactlyInAnyOrder("email:guest@else.example", "email:someone@else.example");
    assertThat(carol.records.get(0).fields())
        .contains(entry("owner", "carol"), entry("occurred_at", "2026-03-02T10:00:00Z"));
  }

  @Test
  void aFileThatIsNotICalendarIsAnError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("notes.ics");
    Files.writeString(file, "hello\r\n");

    assertThatThrownBy(() -> adapter.read(file, Fixtures.context("carol"), new RecordingSink()))
        .hasMessageContaining("notes.ics is not an iCalendar file");
    assertThat(adapter.recognizes(List.of("BEGIN:VCALENDAR", "VERSION:2.0"))).isTrue();
    assertThat(adapter.recognizes(List.of("Name,Given Name"))).isFalse();
  }

  @Test
  void occurrencesDoNotDependOnTheMachineTimeZone() throws Exception {
    java.util.TimeZone saved = java.util.TimeZone.getDefault();
    RecordingSink sink;
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Auckland"));
      sink = Fixtures.read(adapter, "calendar/google.ics", null);
    } finally {
      java.util.TimeZone.setDefault(saved);
    }
    // The EXDATE of 9 March still applies when the JVM's zone is not the event's.
    assertThat(
            sink.records.stream()
                .filter(r -> r.line() == 64)
                .map(r -> r.fields().get("occurred_at")))
        .containsExactly("2026-03-02T08:00:00Z", "2026-03-23T08:00:00Z", "2026-03-30T07:00:00Z");
  }

  @Test
  void ical4jNeverFetchesTimeZoneUpdates() {
    // Runs have no network; a TZURL fetch would hang a task until it timed out.
    assertThat(
            net.fortuna.ical4j.util.Configurator.getProperty(
                "net.fortuna.ical4j.timezone.update.enabled"))
        .hasValue("false");
  }

  @Test
  void runsInsideASparkTask() {
    AdapterContext context = Fixtures.context(null);
    String path = Fixtures.file("calendar/outlook.ics").toAbsolutePath().toString();
    JavaSparkContext jsc =
        JavaSparkContext.fromSparkContext(SparkExtension.session().sparkContext());
    ICalendarAdapter shipped = adapter;

    List<Integer> counts =
        jsc.parallelize(List.of(path), 1)
            .map(
                p -> {
                  RecordingSink sink = new RecordingSink();
                  shipped.read(Path.of(p), context, sink);
                  return sink.records.size();
                })
            .collect();

    assertThat(counts).containsExactly(2);
  }
}
