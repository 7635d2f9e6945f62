package dev.wellspring.ingest.vendor.adapters.linkedin;

import static dev.wellspring.ingest.vendor.adapters.linkedin.ArchiveReader.OWNER;
import static dev.wellspring.ingest.vendor.adapters.linkedin.ArchiveReader.context;
import static dev.wellspring.ingest.vendor.adapters.linkedin.ArchiveReader.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One test per LinkedIn layout, against the fixtures' hand-read lines and values. */
class LinkedInAdaptersTest {

  private static CollectingSink read(String relative) throws IOException {
    Path file = fixture(relative);
    List<ExportAdapter> adapters = ArchiveReader.recognising(file);
    assertThat(adapters).as("exactly one adapter recognises %s", relative).hasSize(1);
    CollectingSink sink = new CollectingSink();
    adapters.get(0).read(file, context(OWNER), sink);
    return sink;
  }

  private static Map<String, String> only(List<CanonicalRecord> records, String kind) {
    List<CanonicalRecord> of = records.stream().filter(r -> r.kind().equals(kind)).toList();
    assertThat(of).as("one %s record", kind).hasSize(1);
    return of.get(0).fields();
  }

  @Test
  void connectionsCurrentLayoutSkipsThePreambleByFindingTheHeader() throws IOException {
    CollectingSink sink = read("connections-current/Connections.csv");

    // Line 1 Notes:, 2 disclaimer, 3 blank, 4 header; seven data rows on lines 5-11.
    assertThat(sink.summary())
        .containsExactly(
            "5:mapped",
            "6:mapped",
            "7:mapped",
            "8:mapped",
            "9:mapped",
            "10:excluded:hidden_member",
            "11:rejected:bad_timestamp");

    CollectingSink.Outcome linnea = sink.at(5);
    assertThat(linnea.raw())
        .isEqualTo(
            "Linnéa,Xu,https://www.linkedin.com/in/linn%C3%A9a-x,,Nordlys AB,Head of"
                + " Partnerships,16 Dec 2024");
    Map<String, String> contact = only(linnea.records(), "contacts");
    assertThat(contact)
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/linnéa-x")
        .containsEntry("full_name", "Linnéa Xu")
        .containsEntry("profile_url", "linkedin.com/in/linnéa-x")
        .containsEntry("company", "Nordlys AB")
        .containsEntry("title", "Head of Partnerships")
        .containsEntry("email", "")
        .containsEntry("first_met_on", "2024-12-16")
        .containsEntry("source", "linkedin");
    Map<String, String> activity = only(linnea.records(), "activities");
    assertThat(activity)
        .containsEntry("owner", OWNER)
        .containsEntry("occurred_at", "2024-12-16T00:00:00Z")
        .containsEntry("type", "invitation")
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/linnéa-x")
        .containsEntry("channel", "LinkedIn");
    // The invitation's id is the one an Invitations.csv row for the same person gets (issue 22).
    assertThat(activity.get("activity_id")).matches("li-inv-[0-9a-f]{16}");

    Map<String, String> jane = only(sink.at(6).records(), "contacts");
    assertThat(jane)
        .as("styled letters and emoji stay displayable; quoted commas stay in their fields")
        .containsEntry("full_name", "𝐉𝐚𝐧𝐞 Okafor 🚀")
        .containsEntry("email", "jane.okafor@example.com")
        .containsEntry("company", "Brightline Media, Inc.")
        .containsEntry("title", "Editor, Features");
    assertThat(only(sink.at(7).records(), "contacts")).containsEntry("full_name", "Sam Lee");
    assertThat(only(sink.at(9).records(), "contacts"))
        .containsEntry("full_name", "Priya Nair, PMP")
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/priya-nair");
    assertThat(sink.at(11).raw()).endsWith("Vogel GmbH,CEO,31 Feb 2024");
  }

