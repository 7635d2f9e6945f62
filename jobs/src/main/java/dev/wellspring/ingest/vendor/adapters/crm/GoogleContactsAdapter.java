package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.ingest.vendor.adapters.common.CsvRows;
import dev.wellspring.ingest.vendor.adapters.common.Text;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Google Contacts CSV export ("Google CSV"), in both layouts Google has written:
 *
 * <ul>
 *   <li>current: {@code First Name, Middle Name, Last Name, ..., Organization Name, Organization
 *       Title, ..., Labels, E-mail 1 - Label, E-mail 1 - Value, ..., Website 1 - Label, Website 1 -
 *       Value}
 *   <li>legacy: {@code Name, Given Name, Additional Name, Family Name, ..., Group Membership,
 *       E-mail 1 - Type, E-mail 1 - Value, ..., Organization 1 - Name, Organization 1 - Title, ...,
 *       Website 1 - Type, Website 1 - Value}
 * </ul>
 *
 * <p>Numbered groups repeat ({@code E-mail 2 - ...}), and one cell may hold several values
 * separated by {@code " ::: "}. The e-mail used is the first one whose label starts with {@code *}
 * (Google's mark for the primary), else the first one. A LinkedIn profile among the websites
 * becomes {@code profile_url}. Each row becomes a contact {@code google:<folded name>|<email>}; the
 * name falls back to File As, Nickname, the organisation, then the e-mail.
 */
public final class GoogleContactsAdapter implements ExportAdapter {
  private static final long serialVersionUID = 1L;
  private static final Pattern MULTI = Pattern.compile("\\s*:::\\s*");

  @Override
  public String name() {
    return "google.contacts";
  }

  @Override
  public boolean recognizes(List<String> firstLines) {
    if (firstLines.isEmpty()) {
      return false;
    }
    List<String> header = CsvRows.header(firstLines.get(0));
    return CsvRows.hasAll(header, "E-mail 1 - Value")
        && (CsvRows.hasAll(header, "First Name", "Last Name")
            || CsvRows.hasAll(header, "Given Name", "Family Name"));
  }

  @Override
  public void read(Path file, AdapterContext context, RecordSink sink) throws IOException {
    CsvRows.read(file, sink, row -> AddressBook.emit("google", person(row), row, sink));
  }

  private static AddressBook.Person person(CsvRows.Row row) {
    String name =
        Text.joinNonEmpty(
            " ",
            row.first("First Name", "Given Name"),
            row.first("Middle Name", "Additional Name"),
            row.first("Last Name", "Family Name"));
    if (name.isEmpty()) {
      name = row.first("Name", "File As", "Nickname", "Organization Name", "Organization 1 - Name");
    }
    return new AddressBook.Person(
        name,
        primary(row, "E-mail"),
        row.first("Organization Name", "Organization 1 - Name"),
        row.first("Organization Title", "Organization 1 - Title"),
        Text.joinNonEmpty(", ", row.get("Address 1 - City"), row.get("Address 1 - Country")),
        linkedIn(row));
  }

  /** The primary value of a numbered group such as {@code E-mail N - Label/Type, - Value}. */
  static String primary(CsvRows.Row row, String group) {
    String first = "";
    for (int n = 1; row.has(group + " " + n + " - Value"); n++) {
      String label = row.first(group + " " + n + " - Label", group + " " + n + " - Type");
      String[] values = MULTI.split(row.get(group + " " + n + " - Value"));
      String value = values.length == 0 ? "" : values[0].strip();
      if (value.isEmpty()) {
        continue;
      }
      if (label.startsWith("*")) {
        return value;
      }
      if (first.isEmpty()) {
        first = value;
      }
    }
    return first;
  }

  private static String linkedIn(CsvRows.Row row) {
    for (int n = 1; row.has("Website " + n + " - Value"); n++) {
      for (String value : MULTI.split(row.get("Website " + n + " - Value"))) {
        if (Text.linkedInProfile(value).isPresent()) {
          return value;
        }
      }
    }
    return "";
  }
}
