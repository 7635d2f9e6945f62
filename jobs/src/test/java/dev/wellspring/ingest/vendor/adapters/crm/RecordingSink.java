package dev.wellspring.ingest.vendor.adapters.crm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A sink that keeps everything an adapter reports, for assertions. */
public final class RecordingSink implements RecordSink {
  public final List<CanonicalRecord> records = new ArrayList<>();
  public final Map<Long, String> excluded = new TreeMap<>();
  public final Map<Long, String> rejected = new TreeMap<>();
  public final Map<Long, String> rejectedRaw = new TreeMap<>();
  public final List<String> warnings = new ArrayList<>();
  private final Set<Long> lines = new HashSet<>();
  private int mappedRows;

  @Override
  public void mapped(long line, String raw, List<CanonicalRecord> rows) {
    report(line);
    assertThat(rows).as("records of line %s", line).isNotEmpty();
    mappedRows++;
    records.addAll(rows);
  }

  @Override
  public void excluded(long line, String raw, String reason) {
    report(line);
    excluded.put(line, reason);
  }

  @Override
  public void rejected(long line, String raw, String reason) {
    report(line);
    rejected.put(line, reason);
    rejectedRaw.put(line, raw);
  }

  @Override
  public void warning(long line, String reason, String detail) {
    warnings.add(line + ":" + reason + ":" + detail);
  }

  private void report(long line) {
    assertThat(lines.add(line)).as("line %s reported once", line).isTrue();
  }

  public int mappedRows() {
    return mappedRows;
  }

  /** Rows reported in any of the three ways: read = mapped + excluded + rejected. */
  public int rowsReported() {
    return mappedRows + excluded.size() + rejected.size();
  }

  /** The records of one kind as id -> fields, for compact assertions. */
  public Map<String, Map<String, String>> byId(String idColumn) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (CanonicalRecord r : records) {
      assertThat(out.put(r.fields().get(idColumn), r.fields()))
          .as("duplicate %s %s", idColumn, r.fields().get(idColumn))
          .isNull();
    }
    return out;
  }
}
