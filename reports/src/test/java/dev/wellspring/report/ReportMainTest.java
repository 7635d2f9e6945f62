package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and the one-line messages of the command line; none of these renders a PDF. */
class ReportMainTest {
  @TempDir Path dir;

  private record Result(int exit, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        ReportMain.run(
            args,
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(exit, err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aMissingCsvIsUnusableInputNamingTheFile() throws IOException {
    Fixtures.smallRunIn(dir);
    Path lift = dir.resolve("reports/" + Fixtures.RUN_DATE + "/lift.csv");
    Files.delete(lift);
    Result r = run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("report: missing input file: " + lift)
        .doesNotContain("\n");
    assertThat(dir.resolve("reports/" + Fixtures.RUN_DATE + "/effectiveness.pdf")).doesNotExist();
  }

  @Test
  void aMissingManifestIsUnusableInputNamingTheFile() throws IOException {
    Fixtures.smallRunIn(dir);
    Path manifest = dir.resolve("runs/" + Fixtures.RUN_DATE + ".json");
    Files.delete(manifest);
    Result r = run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("report: missing run manifest: " + manifest);
  }

  @Test
  void aCsvWithoutARequiredColumnNamesFileAndColumn() throws IOException {
    Fixtures.smallRunIn(dir);
    Path goals = dir.resolve("reports/" + Fixtures.RUN_DATE + "/goal_scorecard.csv");
    Files.writeString(goals, "goal_id,owner\ng1,ann\n");
    Result r = run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("report: " + goals + ": missing column 'category'");
  }

  @Test
  void aBadNumberNamesFileLineAndColumn() throws IOException {
    Fixtures.smallRunIn(dir);
    Path lift = dir.resolve("reports/" + Fixtures.RUN_DATE + "/lift.csv");
    Files.writeString(
        lift,
        "model,lift,ci_low,ci_high,directed_value_per_hour,undirected_value_per_hour\n"
            + "linear,abc,,,1,1\n");
    Result r = run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("report: " + lift + " line 2: column lift is not a number: 'abc'");
  }

  @Test
  void aModelWithoutALiftRowIsUnusable() {
    Fixtures.smallRunIn(dir);
    Result r = run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE, "--model", "nope");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("model 'nope' has no row in lift.csv (models there: first_touch,");
  }

  @Test
  void badFlagsAreUnusableInvocations() {
    assertThat(run("--output", dir.toString()).err()).contains("--run-date is required");
    assertThat(run("--output", dir.toString()).exit()).isEqualTo(2);
    Result date = run("--output", dir.toString(), "--run-date", "31/01/2026");
    assertThat(date.exit()).isEqualTo(2);
    assertThat(date.err()).contains("--run-date must be YYYY-MM-DD, not '31/01/2026'");
    Result unknown = run("--colour", "red");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown argument '--colour'");
    Fixtures.smallRunIn(dir);
    Result paper =
        run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE, "--paper", "A3");
    assertThat(paper.exit()).isEqualTo(2);
    assertThat(paper.err()).contains("--paper must be A4 or Letter, not 'A3'");
    Result names =
        run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE, "--names", "nick");
    assertThat(names.exit()).isEqualTo(2);
    assertThat(names.err()).contains("--names must be full, initials or none, not 'nick'");
  }

  @Test
  void badValueUnitAndPeriodDaysAreUnusableInvocations() {
    Fixtures.smallRunIn(dir);
    Result days =
        run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE, "--period-days", "ninety");
    assertThat(days.exit()).isEqualTo(2);
    assertThat(days.err())
        .contains("--period-days must be a whole number of days >= 1, not 'ninety'");
    Result zero =
        run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE, "--period-days", "0");
    assertThat(zero.exit()).isEqualTo(2);
    assertThat(zero.err()).contains("--period-days must be a whole number of days >= 1, not 0");
    Result unit =
        run(
            "--output",
            dir.toString(),
            "--run-date",
            Fixtures.RUN_DATE,
            "--value-unit",
            "euros-and-cents-of-the-realm");
    assertThat(unit.exit()).isEqualTo(2);
    assertThat(unit.err())
        .contains("--value-unit must be at most 20 characters, not 'euros-and-cents-of-the-realm'");
  }

  @Test
  void aMalformedOptionalExportIsUnusableInputNamingTheFile() throws IOException {
    Fixtures.fullRunIn(dir);
    Files.writeString(
        dir.resolve("reports/" + Fixtures.RUN_DATE + "/follow_up.csv"),
        "owner,goal_id,contact_id,contact_name,last_touch_on,days_since_touch\nAna Pereira,g1,c1,Jo,last week,70\n");
    Result r = run("--output", dir.toString(), "--run-date", Fixtures.RUN_DATE);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "follow_up.csv line 2: column last_touch_on is not a date (YYYY-MM-DD): 'last week'");
  }

  @Test
  void helpExitsZero() {
    assertThat(run("--help").exit()).isZero();
  }
}
