package dev.wellspring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerMapConfigTest {
  @TempDir Path tmp;

  @Test
  void ownerMapComesFromTheFileWithEmailAndNumericKeys() throws IOException {
    Path file = tmp.resolve("c.yaml");
    Files.writeString(
        file, "owner_map:\n  \"1001\": Alice\n  alice@team.example: Alice\n  005Ab: \" Bob \"\n");
    WellspringConfig c = ConfigLoader.load(file, Map.of("input", "in", "output", "out"));
    assertThat(c.ownerMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("1001", "Alice", "alice@team.example", "Alice", "005Ab", "Bob"));
    assertThat(ConfigLoader.defaults("in", "out", java.time.LocalDate.of(2026, 1, 1)).ownerMap())
        .isEmpty();
  }

  @Test
  void anEmptyOwnerIsABadValueNamingTheKey() throws IOException {
    Path file = tmp.resolve("c.yaml");
    Files.writeString(file, "owner_map:\n  \"1001\": \"\"\n");
    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessage(file + ":2:3: bad value for owner_map.1001: '' (expected a non-empty value)");
  }
}
