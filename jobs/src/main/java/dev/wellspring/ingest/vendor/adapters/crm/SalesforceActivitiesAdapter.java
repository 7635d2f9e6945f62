package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Salesforce Task and Event exports with API field names ({@code Task.csv}, {@code Event.csv} of
 * the weekly Data Export, or Data Loader): {@code Id, WhoId, WhatId, Subject, Type, TaskSubtype,
 * Status, IsClosed, ActivityDate} (a date alone), {@code ActivityDateTime, CompletedDateTime,
 * StartDateTime, EndDateTime, DurationInMinutes, CallDurationInSeconds, IsAllDayEvent, OwnerId,
 * Location, Description, IsDeleted}. A file with {@code StartDateTime}, {@code DurationInMinutes}
 * or {@code IsAllDayEvent} in its header holds Events, any other Tasks.
 *
 * <p>Activities are {@code sf-<Id>} with contact {@code salesforce:<WhoId>} (empty WhoId: no
 * contact). Tasks count only when completed ({@code Status} Completed or {@code IsClosed} true);
 * open ones are excluded as {@code open_task}. A task happened at CompletedDateTime, else at its
 * ActivityDate (a date: 00:00 UTC); its type comes from TaskSubtype (Call, Email/ListEmail,
 * LinkedIn: message) or else Type (Call, Email, Meeting; anything else other), its duration from
 * CallDurationInSeconds. An Event is a meeting (a call or e-mail when its Type says so) at
 * StartDateTime (else ActivityDateTime) lasting DurationInMinutes (else End - Start); an all-day
 * Event is dated by ActivityDate and leaves the duration empty, so the per-type default applies
 * rather than 1,440 minutes of networking. Deleted records are excluded as {@code deleted}. Dates
 * are ISO-8601 as the API writes them, or a report export's US dates ({@code 3/4/2026}, {@code
 * 3/4/2026 2:05 PM}) when the whole file settles that they are month/day (see {@link
 * SalesforceDates}); anything else is {@code bad_timestamp}.
 */
public final class SalesforceActivitiesAdapter implements ExportAdapter {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "salesforce.activities";
  }

  @Override
  public boolean recognizes(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return false;
    }
    List<String> header = CsvRows.header(firstLines.get(0));
    return CsvRows.hasAll(header, "Id", "WhoId")
        && CsvRows.hasAny(header, "ActivityDate", "ActivityDateTime", "StartDateTime");
  }

  /** The columns holding dates, judged together for their locale form. */
  static final List<String> DATE_COLUMNS =
      List.of(
          "CompletedDateTime", "ActivityDate", "ActivityDateTime", "StartDateTime", "EndDateTime");

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    Owners owners = new Owners(context);
    // All rows first: whether 3/4/2026 is month/day is a question about the whole file.
    List<CsvRows.Row> rows = new ArrayList<>();
    CsvRows.read(file, sink, rows::add);
    SalesforceDates dates =
        SalesforceDates.of(rows, DATE_COLUMNS, sink, context.salesforceDateFormat());
    for (CsvRows.Row row : rows) {
      boolean event =
          row.has("StartDateTime") || row.has("DurationInMinutes") || row.has("IsAllDayEvent");
      map(row, event, dates, owners, sink);
    }
  }

  private static void map(
      CsvRows.Row row, boolean event, SalesforceDates dates, Owners owners, RecordSink sink) {
    if (Salesforce.isTrue(row.get("IsDeleted"))) {
      sink.excluded(row.line(), row.raw(), "deleted");
      return;
    }
    if (!event
        && !row.get("Status").equalsIgnoreCase("Completed")
        && !Salesforce.isTrue(row.get("IsClosed"))) {
      sink.excluded(row.line(), row.raw(), "open_task");
      return;
    }
    boolean allDay = event && Salesforce.isTrue(row.get("IsAllDayEvent"));
    String id = row.get("Id");
    String when =
        !event
            ? row.first("CompletedDateTime", "ActivityDate", "ActivityDateTime")
            : allDay
                ? row.first("ActivityDate", "StartDateTime", "ActivityDateTime")
                : row.first("StartDateTime", "ActivityDateTime", "ActivityDate");
    String ownerId = row.get("OwnerId");
    if (id.isEmpty() || when.isEmpty() || (ownerId.isEmpty() && owners.fallback().isEmpty())) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    Optional<String> occurredAt = dates.canonical(when);
    if (occurredAt.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "bad_timestamp");
      return;
    }
    if (allDay) {
      occurredAt = Optional.of(Timestamps.utcDate(occurredAt.get()));
    }
    String duration = "";
    if (event && !allDay) {
      String minutes = row.get("DurationInMinutes");
      if (!minutes.isEmpty()) {
        Optional<BigDecimal> parsed = Numbers.parse(minutes);
        if (parsed.isEmpty()) {
          sink.rejected(row.line(), row.raw(), "bad_number");
          return;
        }
        duration = Numbers.plain(parsed.get());
      } else if (!row.get("EndDateTime").isEmpty()) {
        Optional<Instant> start = Timestamps.instant(occurredAt.get());
        Optional<Instant> end = dates.instant(row.get("EndDateTime"));
        if (start.isEmpty() || end.isEmpty()) {
          sink.rejected(row.line(), row.raw(), "bad_timestamp");
          return;
        }
        duration =
            Numbers.divide(
                BigDecimal.valueOf(Duration.between(start.get(), end.get()).getSeconds()), 60);
      }
    } else if (!event && !row.get("CallDurationInSeconds").isEmpty()) {
      Optional<BigDecimal> seconds = Numbers.parse(row.get("CallDurationInSeconds"));
      if (seconds.isEmpty()) {
        sink.rejected(row.line(), row.raw(), "bad_number");
        return;
      }
      duration = Numbers.divide(seconds.get(), 60);
    }
    if (duration.startsWith("-")) {
      sink.rejected(row.line(), row.raw(), "negative_duration");
      return;
    }
    String owner = owners.resolve(ownerId, row.line(), sink);
    String whoId = row.get("WhoId");
    sink.mapped(
        row.line(),
        row.raw(),
        List.of(
            new Fields()
                .put("activity_id", "sf-" + id)
                .put("owner", owner)
                .put("occurred_at", occurredAt.get())
                .put("type", event ? eventType(row.get("Type")) : taskType(row))
                .put("contact_id", whoId.isEmpty() ? "" : "salesforce:" + whoId)
                .put("duration_minutes", duration)
                .put("channel", row.get("Location"))
                .put("notes", Text.joinNonEmpty(" | ", row.get("Subject"), row.get("Description")))
                .record(Tables.ACTIVITIES, row.line(), row.raw())));
  }

  static String taskType(CsvRows.Row row) {
    switch (row.get("TaskSubtype").toLowerCase(Locale.ROOT)) {
      case "call":
        return "call";
      case "email", "listemail":
        return "email";
      case "linkedin":
        return "message";
      default:
        return switch (row.get("Type").toLowerCase(Locale.ROOT)) {
          case "call" -> "call";
          case "email" -> "email";
          case "meeting" -> "meeting";
          default -> "other";
        };
    }
  }

  static String eventType(String type) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "call" -> "call";
      case "email" -> "email";
      default -> "meeting";
    };
  }
}
