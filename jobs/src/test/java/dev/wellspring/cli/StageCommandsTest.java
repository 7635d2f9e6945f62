package dev.wellspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wellspring.config.ConfigOption;
import dev.wellspring.config.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The pipeline commands made from the option table: one flag per option with a flag, one command
 * per stage.
 */
class StageCommandsTest {

  @Test
  void everyCommandIsListedInOrderBeforeGenerateAndHelp() {
    assertThat(Main.commandLine().getSubcommands().keySet())
        .containsExactly(
            "nightly",
            "ingest",
            "classify",
            "attribute",
            "aggregate",
            "incrementality",
            "report",
            "generate",
            "help");
  }

  @Test
  void everyPipelineCommandTakesEveryFlagOfTheTableWithItsHelp() {
    CommandLine cl = Main.commandLine();
    for (String name : Main.STAGE_COMMANDS.keySet()) {
      var spec = cl.getSubcommands().get(name).getCommandSpec();
      for (ConfigOption<?> o : Options.withFlags()) {
        OptionSpec flag = spec.findOption(o.flag());
        assertThat(flag).as("%s %s", name, o.flag()).isNotNull();
        assertThat(flag.description()).as("%s %s", name, o.flag()).containsExactly(o.help());
        assertThat(flag.paramLabel()).isEqualTo(o.paramLabel());
      }
    }
  }

  @Test
  void aStageCommandShowsItsOwnFlagsAndTheCommonOnesAndHidesTheRest() {
    var spec = Main.commandLine().getSubcommands().get("report").getCommandSpec();
    List<String> shown = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        shown.add(o.longestName());
      }
    }
    assertThat(shown)
        .containsExactlyInAnyOrder(
            "--output",
            "--run-date",
            "--config",
            "--quiet",
            "--verbose",
            "--print-config",
            "--log-format",
            "--help",
            "--version",
            "--report-model",
            "--paper");
    var nightly = Main.commandLine().getSubcommands().get("nightly").getCommandSpec();
    assertThat(nightly.options().stream().filter(OptionSpec::hidden)).isEmpty();
    assertThat(nightly.findOption("--no-report")).isNotNull();
    assertThat(spec.findOption("--no-report")).as("nightly's own").isNull();
  }

  @Test
  void aHiddenFlagStillSetsItsKey() throws Exception {
    CliTest.Result r =
        CliTest.run(
            "report",
            "--output",
            "/o",
            "--run-date",
            "2026-01-01",
            "--lookback-days",
            "12",
            "--print-config");
    assertThat(r.exit()).as(r.err()).isZero();
    @SuppressWarnings("unchecked")
    Map<String, Object> printed = new ObjectMapper(new YAMLFactory()).readValue(r.out(), Map.class);
    assertThat(printed.get("lookback_days")).isEqualTo(12);
    assertThat(printed.get("run_date")).isEqualTo("2026-01-01");
    assertThat(printed.keySet()).doesNotContain("secret", "owner_emails");
  }
}
