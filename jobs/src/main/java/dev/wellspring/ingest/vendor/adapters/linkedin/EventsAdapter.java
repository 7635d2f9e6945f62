package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.Ids;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import dev.wellspring.ingest.vendor.adapters.common.VendorDates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * LinkedIn {@code Events.csv}: one {@code event} activity per event attended, without a contact (no
 * one is named), its duration the length of the {@code Event Time} range (empty, i.e. the
 * configured default, when only a start is given) and the event's name as notes. An event whose
 * status says the owner did not go is excluded as {@code not_attending}; a range that ends before
 * it starts is rejected as {@code negative_duration}.
 */
final class EventsAdapter extends LinkedInAdapter {
  private static final List<VendorCsv.Header> HEADERS =
      List.of(VendorCsv.Header.of("linkedin.events", "Event Name", "Event Time", "Status"));
  private static final Set<String> NOT_ATTENDING =
      Set.of("not attending", "not_attending", "declined", "cancelled", "canceled", "withdrawn");

  @Override
  public String name() {
    return "linkedin.events";
  }

  @Override
  List<VendorCsv.Header> headers() {
    return HEADERS;
  }

  @Override
  void map(VendorCsv.Row row, FileState state, RecordSink sink) {
    if (NOT_ATTENDING.contains(row.get("status").toLowerCase(Locale.ROOT))) {
      sink.excluded(row.line(), row.raw(), "not_attending");
      return;
    }
    String time = row.get("event time");
    if (missing(time, row, sink)) {
      return;
    }
    Instant[] range = VendorDates.parseRange(time);
    if (range == null) {
      sink.rejected(row.line(), row.raw(), "bad_timestamp");
      return;
    }
    String minutes = "";
    if (range[1] != null) {
      long seconds = Duration.between(range[0], range[1]).getSeconds();
      if (seconds < 0) {
        sink.rejected(row.line(), row.raw(), "negative_duration");
        return;
      }
      minutes = seconds % 60 == 0 ? Long.toString(seconds / 60) : Double.toString(seconds / 60.0);
    }
    String eventName = row.get("event name");
    String id = "li-evt-" + Ids.shortHash(eventName, VendorDates.iso(range[0]));
    sink.mapped(
        row.line(),
        row.raw(),
        List.of(activity(row, state, id, range[0], "event", "", minutes, eventName)));
  }
}
