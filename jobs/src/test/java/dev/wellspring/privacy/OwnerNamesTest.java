package dev.wellspring.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerNamesTest {
  private final Scrub scrub = new Scrub(Keys.of("test-secret"));
  private final OwnerNames owners =
      new OwnerNames(scrub, Map.of("Ann.Lee@Team.Example", "Ann Lee", "1001", "Bob"));

  @Test
  void anOwnerAddressIsItsOwnerMapNameElseItsLocalPart() {
    assertThat(owners.owner("ann.lee@team.example"))
        .as("mapped, letter case ignored")
        .isEqualTo("Ann Lee");
    assertThat(owners.owner("theo.b@team.example")).as("unmapped").isEqualTo("theo.b");
    assertThat(owners.owner("\u200Bmaya@team.example"))
        .as("invisible characters go first")
        .isEqualTo("maya");
  }

  @Test
  void otherOwnersAreIdentifiersAsBefore() {
    assertThat(owners.owner("Maya Quillfeather")).isEqualTo("Maya Quillfeather");
    assertThat(owners.owner("1001"))
        .as("owner_map is for vendor ids in adapters, addresses here")
        .isEqualTo("1001");
    assertThat(owners.owner(null)).isNull();
    assertThat(owners.owner("")).isEmpty();
    // Not one address as a whole: an address inside is masked like any identifier's.
    assertThat(owners.owner("Ann <ann@x.org>")).isEqualTo(scrub.identifier("Ann <ann@x.org>"));
    assertThat(owners.owner("Ann <ann@x.org>"))
        .startsWith("Ann <<email:")
        .doesNotContain("ann@x.org");
    assertThat(owners.owner("+44 20 7946 0958")).startsWith("<phone:");
  }
}
