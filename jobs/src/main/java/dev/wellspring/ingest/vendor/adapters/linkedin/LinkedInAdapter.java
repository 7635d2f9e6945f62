package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.WellspringException;
import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.Names;
import dev.wellspring.ingest.vendor.adapters.common.ProfileUrls;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import dev.wellspring.ingest.vendor.adapters.common.VendorDates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every LinkedIn archive file shares: recognition by header, the owner requirement, and how
 * contacts and activities are written.
 *
 * <p>Contacts get a source-scoped key: {@code linkedin:url:<normalised profile url>}, or {@code
 * linkedin:name:<folded name>|<folded company>} when the file gives no URL. A file emits each
 * contact key once (on the first row that names it), so a contact met in 300 messages is one
 * contact record; the same key from several files is merged by identity resolution. Activities
 * carry {@code owner} = the archive's owner, {@code channel} = {@code LinkedIn}, and ids that hash
 * the row's facts, so reruns give the same ids.
 */
abstract class LinkedInAdapter implements ExportAdapter {
  static final String CHANNEL = "LinkedIn";
  static final String SOURCE = "linkedin";

  /** Notes stay short: a subject, a skill, an invitation note; never a message body. */
  static final int NOTES_MAX = 300;

  /** The header layouts this file comes in. */
  abstract List<VendorCsv.Header> headers();

  /** Maps one data row; reports it to the sink exactly once. */
  abstract void map(VendorCsv.Row row, FileState state, RecordSink sink);

  /** A pass over all rows before mapping, for facts the whole file tells (the owner's own URL). */
  void prepare(VendorCsv.Table table, FileState state) {}

  @Override
  public boolean recognizes(List<String> firstLines) {
    return VendorCsv.findHeader(firstLines, headers()) != null;
  }

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    String owner = context.owner() == null ? "" : context.owner().strip();
    if (owner.isEmpty()) {
      throw WellspringException.unusable(
          "ingest",
          file.getFileName()
              + ": a LinkedIn archive needs --owner NAME (whose archive it is: its activities"
              + " belong to that person)");
    }
    VendorCsv.Table table = VendorCsv.read(file, headers());
    FileState state = new FileState(owner, table.found().header().name());
    prepare(table, state);
    for (VendorCsv.Row row : table.rows()) {
      map(row, state, sink);
    }
  }

  /** Per-file, per-read state: the owner and the contact keys already emitted. */
  static final class FileState {
    final String owner;
    final String ownerFolded;
    final String layout;
    final Set<String> ownerUrls = new HashSet<>();
    private final Set<String> emitted = new HashSet<>();

    FileState(String owner, String layout) {
      this.owner = owner;
      this.ownerFolded = Names.fold(owner);
      this.layout = layout;
      String asUrl = ProfileUrls.normalize(owner);
      if (asUrl.contains("linkedin.com/")) {
        ownerUrls.add(asUrl);
      }
    }

    /** Whether a name or profile URL is the archive's owner. */
    boolean isOwner(String name, String normalisedUrl) {
      if (!normalisedUrl.isEmpty() && ownerUrls.contains(normalisedUrl)) {
        return true;
      }
      return !ownerFolded.isEmpty() && ownerFolded.equals(Names.fold(name));
    }

    /** True the first time a contact key is seen in this file. */
    boolean firstTime(String contactKey) {
      return emitted.add(contactKey);
    }
  }

  /** The other party of a touch, as the file names it. */
  record Party(String name, String url, String email, String company, String title) {
    static Party of(String name, String url) {
      return new Party(Names.display(name), ProfileUrls.normalize(url), "", "", "");
    }

    String key() {
      if (!url.isEmpty()) {
        return "linkedin:url:" + url;
      }
      return "linkedin:name:" + Names.fold(name) + "|" + Names.foldCompany(company);
    }

    /** The displayed name, or the profile's slug when the file gives no name. */
    String displayName() {
      if (!name.isEmpty()) {
        return name;
      }
      int slash = url.lastIndexOf('/');
      return slash >= 0 ? url.substring(slash + 1) : url;
    }

    boolean isEmpty() {
      return name.isEmpty() && url.isEmpty();
    }
  }

  /** Adds the party's contact record when this file has not emitted it yet. */
  static void addContact(
      List<CanonicalRecord> out, FileState state, VendorCsv.Row row, Party p, String firstMetOn) {
    String key = p.key();
    if (!state.firstTime(key)) {
      return;
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("contact_id", key);
    f.put("full_name", p.displayName());
    f.put("email", p.email());
    f.put("profile_url", p.url());
    f.put("company", Names.display(p.company()));
    f.put("title", Names.display(p.title()));
    f.put("source", SOURCE);
    f.put("first_met_on", firstMetOn == null ? "" : firstMetOn);
    out.add(new CanonicalRecord("contacts", f, row.line(), row.raw()));
  }

  /** An activity record of the archive's owner on LinkedIn. */
  static CanonicalRecord activity(
      VendorCsv.Row row,
      FileState state,
      String id,
      Instant at,
      String type,
      String contactKey,
      String durationMinutes,
      String notes) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("activity_id", id);
    f.put("owner", state.owner);
    f.put("occurred_at", VendorDates.iso(at));
    f.put("type", type);
    f.put("contact_id", contactKey == null ? "" : contactKey);
    f.put("duration_minutes", durationMinutes == null ? "" : durationMinutes);
    f.put("channel", CHANNEL);
    f.put("notes", shortNote(notes));
    return new CanonicalRecord("activities", f, row.line(), row.raw());
  }

  static String shortNote(String s) {
    String n = Names.display(s);
    if (n.codePointCount(0, n.length()) <= NOTES_MAX) {
      return n;
    }
    return n.substring(0, n.offsetByCodePoints(0, NOTES_MAX - 1)) + "\u2026";
  }

  /**
   * Several names in one field, split on commas; a part that is only credentials ({@code PMP})
   * stays with the name before it.
   */
  static List<String> splitNames(String field) {
    List<String> names = new ArrayList<>();
    for (String part : field.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!names.isEmpty() && Names.isCredentials(p)) {
        names.set(names.size() - 1, names.get(names.size() - 1) + ", " + p);
      } else {
        names.add(p);
      }
    }
    return names;
  }

  /** Rejects with missing_required if the value is empty; returns whether it was. */
  static boolean missing(String value, VendorCsv.Row row, RecordSink sink) {
    if (value == null || value.isBlank()) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return true;
    }
    return false;
  }

  /** The row's timestamp, or null after rejecting it (missing_required or bad_timestamp). */
  static Instant timestamp(String value, VendorCsv.Row row, RecordSink sink) {
    if (missing(value, row, sink)) {
      return null;
    }
    Instant at = VendorDates.parse(value);
    if (at == null) {
      sink.rejected(row.line(), row.raw(), "bad_timestamp");
    }
    return at;
  }
}
