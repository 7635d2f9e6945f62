package dev.wellspring.io;

import dev.wellspring.WellspringException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The output folder: where every table, export, reject file and manifest of a run date lives,
 * and the only place that publishes them.
 *
 * <p>Publishing is write-then-move: a table or report folder is written under {@code .staging/}
 * and moved into place with a rename, so a reader sees the previous version or the new one. The
 * replaced version is first moved to {@code .trash/}; {@link #recover()} puts it back if a run
 * died between the two moves.
 */
public final class Warehouse {
  private final Path root;

  public Warehouse(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** {@code warehouse/<table>/run_date=D}. */
  public Path tableDir(String table, LocalDate runDate) {
    return root.resolve("warehouse").resolve(table).resolve("run_date=" + runDate);
  }

  /** {@code reports/D}: the CSV exports and the PDF. */
  public Path reportsDir(LocalDate runDate) {
    return root.resolve("reports").resolve(runDate.toString());
  }

  /** {@code rejects/run_date=D}. */
  public Path rejectsDir(LocalDate runDate) {
    return root.resolve("rejects").resolve("run_date=" + runDate);
  }

  /** {@code runs/D.json}. */
  public Path manifestFile(LocalDate runDate) {
    return root.resolve("runs").resolve(runDate + ".json");
  }

  /** A fresh, empty staging folder on the same file system as the outputs. */
  public Path newStagingDir(String purpose) {
    Path p = root.resolve(".staging").resolve(purpose + "-" + UUID.randomUUID());
    try {
      Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Reads one table of one run date; a clear exit-2 error when the previous stage never ran. */
  public Dataset<Row> read(SparkSession spark, String table, StructType schema, LocalDate runDate) {
    Path dir = tableDir(table, runDate);
    if (!Files.isDirectory(dir)) {
      throw WellspringException.unusable(
          "read",
          "table " + table + " for run date " + runDate + " not found at " + dir
              + " (run the earlier stages first, or `nightly`)");
    }
    return spark.read().schema(schema).parquet(dir.toString());
  }

  /** Writes one table of one run date as Parquet and publishes it atomically. */
  public void write(Dataset<Row> df, String table, LocalDate runDate) {
    Path staging = newStagingDir(table);
    Path data = staging.resolve("data");
    df.write().mode(SaveMode.Overwrite).parquet(data.toString());
    publish(data, tableDir(table, runDate));
    deleteTree(staging);
  }

  /**
   * Moves a finished folder or file into place, replacing what was there. Both paths must be on
   * the output's file system.
   */
  public void publish(Path staged, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Path trash = null;
      if (Files.exists(target)) {
        trash = root.resolve(".trash").resolve(UUID.randomUUID().toString());
        Path parked = trash.resolve(root.relativize(target).toString());
        Files.createDirectories(parked.getParent());
        move(target, parked);
        FaultPoints.pauseAt("publish:parked");
      }
      move(staged, target);
      if (trash != null) {
        deleteTree(trash);
      }
    } catch (IOException e) {
      throw new WellspringException(
          "publish", WellspringException.INTERNAL, "cannot publish " + target + ": " + e, e);
    }
  }

  /**
   * Undoes a publish that died between its two moves: a parked version whose target is missing
   * goes back; anything else in .trash and .staging is removed.
   */
  public void recover() {
    Path trashRoot = root.resolve(".trash");
    if (Files.isDirectory(trashRoot)) {
      try (Stream<Path> batches = Files.list(trashRoot)) {
        for (Path batch : batches.toList()) {
          restoreParked(batch, batch);
          deleteTree(batch);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    deleteTree(root.resolve(".staging"));
  }

  private void restoreParked(Path batch, Path dir) throws IOException {
    // A parked entry is the deepest path under the batch whose target is missing.
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        Path target = root.resolve(batch.relativize(child).toString());
        if (!Files.exists(target)) {
          Files.createDirectories(target.getParent());
          move(child, target);
        } else if (Files.isDirectory(child) && Files.isDirectory(target)) {
          restoreParked(batch, child);
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a file or folder tree if present. */
  public static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      List<Path> all = walk.sorted(Comparator.reverseOrder()).toList();
      for (Path x : all) {
        Files.deleteIfExists(x);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