  @Test
  void connectionsOlderLayoutHasNoPreambleNoUrlAndQuotedUsTimes() throws IOException {
    CollectingSink sink = read("connections-old/Connections.csv");

    assertThat(sink.summary()).containsExactly("2:mapped", "3:mapped", "4:mapped");
    CollectingSink.Outcome marta = sink.at(2);
    assertThat(only(marta.records(), "contacts"))
        .containsEntry("contact_id", "linkedin:name:marta silva|lumen press")
        .containsEntry("profile_url", "")
        .containsEntry("email", "marta@silva.example")
        .containsEntry("first_met_on", "2018-01-08");
    assertThat(only(marta.records(), "activities"))
        .containsEntry("occurred_at", "2018-01-08T18:14:00Z");
    assertThat(only(sink.at(3).records(), "activities"))
        .containsEntry("occurred_at", "2018-03-15T11:02:00Z");
  }

  @Test
  void connectionsResavedBySpreadsheetIsWindows1252WithCrlfAndPaddedPreamble() throws IOException {
    Path file = fixture("connections-resaved/Connections.csv");
    VendorCsv.Table table =
        VendorCsv.read(file, List.of(VendorCsv.Header.of("c", "First Name", "Connected On")));
    assertThat(table.charset()).isEqualTo(Charset.forName("windows-1252"));
    assertThat(table.found().lineIndex()).isEqualTo(3);

    CollectingSink sink = read("connections-resaved/Connections.csv");
    assertThat(sink.summary()).containsExactly("5:mapped", "6:mapped");
    CollectingSink.Outcome zoe = sink.at(5);
    assertThat(zoe.raw())
        .isEqualTo(
            "Zoë,Brandt,https://www.linkedin.com/in/zoe-brandt,,Fjord Consulting,Partner,29-Mar-21");
    assertThat(only(zoe.records(), "contacts")).containsEntry("full_name", "Zoë Brandt");
    assertThat(only(zoe.records(), "activities"))
        .containsEntry("occurred_at", "2021-03-29T00:00:00Z");
    assertThat(only(sink.at(6).records(), "activities"))
        .containsEntry("occurred_at", "2021-04-02T00:00:00Z");
  }

  @Test
  void messagesOldLayoutUsesOwnerAndDirectionAndKeepsMultiLineRawText() throws IOException {
    CollectingSink sink = read("messages-old/messages.csv");

    // Row 2 spans lines 3-4, so the next row starts on line 5.
    assertThat(sink.summary())
        .containsExactly("2:mapped", "3:mapped", "5:excluded:draft", "6:rejected:bad_timestamp");
    CollectingSink.Outcome out = sink.at(2);
    assertThat(only(out.records(), "contacts"))
        .containsEntry("contact_id", "linkedin:name:marta silva|")
        .containsEntry("full_name", "Marta Silva");
    assertThat(only(out.records(), "activities"))
        .containsEntry("type", "message")
        .containsEntry("occurred_at", "2018-10-16T08:36:00Z")
        .containsEntry("contact_id", "linkedin:name:marta silva|")
        .containsEntry("notes", "Book launch");

    CollectingSink.Outcome in = sink.at(3);
    assertThat(in.raw())
        .isEqualTo(
            "Marta Silva,Alex Rivera,\"10/17/18, 9:05 AM\",RE: Book launch,\"Sounds \"\"great\"\""
                + " - let's talk.\nNext week?\",INCOMING,INBOX");
    assertThat(in.records())
        .as("the contact was emitted on line 2 already")
        .extracting(CanonicalRecord::kind)
        .containsExactly("activities");
    assertThat(in.records().get(0).fields())
        .containsEntry("contact_id", "linkedin:name:marta silva|")
        .containsEntry("notes", "RE: Book launch");
  }

