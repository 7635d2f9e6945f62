package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.CsvRows;
import dev.wellspring.ingest.vendor.adapters.common.Fields;
import dev.wellspring.ingest.vendor.adapters.common.Numbers;
import dev.wellspring.ingest.vendor.adapters.common.Owners;
import dev.wellspring.ingest.vendor.adapters.common.Text;
import dev.wellspring.ingest.vendor.adapters.common.Timestamps;
import dev.wellspring.schema.Tables;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * HubSpot activity exports (calls, meetings, e-mails, notes, tasks) with internal property names as
 * headers: {@code hs_object_id} (or {@code Record ID}), {@code hs_timestamp} (epoch milliseconds or
 * ISO-8601), {@code hubspot_owner_id}, {@code hs_call_duration} (milliseconds), {@code
 * hs_call_direction}, {@code hs_call_status}, {@code hs_meeting_start_time}/{@code
 * hs_meeting_end_time}, {@code hs_meeting_outcome}, {@code hs_email_status}, titles and bodies.
 *
 * <p>The activity type comes from {@code hs_engagement_type} when the file has it (a mixed
 * engagements export), else from which {@code hs_call_/hs_meeting_/hs_email_/hs_note_/hs_task_}
 * properties the header carries. Calls, meetings and e-mails map to activities {@code hs-<id>},
 * inbound and outbound alike (a returned call is a touch too). Excluded, counted: notes ({@code
 * note}: a record the owner keeps, not a touch), tasks ({@code task}: a to-do), calls whose status
 * is set and not COMPLETED ({@code call_not_completed}), meetings cancelled or rescheduled ({@code
 * cancelled}) or missed ({@code no_show}), e-mails that bounced or failed ({@code
 * email_not_delivered}).
 *
 * <p>Contacts: the associated contact ids in {@code associations.contact} or {@code Associated
 * Contact IDs} (separated by {@code ;} or {@code ,}) give {@code hubspot:<id>}; failing those, an
 * {@code Associated Contact} value such as {@code Jane Doe (jane@example.com)} gives the
 * e-mail-scoped key {@code email:<address>}. An activity with several contacts becomes one record
 * per contact, {@code hs-<id>:<contact key>}; with none, one record without a contact.
 *
 * <p>Exports made in HubSpot's UI carry property labels instead ({@code Activity date}, {@code Call
 * duration}, {@code Meeting start time}, {@code Email send status}, ...): each label is read as the
 * property it shows ({@link #UI_LABELS}), and label values ("Completed", "No show") as the internal
 * ones.
 *
 * <p>Owners: {@code hubspot_owner_id} through the owner map (see {@link Owners}); empty means
 * --owner; neither is {@code missing_required}.
 */
public final class HubSpotActivitiesAdapter implements ExportAdapter {
  private static final long serialVersionUID = 1L;
  private static final Pattern TAGS = Pattern.compile("<[^>]*>");
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,]");

  @Override
  public String name() {
    return "hubspot.activities";
  }

  /**
   * The column labels of an export made in HubSpot's UI (CRM → Calls, Meetings or Emails index →
   * Export, or a report on the activity), lower case, to the internal property each one shows.
   * HubSpot's default property labels as its property settings list them: "Activity date" is {@code
   * hs_timestamp}, "Activity assigned to" {@code hubspot_owner_id} (exported as the owner's name,
   * which {@code owner_map} can map), "Call duration" {@code hs_call_duration}, and so on.
   */
  static final Map<String, String> UI_LABELS =
      Map.ofEntries(
          Map.entry("activity date", "hs_timestamp"),
          Map.entry("activity type", "hs_engagement_type"),
          Map.entry("activity assigned to", "hubspot_owner_id"),
          Map.entry("assigned to", "hubspot_owner_id"),
          Map.entry("call title", "hs_call_title"),
          Map.entry("call notes", "hs_call_body"),
          Map.entry("call duration", "hs_call_duration"),
          Map.entry("call direction", "hs_call_direction"),
          Map.entry("call status", "hs_call_status"),
          Map.entry("call outcome", "hs_call_disposition"),
          Map.entry("meeting name", "hs_meeting_title"),
          Map.entry("meeting description", "hs_meeting_body"),
          Map.entry("meeting start time", "hs_meeting_start_time"),
          Map.entry("meeting end time", "hs_meeting_end_time"),
          Map.entry("meeting location", "hs_meeting_location"),
          Map.entry("meeting outcome", "hs_meeting_outcome"),
          Map.entry("email subject", "hs_email_subject"),
          Map.entry("email body", "hs_email_text"),
          Map.entry("email direction", "hs_email_direction"),
          Map.entry("email send status", "hs_email_status"));

  /** Labels only an activity export has: one of them and Record ID make a UI activity export. */
  private static final String[] ACTIVITY_LABELS = {
    "Call duration", "Call direction", "Call status", "Call outcome", "Call notes",
    "Meeting start time", "Meeting outcome", "Meeting name", "Email subject", "Email send status",
    "Email direction"
  };

  /** Whether a header is a HubSpot UI activity export (labels, not internal names). */
  static boolean hasActivityLabels(List<String> header) {
    return CsvRows.hasAny(header, ACTIVITY_LABELS);
  }

  @Override
  public boolean recognizes(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return false;
    }
    List<String> header = CsvRows.header(firstLines.get(0));
    return CsvRows.hasAny(header, "hs_object_id", "Record ID")
        && (CsvRows.hasAny(
                header,
                "hs_timestamp",
                "hs_meeting_start_time",
                "hs_call_duration",
                "hs_engagement_type")
            || hasActivityLabels(header));
  }

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    Owners owners = new Owners(context);
    CsvRows.read(file, sink, row -> map(internalNames(row), owners, sink));
  }

  /** The row with each UI label also reachable under its internal name (when that is absent). */
  static CsvRows.Row internalNames(CsvRows.Row row) {
    Map<String, Integer> index = null;
    for (Map.Entry<String, Integer> e : row.index().entrySet()) {
      String internal = UI_LABELS.get(e.getKey());
      if (internal != null && !row.index().containsKey(internal)) {
        if (index == null) {
          index = new java.util.HashMap<>(row.index());
        }
        index.put(internal, e.getValue());
      }
    }
    return index == null ? row : new CsvRows.Row(index, row.values(), row.line(), row.raw());
  }

  private static void map(CsvRows.Row row, Owners owners, RecordSink sink) {
    String type = type(row);
    Optional<String> exclusion = exclusion(type, row);
    if (exclusion.isPresent()) {
      sink.excluded(row.line(), row.raw(), exclusion.get());
      return;
    }
    String id = row.first("hs_object_id", "Record ID");
    String startText =
        type.equals("meeting")
            ? row.first("hs_meeting_start_time", "hs_timestamp")
            : row.get("hs_timestamp");
    String ownerId = row.get("hubspot_owner_id");
    if (id.isEmpty() || startText.isEmpty() || (ownerId.isEmpty() && owners.fallback().isEmpty())) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    Optional<String> occurredAt = Timestamps.canonical(startText, true);
    if (occurredAt.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "bad_timestamp");
      return;
    }
    String duration = "";
    if (type.equals("meeting") && !row.get("hs_meeting_end_time").isEmpty()) {
      Optional<String> end = Timestamps.canonical(row.get("hs_meeting_end_time"), true);
      if (end.isEmpty() || end.get().length() == 10 || occurredAt.get().length() == 10) {
        sink.rejected(row.line(), row.raw(), "bad_timestamp");
        return;
      }
      long seconds =
          Duration.between(Instant.parse(occurredAt.get()), Instant.parse(end.get())).getSeconds();
      if (seconds < 0) {
        sink.rejected(row.line(), row.raw(), "negative_duration");
        return;
      }
      duration = Numbers.divide(BigDecimal.valueOf(seconds), 60);
    } else if (type.equals("call") && !row.get("hs_call_duration").isEmpty()) {
      Optional<BigDecimal> millis = callMillis(row.get("hs_call_duration"));
      if (millis.isEmpty()) {
        sink.rejected(row.line(), row.raw(), "bad_number");
        return;
      }
      if (millis.get().signum() < 0) {
        sink.rejected(row.line(), row.raw(), "negative_duration");
        return;
      }
      duration = Numbers.divide(millis.get(), 60_000);
    }
    // Resolved only now, so unmapped-owner warnings count rows that are kept.
    String owner = owners.resolve(ownerId, row.line(), sink);
    String notes =
        Text.joinNonEmpty(
            " | ",
            row.first("hs_call_title", "hs_meeting_title", "hs_email_subject"),
            stripTags(
                row.first("hs_call_body", "hs_meeting_body", "hs_email_text", "hs_body_preview")));
    List<String> contacts = contacts(row);
    List<CanonicalRecord> records = new ArrayList<>();
    for (String contact : contacts.isEmpty() ? List.of("") : contacts) {
      String activityId = contacts.size() > 1 ? "hs-" + id + ":" + contact : "hs-" + id;
      records.add(
          new Fields()
              .put("activity_id", activityId)
              .put("owner", owner)
              .put("occurred_at", occurredAt.get())
              .put("type", type)
              .put("contact_id", contact)
              .put("duration_minutes", duration)
              .put("channel", row.get("hs_meeting_location"))
              .put("notes", notes)
              .record(Tables.ACTIVITIES, row.line(), row.raw()));
    }
    sink.mapped(row.line(), row.raw(), records);
  }

  private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})");

  /**
   * A call's duration in milliseconds: the property's plain number (milliseconds, as the API and
   * exports store it), or a clock value {@code h:mm:ss} / {@code mm:ss} as a view may show it.
   */
  static Optional<BigDecimal> callMillis(String value) {
    java.util.regex.Matcher m = CLOCK.matcher(Text.clean(value));
    if (m.matches()) {
      long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      long seconds = hours * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
      return Optional.of(BigDecimal.valueOf(seconds * 1000));
    }
    return Numbers.parse(value);
  }

  /** call, meeting, email, note, task or other. */
  static String type(CsvRows.Row row) {
    String engagement = row.get("hs_engagement_type").toUpperCase(Locale.ROOT);
    if (!engagement.isEmpty()) {
      return switch (engagement) {
        case "CALL" -> "call";
        case "MEETING" -> "meeting";
        case "EMAIL", "INCOMING_EMAIL", "FORWARDED_EMAIL" -> "email";
        case "NOTE" -> "note";
        case "TASK" -> "task";
        default -> "other";
      };
    }
    Set<String> columns = row.index().keySet();
    if (columns.stream().anyMatch(c -> c.startsWith("hs_call_"))) {
      return "call";
    }
    if (columns.stream().anyMatch(c -> c.startsWith("hs_meeting_"))) {
      return "meeting";
    }
    if (columns.stream().anyMatch(c -> c.startsWith("hs_email_"))) {
      return "email";
    }
    if (columns.stream().anyMatch(c -> c.startsWith("hs_note_"))) {
      return "note";
    }
    if (columns.stream().anyMatch(c -> c.startsWith("hs_task_"))) {
      return "task";
    }
    return "other";
  }

  private static Optional<String> exclusion(String type, CsvRows.Row row) {
    switch (type) {
      case "note", "task":
        return Optional.of(type);
      case "call":
        String status = row.get("hs_call_status").toUpperCase(Locale.ROOT);
        return status.isEmpty() || status.equals("COMPLETED")
            ? Optional.empty()
            : Optional.of("call_not_completed");
      case "meeting":
        String outcome = row.get("hs_meeting_outcome").toUpperCase(Locale.ROOT).replace(' ', '_');
        return switch (outcome) {
          case "CANCELED", "CANCELLED", "RESCHEDULED" -> Optional.of("cancelled");
          case "NO_SHOW" -> Optional.of("no_show");
          default -> Optional.empty();
        };
      case "email":
        String emailStatus = row.get("hs_email_status").toUpperCase(Locale.ROOT);
        return emailStatus.equals("BOUNCED") || emailStatus.equals("FAILED")
            ? Optional.of("email_not_delivered")
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  /** Contact keys in the order the export lists them, without repeats. */
  static List<String> contacts(CsvRows.Row row) {
    Set<String> keys = new LinkedHashSet<>();
    String ids =
        row.first("associations.contact", "Associated Contact IDs", "Associated Contact ID");
    for (String id : LIST_SEPARATOR.split(ids)) {
      if (!id.isBlank()) {
        keys.add("hubspot:" + id.strip());
      }
    }
    if (keys.isEmpty()) {
      // Labels hold "Name (e-mail)" entries; a bare number is a record id.
      for (String entry : row.get("Associated Contact").split(";")) {
        String e = entry.strip();
        String email = Text.normaliseEmail(e);
        if (!email.isEmpty()) {
          keys.add("email:" + email);
        } else if (e.matches("\\d+")) {
          keys.add("hubspot:" + e);
        }
      }
    }
    return List.copyOf(keys);
  }

  private static String stripTags(String html) {
    // Tags become spaces so words do not run together; no space is left before punctuation.
    return TAGS.matcher(html)
        .replaceAll(" ")
        .replaceAll("\\s+", " ")
        .replaceAll(" ([,.;:!?])", "$1")
        .strip();
  }
}
