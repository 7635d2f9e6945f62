package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.io.History;
import dev.wellspring.io.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A year of nights in miniature: three nightly run dates into one output folder with {@code
 * --keep-runs 2}. Exactly two run dates remain, latest is the newest, and a run killed in between
 * changes neither the published dates nor latest.
 */
class KeepRunsIT {
  static final String D1 = "2026-03-29";
  static final String D2 = "2026-03-30";
  static final String D3 = "2026-03-31";

  @TempDir Path tmp;

  private void nightly(Path in, Path out, String date) throws Exception {
    Path log = tmp.resolve("nightly-" + date + ".log");
    Process p = NightlyChild.start(in, out, "local[2]", null, false, log, date, "--keep-runs", "2");
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("nightly %s finished in time", date).isTrue();
    assertThat(p.exitValue())
        .as("nightly %s exit code; log:%n%s", date, Files.readString(log))
        .isZero();
  }

  /** Run dates with anything published under reports/, runs/ or a warehouse table. */
  private static TreeSet<String> datesWithOutputs(Path out) throws IOException {
    TreeSet<String> dates = new TreeSet<>();
    for (String top : new String[] {"reports", "runs", "rejects", "warehouse"}) {
      Path root = out.resolve(top);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root, 2)) {
        walk.filter(p -> !Files.isSymbolicLink(p))
            .map(p -> p.getFileName().toString().replace("run_date=", "").replace(".json", ""))
            .filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}"))
            .forEach(dates::add);
      }
    }
    return dates;
  }

  @Test
  void threeNightsWithKeepRunsTwoLeaveTheNewestTwoAndAKilledRunChangesNothing() throws Exception {
    Path in = tmp.resolve("in");
    HardeningInputs.write(in, 250);
    Path out = tmp.resolve("out");
    History history = new History(new Warehouse(out));

    nightly(in, out, D1);
    nightly(in, out, D2);
    assertThat(datesWithOutputs(out)).containsExactly(D1, D2);
    assertThat(history.latest()).contains(LocalDate.parse(D2));
    Map<String, String> before = NightlyChild.snapshot(out);
    String latestJson = Files.readString(out.resolve("runs/latest.json"));

    // Killed before aggregate: ingest, classify and attribute of D3 ran; nothing was published
    // as a run (no reports/D3, no ok manifest), so nothing is pruned and latest stays on D2.
    Path killedLog = tmp.resolve("killed.log");
    Process killed =
        NightlyChild.start(
            in, out, "local[2]", "before:aggregate", false, killedLog, D3, "--keep-runs", "2");
    NightlyChild.awaitLine(killed, killedLog, "PAUSED before:aggregate");
    NightlyChild.kill(killed);
    assertThat(history.publishedDates()).extracting(LocalDate::toString).containsExactly(D1, D2);
    assertThat(history.latest()).contains(LocalDate.parse(D2));
    assertThat(Files.readString(out.resolve("runs/latest.json"))).isEqualTo(latestJson);
    assertThat(Files.readSymbolicLink(out.resolve("reports/latest"))).isEqualTo(Path.of(D2));
    // D1's and D2's published files are byte for byte what they were.
    Map<String, String> after = NightlyChild.snapshot(out);
    after.keySet().removeIf(k -> k.contains(D3));
    assertThat(after).isEqualTo(before);

    nightly(in, out, D3);
    assertThat(datesWithOutputs(out)).containsExactly(D2, D3);
    assertThat(history.publishedDates()).extracting(LocalDate::toString).containsExactly(D2, D3);
    assertThat(history.latest()).contains(LocalDate.parse(D3));
    assertThat(Files.readSymbolicLink(out.resolve("reports/latest"))).isEqualTo(Path.of(D3));
    assertThat(out.resolve("reports/latest/effectiveness.csv")).exists();
    assertThat(Files.readString(killedLog)).doesNotContain("pruned");
    assertThat(Files.readString(tmp.resolve("nightly-" + D3 + ".log")))
        .contains("keep_runs 2: pruned run dates [" + D1 + "]");
  }
}
