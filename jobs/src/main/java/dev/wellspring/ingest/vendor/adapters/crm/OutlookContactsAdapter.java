package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.CsvRows;
import dev.wellspring.ingest.vendor.adapters.common.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Outlook contacts CSV export ("Comma Separated Values"): {@code Title, First Name, Middle Name,
 * Last Name, Suffix, Company, Department, Job Title, Business Street, ..., Business City, ...,
 * Business Country/Region, ..., E-mail Address, E-mail Type, E-mail Display Name, E-mail 2 Address,
 * ..., Web Page}. Often saved with a BOM, or through Excel with {@code ;} and Windows-1252.
 *
 * <p>Each row becomes a contact {@code outlook:<folded name>|<email>} with the first SMTP address
 * among E-mail, E-mail 2 and E-mail 3 (an Exchange {@code /o=...} address is not an e-mail and is
 * skipped).
 */
public final class OutlookContactsAdapter implements ExportAdapter {
  private static final long serialVersionUID = 1L;

  @Override
  public String name() {
    return "outlook.contacts";
  }

  @Override
  public boolean recognizes(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return false;
    }
    List<String> header = CsvRows.header(firstLines.get(0));
    return CsvRows.hasAll(header, "First Name", "Last Name", "E-mail Address")
        && !header.get(0).equalsIgnoreCase("Record ID");
  }

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    CsvRows.read(file, sink, row -> AddressBook.emit("outlook", person(row), row, sink));
  }

  private static AddressBook.Person person(CsvRows.Row row) {
    String name =
        Text.joinNonEmpty(" ", row.get("First Name"), row.get("Middle Name"), row.get("Last Name"));
    if (name.isEmpty()) {
      name = row.first("E-mail Display Name", "Company");
    }
    String email = "";
    for (String column : List.of("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")) {
      email = Text.normaliseEmail(row.get(column));
      if (!email.isEmpty()) {
        break;
      }
    }
    return new AddressBook.Person(
        name,
        email,
        row.get("Company"),
        row.get("Job Title"),
        Text.joinNonEmpty(
            ", ",
            row.first("Business City", "Home City"),
            row.first("Business Country/Region", "Home Country/Region")),
        row.get("Web Page"));
  }
}
