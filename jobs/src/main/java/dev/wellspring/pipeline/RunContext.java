package dev.wellspring.pipeline;

import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Manifest;
import dev.wellspring.io.Warehouse;

/**
 * What every stage of one run shares: the configuration, the output folder and the manifest being
 * built, and where progress lines go.
 */
public record RunContext(
    WellspringConfig config, Warehouse warehouse, Manifest manifest, Progress progress) {

  /** Lists an output in the manifest once, even when the stage is rerun for the same date. */
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
