package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.ingest.vendor.adapters.CanonicalRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a canonical record's fields, leaving empty values out (empty means absent). */
public final class Fields {
  private final Map<String, String> fields = new LinkedHashMap<>();

  public Fields put(String column, String value) {
    String v = Text.clean(value);
    if (!v.isEmpty()) {
      fields.put(column, v);
    }
    return this;
  }

  public CanonicalRecord record(String kind, long line, String raw) {
    return new CanonicalRecord(kind, fields, line, raw);
  }
}
