package dev.wellspring.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The option table itself: complete, every key parses from a file and a flag, precedence. */
class OptionsTableTest {
  @TempDir Path dir;

  /** Two valid texts of a scalar key and the values they mean, both unlike the default. */
  record Sample(String key, String rawA, Object a, String rawB, Object b) {}

  static final List<Sample> SAMPLES =
      List.of(
          new Sample("input", "/in", "/in", " /in2 ", "/in2"),
          new Sample("output", "/out", "/out", "/out2", "/out2"),
          new Sample(
              "run_date",
              "2025-03-04",
              LocalDate.of(2025, 3, 4),
              "2024-02-29",
              LocalDate.of(2024, 2, 29)),
          new Sample("master", "local[2]", "local[2]", "local[1]", "local[1]"),
          new Sample("owner", "Ada", "Ada", "Bob", "Bob"),
          new Sample("lookback_days", "90", 90, "0", 0),
          new Sample("half_life_days", "7.5", 7.5, "1", 1.0),
          new Sample("channel_dimension", "TYPE", "type", "goal_category", "goal_category"),
          new Sample("reject_max", "0.2", 0.2, "1", 1.0),
          new Sample("report_model", "markov", "markov", "Shapley", "shapley"),
          new Sample("bootstrap_resamples", "50", 50, "1", 1),
          new Sample("bootstrap_seed", "-3", -3L, "9", 9L),
          new Sample("shuffle_partitions", "4", 4, "100000", 100_000),
          new Sample("paper", "letter", "Letter", "LETTER", "Letter"),
          new Sample("names", "initials", "initials", "none", "none"),
          new Sample("value_unit", "EUR", "EUR", "points", "points"),
          new Sample("report_period_days", "30", 30, "3660", 3660),
          new Sample("secret", "s3cret", "s3cret", "other", "other"),
          new Sample("salesforce_date_format", "dmy", "dmy", "ISO", "iso"),
          new Sample("carryover", "0.4", 0.4, "0", 0.0),
          new Sample("incrementality_resamples", "300", 300, "200", 200),
          new Sample("incrementality_seed", "9", 9L, "-1", -1L),
          new Sample("keep_runs", "0", 0, "7", 7));

  @Test
  void everyOptionHasAKeyHelpAndADefault() {
    WellspringConfig defaults = ConfigLoader.load(null, Map.of());
    for (ConfigOption<?> o : Options.ALL) {
      assertThat(o.key()).as("key of %s", o).matches("[a-z]+(_[a-z]+)*");
      assertThat(o.help()).as("help of %s", o.key()).isNotBlank();
      if (o.flag() != null) {
        assertThat(o.flag()).as("flag of %s", o.key()).isEqualTo("--" + o.key().replace('_', '-'));
        assertThat(o.paramLabel()).as("value label of %s", o.flag()).isNotBlank();
      }
      Object expected =
          o == Options.RUN_DATE ? LocalDate.now(ZoneOffset.UTC).minusDays(1) : o.defaultValue();
      assertThat((Object) o.get(defaults)).as("default of %s", o.key()).isEqualTo(expected);
    }
    assertThat(Options.ALL.stream().map(ConfigOption::key).distinct()).hasSize(Options.ALL.size());
    // The defaults where "none" is not the default, by hand (DESIGN.md "Configuration").
    assertThat(Options.MASTER.defaultValue()).isEqualTo("local[*]");
    assertThat(Options.KEEP_RUNS.defaultValue()).isEqualTo(30);
    assertThat(Options.REPORT_PERIOD_DAYS.defaultValue()).isEqualTo(90);
    assertThat(Options.CARRYOVER.defaultValue()).isNull();
  }

  @Test
  void everyScalarKeyHasASample() {
    assertThat(SAMPLES.stream().map(Sample::key))
        .containsExactlyElementsOf(
            Options.ALL.stream()
                .filter(o -> o.kind() == ConfigOption.Kind.SCALAR)
                .map(ConfigOption::key)
                .toList());
  }

  @Test
  void everyKeyParsesFromAFileAndAFlagAlike() throws Exception {
    for (Sample s : SAMPLES) {
      ConfigOption<?> o = Options.byKey(s.key());
      Path f = dir.resolve(s.key() + ".yaml");
      Files.writeString(f, s.key() + ": \"" + s.rawA() + "\"\n");
      assertThat((Object) o.get(ConfigLoader.load(f, Map.of())))
          .as("%s from the file", s.key())
          .isEqualTo(s.a());
      assertThat((Object) o.get(ConfigLoader.load(null, Map.of(s.key(), s.rawA()))))
          .as("%s from a flag", s.key())
          .isEqualTo(s.a());
      assertThat((Object) o.parse(s.rawB())).as("%s parsed", s.key()).isEqualTo(s.b());
    }
  }

