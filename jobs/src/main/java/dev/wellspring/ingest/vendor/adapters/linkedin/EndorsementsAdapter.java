package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.Ids;
import dev.wellspring.ingest.vendor.adapters.common.Names;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import dev.wellspring.ingest.vendor.adapters.common.VendorDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LinkedIn {@code Endorsement_Received_Info.csv} (endorser columns) and {@code
 * Endorsement_Given_Info.csv} (endorsee columns): one {@code endorsement} activity with the other
 * person, notes {@code received: <skill>} or {@code given: <skill>}. Profile URLs come without a
 * scheme; normalisation makes them meet the Connections URLs.
 */
final class EndorsementsAdapter extends LinkedInAdapter {
  private static final VendorCsv.Header RECEIVED =
      VendorCsv.Header.of(
          "linkedin.endorsements.received",
          "Endorsement Date",
          "Skill Name",
          "Endorser First Name",
          "Endorser Last Name");
  private static final VendorCsv.Header GIVEN =
      VendorCsv.Header.of(
          "linkedin.endorsements.given",
          "Endorsement Date",
          "Skill Name",
          "Endorsee First Name",
          "Endorsee Last Name");
  private static final List<VendorCsv.Header> HEADERS = List.of(RECEIVED, GIVEN);

  @Override
  public String name() {
    return "linkedin.endorsements";
  }

  @Override
  List<VendorCsv.Header> headers() {
    return HEADERS;
  }

  @Override
  void map(VendorCsv.Row row, FileState state, RecordSink sink) {
    boolean received = state.layout.equals(RECEIVED.name());
    String who = received ? "endorser" : "endorsee";
    Party other =
        Party.of(
            Names.fullName(row.get(who + " first name"), row.get(who + " last name")),
            row.get(who + " public url"));
    if (other.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    Instant at = timestamp(row.get("endorsement date"), row, sink);
    if (at == null) {
      return;
    }
    String skill = row.get("skill name");
    List<CanonicalRecord> out = new ArrayList<>(2);
    String key = other.key();
    addContact(out, state, row, other, null);
    String direction = received ? "received" : "given";
    String id = "li-end-" + Ids.shortHash(direction, VendorDates.iso(at), key, skill);
    out.add(activity(row, state, id, at, "endorsement", key, "", direction + ": " + skill));
    sink.mapped(row.line(), row.raw(), out);
  }
}
