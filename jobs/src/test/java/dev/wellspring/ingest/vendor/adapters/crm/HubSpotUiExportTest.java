package dev.wellspring.ingest.vendor.adapters.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.wellspring.ingest.vendor.ExportAdapters;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HubSpot activity exports made in the UI (issue 22): CRM → Calls / Meetings / Emails index →
 * Export → CSV. Their header carries property labels, not internal names. The layouts follow
 * HubSpot's default property labels as its property settings show them for the call, meeting and
 * e-mail objects ("Activity date" = hs_timestamp, "Activity assigned to" = hubspot_owner_id, "Call
 * duration" = hs_call_duration, "Call status", "Meeting start time", "Meeting outcome", "Email send
 * status", ...), with "Record ID" first and the "Associated Contact" column of "Name (e-mail)"
 * entries that "include associated records" adds; the rows are synthetic.
 */
class HubSpotUiExportTest {
  private final HubSpotActivitiesAdapter activities = new HubSpotActivitiesAdapter();

  @Test
  void labelHeadedExportsAreRecognisedAsActivitiesNotContacts() throws Exception {
    for (String file :
        List.of(
            "crm/hubspot-calls-ui.csv",
            "crm/hubspot-emails-ui.csv",
            "vendor/one-owner/hubspot-meetings-ui.csv")) {
      List<String> lines = Files.readAllLines(Fixtures.file(file)).subList(0, 2);
      ExportAdapter first =
          ExportAdapters.all().stream().filter(a -> a.recognizes(lines)).findFirst().orElseThrow();
      assertThat(first.name()).as(file).isEqualTo("hubspot.activities");
    }
  }

  @Test
  void callsReadLabelsMillisecondOrClockDurationsAndStatusLabels() throws Exception {
    RecordingSink sink = Fixtures.read(activities, "crm/hubspot-calls-ui.csv", null);

    Map<String, Map<String, String>> byId = sink.byId("activity_id");
    assertThat(byId.get("hs-9101"))
        .contains(
            entry("type", "call"),
            entry("occurred_at", "2026-03-02T09:30:00Z"),
            entry("duration_minutes", "30.5"),
            entry("owner", "Alice Example"),
            entry("contact_id", "email:priya.raman@northwind.example"),
            entry("notes", "Intro call | Talked about the keynote"));
    // 00:10:00 is ten minutes; two contacts give two records (ingest then shares the ten).
    assertThat(byId.get("hs-9102:email:tomasz@fabrikam.example"))
        .contains(entry("duration_minutes", "10"), entry("occurred_at", "2026-03-03T14:00:00Z"));
    assertThat(byId).containsKey("hs-9102:email:priya.raman@northwind.example");
    assertThat(sink.excluded).containsExactly(entry(4L, "call_not_completed"));
    assertThat(sink.rejected).isEmpty();
    // The owner's name is not in the owner map: kept, with a warning naming it.
    assertThat(sink.warnings).contains("2:unmapped_owner:Alice Example");
    assertThat(sink.rowsReported()).isEqualTo(3);
  }

  @Test
  void emailsAndMeetingsReadTheirLabels() throws Exception {
    RecordingSink emails = Fixtures.read(activities, "crm/hubspot-emails-ui.csv", null);
    assertThat(emails.byId("activity_id").get("hs-9201"))
        .contains(entry("type", "email"), entry("notes", "Keynote follow-up | Slides attached"));
    assertThat(emails.excluded).containsExactly(entry(3L, "email_not_delivered"));

    RecordingSink meetings =
        Fixtures.read(activities, "vendor/one-owner/hubspot-meetings-ui.csv", null);
    assertThat(meetings.byId("activity_id").get("hs-88001:email:lena@contoso.example"))
        .contains(
            entry("type", "meeting"),
            entry("occurred_at", "2026-03-20T10:00:00Z"),
            entry("duration_minutes", "60"),
            entry("channel", "Zoom"));
    assertThat(meetings.excluded).containsExactly(entry(3L, "no_show"), entry(4L, "cancelled"));
    assertThat(meetings.rejected).isEmpty();
  }
}
