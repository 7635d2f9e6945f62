package dev.wellspring.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.wellspring.WellspringException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The output folder: where every table, export, reject file and manifest of a run date lives, and
 * the only place that publishes them.
 *
 * <p>Publishing is write-then-move: a table or report folder is written under {@code .staging/} and
 * moved into place with a rename, so a reader sees the previous version or the new one. The
 * replaced version is first moved to {@code .trash/}; {@link #recover()} puts it back if a run died
 * between the two moves.
 *
 * <p>A pipeline run publishes its run date as one unit ({@link #begin}, {@link #commit}): every
 * table, the rejects and the reports folder of the date are written into a new <em>generation</em>
 * {@code .generations/<date>/g-<id>/} (a mirror of the public layout), and one rename of the
 * symbolic link {@code .generations/<date>/current} publishes them all at once. The public paths
 * ({@code warehouse/<table>/run_date=D}, {@code rejects/run_date=D}, {@code reports/D}) are
 * relative symbolic links through {@code current}, so a reader that opens one of them sees the old
 * generation or the new one, never a mix of tables from two runs. Units the run did not rewrite (a
 * stage run alone) are carried over into the new generation by hard links.
 */
public final class Warehouse {
  /** The folder of the generations, under the output folder. */
  public static final String GENERATIONS = ".generations";

  private final Path root;
  private LocalDate generationDate;
  private Path generation;

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

  /**
   * Where a table of the run date is read from now: this run's staged version when the run wrote
   * one, else the published one.
   */
  public Path readDir(String table, LocalDate runDate) {
    return currentView(tableDir(table, runDate));
  }

  /**
   * Where a published path of the run date (a table, the rejects, the reports folder) is read from
   * now: this run's staged version when the run wrote one, else the published one.
   */
  public Path currentView(Path published) {
    Path staged = staged(published);
    return staged != null && Files.exists(staged) ? staged : published;
  }

  /** Reads one table of one run date; a clear exit-2 error when the previous stage never ran. */
  public Dataset<Row> read(SparkSession spark, String table, StructType schema, LocalDate runDate) {
    Path dir = readDir(table, runDate);
    if (!Files.isDirectory(dir)) {
      throw WellspringException.unusable(
          "read",
          "table "
              + table
              + " for run date "
              + runDate
              + " not found at "
              + dir
              + " (run the earlier stages first, or `nightly`)");
    }
    return spark.read().schema(schema).parquet(dir.toString());
  }

  /** Whether a table of the run date exists where {@link #readDir} looks for it. */
  public boolean hasTable(String table, LocalDate runDate) {
    return Files.isDirectory(readDir(table, runDate));
  }

  /**
   * The published partitions of a table for run dates before {@code runDate}, with their {@code
   * run_date} column; empty when there is none. This run's own partition, staged in its generation
   * until the date is published, is never among them.
   */
  public Optional<Dataset<Row>> readEarlierDates(
      SparkSession spark, String table, StructType schema, LocalDate runDate) {
    Path dir = tableDir(table, runDate).getParent();
    boolean earlier;
    try (Stream<Path> dirs = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      earlier =
          dirs.map(p -> p.getFileName().toString())
              .anyMatch(
                  n ->
                      n.startsWith("run_date=")
                          && n.substring(9).compareTo(runDate.toString()) < 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (!earlier) {
      return Optional.empty();
    }
    StructType withDate = schema.add("run_date", "date");
    return Optional.of(
        spark
            .read()
            .schema(withDate)
            .option("basePath", dir.toString())
            .parquet(dir.toString())
            .where(col("run_date").lt(lit(runDate))));
  }

  /** Writes one table of one run date as Parquet and publishes it atomically. */
  public void write(Dataset<Row> df, String table, LocalDate runDate) {
    Path staged = staged(tableDir(table, runDate));
    if (staged != null) {
      df.write().mode(SaveMode.Overwrite).parquet(staged.toString());
      return;
    }
    Path staging = newStagingDir(table);
    Path data = staging.resolve("data");
    df.write().mode(SaveMode.Overwrite).parquet(data.toString());
    publish(data, tableDir(table, runDate));
    deleteTree(staging);
  }

  /**
   * Moves a finished folder or file into place, replacing what was there. Both paths must be on the
   * output's file system.
   */
  public void publish(Path staged, Path target) {
    Path inGeneration = staged(target);
    if (inGeneration != null) {
      try {
        deleteTree(inGeneration);
        Files.createDirectories(inGeneration.getParent());
        move(staged, inGeneration);
      } catch (IOException e) {
        throw new WellspringException(
            "publish", WellspringException.INTERNAL, "cannot stage " + target + ": " + e, e);
      }
      return;
    }
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

  /** {@code .generations/D/current}: the symbolic link naming the published generation of D. */
  public Path currentLink(LocalDate runDate) {
    return root.resolve(GENERATIONS).resolve(runDate.toString()).resolve("current");
  }

  /**
   * Starts staging the run date: from now on {@link #write} and {@link #publish} put units of
   * {@code runDate} into a new generation, invisible to readers until {@link #commit}.
   */
  public void begin(LocalDate runDate) {
    if (generation != null) {
      throw new IllegalStateException("a generation of " + generationDate + " is already open");
    }
    Path dir =
        root.resolve(GENERATIONS)
            .resolve(runDate.toString())
            .resolve(
                "g-"
                    + System.currentTimeMillis()
                    + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    generation = dir;
    generationDate = runDate;
  }

  /** The open generation's folder (a mirror of the output folder's layout), or null. */
  public Path generation() {
    return generation;
  }

  /**
   * The open generation's copy of the published unit {@code unit} of the run date (a {@code
   * reports/D} folder, say), made by copying the published one when the run has not written it: a
   * stage that adds to a unit (the report adds the PDF to the exports) works on its own copy.
   */
  public Path stageCopy(Path unit) {
    Path staged = staged(unit);
    if (staged == null) {
      return unit;
    }
    try {
      if (!Files.exists(staged) && Files.isDirectory(unit)) {
        copyTree(unit, staged, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return staged;
  }

  /** Drops the open generation unpublished (a failed run): the published date stays as it was. */
  public void abandon() {
    Path dir = generation;
    generation = null;
    generationDate = null;
    if (dir != null) {
      deleteTree(dir);
    }
  }

  /**
   * Publishes the open generation as the run date's outputs in one atomic step. Units published
   * before and not rewritten by this run are carried over (hard links, else copies); the public
   * links are made for new units; then {@code current} is switched by one rename; finally the
   * previous generation and links to units that no longer exist are removed.
   */
  public void commit() {
    if (generation == null) {
      return;
    }
    Path gen = generation;
    LocalDate date = generationDate;
    Path current = currentLink(date);
    try {
      deleteTree(gen.resolve("runs"));
      Set<String> units = new TreeSet<>(units(gen, date));
      for (String unit : units(root, date)) {
        if (!units.contains(unit)) {
          copyTree(root.resolve(unit), gen.resolve(unit), true);
          units.add(unit);
        }
      }
      List<String> legacy = new ArrayList<>();
      for (String unit : units) {
        Path pub = root.resolve(unit);
        Path link = pub.getParent().relativize(current.resolve(unit));
        if (Files.isSymbolicLink(pub) && Files.readSymbolicLink(pub).equals(link)) {
          continue;
        }
        if (Files.exists(pub, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(pub)) {
          // A real folder (outputs of a version before generations): replaced after the switch.
          legacy.add(unit);
          continue;
        }
        // A link to the unit that does not resolve until the switch: the unit is absent until
        // then, as in the generation being replaced.
        Files.createDirectories(pub.getParent());
        Path tmp = pub.resolveSibling("." + pub.getFileName() + ".tmp-" + UUID.randomUUID());
        Files.createSymbolicLink(tmp, link);
        Files.move(tmp, pub, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      FaultPoints.pauseAt("publish:switch");
      Path previous =
          Files.isSymbolicLink(current)
              ? current.resolveSibling(Files.readSymbolicLink(current))
              : null;
      Path next = current.resolveSibling("current.tmp-" + UUID.randomUUID());
      Files.createSymbolicLink(next, gen.getFileName());
      // rename(2) replaces the old link in one step: readers resolve the old or the new target.
      Files.move(next, current, StandardCopyOption.ATOMIC_MOVE);
      generation = null;
      generationDate = null;
      FaultPoints.pauseAt("publish:switched");
      Path trash = root.resolve(".trash").resolve(UUID.randomUUID().toString());
      for (String unit : legacy) {
        // Parked first, so a run dying here has recover() put the old folder back.
        Path pub = root.resolve(unit);
        Path parked = trash.resolve(unit);
        Files.createDirectories(parked.getParent());
        move(pub, parked);
        Files.createSymbolicLink(pub, pub.getParent().relativize(current.resolve(unit)));
      }
      if (previous != null && !previous.equals(gen)) {
        deleteTree(previous);
      }
      removeDanglingLinks(date);
      deleteTree(trash);
    } catch (IOException e) {
      throw new WellspringException(
          "publish", WellspringException.INTERNAL, "cannot publish run date " + date + ": " + e, e);
    }
  }

  /** The date units present under {@code base} (the output folder or a generation), relative. */
  private static List<String> units(Path base, LocalDate date) throws IOException {
    List<String> units = new ArrayList<>();
    Path warehouse = base.resolve("warehouse");
    if (Files.isDirectory(warehouse)) {
      try (Stream<Path> tables = Files.list(warehouse)) {
        for (Path t : tables.sorted().toList()) {
          if (Files.isDirectory(t.resolve("run_date=" + date))) {
            units.add("warehouse/" + t.getFileName() + "/run_date=" + date);
          }
        }
      }
    }
    for (String unit : List.of("rejects/run_date=" + date, "reports/" + date)) {
      if (Files.isDirectory(base.resolve(unit))) {
        units.add(unit);
      }
    }
    return units;
  }

  /** The open generation's path for a public path of its date, or null. */
  private Path staged(Path published) {
    if (generation == null) {
      return null;
    }
    String relative = root.relativize(published.toAbsolutePath().normalize()).toString();
    String d = generationDate.toString();
    boolean ofDate =
        relative.startsWith("reports/" + d)
            || relative.matches("(warehouse/[^/]+|rejects)/run_date=" + d + "(/.*)?");
    return ofDate ? generation.resolve(relative) : null;
  }

  private void removeDanglingLinks(LocalDate date) throws IOException {
    List<Path> candidates = new ArrayList<>();
    Path warehouse = root.resolve("warehouse");
    if (Files.isDirectory(warehouse)) {
      try (Stream<Path> tables = Files.list(warehouse)) {
        tables.forEach(t -> candidates.add(t.resolve("run_date=" + date)));
      }
    }
    candidates.add(rejectsDir(date));
    candidates.add(reportsDir(date));
    for (Path p : candidates) {
      if (Files.isSymbolicLink(p) && !Files.exists(p)) {
        Files.delete(p);
      }
    }
  }

  /** Copies a tree, following links; with {@code link}, files are hard links where possible. */
  private static void copyTree(Path from, Path to, boolean link) throws IOException {
    try (Stream<Path> walk = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
      for (Path f : walk.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
          continue;
        }
        if (link) {
          try {
            Files.createLink(target, f.toRealPath());
            continue;
          } catch (UnsupportedOperationException | IOException e) {
            // No hard links here (another file system, a FAT volume): a copy does the same.
          }
        }
        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * Undoes a publish that died between its two moves: a parked version whose target is missing goes
   * back; anything else in .trash and .staging is removed.
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
    recoverGenerations();
  }

  /**
   * Removes what a run that died left of its generations: every generation of a date other than the
   * one {@code current} names, half-made {@code current.tmp-*} links, and public links whose unit
   * the published generation does not have.
   */
  private void recoverGenerations() {
    Path all = root.resolve(GENERATIONS);
    if (!Files.isDirectory(all)) {
      return;
    }
    try (Stream<Path> dates = Files.list(all)) {
      for (Path dateDir : dates.toList()) {
        Path current = dateDir.resolve("current");
        Path keep =
            Files.isSymbolicLink(current)
                ? dateDir.resolve(Files.readSymbolicLink(current)).normalize()
                : null;
        try (Stream<Path> entries = Files.list(dateDir)) {
          for (Path e : entries.toList()) {
            if (e.equals(current) || e.normalize().equals(keep)) {
              continue;
            }
            if (Files.isSymbolicLink(e)) {
              Files.delete(e);
            } else {
              deleteTree(e);
            }
          }
        }
        try {
          removeDanglingLinks(LocalDate.parse(dateDir.getFileName().toString()));
        } catch (java.time.format.DateTimeParseException e) {
          // Not a date folder: not ours to judge.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void restoreParked(Path batch, Path dir) throws IOException {
    // A parked entry is the deepest path under the batch whose target is missing.
    try (Stream<Path> children = Files.list(dir)) {
      for (Path child : children.toList()) {
        Path target = root.resolve(batch.relativize(child).toString());
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
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
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
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
