package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.Names;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import dev.wellspring.ingest.vendor.adapters.common.VendorDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LinkedIn {@code Connections.csv}: one contact per connection (name, company, position as title,
 * profile URL, e-mail when shared, first_met_on = the connection date) and one {@code invitation}
 * activity at the connection date, with the id an Invitations.csv row for the same person has, so
 * the invitation counts once when both files list it (the first file in file order keeps it: {@code
 * Connections.csv} sorts before {@code Invitations.csv} in one archive). Reads the current layout
 * (preamble, URL column, {@code 16 Dec 2024}), the older one (no preamble, no URL, {@code 1/8/18,
 * 6:14 PM}) and spreadsheet re-saves ({@code Notes:,,,,,,}, CRLF, {@code 29-Mar-21}).
 *
 * <p>A row without a name and URL is a member who hid their profile: excluded as {@code
 * hidden_member} (there is nobody to attribute to).
 */
final class ConnectionsAdapter extends LinkedInAdapter {
  private static final List<VendorCsv.Header> HEADERS =
      List.of(
          VendorCsv.Header.of(
              "linkedin.connections",
              "First Name",
              "Last Name",
              "Company",
              "Position",
              "Connected On"));

  @Override
  public String name() {
    return "linkedin.connections";
  }

  @Override
  List<VendorCsv.Header> headers() {
    return HEADERS;
  }

  @Override
  void map(VendorCsv.Row row, FileState state, RecordSink sink) {
    String name = Names.fullName(row.get("first name"), row.get("last name"));
    Party p =
        new Party(
            name,
            dev.wellspring.ingest.vendor.adapters.common.ProfileUrls.normalize(row.get("url")),
            row.get("email address"),
            row.get("company"),
            row.get("position"));
    if (p.isEmpty()) {
      sink.excluded(row.line(), row.raw(), "hidden_member");
      return;
    }
    Instant at = timestamp(row.get("connected on"), row, sink);
    if (at == null) {
      return;
    }
    List<CanonicalRecord> out = new ArrayList<>(2);
    String key = p.key();
    addContact(out, state, row, p, VendorDates.iso(at).substring(0, 10));
    // The invitation that made the connection: the same id as its row in Invitations.csv
    // ({@link InvitationsAdapter#invitationId}), so an invitation in both files counts once.
    String id = InvitationsAdapter.invitationId(p);
    out.add(activity(row, state, id, at, "invitation", key, "", "connected"));
    sink.mapped(row.line(), row.raw(), out);
  }
}
