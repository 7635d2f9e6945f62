package dev.wellspring.incrementality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalityConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsChooseTheCarryOverAndResample200Times() {
    WellspringConfig.Incrementality i = ConfigLoader.load(null, Map.of()).incrementality();
    assertThat(i.carryover()).isNull();
    assertThat(i.resamples()).isEqualTo(200);
    assertThat(i.seed()).isEqualTo(20260101L);
  }

  @Test
  void theFileSetsCarryOverResamplesAndSeed() throws Exception {
    Path f = dir.resolve("w.yaml");
    Files.writeString(f, "carryover: 0.4\nincrementality_resamples: 500\nincrementality_seed: 9\n");
    WellspringConfig.Incrementality i = ConfigLoader.load(f, Map.of()).incrementality();
    assertThat(i.carryover()).isEqualTo(0.4);
    assertThat(i.resamples()).isEqualTo(500);
    assertThat(i.seed()).isEqualTo(9L);
    Files.writeString(f, "carryover: auto\n");
    assertThat(ConfigLoader.load(f, Map.of()).incrementality().carryover()).isNull();
  }

  @Test
  void badValuesNameTheKeyAndTheValue() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "carryover: 0.95\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessageContaining("carryover")
        .hasMessageContaining("'0.95'")
        .satisfies(e -> assertThat(((WellspringException) e).exitCode()).isEqualTo(2));
    Files.writeString(f, "incrementality_resamples: 50\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessageContaining("incrementality_resamples")
        .hasMessageContaining("'50'")
        .hasMessageContaining("from 200");
  }
}
