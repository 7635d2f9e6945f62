package dev.wellspring.ingest.vendor.adapters.linkedin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A sink that keeps everything, for tests: per line, what the adapter made of it. */
public final class CollectingSink implements RecordSink {
  /** What happened to one source row. */
  public record Outcome(
      String kind, long line, String raw, String reason, List<CanonicalRecord> records) {}

  private final Map<Long, Outcome> byLine = new TreeMap<>();
  private final List<String> duplicates = new ArrayList<>();

  @Override
  public void mapped(long line, String raw, List<CanonicalRecord> records) {
    assertThat(records).as("line %d maps to at least one record", line).isNotEmpty();
    put(new Outcome("mapped", line, raw, null, List.copyOf(records)));
  }

  @Override
  public void excluded(long line, String raw, String reason) {
    put(new Outcome("excluded", line, raw, reason, List.of()));
  }

  @Override
  public void rejected(long line, String raw, String reason) {
    put(new Outcome("rejected", line, raw, reason, List.of()));
  }

  private void put(Outcome o) {
    if (byLine.put(o.line(), o) != null) {
      duplicates.add("line " + o.line() + " reported twice");
    }
  }

  public Map<Long, Outcome> outcomes() {
    assertThat(duplicates).as("every row is reported exactly once").isEmpty();
    return byLine;
  }

  public Outcome at(long line) {
    Outcome o = outcomes().get(line);
    assertThat(o).as("an outcome for line %d", line).isNotNull();
    return o;
  }

  /**
   * "line:kind[:reason]" for every row, in line order: the reconciliation in one comparable list.
   */
  public List<String> summary() {
    List<String> s = new ArrayList<>();
    for (Outcome o : outcomes().values()) {
      s.add(o.line() + ":" + o.kind() + (o.reason() == null ? "" : ":" + o.reason()));
    }
    return s;
  }

  /** All records of a kind, in line order. */
  public List<CanonicalRecord> records(String kind) {
    List<CanonicalRecord> out = new ArrayList<>();
    for (Outcome o : outcomes().values()) {
      for (CanonicalRecord r : o.records()) {
        if (r.kind().equals(kind)) {
          out.add(r);
        }
      }
    }
    return out;
  }
}
