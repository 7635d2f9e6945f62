package dev.wellspring.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21: names, value_unit and report_period_days from the file and the command line. */
class ReportSettingsCliTest {
  @TempDir Path dir;

  @Test
  void defaultsAreNoUnitAndNinetyDays() {
    WellspringConfig c = ConfigLoader.load(null, Map.of());
    assertThat(c.valueUnit()).isEmpty();
    assertThat(c.reportPeriodDays()).isEqualTo(90);
    assertThat(c.names()).isEqualTo("full");
  }

  @Test
  void theFileSetsThemAndFlagsBeatTheFile() throws Exception {
    Path f = dir.resolve("w.yaml");
    Files.writeString(f, "value_unit: EUR\nreport_period_days: 30\nnames: none\n");
    WellspringConfig fromFile = ConfigLoader.load(f, Map.of());
    assertThat(fromFile.valueUnit()).isEqualTo("EUR");
    assertThat(fromFile.reportPeriodDays()).isEqualTo(30);
    assertThat(fromFile.names()).isEqualTo("none");
    WellspringConfig flags =
        ConfigLoader.load(
            f, Map.of("value_unit", "points", "report_period_days", "7", "names", "initials"));
    assertThat(flags.valueUnit()).isEqualTo("points");
    assertThat(flags.reportPeriodDays()).isEqualTo(7);
    assertThat(flags.names()).isEqualTo("initials");
  }

  @Test
  void badValuesNameTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("report_period_days", "0")))
        .isInstanceOf(WellspringException.class)
        .hasMessage(
            "bad value for report_period_days: '0' (expected a whole number from 1 to 3660)");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("value_unit", "a very long unit name")))
        .hasMessage(
            "bad value for value_unit: 'a very long unit name' (expected a short unit such as EUR or"
                + " points, at most 16 characters)");
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("names", "nicknames")))
        .hasMessage("bad value for names: 'nicknames' (expected one of [full, initials, none])");
  }

  /** --print-config shows the effective configuration; stdout captured. */
  private static String printConfig(String... extra) {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      String[] args = new String[extra.length + 3];
      args[0] = "report";
      args[1] = "--output";
      args[2] = "/tmp/unused-wellspring-out";
      System.arraycopy(extra, 0, args, 3, extra.length);
      int exit =
          Main.run(
              java.util.stream.Stream.concat(
                      java.util.Arrays.stream(args), java.util.stream.Stream.of("--print-config"))
                  .toArray(String[]::new));
      assertThat(exit).isZero();
    } finally {
      System.setOut(saved);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theCommandLineTakesNamesValueUnitAndPeriodDays() {
    // The README documents --names full|initials|none; the command line used to reject it.
    String out =
        printConfig("--names", "initials", "--value-unit", "EUR", "--report-period-days", "30");
    assertThat(out)
        .contains("names: \"initials\"", "value_unit: \"EUR\"", "report_period_days: 30");
    assertThat(printConfig("--names", "none")).contains("names: \"none\"");
    assertThat(printConfig())
        .contains("names: \"full\"", "value_unit: \"\"", "report_period_days: 90");
  }

  @Test
  void aBadNamesFlagExitsTwo() {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run("report", "--output", dir.toString(), "--names", "nicknames"))
          .isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("wellspring: error: bad value for names: 'nicknames'");
  }
}
