package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.CsvRows;
import dev.wellspring.ingest.vendor.adapters.common.Fields;
import dev.wellspring.ingest.vendor.adapters.common.Text;
import dev.wellspring.schema.Tables;
import java.util.List;

/** What address-book exports (Google, Outlook) share once their columns are read. */
final class AddressBook {
  private AddressBook() {}

  /** One person as an address book lists them; empty strings where the export has nothing. */
  record Person(
      String name, String email, String company, String title, String location, String website) {}

  /**
   * Maps {@code person} to a contact keyed {@code <source>:<folded name>|<email>}: address books
   * have no stable record id, and name plus e-mail stays the same across re-exports. A person with
   * neither a name nor an e-mail is {@code missing_required}.
   */
  static void emit(String source, Person person, CsvRows.Row row, RecordSink sink) {
    String email = Text.normaliseEmail(person.email());
    String name = person.name().isEmpty() ? email : person.name();
    if (name.isEmpty()) {
      sink.rejected(row.line(), row.raw(), "missing_required");
      return;
    }
    Fields fields =
        new Fields()
            .put("contact_id", source + ":" + Text.foldName(name) + "|" + email)
            .put("full_name", name)
            .put("email", email)
            .put("company", person.company())
            .put("title", person.title())
            .put("location", person.location())
            .put("source", source);
    Text.linkedInProfile(person.website()).ifPresent(url -> fields.put("profile_url", url));
    sink.mapped(
        row.line(), row.raw(), List.of(fields.record(Tables.CONTACTS, row.line(), row.raw())));
  }
}