  @Test
  void messagesCurrentLayoutSplitsRecipientsAndExcludesSponsoredSystemAndDrafts()
      throws IOException {
    CollectingSink sink = read("messages-current/messages.csv");

    assertThat(sink.summary())
        .containsExactly(
            "2:mapped",
            "3:mapped",
            "5:mapped",
            "6:excluded:sponsored",
            "7:excluded:system_message",
            "8:excluded:draft",
            "9:rejected:bad_timestamp");
    assertThat(only(sink.at(2).records(), "activities"))
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/linnéa-x")
        .containsEntry("occurred_at", "2023-04-22T08:18:59Z")
        .containsEntry("notes", "Partnership idea");
    assertThat(sink.at(3).records().get(0).fields())
        .as("an inbound message touches its sender")
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/linnéa-x")
        .containsEntry("occurred_at", "2023-04-22T09:01:10Z");

    List<CanonicalRecord> group = sink.at(5).records();
    assertThat(group.stream().filter(r -> r.kind().equals("activities")))
        .as("one activity per recipient other than the owner")
        .extracting(r -> r.fields().get("contact_id"))
        .containsExactly(
            "linkedin:url:linkedin.com/in/jane-okafor-42",
            "linkedin:url:linkedin.com/in/priya-nair");
    assertThat(group.stream().filter(r -> r.kind().equals("contacts")))
        .extracting(r -> r.fields().get("full_name"))
        .containsExactly("Jane Okafor", "Priya Nair, PMP");
    assertThat(sink.records("activities"))
        .as("notes never carry message content")
        .allSatisfy(r -> assertThat(r.fields().get("notes")).doesNotContain("Hej", "deck"));
    assertThat(sink.records("contacts"))
        .as("the owner is never a contact")
        .noneSatisfy(r -> assertThat(r.fields().get("full_name")).isEqualTo(OWNER));
  }

  @Test
  void messagesCurrentLayoutWithOnlyAttachmentsColumn() throws IOException {
    CollectingSink sink = read("messages-current-attachments/messages.csv");

    assertThat(sink.summary()).containsExactly("2:mapped", "3:mapped");
    assertThat(sink.records("activities"))
        .extracting(r -> r.fields().get("contact_id") + "@" + r.fields().get("occurred_at"))
        .containsExactly(
            "linkedin:url:linkedin.com/in/omar-haddad@2024-01-09T17:45:00Z",
            "linkedin:url:linkedin.com/in/omar-haddad@2024-01-09T18:02:30Z");
  }

  @Test
  void invitationsTouchTheOtherPartyWithTheNoteAsNotes() throws IOException {
    CollectingSink sink = read("invitations/Invitations.csv");

    assertThat(sink.summary()).containsExactly("2:mapped", "3:mapped", "4:rejected:bad_timestamp");
    assertThat(only(sink.at(2).records(), "activities"))
        .containsEntry("type", "invitation")
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/chen-wei")
        .containsEntry("occurred_at", "2026-04-06T14:12:00Z")
        .containsEntry("notes", "Loved your talk at the FSB breakfast, let's connect!");
    assertThat(only(sink.at(3).records(), "activities"))
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/dana-cole")
        .containsEntry("occurred_at", "2026-03-30T09:45:00Z")
        .containsEntry("notes", "");

    CollectingSink noUrls = read("invitations-no-urls/Invitations.csv");
    assertThat(only(noUrls.at(2).records(), "activities"))
        .containsEntry("contact_id", "linkedin:name:chen wei|");
  }

  @Test
  void endorsementsReceivedAndGivenNormaliseSchemelessUrls() throws IOException {
    CollectingSink received = read("endorsements/Endorsement_Received_Info.csv");
    assertThat(received.summary()).containsExactly("2:mapped", "3:mapped");
    assertThat(only(received.at(2).records(), "activities"))
        .containsEntry("type", "endorsement")
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/linnéa-x")
        .containsEntry("occurred_at", "2024-12-07T14:51:07Z")
        .containsEntry("notes", "received: Public Speaking");

    CollectingSink given = read("endorsements/Endorsement_Given_Info.csv");
    assertThat(given.summary()).containsExactly("2:mapped");
    assertThat(only(given.at(2).records(), "activities"))
        .containsEntry("contact_id", "linkedin:url:linkedin.com/in/samlee-acme")
        .containsEntry("notes", "given: Robotics");
  }

  @Test
  void recommendationsReceivedAndGivenNameCompanyAndTitle() throws IOException {
    CollectingSink received = read("recommendations/Recommendations_Received.csv");
    assertThat(received.summary()).containsExactly("2:mapped");
    assertThat(only(received.at(2).records(), "contacts"))
        .containsEntry("contact_id", "linkedin:name:omar haddad|cedar labs")
        .containsEntry("company", "Cedar Labs")
        .containsEntry("title", "Founder");
    assertThat(only(received.at(2).records(), "activities"))
        .containsEntry("type", "recommendation")
        .containsEntry("occurred_at", "2024-11-27T09:51:00Z");

    CollectingSink given = read("recommendations/Recommendations_Given.csv");
    assertThat(only(given.at(2).records(), "activities"))
        .containsEntry("occurred_at", "2025-01-15T16:20:00Z")
        .containsEntry("contact_id", "linkedin:name:priya nair|coastal events");
  }

