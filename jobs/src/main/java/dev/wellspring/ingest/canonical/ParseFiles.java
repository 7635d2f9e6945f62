package dev.wellspring.ingest.canonical;

import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.staging.RecordValidator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The Spark task body of ingest: one input file, or one byte range of a large one ({@link
 * FileSplits}), in; its staging rows out, streamed.
 *
 * <p>A typed function rather than Spark's CSV reader because the contract needs, per record, the
 * physical line it starts on and its exact raw text (records may span lines), a single pass that
 * also hashes the file, and reject reasons with a precedence; the built-in reader gives none of
 * these.
 */
public final class ParseFiles implements FlatMapFunction<CanonicalFileReader.Chunk, Row> {
  private static final long serialVersionUID = 1L;

  private final Map<Kind, RecordValidator> validators;

  ParseFiles(Map<String, Double> durations, Map<String, String> ownerMap) {
    this.validators = new java.util.EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      validators.put(k, new RecordValidator(k, durations, ownerMap));
    }
  }

  /** The rows of a group of chunks, one after the other; each reader opens when reached. */
  Iterator<Row> group(List<CanonicalFileReader.Chunk> chunks) {
    Iterator<CanonicalFileReader.Chunk> next = chunks.iterator();
    return new Iterator<>() {
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && next.hasNext()) {
          current = call(next.next());
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  @Override
  public Iterator<Row> call(CanonicalFileReader.Chunk chunk) {
    CanonicalFileReader reader =
        new CanonicalFileReader(chunk, validators.get(chunk.file().kind()));
    TaskContext task = TaskContext.get();
    if (task != null) {
      // The reader closes itself at the end; this covers a task that stops early.
      task.addTaskCompletionListener((TaskCompletionListener) ctx -> reader.close());
    }
    return reader;
  }
}
