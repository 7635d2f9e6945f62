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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Salesforce Contact (and Lead) exports with API field names, as the weekly Data Export ({@code
 * Contact.csv}, {@code Lead.csv}) or Data Loader write them: {@code Id, FirstName, LastName, Email,
 * Title, AccountId | Account.Name | Company, MailingCity, MailingCountry, CreatedDate, IsDeleted,
 * ...}. Header names compare case-insensitively (Data Loader writes them in upper case).
 *
 * <p>Each row becomes one contact {@code salesforce:<Id>}, the key that Task and Event {@code
 * WhoId}s refer to (a Lead's {@code 00Q} id works the same). A deleted record ({@code
 * IsDeleted=true}) is excluded as {@code deleted}. No Id, or neither a name nor an e-mail, is
 * {@code missing_required}; an unreadable CreatedDate (ISO, or US {@code 3/4/2026} when the file
 * settles it: {@link SalesforceDates}) is {@code bad_timestamp}.
 */
public final class SalesforceContactsAdapter implements ExportAdapter {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "salesforce.contacts";
  }

  @Override
  public boolean recognizes(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return false;
    }
    List<String> header = CsvRows.header(firstLines.get(0));
    return CsvRows.hasAll(header, "Id", "LastName")
        && CsvRows.hasAny(header, "Email", "AccountId", "Company")
        && !CsvRows.hasAny(header, "WhoId");
  }

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    // All rows first: whether 3/4/2026 is month/day is a question about the whole file.
    List<CsvRows.Row> rows = new ArrayList<>();
    CsvRows.read(file, sink, rows::add);
    SalesforceDates dates =
        SalesforceDates.of(rows, List.of("CreatedDate"), sink, context.salesforceDateFormat());
    for (CsvRows.Row row : rows) {
      map(row, dates, sink);
    }
  }

  private static void map(CsvRows.Row row, SalesforceDates dates, RecordSink sink) {
    if (Salesforce.isTrue(row.get("IsDeleted"))) {
      sink.excluded(row.line(), row.raw(), "deleted");
      return;
    }
    String id = row.get("Id");
    String email = Text.normaliseEmail(row.get("Email"));
    String name = Text.joinNonEmpty(" ", row.get("FirstName"), row.get("LastName"));
    if (name.isEmpty()) {
      name = row.get("Name").isEmpty() ? email : row.get("Name");
    }
    if (id.isEmpty() || name.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    Optional<String> firstMet = Optional.of("");
    if (!row.get("CreatedDate").isEmpty()) {
      firstMet = dates.canonical(row.get("CreatedDate")).map(Timestamps::utcDate);
      if (firstMet.isEmpty()) {
        sink.rejected(row.line(), row.raw(), "bad_timestamp");
        return;
      }
    }
    Fields fields =
        new Fields()
            .put("contact_id", "salesforce:" + id)
            .put("full_name", name)
            .put("email", email)
            .put("company", row.first("Account.Name", "AccountName", "Company"))
            .put("title", row.get("Title"))
            .put(
                "location",
                Text.joinNonEmpty(
                    ", ", row.first("MailingCity", "City"), row.first("MailingCountry", "Country")))
            .put("source", "salesforce")
            .put("first_met_on", firstMet.get());
    Text.linkedInProfile(row.first("LinkedIn_Profile__c", "LinkedIn__c", "Website"))
        .ifPresent(url -> fields.put("profile_url", url));
    sink.mapped(
        row.line(), row.raw(), List.of(fields.record(Tables.CONTACTS, row.line(), row.raw())));
  }
}
