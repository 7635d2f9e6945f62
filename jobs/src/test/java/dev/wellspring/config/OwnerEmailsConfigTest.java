package dev.wellspring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.common.OwnerIdentities;
import dev.wellspring.ingest.vendor.adapters.common.Owners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** owner_emails (issue 22): a list for --owner, or a mapping per owner; salesforce_date_format. */
class OwnerEmailsConfigTest {
  @TempDir Path tmp;

  private WellspringConfig load(String yaml) throws IOException {
    Path file = tmp.resolve("c.yaml");
    Files.writeString(file, yaml);
    return ConfigLoader.load(file, Map.of("input", "in", "output", "out"));
  }

  @Test
  void aListBelongsToTheOwnerAndAMappingToEachNamedOwner() throws IOException {
    assertThat(
            load("owner: Alex Rivera\nowner_emails: [Alex@Rivera.example, mailto:alex@home.example]\n")
                .ownerEmails())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("alex@rivera.example", "", "alex@home.example", ""));
    assertThat(
            load("owner_emails:\n  Alice Example: [alice@team.example, a@home.example]\n  Bob: bob@team.example\n")
                .ownerEmails())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "alice@team.example",
                "Alice Example",
                "a@home.example",
                "Alice Example",
                "bob@team.example",
                "Bob"));
    assertThat(ConfigLoader.defaults("in", "out", LocalDate.of(2026, 1, 1)).ownerEmails())
        .isEmpty();
  }

  @Test
  void somethingThatIsNotAnAddressNamesTheKeyAndValue() {
    assertThatThrownBy(() -> load("owner_emails: [alex at rivera]\n"))
        .isInstanceOf(WellspringException.class)
        .hasMessageEndingWith(
            "c.yaml:1:1: bad value for owner_emails: 'alex at rivera' (expected an e-mail address, or a list of them)");
    assertThatThrownBy(() -> load("owner_emails:\n  Bob: [bob]\n"))
        .hasMessageEndingWith(
            "c.yaml:1:1: bad value for owner_emails.Bob: 'bob' (expected an e-mail address, or a list of them)");
    assertThatThrownBy(() -> load("salesforce_date_format: ymd\n"))
        .hasMessageEndingWith(
            "c.yaml:1:1: bad value for salesforce_date_format: 'ymd' (expected one of [auto, dmy, iso, mdy])");
  }

  @Test
  void salesforceDateFormatDefaultsToAuto() throws IOException {
    assertThat(ConfigLoader.defaults("in", "out", LocalDate.of(2026, 1, 1)).salesforceDateFormat())
        .isEqualTo("auto");
    assertThat(load("salesforce_date_format: DMY\n").salesforceDateFormat()).isEqualTo("dmy");
  }

  @Test
  void theOwnersIdentitiesAreAddressesAndFullNames() {
    AdapterContext ctx =
        new AdapterContext(
            "Alex Rivera",
            Map.of("1001", "Alice Example", "bob@team.example", "bob"),
            LocalDate.of(2026, 3, 31),
            LocalDate.of(2025, 1, 1),
            Map.of("alex@rivera.example", ""),
            "auto");
    OwnerIdentities ids = new OwnerIdentities(ctx);
    assertThat(ids.isOwnerEmail("MAILTO:Alex@Rivera.example")).isTrue();
    assertThat(ids.isOwnerEmail("bob@team.example"))
        .as("an owner_map key that is an address")
        .isTrue();
    assertThat(ids.isOwnerEmail("priya@northwind.example")).isFalse();
    assertThat(ids.isOwnerName("ALEX  RIVERA")).isTrue();
    assertThat(ids.isOwnerName("Alice Example")).isTrue();
    assertThat(ids.isOwnerName("Bob")).as("a lone first name is too common").isFalse();
    // An address decides when there is one: a namesake with another address is a contact.
    assertThat(ids.isOwner("alex.rivera@other.example", "Alex Rivera")).isFalse();
    assertThat(ids.isOwner("", "Alex Rivera")).isTrue();
    // An owner_emails address of --owner maps to --owner.
    assertThat(new Owners(ctx).lookup("alex@rivera.example")).isEqualTo("Alex Rivera");
  }
}
