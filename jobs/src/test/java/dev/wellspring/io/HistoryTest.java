package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keep_runs and latest on hand-made output folders (no Spark). */
class HistoryTest {
  @TempDir Path out;

  static final LocalDate D1 = LocalDate.of(2026, 3, 1);
  static final LocalDate D2 = LocalDate.of(2026, 3, 2);
  static final LocalDate D3 = LocalDate.of(2026, 3, 3);
  static final LocalDate D4 = LocalDate.of(2026, 3, 4);

  /** A run date as a run leaves it: two tables, rejects, reports and a manifest with a status. */
  private void run(LocalDate d, String status) throws IOException {
    Warehouse wh = new Warehouse(out);
    for (String t : List.of("activities", "credits")) {
      Files.createDirectories(wh.tableDir(t, d));
      Files.writeString(wh.tableDir(t, d).resolve("part-0.parquet"), t + d);
    }
    Files.createDirectories(wh.rejectsDir(d));
    Files.writeString(wh.rejectsDir(d).resolve("rejects.csv"), "file,line\n");
    Files.createDirectories(wh.reportsDir(d));
    Files.writeString(wh.reportsDir(d).resolve("effectiveness.csv"), "owner\n");
    Files.createDirectories(wh.manifestFile(d).getParent());
    Files.writeString(
        wh.manifestFile(d), "{\"run_date\":\"" + d + "\",\"status\":\"" + status + "\"}");
  }

  private TreeSet<LocalDate> datesOnDisk() throws IOException {
    TreeSet<LocalDate> dates = new TreeSet<>();
    try (Stream<Path> walk = Files.walk(out)) {
      walk.map(p -> p.getFileName().toString())
          .map(n -> n.replace("run_date=", "").replace(".json", ""))
          .filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}"))
          .forEach(n -> dates.add(LocalDate.parse(n)));
    }
    return dates;
  }

  @Test
  void keepsTheNewestNAndPointsLatestAtTheNewest() throws IOException {
    run(D1, "ok");
    run(D2, "ok");
    run(D3, "ok");

    History.Outcome o = new History(new Warehouse(out)).afterSuccess(D3, 2);

    assertThat(o.pruned()).containsExactly(D1);
    assertThat(datesOnDisk()).containsExactly(D2, D3);
    assertThat(new History(new Warehouse(out)).latest()).contains(D3);
    Path link = out.resolve("reports/latest");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("2026-03-03"));
    assertThat(link.resolve("effectiveness.csv")).hasContent("owner");
    var json = Manifest.JSON.readTree(out.resolve("runs/latest.json").toFile());
    assertThat(json.path("manifest").asText()).isEqualTo("runs/2026-03-03.json");
    assertThat(json.path("warehouse").path("credits").asText())
        .isEqualTo("warehouse/credits/run_date=2026-03-03");
    assertThat(json.path("rejects").asText()).isEqualTo("rejects/run_date=2026-03-03/rejects.csv");
    // Nothing pruning parked is left behind.
    assertThat(out.resolve(".staging"))
        .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
  }

  @Test
  void failedDatesCountForNothingAndTheCurrentDateIsNeverPruned() throws IOException {
    run(D1, "ok");
    run(D2, "failed");
    run(D3, "ok");
    run(D4, "ok");

    // Published: D1, D3, D4. keep 2 -> D3, D4 stay; D1 and the failed D2 (older than D3) go.
    new History(new Warehouse(out)).afterSuccess(D4, 2);
    assertThat(datesOnDisk()).containsExactly(D3, D4);

    // A backfill of an old date that just succeeded keeps its outputs; latest stays on the newest.
    run(D1, "ok");
    History.Outcome o = new History(new Warehouse(out)).afterSuccess(D1, 2);
    assertThat(o.pruned()).isEmpty();
    assertThat(datesOnDisk()).containsExactly(D1, D3, D4);
    assertThat(o.latest()).contains(D4);
    assertThat(Files.readSymbolicLink(out.resolve("reports/latest")))
        .isEqualTo(Path.of("2026-03-04"));
  }

  @Test
  void keepRunsZeroKeepsEverythingAndLatestMovesWithANewerDate() throws IOException {
    run(D1, "ok");
    run(D2, "ok");
    History h = new History(new Warehouse(out));
    h.afterSuccess(D2, 0);
    assertThat(h.latest()).contains(D2);

    run(D3, "ok");
    h.afterSuccess(D3, 0);
    assertThat(datesOnDisk()).containsExactly(D1, D2, D3);
    assertThat(h.latest()).contains(D3);
    assertThat(Files.readSymbolicLink(out.resolve("reports/latest")))
        .isEqualTo(Path.of("2026-03-03"));
    // The link is not a run date: a later prune ignores it.
    h.afterSuccess(D3, 1);
    assertThat(datesOnDisk()).containsExactly(D3);
    assertThat(out.resolve("reports/latest/effectiveness.csv")).exists();
  }
}
