package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.io.SecretFile;
import dev.wellspring.privacy.Keys;
import dev.wellspring.privacy.Scrub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed hashes and the masking of e-mail addresses and phone numbers. */
class PrivacyUnitTest {
  @TempDir Path tmp;

  private final Scrub scrub = new Scrub(Keys.of("test-secret"));

  /** The pipeline's way to the active key: configured, else the environment, else the file. */
  private static Keys use(String configured, Path output) {
    return Keys.use(configured, () -> SecretFile.readOrCreate(output));
  }

  @Test
  void hmacIsTheRfc4231Value() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    assertThat(Keys.of("Jefe").hex("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void aGeneratedSecretIsKeptOwnerOnlyAndReused() throws Exception {
    Keys first = use(null, tmp);
    Path file = tmp.resolve(Keys.SECRET_FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file).strip()).hasSize(64);
    Keys again = use(null, tmp);
    assertThat(again.hex("x")).isEqualTo(first.hex("x"));
    assertThat(Keys.hmac("x")).isEqualTo(first.hex("x"));
    Path other = Files.createDirectories(tmp.resolve("other"));
    assertThat(use(null, other).hex("x"))
        .as("each output folder its own secret")
        .isNotEqualTo(first.hex("x"));
  }

  @Test
  void aConfiguredSecretWinsAndNoFileIsWritten() {
    Keys k = use("configured", tmp);
    assertThat(k.hex("x")).isEqualTo(Keys.of("configured").hex("x"));
    assertThat(tmp.resolve(Keys.SECRET_FILE)).doesNotExist();
  }

  @Test
  void anEmptySecretFileIsAClearError() throws Exception {
    Files.writeString(tmp.resolve(Keys.SECRET_FILE), "\n");
    assertThatThrownBy(() -> use(null, tmp))
        .isInstanceOf(WellspringException.class)
        .hasMessageContaining("the secret file is empty");
  }

  @Test
  void emailsAndPhonesAreMaskedConsistently() {
    String a = scrub.text("mail Zed.Quill@Example.org or call +44 20 7946 0958 today");
    String b = scrub.text("zed.quill@example.org; 0044 20 7946 0958");
    assertThat(a)
        .doesNotContain("@", "7946")
        .matches("mail <email:[0-9a-f]{16}> or call <phone:[0-9a-f]{16}> today");
    assertThat(b).startsWith(a.substring(5, 29)).doesNotContain("7946");
    assertThat(scrub.text("(555) 010-4477")).matches("<phone:[0-9a-f]{16}>");
    assertThat(scrub.text("555.010.4477")).matches("<phone:[0-9a-f]{16}>");
  }

  @Test
  void datesAmountsAndIdsAreNotPhones() {
    for (String s :
        new String[] {
          "2026-03-04",
          "on 2026-03-04 18:30",
          "order 123456789",
          "act-2026-000123",
          "room 12-14",
          "v1.2.3.4",
          "owner_2026-0001",
          "cost 1500.00",
          "2026-03-04T18:30:00+01:00"
        }) {
      assertThat(scrub.text(s)).as(s).isEqualTo(s);
    }
  }

  @Test
  void identifiersLoseInvisibleCharacters() {
    assertThat(scrub.identifier("\u200Ec1\u200B\u2069")).isEqualTo("c1");
    assertThat(scrub.identifier("\u200B")).isEmpty();
    assertThat(scrub.identifier("a\u00A0b")).as("visible spaces stay").isEqualTo("a\u00A0b");
    assertThat(scrub.identifier("ann@example.com")).matches("<email:[0-9a-f]{16}>");
  }
}
