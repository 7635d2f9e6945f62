package dev.wellspring.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The history of an output folder after a successful publish: which run dates stay ({@code
 * keep_runs}) and which one is "latest".
 *
 * <p>A published run date is one whose manifest {@code runs/D.json} says {@code "status": "ok"} and
 * whose {@code reports/D} folder exists. After a successful run:
 *
 * <ul>
 *   <li>{@code runs/latest.json} and the symbolic link {@code reports/latest} point at the newest
 *       published run date. Both switch atomically: the JSON is written to a temporary file and
 *       renamed over the old one; the link is created under a temporary name and renamed over the
 *       old link, so a reader sees the old target or the new one.
 *   <li>With {@code keep_runs = N > 0}, the N newest published run dates stay; every run date older
 *       than the oldest of them (published or left behind by a failed run) loses its warehouse
 *       partitions, rejects, reports folder and manifest. The date of the current run is never
 *       pruned (a backfill of an old date keeps its outputs until the next night), and nothing is
 *       pruned when a run fails (the caller only calls this after exit 0).
 * </ul>
 *
 * <p>Each pruned folder is first renamed into {@code .staging/} (which {@link Warehouse#recover()}
 * empties) and then deleted, so a run killed while pruning leaves whole partitions, never half
 * ones; the manifest goes first, so a half-pruned date is no longer "published".
 */
public final class History {
  public static final String LATEST = "latest";
  public static final String LATEST_JSON = "latest.json";

  private final Warehouse wh;

  public History(Warehouse wh) {
    this.wh = wh;
  }

  /** What {@link #afterSuccess} did. */
  public record Outcome(Optional<LocalDate> latest, List<LocalDate> pruned) {}

  /**
   * Points latest at the newest published run date and prunes run dates beyond {@code keepRuns} (0
   * keeps every date).
   *
   * @param current the run date of the run that just succeeded; never pruned
   */
  public Outcome afterSuccess(LocalDate current, int keepRuns) {
    TreeSet<LocalDate> published = publishedDates();
    List<LocalDate> pruned = new ArrayList<>();
    if (keepRuns > 0 && published.size() > keepRuns) {
      LocalDate oldestKept =
          published.descendingSet().stream().skip(keepRuns - 1L).findFirst().orElseThrow();
      for (LocalDate d : allDates()) {
        if (d.isBefore(oldestKept) && !d.equals(current)) {
          prune(d);
          pruned.add(d);
        }
      }
      published.removeAll(pruned);
    }
    Optional<LocalDate> latest =
        published.isEmpty() ? Optional.empty() : Optional.of(published.last());
    latest.ifPresent(this::pointLatestAt);
    return new Outcome(latest, pruned);
  }

  /** Run dates whose manifest says ok and whose reports folder exists, oldest first. */
  public TreeSet<LocalDate> publishedDates() {
    TreeSet<LocalDate> dates = new TreeSet<>();
    for (LocalDate d : datesIn(wh.root().resolve("runs"), "", ".json")) {
      if (Files.isDirectory(wh.reportsDir(d)) && "ok".equals(status(wh.manifestFile(d)))) {
        dates.add(d);
      }
    }
    return dates;
  }

  /** Every run date with anything in the output folder: manifests, reports, rejects, partitions. */
  TreeSet<LocalDate> allDates() {
    TreeSet<LocalDate> dates = new TreeSet<>();
    dates.addAll(datesIn(wh.root().resolve("runs"), "", ".json"));
    dates.addAll(datesIn(wh.root().resolve("reports"), "", ""));
    dates.addAll(datesIn(wh.root().resolve("rejects"), "run_date=", ""));
    for (Path table : children(wh.root().resolve("warehouse"))) {
      dates.addAll(datesIn(table, "run_date=", ""));
    }
    dates.addAll(datesIn(wh.root().resolve(Warehouse.GENERATIONS), "", ""));
    return dates;
  }

  private void prune(LocalDate d) {
    List<Path> targets = new ArrayList<>();
    targets.add(wh.manifestFile(d));
    targets.add(wh.reportsDir(d));
    targets.add(wh.rejectsDir(d));
    for (Path table : children(wh.root().resolve("warehouse"))) {
      targets.add(table.resolve("run_date=" + d));
    }
    // The public paths are links into the date's generations (Warehouse): the data goes last.
    targets.add(wh.root().resolve(Warehouse.GENERATIONS).resolve(d.toString()));
    for (Path p : targets) {
      if (Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Path parked = wh.newStagingDir("prune").resolve(p.getFileName().toString());
        move(p, parked);
        Warehouse.deleteTree(parked.getParent());
      }
    }
  }

  /** Switches {@code runs/latest.json} and {@code reports/latest} to {@code d}. */
  void pointLatestAt(LocalDate d) {
    Path runs = wh.root().resolve("runs");
    ObjectNode json = Manifest.JSON.createObjectNode();
    json.put("run_date", d.toString());
    json.put("manifest", "runs/" + d + ".json");
    json.put("reports", "reports/" + d);
    ObjectNode tables = json.putObject("warehouse");
    for (Path table : children(wh.root().resolve("warehouse"))) {
      if (Files.isDirectory(table.resolve("run_date=" + d))) {
        tables.put(
            table.getFileName().toString(), "warehouse/" + table.getFileName() + "/run_date=" + d);
      }
    }
    Path rejects = wh.rejectsDir(d).resolve("rejects.csv");
    if (Files.exists(rejects)) {
      json.put("rejects", wh.root().relativize(rejects).toString());
    }
    try {
      Files.createDirectories(runs);
      Path tmp = runs.resolve("." + LATEST_JSON + "." + UUID.randomUUID() + ".tmp");
      Manifest.JSON.writeValue(tmp.toFile(), json);
      Files.move(
          tmp,
          runs.resolve(LATEST_JSON),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);

      Path reports = wh.root().resolve("reports");
      Path link = reports.resolve(LATEST);
      if (Files.isSymbolicLink(link)
          && Files.readSymbolicLink(link).toString().equals(d.toString())) {
        return;
      }
      Path tmpLink = reports.resolve("." + LATEST + "." + UUID.randomUUID() + ".tmp");
      Files.createSymbolicLink(tmpLink, Path.of(d.toString()));
      // rename(2) replaces a link atomically, as it does a file.
      Files.move(
          tmpLink, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot point latest at " + d + ": " + e.getMessage(), e);
    }
  }

  /** The run date {@code runs/latest.json} names, if any. */
  public Optional<LocalDate> latest() {
    Path file = wh.root().resolve("runs").resolve(LATEST_JSON);
    try {
      return Optional.of(
          LocalDate.parse(Manifest.JSON.readTree(file.toFile()).path("run_date").asText()));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String status(Path manifest) {
    try {
      JsonNode n = Manifest.JSON.readTree(manifest.toFile());
      return n.path("status").asText();
    } catch (IOException e) {
      return "";
    }
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Dates named {@code prefix + YYYY-MM-DD + suffix} in {@code dir}. */
  private static List<LocalDate> datesIn(Path dir, String prefix, String suffix) {
    List<LocalDate> dates = new ArrayList<>();
    for (Path p : children(dir)) {
      String name = p.getFileName().toString();
      // Published dates are links into their generation (Warehouse); `latest` is no date.
      if (!name.startsWith(prefix) || !name.endsWith(suffix)) {
        continue;
      }
      String middle = name.substring(prefix.length(), name.length() - suffix.length());
      try {
        dates.add(LocalDate.parse(middle));
      } catch (DateTimeParseException e) {
        // not a run date (latest.json, a user's own file)
      }
    }
    return dates;
  }

  private static void move(Path from, Path to) {
    try {
      try {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(from, to);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prune " + from + ": " + e.getMessage(), e);
    }
  }
}
