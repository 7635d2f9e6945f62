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
 * LinkedIn {@code Recommendations_Received.csv} and {@code Recommendations_Given.csv}: one {@code
 * recommendation} activity with the named person (company and job title go to the contact). Both
 * files have the same header, and files are recognised by header, so one adapter reads both; the
 * touch is the same either way. The recommendation's text is not copied (notes stay short).
 */
final class RecommendationsAdapter extends LinkedInAdapter {
  private static final List<VendorCsv.Header> HEADERS =
      List.of(
          VendorCsv.Header.of(
              "linkedin.recommendations",
              "First Name",
              "Last Name",
              "Company",
              "Job Title",
              "Text",
              "Creation Date"));

  @Override
  public String name() {
    return "linkedin.recommendations";
  }

  @Override
  List<VendorCsv.Header> headers() {
    return HEADERS;
  }

  @Override
  void map(VendorCsv.Row row, FileState state, RecordSink sink) {
    Party other =
        new Party(
            Names.fullName(row.get("first name"), row.get("last name")),
            "",
            "",
            row.get("company"),
            row.get("job title"));
    if (other.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    Instant at = timestamp(row.get("creation date"), row, sink);
    if (at == null) {
      return;
    }
    List<CanonicalRecord> out = new ArrayList<>(2);
    String key = other.key();
    addContact(out, state, row, other, null);
    String id = "li-rec-" + Ids.shortHash(VendorDates.iso(at), key, Ids.shortHash(row.get("text")));
    out.add(activity(row, state, id, at, "recommendation", key, "", row.get("status")));
    sink.mapped(row.line(), row.raw(), out);
  }
}
