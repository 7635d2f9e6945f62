package dev.wellspring.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.privacy.Keys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets first: help, unknown options, exit codes, nothing created by a bad call.
 */
class CliTest {
  @TempDir Path tmp;

  /** Exit code, stdout and stderr of one invocation. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static synchronized Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit = Main.run(args);
      System.out.flush();
      System.err.flush();
      return new Result(
          exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void anUnknownOptionIsOneLineWithTheNearestKnownOneAndExitTwo() {
    Result r = run("nightly", "--outptu", "x");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.errLines())
        .containsExactly("wellspring: unknown option '--outptu' (did you mean '--output'?)");

    Result far = run("ingest", "--zzzzzzzzzz");
    assertThat(far.exit()).isEqualTo(2);
    assertThat(far.errLines())
        .containsExactly(
            "wellspring: unknown option '--zzzzzzzzzz' (see 'wellspring ingest --help')");

    Result command = run("nightlyy");
    assertThat(command.exit()).isEqualTo(2);
    assertThat(command.errLines())
        .containsExactly("wellspring: unknown command 'nightlyy' (did you mean 'nightly'?)");

    Result extra = run("nightly", "tonight");
    assertThat(extra.exit()).isEqualTo(2);
    assertThat(extra.errLines())
        .containsExactly(
            "wellspring: unknown argument 'tonight' (see 'wellspring nightly --help')");

    Result missing = run("nightly", "--output");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.errLines()).hasSize(1);
    assertThat(missing.err())
        .startsWith("wellspring: ")
        .contains("--output")
        .contains("(see 'wellspring nightly --help')");
  }

  @Test
  void eachCommandsHelpShowsItsOwnOptionsTheExitCodesAndTheEnvironment() {
    Result ingest = run("ingest", "--help");
    assertThat(ingest.exit()).isZero();
    assertThat(ingest.out())
        .contains("--input", "--reject-max", "--owner", "--output", "--run-date", "--log-format")
        .doesNotContain("--paper", "--lookback-days", "--report-model", "--keep-runs");
    assertThat(ingest.out())
        .contains(
            "Exit codes:",
            "  3  too many rejected rows",
            "WELLSPRING_SECRET",
            "WELLSPRING_JAVA_OPTS");

    Result report = run("report", "--help");
    assertThat(report.out())
        .contains("--paper", "--report-model")
        .doesNotContain("--input", "--lookback-days", "--master");

    Result attribute = run("attribute", "--help");
    assertThat(attribute.out())
        .contains("--lookback-days", "--half-life-days", "--channel-dimension")
        .doesNotContain("--input", "--paper");

    Result nightly = run("nightly", "--help");
    assertThat(nightly.out())
        .contains(
            "--input",
            "--paper",
            "--lookback-days",
            "--keep-runs",
            "--no-report",
            "--log-format",
            "Exit codes:");

    Result top = run("--help");
    assertThat(top.exit()).isZero();
    assertThat(top.out()).contains("nightly", "Exit codes:", "WELLSPRING_SECRET");
  }

  @Test
  void aHiddenOptionOfAnotherStageIsStillAccepted() {
    // Scripts pass one set of flags to every stage: --input to classify is hidden, not an error.
    Result r =
        run(
            "classify",
            "--input",
            tmp.toString(),
            "--output",
            tmp.resolve("o").toString(),
            "--print-config");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("input: \"" + tmp + "\"");
  }

  @Test
  void versionNamesTheVersionAndTheCommit() {
    Result r = run("--version");
    assertThat(r.exit()).isZero();
    assertThat(r.out().strip()).matches("wellspring \\S+ \\(commit \\S+\\)");
  }

  @Test
  void aMistypedFolderCreatesNothingOnDisk() {
    Path typo = tmp.resolve("ouput");
    Result nightly =
        run(
            "nightly",
            "--input",
            tmp.resolve("no-such-input").toString(),
            "--output",
            typo.toString(),
            "--run-date",
            "2026-01-01",
            "--no-report");
    assertThat(nightly.exit()).isEqualTo(2);
    assertThat(nightly.err())
        .contains("input folder")
        .contains("no-such-input")
        .contains("does not exist");
    assertThat(typo).doesNotExist();

    Result aggregate = run("aggregate", "--output", typo.toString(), "--run-date", "2026-01-01");
    assertThat(aggregate.exit()).isEqualTo(2);
    assertThat(aggregate.err()).contains("holds no earlier run");
    assertThat(typo).doesNotExist();
    assertThat(typo.resolve(Keys.SECRET_FILE)).doesNotExist();

    Result format =
        run(
            "nightly",
            "--input",
            tmp.toString(),
            "--output",
            typo.toString(),
            "--log-format",
            "xml");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.errLines())
        .containsExactly(
            "wellspring: error: bad value for --log-format: 'xml' (expected plain or json)");
    assertThat(typo).doesNotExist();
  }

  @Test
  void printConfigShowsTheOwnerMapAndKeepRuns() throws Exception {
    Path config = tmp.resolve("w.yaml");
    Files.writeString(config, "owner_map:\n  sam@example.com: Sam Roe\nkeep_runs: 7\n");
    Result r =
        run(
            "nightly",
            "--config",
            config.toString(),
            "--input",
            "in",
            "--output",
            "out",
            "--print-config");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("owner_map:\n  sam@example.com: \"Sam Roe\"")
        .contains("keep_runs: 7");
    assertThat(r.out()).doesNotContain("secret");
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void clusterHelpExitsZero() throws Exception {
    Path script = Path.of(System.getProperty("user.dir"), "src/main/scripts/cluster.sh");
    Process p =
        new ProcessBuilder("bash", script.toString(), "--help").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(text).startsWith("usage: ./run.sh cluster start|stop|status");

    Process bad =
        new ProcessBuilder("bash", script.toString(), "strat").redirectErrorStream(true).start();
    bad.getInputStream().readAllBytes();
    assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.exitValue()).isEqualTo(2);
  }
}
