package dev.wellspring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsMatchTheDesign() {
    WellspringConfig c = ConfigLoader.load(null, Map.of());
    assertThat(c.lookbackDays()).isEqualTo(180);
    assertThat(c.halfLifeDays()).isEqualTo(30.0);
    assertThat(c.rejectMax()).isEqualTo(0.05);
    assertThat(c.reportModel()).isEqualTo("linear");
    assertThat(c.channelDimension()).isEqualTo("class");
    assertThat(c.runDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    assertThat(c.inferenceMap())
        .containsOnly(Map.entry("media", "publicity"), Map.entry("partner", "partners"));
    assertThat(c.defaultDuration("meeting")).isEqualTo(60.0);
    assertThat(c.defaultDuration("event")).isEqualTo(120.0);
    assertThat(c.defaultDuration("invitation")).isEqualTo(5.0);
    assertThat(c.durations()).hasSize(13);
  }

  @Test
  void flagsOverrideTheFileWhichOverridesDefaults() throws Exception {
    Path f = dir.resolve("w.yaml");
    Files.writeString(
        f,
        "lookback_days: 90\nhalf_life_days: 7\nreport_model: time_decay\n"
            + "durations:\n  meeting: 45\ninference_map:\n  peer: speaking\n  media: none\n"
            + "spark:\n  spark.sql.shuffle.partitions: 3\n");
    Map<String, String> flags = new HashMap<>();
    flags.put("lookback_days", "30");
    flags.put("half_life_days", null);
    WellspringConfig c = ConfigLoader.load(f, flags);
    assertThat(c.lookbackDays()).as("flag beats file").isEqualTo(30);
    assertThat(c.halfLifeDays()).as("file beats default").isEqualTo(7.0);
    assertThat(c.reportModel()).isEqualTo("time_decay");
    assertThat(c.defaultDuration("meeting")).isEqualTo(45.0);
    assertThat(c.defaultDuration("call")).isEqualTo(30.0);
    assertThat(c.inferenceMap())
        .containsOnly(Map.entry("peer", "speaking"), Map.entry("partner", "partners"));
    assertThat(c.sparkConf()).containsEntry("spark.sql.shuffle.partitions", "3");
  }

  @Test
  void unknownKeyIsNamed() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "lookback_dayz: 90\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .isInstanceOf(WellspringException.class)
        .hasMessageContaining("unknown configuration key 'lookback_dayz'")
        .satisfies(e -> assertThat(((WellspringException) e).exitCode()).isEqualTo(2));
  }

  @Test
  void badValuesNameTheKeyAndTheValue() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "half_life_days: soon\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessageContaining("half_life_days")
        .hasMessageContaining("'soon'");
    Files.writeString(f, "durations:\n  lunch: 60\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessageContaining("durations.lunch");
    Files.writeString(f, "durations:\n  meeting: -5\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessageContaining("durations.meeting")
        .hasMessageContaining("'-5'");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("report_model", "gut_feeling")))
        .hasMessageContaining("report_model")
        .hasMessageContaining("gut_feeling");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("run_date", "2026-02-30")))
        .hasMessageContaining("run_date")
        .hasMessageContaining("2026-02-30");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("reject_max", "1.5")))
        .hasMessageContaining("reject_max");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("lookback_days", "1e2")))
        .hasMessageContaining("lookback_days");
  }

  @Test
  void aFileThatIsNotAMappingIsRefused() throws Exception {
    Path f = dir.resolve("list.yaml");
    Files.writeString(f, "- a\n- b\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessageContaining("must hold a mapping");
  }
}
