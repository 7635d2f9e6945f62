package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.Ids;
import dev.wellspring.ingest.vendor.adapters.common.Names;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * LinkedIn {@code Invitations.csv}: one {@code invitation} activity per invitation, with the other
 * party (the invitee of an OUTGOING one, the inviter of an INCOMING one; without a direction, the
 * side that is not the owner) as contact and the invitation note as notes. Its id depends on the
 * other party only ({@link #invitationId}): the invitation the same person's Connections.csv row
 * stands for is the same fact.
 */
final class InvitationsAdapter extends LinkedInAdapter {
  private static final List<VendorCsv.Header> HEADERS =
      List.of(
          VendorCsv.Header.of(
              "linkedin.invitations", "From", "To", "Sent At", "Message", "Direction"));

  @Override
  public String name() {
    return "linkedin.invitations";
  }

  @Override
  List<VendorCsv.Header> headers() {
    return HEADERS;
  }

  /**
   * The id of the invitation between the owner and a person (by profile URL, else folded name): one
   * per person whoever sent it and whenever, since LinkedIn keeps one pending invitation per pair
   * and the accepted one reappears in Connections.csv; a re-sent invitation to the same person
   * counts once too.
   */
  static String invitationId(Party other) {
    // The profile URL when the file gives one (both files of an archive since 2023), else the
    // folded name: older Invitations.csv and Connections.csv give no URL, and Invitations.csv no
    // company, so the contact keys of the two rows can differ where the person is the same.
    return "li-inv-"
        + Ids.shortHash(other.url().isEmpty() ? "name:" + Names.fold(other.name()) : other.url());
  }

  @Override
  void map(VendorCsv.Row row, FileState state, RecordSink sink) {
    Party inviter = Party.of(row.get("from"), row.get("inviterprofileurl"));
    Party invitee = Party.of(row.get("to"), row.get("inviteeprofileurl"));
    String direction = row.get("direction");
    boolean outgoing =
        direction.equalsIgnoreCase("OUTGOING")
            || (!direction.equalsIgnoreCase("INCOMING")
                && state.isOwner(inviter.name(), inviter.url()));
    Party other = outgoing ? invitee : inviter;
    if (other.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    Instant at = timestamp(row.get("sent at"), row, sink);
    if (at == null) {
      return;
    }
    List<CanonicalRecord> out = new ArrayList<>(2);
    String key = other.key();
    addContact(out, state, row, other, null);
    String id = invitationId(other);
    out.add(activity(row, state, id, at, "invitation", key, "", row.get("message")));
    sink.mapped(row.line(), row.raw(), out);
  }
}
