package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.CsvRows;
import dev.wellspring.ingest.vendor.adapters.common.Fields;
import dev.wellspring.ingest.vendor.adapters.common.Text;
import dev.wellspring.ingest.vendor.adapters.common.Timestamps;
import dev.wellspring.schema.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HubSpot contact export (Contacts, Export, CSV): first column {@code Record ID}, property labels
 * as headers ({@code First Name, Last Name, Email, Phone Number, Lead Status, Create Date,
 * Associated Company, Country/Region, Contact owner}, ...); which columns appear depends on the
 * exported view, so only {@code Record ID} is required.
 *
 * <p>Each row becomes one contact keyed {@code hubspot:<Record ID>}. {@code Lifecycle Stage}, when
 * present, sets the relationship (customer; lead, subscriber, MQL, SQL, opportunity: prospect; else
 * other). {@code Create Date} is the date first met. A row without a Record ID, or with neither a
 * name nor an e-mail, is {@code missing_required}; an unreadable Create Date is {@code
 * bad_timestamp}.
 */
public final class HubSpotContactsAdapter implements ExportAdapter {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "hubspot.contacts";
  }

  @Override
  public boolean recognizes(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return false;
    }
    List<String> header = CsvRows.header(firstLines.get(0));
    return !header.isEmpty()
        && header.get(0).equalsIgnoreCase("Record ID")
        && CsvRows.hasAny(header, "First Name", "Last Name", "Email")
        && header.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("hs_"))
        && !HubSpotActivitiesAdapter.hasActivityLabels(header);
  }

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    CsvRows.read(file, sink, row -> map(row, sink));
  }

  private static void map(CsvRows.Row row, RecordSink sink) {
    String id = row.get("Record ID");
    String email = Text.normaliseEmail(row.get("Email"));
    String name = Text.joinNonEmpty(" ", row.get("First Name"), row.get("Last Name"));
    if (name.isEmpty()) {
      name = email;
    }
    if (id.isEmpty() || name.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    String created = row.get("Create Date");
    Optional<String> firstMet = Optional.empty();
    if (!created.isEmpty()) {
      firstMet = Timestamps.canonical(created, true).map(Timestamps::utcDate);
      if (firstMet.isEmpty()) {
        sink.rejected(row.line(), row.raw(), "bad_timestamp");
        return;
      }
    }
    Fields fields =
        new Fields()
            .put("contact_id", "hubspot:" + id)
            .put("full_name", name)
            .put("email", email)
            .put("company", row.first("Associated Company", "Company Name", "Company"))
            .put("title", row.get("Job Title"))
            .put(
                "location",
                Text.joinNonEmpty(
                    ", ", row.get("City"), row.get("State/Region"), row.get("Country/Region")))
            .put("source", "hubspot")
            .put("relationship", relationship(row.get("Lifecycle Stage")))
            .put("first_met_on", firstMet.orElse(""));
    Text.linkedInProfile(row.first("LinkedIn URL", "LinkedIn Bio", "Website URL"))
        .ifPresent(url -> fields.put("profile_url", url));
    sink.mapped(
        row.line(), row.raw(), List.of(fields.record(Tables.CONTACTS, row.line(), row.raw())));
  }

  /** HubSpot lifecycle stages (labels or internal values) to DESIGN.md relationships. */
  static String relationship(String lifecycleStage) {
    String stage = lifecycleStage.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    return switch (stage) {
      case "" -> "";
      case "customer" -> "customer";
      case "subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity" ->
          "prospect";
      default -> "other";
    };
  }
}