  @Test
  void eventsTakeTheirDurationFromTheTimeRange() throws IOException {
    CollectingSink sink = read("events/Events.csv");

    assertThat(sink.summary())
        .containsExactly(
            "2:mapped", "3:mapped", "4:excluded:not_attending", "5:rejected:negative_duration");
    assertThat(only(sink.at(2).records(), "activities"))
        .containsEntry("type", "event")
        .containsEntry("occurred_at", "2022-01-12T16:00:00Z")
        .containsEntry("duration_minutes", "60")
        .containsEntry("contact_id", "")
        .containsEntry("notes", "Founders Breakfast");
    assertThat(only(sink.at(3).records(), "activities")).containsEntry("duration_minutes", "90");
  }

  @Test
  void everyFixtureReconcilesAndActivityIdsAreUniqueAndStableAcrossReruns() throws IOException {
    Path root = fixture("");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      // Profile.csv in archives/2024 is there to be unrecognised (not a touch).
      files =
          s.filter(Files::isRegularFile)
              .filter(p -> !p.startsWith(root.resolve("mixed")))
              .filter(p -> !p.getFileName().toString().equals("Profile.csv"))
              .sorted()
              .toList();
    }
    for (Path f : files) {
      List<ExportAdapter> adapters = ArchiveReader.recognising(f);
      assertThat(adapters).as("adapters recognising %s", f).hasSize(1);
      CollectingSink first = new CollectingSink();
      CollectingSink second = new CollectingSink();
      adapters.get(0).read(f, context(OWNER), first);
      adapters.get(0).read(f, context(OWNER), second);

      long dataRows = countDataRows(f);
      assertThat(first.outcomes())
          .as("read = mapped + excluded + rejected in %s", f)
          .hasSize((int) dataRows);
      List<String> ids = new ArrayList<>();
      first.records("activities").forEach(r -> ids.add(r.fields().get("activity_id")));
      List<String> rerun = new ArrayList<>();
      second.records("activities").forEach(r -> rerun.add(r.fields().get("activity_id")));
      assertThat(ids).as("ids in %s", f).doesNotHaveDuplicates().isEqualTo(rerun);
      Set<String> contactKeys = new HashSet<>();
      first.records("contacts").forEach(r -> contactKeys.add(r.fields().get("contact_id")));
      assertThat(contactKeys)
          .as("contacts emitted once per file in %s", f)
          .hasSize(first.records("contacts").size());
    }
  }

  /** Data rows by an independent count: parse with Commons CSV after the known header line. */
  private static long countDataRows(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    String text = new String(bytes, VendorCsv.detectCharset(bytes));
    List<String> lines = text.lines().toList();
    int header = 0;
    while (!lines
        .get(header)
        .toLowerCase()
        .matches(".*(first name|conversation id|from,to|endorsement date|event name).*")) {
      header++;
    }
    String data = String.join("\n", lines.subList(header + 1, lines.size()));
    try (var parser =
        org.apache.commons.csv.CSVParser.parse(data, org.apache.commons.csv.CSVFormat.RFC4180)) {
      return parser.getRecords().stream()
          .filter(r -> r.stream().anyMatch(v -> !v.isBlank()))
          .count();
    }
  }

  @Test
  void filesNoLinkedInAdapterKnowsAreNotRecognised() throws IOException {
    assertThat(ArchiveReader.recognising(fixture("mixed/archive-2025/Profile.csv"))).isEmpty();
    assertThat(ArchiveReader.recognising(fixture("mixed/contacts.csv"))).isEmpty();
  }

  @Test
  void anArchiveWithoutOwnerIsUnusable() {
    Path file = fixture("connections-current/Connections.csv");
    assertThatThrownBy(
            () -> new ConnectionsAdapter().read(file, context(null), new CollectingSink()))
        .isInstanceOf(WellspringException.class)
        .hasMessage(
            "Connections.csv: a LinkedIn archive needs --owner NAME (whose archive it is: its"
                + " activities belong to that person)")
        .satisfies(e -> assertThat(((WellspringException) e).exitCode()).isEqualTo(2));
  }
}
