package dev.wellspring.ingest.vendor.adapters.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.wellspring.ingest.vendor.adapters.common.DecodedText;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressBookAdaptersTest {
  private final GoogleContactsAdapter google = new GoogleContactsAdapter();
  private final OutlookContactsAdapter outlook = new OutlookContactsAdapter();

  @Test
  void googleCurrentLayoutTakesThePrimaryAddressAndTheLinkedInProfile() throws Exception {
    RecordingSink sink = Fixtures.read(google, "crm/google-contacts.csv", null);

    assertThat(sink.byId("contact_id"))
        .containsExactly(
            entry(
                "google:jose maria nunez|j.nunez@adatum.example",
                Map.of(
                    "contact_id", "google:jose maria nunez|j.nunez@adatum.example",
                    "full_name", "José María Núñez",
                    "email", "j.nunez@adatum.example",
                    "company", "Adatum Press",
                    "title", "Editor",
                    "location", "Madrid, Spain",
                    "source", "google",
                    "profile_url", "linkedin.com/in/jose-nunez-adatum")));
    // A row with nothing but a label: no one to name.
    assertThat(sink.rejected).containsExactly(entry(3L, "missing_required"));
  }

  @Test
  void googleLegacyLayout() throws Exception {
    RecordingSink sink = Fixtures.read(google, "crm/google-contacts-legacy.csv", null);

    assertThat(sink.byId("contact_id").get("google:kwame mensah|kwame@wingtip.example"))
        .contains(
            entry("full_name", "Kwame Mensah"),
            entry("company", "Wingtip Radio"),
            entry("title", "Host"));
    assertThat(sink.rowsReported()).isEqualTo(1);
  }

  @Test
  void outlookWithBomAndCrlfSkipsExchangeAddressesAndBlankLines() throws Exception {
    RecordingSink sink = Fixtures.read(outlook, "crm/outlook-contacts.csv", null);

    Map<String, Map<String, String>> byId = sink.byId("contact_id");
    assertThat(byId.get("outlook:hannah becker|hannah.becker@proseware.example"))
        .contains(
            entry("full_name", "Hannah Becker"),
            entry("company", "Proseware GmbH"),
            entry("title", "Director"),
            entry("location", "Berlin, Germany"),
            entry("profile_url", "linkedin.com/in/hannahbecker"));
    assertThat(byId.get("outlook:sam lee|sam.lee@mail.example"))
        .contains(entry("location", "Leeds, United Kingdom"));
    // Header line 1, Hannah line 2, a blank line 3, Sam from line 4 (his notes run onto line 5).
    assertThat(sink.records).extracting(r -> r.line()).containsExactly(2L, 4L);
    assertThat(sink.records.get(1).raw()).contains("\"Line one\r\nline two\"").endsWith(",\"\"");
    assertThat(sink.warnings).isEmpty();
    assertThat(sink.rowsReported()).isEqualTo(2);
  }

  @Test
  void outlookThroughExcelIsSemicolonSeparatedWindows1252AndSaysSo() throws Exception {
    RecordingSink sink = Fixtures.read(outlook, "crm/outlook-contacts-excel.csv", null);

    assertThat(sink.byId("contact_id"))
        .containsOnlyKeys("outlook:jurgen weiß|juergen@mueller-soehne.example");
    assertThat(sink.records.get(0).fields())
        .contains(
            entry("full_name", "Jürgen Weiß"),
            entry("company", "Müller & Söhne"),
            entry("title", "Geschäftsführer"),
            entry("location", "München, Deutschland"));
    assertThat(sink.warnings)
        .containsExactly("0:" + DecodedText.WINDOWS_1252 + ":outlook-contacts-excel.csv");
  }
}
