package dev.wellspring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** conf/wellspring.example.yaml loads; configuration errors name the file, line and column. */
class ExampleConfigTest {
  static final Path EXAMPLE =
      Path.of(System.getProperty("user.dir"))
          .resolveSibling("conf")
          .resolve("wellspring.example.yaml");

  @TempDir Path tmp;

  @Test
  void theShippedExampleLoadsWithTheDocumentedValues() {
    WellspringConfig c = ConfigLoader.load(EXAMPLE, Map.of());
    WellspringConfig defaults = ConfigLoader.defaults("sample-data", "out", c.runDate());
    assertThat(c.input()).isEqualTo("sample-data");
    assertThat(c.output()).isEqualTo("out");
    assertThat(c.keepRuns()).isEqualTo(30);
    assertThat(c.ownerMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("005000000000001AAA", "Alex Doe", "sam@example.com", "Sam Roe"));
    // Every other value the example sets is the default: the example documents the defaults.
    assertThat(c.withFolders("sample-data", "out"))
        .usingRecursiveComparison()
        .ignoringFields("ownerMap")
        .isEqualTo(defaults);
  }

  @Test
  void aYamlSyntaxErrorNamesLineAndColumn() throws Exception {
    Path f = tmp.resolve("bad.yaml");
    Files.writeString(f, "input: in\noutput: [out\nreject_max: 0.1\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .isInstanceOfSatisfying(
            WellspringException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
        .hasMessageStartingWith(f + ":3:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void aBadValueOrUnknownKeyNamesTheLineAndColumnOfItsKey() throws Exception {
    Path f = tmp.resolve("w.yaml");
    Files.writeString(f, "lookback_days: 10\nhalf_life_days: -3\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessage(f + ":2:1: bad value for half_life_days: '-3' (expected a number >= 0)");

    Files.writeString(f, "durations:\n  meeting: 60\n  cal: 30\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessageStartingWith(
            f + ":3:3: bad value for durations.cal: '30' (expected an activity type");

    Files.writeString(f, "# a comment\n\nkeep_runz: 3\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessageStartingWith(
            f + ":3:1: unknown configuration key 'keep_runz' (did you mean 'keep_runs'?)");

    Files.writeString(f, "keep_runs: -1\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessage(
            f + ":1:1: bad value for keep_runs: '-1' (expected a whole number from 0 to 100000)");
  }
}