  @Test
  void mapKeysParseFromAFileAndByEntry() throws Exception {
    Path f = dir.resolve("maps.yaml");
    Files.writeString(
        f,
        "durations:\n  meeting: 45\ninference_map:\n  peer: speaking\n"
            + "spark:\n  spark.x: y\nowner_map:\n  h1: Alice\nowner_emails: [Me@X.org]\n");
    WellspringConfig file = ConfigLoader.load(f, Map.of());
    WellspringConfig entries =
        ConfigLoader.load(
            null,
            Map.of(
                "durations.meeting", "45",
                "inference_map.peer", "speaking",
                "spark.spark.x", "y",
                "owner_map.h1", "Alice"));
    for (ConfigOption<?> o : List.of(Options.DURATIONS, Options.INFERENCE_MAP, Options.SPARK)) {
      assertThat((Object) o.get(entries)).as(o.key()).isEqualTo(o.get(file));
    }
    assertThat(file.durations()).containsEntry("meeting", 45.0).containsEntry("call", 30.0);
    assertThat(file.inferenceMap())
        .containsOnly(
            Map.entry("media", "publicity"),
            Map.entry("partner", "partners"),
            Map.entry("peer", "speaking"));
    assertThat(file.sparkConf()).containsOnly(Map.entry("spark.x", "y"));
    assertThat(file.ownerMap()).containsOnly(Map.entry("h1", "Alice"));
    assertThat(entries.ownerMap()).containsOnly(Map.entry("h1", "Alice"));
    assertThat(file.ownerEmails()).containsOnly(Map.entry("me@x.org", ""));
  }

  @Test
  void aFlagBeatsTheFileWhichBeatsTheDefault() throws Exception {
    for (Sample s : SAMPLES) {
      ConfigOption<?> o = Options.byKey(s.key());
      Path f = dir.resolve(s.key() + ".yaml");
      Files.writeString(f, s.key() + ": \"" + s.rawA() + "\"\n");
      Map<String, String> flags = new HashMap<>();
      flags.put(s.key(), null);
      assertThat((Object) o.get(ConfigLoader.load(f, flags)))
          .as("%s: an absent flag leaves the file's", s.key())
          .isEqualTo(s.a());
      flags.put(s.key(), s.rawB());
      assertThat((Object) o.get(ConfigLoader.load(f, flags)))
          .as("%s: the flag beats the file", s.key())
          .isEqualTo(s.b());
      if (o != Options.RUN_DATE) {
        assertThat((Object) o.get(ConfigLoader.load(null, Map.of())))
            .as("%s: the default without either", s.key())
            .isEqualTo(o.defaultValue())
            .isNotEqualTo(s.a());
      }
    }
  }

  @Test
  void printConfigShowsAllButTheSecretAndTheManifestAlsoLeavesOutOwnerMapAndKeepRuns() {
    WellspringConfig c =
        ConfigLoader.load(
            null,
            Map.of("secret", "s3cret", "input", "/in", "output", "/out", "run_date", "2026-01-01"));
    List<String> all = Options.ALL.stream().map(ConfigOption::key).sorted().toList();
    assertThat(c.describe().keySet())
        .containsExactlyElementsOf(
            all.stream().filter(k -> !k.equals("secret") && !k.equals("owner_emails")).toList());
    assertThat(c.forManifest().keySet())
        .containsExactlyElementsOf(
            all.stream()
                .filter(
                    k -> !List.of("secret", "owner_emails", "owner_map", "keep_runs").contains(k))
                .toList());
    assertThat(c.describe())
        .containsEntry("run_date", "2026-01-01")
        .containsEntry("carryover", "auto");
    assertThat(c.toString()).doesNotContain("s3cret").contains("secret=(set)");
  }

  @Test
  void withChangesOneOptionAndKeepsTheRest() {
    WellspringConfig c =
        ConfigLoader.load(null, Map.of("lookback_days", "7", "run_date", "2026-01-01"));
    WellspringConfig d = c.withRunDate(LocalDate.of(2026, 2, 1));
    assertThat(d.runDate()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(c.runDate()).as("the original is untouched").isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(d.with(Options.RUN_DATE, c.runDate())).isEqualTo(c);
    WellspringConfig e = c.withFolders("/a", "/b");
    assertThat(List.of(e.input(), e.output(), e.lookbackDays())).containsExactly("/a", "/b", 7);
    Map<String, Object> rest = c.describe();
    rest.keySet().removeAll(List.of("input", "output"));
    assertThat(e.describe()).containsAllEntriesOf(rest);
  }

  @Test
  void badValuesNameTheKeyAndTheValueWhereverTheyComeFrom() throws Exception {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "\nkeep_runs: many\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessage(
            f + ":2:1: bad value for keep_runs: 'many' (expected a whole number from 0 to 100000)");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("keep_runs", "many")))
        .hasMessage("bad value for keep_runs: 'many' (expected a whole number from 0 to 100000)");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("owner_emails", "a@b.org")))
        .hasMessage("unknown configuration key 'owner_emails'");
    Files.writeString(f, "keep_run: 3\n");
    assertThatThrownBy(() -> ConfigLoader.load(f, Map.of()))
        .hasMessage(
            f
                + ":1:1: unknown configuration key 'keep_run' (did you mean 'keep_runs'?) (known"
                + " keys: "
                + Options.ALL.stream().map(ConfigOption::key).collect(Collectors.joining(", "))
                + ")");
  }
}
