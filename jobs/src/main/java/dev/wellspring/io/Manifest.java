package dev.wellspring.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run manifest {@code runs/YYYY-MM-DD.json}, built up by the stages of one run.
 *
 * <p>Layout (a contract with the report module):
 *
 * <pre>
 * { "run_date": "2026-01-31", "status": "ok|failed|rejects_above_maximum", "exit_code": 0,
 *   "message": "...", "started_at": "...", "finished_at": "...",
 *   "versions": {"wellspring":..., "spark":..., "java":...},
 *   "configuration": { ...effective configuration... },
 *   "inputs": [ {"file": "activities.csv", "kind": "activities", "adapter": "canonical",
 *                "sha256": "...", "bytes": 123, "rows_read": 10, "rows_accepted": 9,
 *                "rows_rejected": 1, "rows_excluded": 0, "rows_ignored_future": 0,
 *                "rejected_by_reason": {"bad_timestamp": 1}, "excluded_by_reason": {} } ],
 *   "unrecognised_files": ["Profile.csv"],
 *   "totals": {"rows_read": 10, "rows_accepted": 9, "rows_rejected": 1, "reject_ratio": 0.1,
 *              "rows_ignored_future": 0},
 *   "stages": [ {"stage": "ingest", "seconds": 1.5, "rows_in": 10, "rows_out": 9} ],
 *   "outputs": ["warehouse/activities/run_date=...", "reports/.../effectiveness.csv"],
 *   "warnings": ["..."] }
 * </pre>
 */
public final class Manifest {
  public static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode root = JSON.createObjectNode();

  public ObjectNode root() {
    return root;
  }

  public ArrayNode array(String name) {
    return root.has(name) ? (ArrayNode) root.get(name) : root.putArray(name);
  }

  public ObjectNode object(String name) {
    return root.has(name) ? (ObjectNode) root.get(name) : root.putObject(name);
  }

  /** Adds a stage timing line. */
  public synchronized void stage(String stage, double seconds, long rowsIn, long rowsOut) {
    ArrayNode stages = array("stages");
    // A stage run again for the same date (alone, or by a rerun) replaces its earlier entry.
    for (int i = stages.size() - 1; i >= 0; i--) {
      if (stage.equals(stages.get(i).path("stage").asText())) {
        stages.remove(i);
      }
    }
    ObjectNode s = stages.addObject();
    s.put("stage", stage);
    s.put("seconds", Math.round(seconds * 1000) / 1000.0);
    s.put("rows_in", rowsIn);
    s.put("rows_out", rowsOut);
  }

  public synchronized void warn(String warning) {
    array("warnings").add(warning);
  }

  /**
   * Writes the manifest atomically (temp file in the same folder, then rename). On a full disk,
   * where the temp file finds no room, the file is overwritten in place, reusing its own space: a
   * failed run's manifest must say why it failed.
   */
  public synchronized void writeTo(Path file) {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(tmp.toFile(), root);
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
        if (Files.isRegularFile(file) && String.valueOf(e.getMessage()).contains("No space left")) {
          JSON.writeValue(file.toFile(), root);
          return;
        }
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a manifest written earlier (a stage run alone adds to its date's manifest). */
  public static Manifest readOrNew(Path file) {
    Manifest m = new Manifest();
    if (Files.isRegularFile(file)) {
      try {
        m.root.setAll((ObjectNode) JSON.readTree(file.toFile()));
      } catch (IOException | ClassCastException e) {
        // An unreadable old manifest is replaced, not fatal.
      }
    }
    return m;
  }
}
