package dev.wellspring.ingest.vendor.adapters;

import java.io.Serializable;
import java.util.Map;

/**
 * One record a vendor export row maps to, in the canonical layout of DESIGN.md "Canonical input
 * files": {@code kind} is contacts, activities, goals or outcomes; {@code fields} holds canonical
 * column names with text values in canonical form (ISO-8601 timestamps, plain numbers, lower-case
 * enums), so ingest validates it exactly like a row of a canonical file.
 *
 * <p>Contacts from vendor sources may carry identity fields beyond the canonical columns: {@code
 * email}, {@code profile_url} (normalised LinkedIn URL), {@code company}; identity resolution uses
 * them to merge one person met through several sources. A vendor record's {@code contact_id} is a
 * source-scoped key (e.g. {@code linkedin:url:linkedin.com/in/jane-doe}); activities and outcomes
 * refer to contacts by that key, and resolution rewrites it.
 *
 * @param line the physical line in the vendor file where the source row starts (header = its line)
 * @param raw the source row's text, without its final line ending
 */
public record CanonicalRecord(String kind, Map<String, String> fields, long line, String raw)
    implements Serializable {
  public CanonicalRecord {
    fields = Map.copyOf(fields);
  }
}
