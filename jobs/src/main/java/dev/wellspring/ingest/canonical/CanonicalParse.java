package dev.wellspring.ingest.canonical;

import dev.wellspring.ingest.staging.StagingRows;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The canonical path's parse: each canonical file scanned on the driver (record starts, SHA-256),
 * cut into byte ranges and parsed by Spark tasks into staging rows of its kind.
 */
public final class CanonicalParse {
  private CanonicalParse() {}

  /**
   * The driver's scans of the canonical files ({@link FileSplits#scan}: record starts and SHA-256,
   * one sequential read of each file), started at once on two threads in the order the kinds are
   * parsed: a kind's files are scanned while Spark parses the kind before it, instead of the
   * executors waiting for a single driver thread (about 5 s for 1 GB of activities).
   */
  public static final class AheadScans implements AutoCloseable {
    private final java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "wellspring-file-scan");
              t.setDaemon(true);
              return t;
            });
    private final Map<String, java.util.concurrent.Future<FileSplits.Splits>> scans =
        new HashMap<>();

    public AheadScans(List<InputFile> files) {
      for (InputFile f : files) {
        scans.put(
            f.path(),
            pool.submit(() -> FileSplits.scan(Path.of(f.path()), FileSplits.DEFAULT_SPLIT_BYTES)));
      }
    }

    /** The file's splits; a failed scan rethrows its own exception. */
    FileSplits.Splits splits(InputFile f) {
      try {
        return scans.get(f.path()).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while scanning " + f.name(), e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    @Override
    public void close() {
      pool.shutdownNow();
    }
  }

  /**
   * One Spark partition per file, or per byte range of a large file, so one big export keeps every
   * core busy; each task streams its part (see {@link ParseFiles}). The driver reads each file once
   * first to cut it at record starts and hash it ({@link FileSplits}).
   */
  public static Dataset<Row> parse(
      SparkSession spark,
      List<InputFile> files,
      AheadScans scans,
      Map<String, Double> durations,
      Map<String, String> ownerMap) {
    List<CanonicalFileReader.Chunk> chunks = new ArrayList<>();
    for (InputFile f : files) {
      FileSplits.Splits splits = scans.splits(f);
      List<String> header =
          splits.ranges().size() > 1 ? CsvText.headerNames(Path.of(f.path())) : null;
      for (FileSplits.Range r : splits.ranges()) {
        chunks.add(new CanonicalFileReader.Chunk(f, r, header, splits.sha256(), splits.bytes()));
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<CanonicalFileReader.Chunk>> groups =
        groupBySize(chunks, spark.sparkContext().defaultParallelism());
    ParseFiles parse = new ParseFiles(durations, ownerMap);
    JavaRDD<Row> rows = jsc.parallelize(groups, groups.size()).flatMap(parse::group);
    return spark.createDataFrame(rows, StagingRows.schema(files.get(0).kind()));
  }

  /**
   * Consecutive chunks grouped into tasks by size, in file order: a group closes once it holds
   * {@code max(1 MiB, min(split size, total / parallelism))} bytes. One task (and one staging file)
   * per part made 3,000 one-row parts 4.2x slower than the same rows in one file; a big file's
   * ranges are already about the split size, so each stays a task of its own.
   */
  static List<List<CanonicalFileReader.Chunk>> groupBySize(
      List<CanonicalFileReader.Chunk> chunks, int parallelism) {
    long total = 0;
    for (CanonicalFileReader.Chunk c : chunks) {
      total += c.range().end() - c.range().start();
    }
    long target =
        Math.max(
            1L << 20,
            Math.min(FileSplits.DEFAULT_SPLIT_BYTES, total / Math.max(1, parallelism) + 1));
    List<List<CanonicalFileReader.Chunk>> groups = new ArrayList<>();
    List<CanonicalFileReader.Chunk> current = new ArrayList<>();
    long bytes = 0;
    for (CanonicalFileReader.Chunk c : chunks) {
      long size = c.range().end() - c.range().start();
      if (!current.isEmpty() && bytes + size > target) {
        groups.add(current);
        current = new ArrayList<>();
        bytes = 0;
      }
      current.add(c);
      bytes += size;
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return groups;
  }
}
