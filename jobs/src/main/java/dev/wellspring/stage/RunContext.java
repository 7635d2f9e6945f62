package dev.wellspring.stage;

import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;

/**
 * What every stage of one run shares: the configuration, the output folder and the manifest being
 * built, and where progress lines go. One context lives for one run date; the stages of the run
 * share it in order (never at the same time), so the manifest needs no locking.
 *
 * @param config the run's effective configuration
 * @param warehouse the output folder: the tables, exports and reports of the run date's generation
 * @param manifest the run date's manifest, written by the orchestrator after every stage
 * @param progress where the stage's progress lines go
 */
public record RunContext(
    WellspringConfig config, Warehouse warehouse, Manifest manifest, StageProgress progress) {

  /**
   * Lists an output in the manifest once, even when the stage is rerun for the same date.
   *
   * @param path a file or folder under {@link Warehouse#root()}; the manifest keeps it relative
   */
  public void output(java.nio.file.Path path) {
    String relative = warehouse.root().relativize(path).toString();
    com.fasterxml.jackson.databind.node.ArrayNode outputs = manifest.array("outputs");
    for (var existing : outputs) {
      if (existing.asText().equals(relative)) {
        return;
      }
    }
    outputs.add(relative);
  }
}
