package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.FaultPoints;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.RunLock;
import dev.wellspring.io.Warehouse;
import dev.wellspring.testing.SparkExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run failing at every stage boundary and just before the publish, with every kind of throwable a
 * JVM can raise there (an exception, an Error, an OutOfMemoryError, a full disk): the exit code and
 * one line on the terminal, the final manifest says {@code failed} with the cause, the lock is
 * free, the trace is in {@code runs/<date>.log}, and the run date is still wholly the previous
 * run's (every table, the rejects and the exports compared as one set). A run that then succeeds
 * publishes wholly the new one, every public path resolving into one generation.
 *
 * <p>In this JVM (no child JVMs): the failures are injected with {@link FaultPoints#failAt}.
 */
@ExtendWith(SparkExtension.class)
class RunFailureTest {
  @TempDir static Path tmp;
  static Path small;
  static Path large;
  static Path out;

  @BeforeAll
  static void firstRun() throws Exception {
    small = tmp.resolve("in-small");
    large = tmp.resolve("in-large");
    HardeningInputs.write(small, 60);
    HardeningInputs.write(large, 80);
    out = tmp.resolve("out");
    assertThat(run(small, out).exit).as("first run").isZero();
    // Read from the run's own generation by the aggregate stage (a first run has no published
    // attribution_channels to fall back on).
    assertThat(
            Files.readAllLines(
                out.resolve("reports/" + NightlyChild.RUN_DATE + "/attribution_channels.csv")))
        .as("attribution_channels.csv of a first run")
        .hasSizeGreaterThan(1);
  }

  record Result(int exit, String stderr) {}

  static Result run(Path in, Path output) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int exit =
          Main.run(
              "nightly",
              "--input",
              in.toString(),
              "--output",
              output.toString(),
              "--run-date",
              NightlyChild.RUN_DATE,
              "--master",
              "local[2]",
              "--no-report");
      return new Result(exit, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  static JsonNode manifest(Path output) throws Exception {
    return Manifest.JSON.readTree(
        new Warehouse(output).manifestFile(LocalDate.parse(NightlyChild.RUN_DATE)).toFile());
  }

  @Test
  void aRunFailingAtAnyBoundaryLeavesTheWholeDateAsItWasAndARunThatSucceedsReplacesItWhole()
      throws Exception {
    Map<String, String> previous = NightlyChild.logical(out);
    assertThat(previous)
        .containsKeys(
            "warehouse/activities/run_date=" + NightlyChild.RUN_DATE,
            "warehouse/credits/run_date=" + NightlyChild.RUN_DATE,
            "warehouse/effectiveness/run_date=" + NightlyChild.RUN_DATE,
            "rejects/run_date=" + NightlyChild.RUN_DATE + "/rejects.csv",
            "reports/" + NightlyChild.RUN_DATE + "/lift.csv");
    Path log = out.resolve("runs").resolve(NightlyChild.RUN_DATE + ".log");
    List<String[]> cases =
        List.of(
            new String[] {
              "before:classify", "oom", "java.lang.OutOfMemoryError: injected at before:classify"
            },
            new String[] {
              "before:attribute", "error", "java.lang.AssertionError: injected at before:attribute"
            },
            new String[] {
              "before:aggregate",
              "runtime",
              "java.lang.IllegalStateException: injected at before:aggregate"
            },
            new String[] {
              "before:publish", "nospace", "cannot write before:publish: no space left on device"
            });
    for (String[] c : cases) {
      String point = c[0];
      System.setProperty(FaultPoints.FAIL_PROPERTY, point + "=" + c[1]);
      Result r;
      try {
        r = run(large, out);
      } finally {
        System.clearProperty(FaultPoints.FAIL_PROPERTY);
      }
      assertThat(r.exit)
          .as("exit code of a run failing at %s; stderr:%n%s", point, r.stderr)
          .isEqualTo(1);
      List<String> errors =
          r.stderr
              .lines()
              // Every line starts with its UTC time (Progress).
              .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ", ""))
              .filter(l -> l.startsWith("wellspring: error:"))
              .toList();
      assertThat(errors).as("error lines at %s", point).hasSize(1);
      assertThat(errors.get(0))
          .as("the error line at %s", point)
          .contains(c[2].replaceFirst("^cannot write ", ""));
      assertThat(r.stderr)
          .as("no stack trace on the terminal at %s", point)
          .doesNotContain("\tat ");
      JsonNode m = manifest(out);
      assertThat(m.get("status").asText())
          .as("manifest status after %s", point)
          .isEqualTo("failed");
      assertThat(m.get("exit_code").asInt()).isEqualTo(1);
      assertThat(m.get("message").asText()).as("manifest message after %s", point).contains(c[2]);
      assertThat(Files.readString(log))
          .as("the run log holds the trace of %s", point)
          .contains(c[2].replaceFirst("^cannot write .*", "No space left on device"))
          .contains("\tat ");
      try (RunLock lock = RunLock.acquire(out)) {
        assertThat(lock.tookOverStaleLock())
            .as("the lock after %s was released, not left", point)
            .isNull();
      }
      assertThat(NightlyChild.logical(out))
          .as("the whole run date after a failure at %s is the previous run's", point)
          .isEqualTo(previous);
      assertThat(generations(out)).as("generations after a failure at %s", point).hasSize(1);
    }

    assertThat(run(large, out).exit).as("the run that succeeds").isZero();
    Path fresh = tmp.resolve("reference-large");
    // The same keyed-hash secret (generated per output folder), so masked values compare.
    Files.createDirectories(fresh);
    Files.copy(out.resolve(".wellspring-secret"), fresh.resolve(".wellspring-secret"));
    assertThat(run(large, fresh).exit).as("a reference run into an empty folder").isZero();
    Map<String, String> now = NightlyChild.logical(out);
    assertThat(now)
        .as("the run date after the run that succeeded")
        .isEqualTo(NightlyChild.logical(fresh));
    assertThat(now).isNotEqualTo(previous);
    List<Path> gens = generations(out);
    assertThat(gens).hasSize(1);
    for (String unit : now.keySet()) {
      Path real = out.resolve(unit).toRealPath();
      assertThat(real.startsWith(gens.get(0).toRealPath()))
          .as("%s resolves into the one generation", unit)
          .isTrue();
    }
  }

  /** The generation folders of the run date (g-*). */
  static List<Path> generations(Path output) throws Exception {
    Path dir = output.resolve(Warehouse.GENERATIONS).resolve(NightlyChild.RUN_DATE);
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("g-")).toList();
    }
  }
}
