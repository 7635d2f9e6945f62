package dev.wellspring.ingest;

import java.util.List;
import java.util.Map;

/**
 * Hook for vendor exports (LinkedIn, CRMs, address books, calendars): recognises a file by its
 * header and maps each of its records to canonical records. None is registered yet; files that
 * neither a canonical kind nor an adapter recognises are listed as unrecognised in the manifest.
 */
public interface VendorAdapter {
  /** Short name written as the manifest's {@code adapter}, e.g. {@code linkedin}. */
  String name();

  /** Whether this adapter reads a file with this header (names trimmed, lower case, BOM removed). */
  boolean recognizes(List<String> header);

  /**
   * The canonical records one vendor record stands for: each a kind and its values keyed by
   * canonical column name (text as it would appear in a canonical file; validated like one).
   * An empty list excludes the record (counted as {@code rows_excluded} with {@code reason}).
   *
   * @param header the file's header as given to {@link #recognizes}
   * @param values the record's fields, aligned with the header
   */
  List<CanonicalRecord> toCanonical(List<String> header, List<String> values);

  /** One canonical record produced by an adapter. */
  record CanonicalRecord(Kind kind, Map<String, String> values) {}
}
