package dev.wellspring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.cli.Main;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;
import dev.wellspring.testing.SparkExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input discovery with links and special files: links to files and folders are followed (and an
 * {@code --input} that is a link), a link loop and a FIFO are skipped with a named warning, a
 * folder named like a canonical file is read with a warning, and an unrecognised file beside the
 * canonical ones is a warning on stderr as well as in the manifest.
 */
@ExtendWith(SparkExtension.class)
class InputDiscoveryTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 3, 31);

  @TempDir Path tmp;

  @Test
  void linksAreFollowedAndLoopsFifosFoldersAndUnknownFilesAreNamed() throws Exception {
    Path real = tmp.resolve("real");
    Path elsewhere = tmp.resolve("elsewhere");
    IngestStageTest.write(
        real, "activities.csv", "activity_id,owner,occurred_at,type\na1,ann,2026-03-01,call\n");
    IngestStageTest.write(
        elsewhere,
        "parts/activities-0001.csv",
        "activity_id,owner,occurred_at,type\na2,ann,2026-03-02,call\na3,ann,2026-03-03,call\n");
    IngestStageTest.write(
        elsewhere,
        "outcomes.csv",
        "outcome_id,owner,occurred_at,type\no1,ann,2026-03-04,revenue\n");
    IngestStageTest.write(
        real,
        "goals.csv/part-0.csv",
        "goal_id,owner,category,starts_on,ends_on\ng1,ann,speaking,2026-01-01,2026-06-30\n");
    IngestStageTest.write(real, "crm-export.csv", "Deal Name,Amount\nBig deal,100\n");
    Files.createSymbolicLink(real.resolve("parts"), elsewhere.resolve("parts"));
    Files.createSymbolicLink(real.resolve("outcomes.csv"), elsewhere.resolve("outcomes.csv"));
    Files.createSymbolicLink(real.resolve("loop"), real);
    Process mkfifo = new ProcessBuilder("mkfifo", real.resolve("pipe.csv").toString()).start();
    boolean fifo = mkfifo.waitFor() == 0;
    Path input = tmp.resolve("input-link");
    Files.createSymbolicLink(input, real);
    Path out = tmp.resolve("out");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          Main.run(
              "ingest",
              "--input",
              input.toString(),
              "--output",
              out.toString(),
              "--run-date",
              RUN_DATE.toString(),
              "--master",
              "local[2]");
    } finally {
      System.setErr(saved);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).as("stderr:%n%s", stderr).isZero();
    JsonNode m = Manifest.JSON.readTree(new Warehouse(out).manifestFile(RUN_DATE).toFile());
    List<String> files = new ArrayList<>();
    m.get("inputs")
        .forEach(i -> files.add(i.get("file").asText() + "=" + i.get("rows_read").asLong()));
    assertThat(files)
        .containsExactlyInAnyOrder(
            "activities.csv=1",
            "parts/activities-0001.csv=2",
            "outcomes.csv=1",
            "goals.csv/part-0.csv=1");
    assertThat(m.get("unrecognised_files").toString()).isEqualTo("[\"crm-export.csv\"]");
    List<String> expectedWarnings =
        new ArrayList<>(
            List.of(
                "goals.csv: a folder named like a canonical file; its files are read by their headers like any other",
                "loop: skipped, a link that loops back to a folder it is in"));
    if (fifo) {
      expectedWarnings.add("pipe.csv: skipped, not a regular file (a FIFO, socket or device)");
    }
    List<String> warnings = new ArrayList<>();
    m.get("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings).containsAll(expectedWarnings);
    for (String w : expectedWarnings) {
      assertThat(stderr).contains("wellspring: warning: ingest: " + w);
    }
    assertThat(stderr)
        .contains(
            "wellspring: warning: ingest: 1 file(s) not recognised and not read: crm-export.csv (listed in the manifest and the report's appendix)");
  }
}
