package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.Ids;
import dev.wellspring.ingest.vendor.adapters.common.Names;
import dev.wellspring.ingest.vendor.adapters.common.ProfileUrls;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import dev.wellspring.ingest.vendor.adapters.common.VendorDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * LinkedIn {@code messages.csv}: one {@code message} activity per other party of each message. A
 * message FROM the owner (by folded name or profile URL; the old layout's Direction OUTGOING too)
 * is outbound and touches every recipient but the owner; any other message touches its sender.
 *
 * <p>Excluded, counted, not rejected: drafts ({@code IS MESSAGE DRAFT} / {@code IS CONVERSATION
 * DRAFT} yes or true, or folder DRAFT), sponsored messages (sender {@code LinkedIn Member} without
 * a profile URL), system rows (empty FROM and TO, e.g. "Message request accepted"), messages
 * without a sender ({@code no_sender}: LinkedIn's coach and notices, as in {@code messages.csv} and
 * {@code coach_messages.csv} of 2024 archives) and the owner's messages with no other party ({@code
 * no_counterpart}: to the coach, or to themselves). Notes get the subject only, never the content.
 * Recipient profile URLs may be separated by commas or semicolons.
 */
final class MessagesAdapter extends LinkedInAdapter {
  private static final VendorCsv.Header CURRENT =
      VendorCsv.Header.of(
          "linkedin.messages",
          "CONVERSATION ID",
          "FROM",
          "SENDER PROFILE URL",
          "TO",
          "RECIPIENT PROFILE URLS",
          "DATE",
          "CONTENT");
  // 2022 archives: no RECIPIENT PROFILE URLS column yet.
  private static final VendorCsv.Header Y2022 =
      VendorCsv.Header.of(
          "linkedin.messages.2022",
          "CONVERSATION ID",
          "FROM",
          "SENDER PROFILE URL",
          "TO",
          "DATE",
          "CONTENT");
  private static final VendorCsv.Header OLD =
      VendorCsv.Header.of(
          "linkedin.messages.old",
          "From",
          "To",
          "Date",
          "Subject",
          "Content",
          "Direction",
          "Folder");
  private static final List<VendorCsv.Header> HEADERS = List.of(CURRENT, Y2022, OLD);

  @Override
  public String name() {
    return "linkedin.messages";
  }

  @Override
  List<VendorCsv.Header> headers() {
    return HEADERS;
  }

  /** The owner's own profile URL is the sender URL of rows FROM the owner's name. */
  @Override
  void prepare(VendorCsv.Table table, FileState state) {
    for (VendorCsv.Row row : table.rows()) {
      String url = ProfileUrls.normalize(row.get("sender profile url"));
      if (!url.isEmpty() && state.isOwner(row.get("from"), "")) {
        state.ownerUrls.add(url);
      }
    }
  }

  @Override
  void map(VendorCsv.Row row, FileState state, RecordSink sink) {
    String from = row.get("from");
    String to = row.get("to");
    String fromUrl = ProfileUrls.normalize(row.get("sender profile url"));
    if (isYes(row.get("is message draft"))
        || isYes(row.get("is conversation draft"))
        || row.get("folder").toLowerCase(Locale.ROOT).startsWith("draft")) {
      sink.excluded(row.line(), row.raw(), "draft");
      return;
    }
    if (from.isEmpty() && to.isEmpty()) {
      sink.excluded(row.line(), row.raw(), "system_message");
      return;
    }
    if (from.equalsIgnoreCase("LinkedIn Member") && fromUrl.isEmpty()) {
      sink.excluded(row.line(), row.raw(), "sponsored");
      return;
    }
    boolean outbound =
        state.isOwner(from, fromUrl) || row.get("direction").equalsIgnoreCase("OUTGOING");
    if (!outbound && from.isEmpty() && fromUrl.isEmpty()) {
      // LinkedIn's own coach and system notices to the owner: nobody to attribute to, and
      // nothing the user could fix in LinkedIn's file.
      sink.excluded(row.line(), row.raw(), "no_sender");
      return;
    }
    List<Party> parties =
        outbound
            ? recipients(to, row.get("recipient profile urls"), state)
            : List.of(Party.of(from, fromUrl));
    parties = parties.stream().filter(p -> !p.isEmpty()).toList();
    if (parties.isEmpty()) {
      // The owner writing to the coach, or to nobody but themselves.
      sink.excluded(row.line(), row.raw(), "no_counterpart");
      return;
    }
    Instant at = timestamp(row.get("date"), row, sink);
    if (at == null) {
      return;
    }
    List<CanonicalRecord> out = new ArrayList<>();
    String contentHash = Ids.shortHash(row.get("content"));
    for (Party p : parties) {
      String key = p.key();
      addContact(out, state, row, p, null);
      String id =
          "li-msg-"
              + Ids.shortHash(
                  row.get("conversation id"),
                  VendorDates.iso(at),
                  Names.fold(from),
                  fromUrl,
                  key,
                  contentHash);
      out.add(activity(row, state, id, at, "message", key, "", row.get("subject")));
    }
    sink.mapped(row.line(), row.raw(), out);
  }

  /**
   * The recipients other than the owner. Names and URLs pair up by position when their counts
   * agree; otherwise a lone URL takes the whole TO as its name, and several URLs go without names
   * (their slugs are shown) because names cannot be paired with them safely.
   */
  private static List<Party> recipients(String to, String urlField, FileState state) {
    List<String> names = splitNames(to);
    List<String> urls = ProfileUrls.splitAll(urlField);
    List<Party> parties = new ArrayList<>();
    if (urls.isEmpty()) {
      for (String n : names) {
        parties.add(Party.of(n, ""));
      }
    } else if (urls.size() == names.size()) {
      for (int i = 0; i < urls.size(); i++) {
        parties.add(Party.of(names.get(i), urls.get(i)));
      }
    } else if (urls.size() == 1) {
      parties.add(Party.of(to, urls.get(0)));
    } else {
      for (String u : urls) {
        parties.add(Party.of("", u));
      }
    }
    return parties.stream().filter(p -> !state.isOwner(p.name(), p.url())).toList();
  }

  private static boolean isYes(String v) {
    return v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("true");
  }
}
