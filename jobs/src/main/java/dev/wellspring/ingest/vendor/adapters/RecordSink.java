package dev.wellspring.ingest.vendor.adapters;

/**
 * Where an adapter puts what it made of each source row. Every row of a vendor file ends in exactly
 * one of three places, so {@code rows read = mapped + excluded + rejected} per file: mapped (one or
 * more canonical records, counted once per source row), excluded with a counted reason (a draft
 * message, a cancelled event: valid but not a networking touch), or rejected with a DESIGN.md
 * reject reason and its raw text.
 */
public interface RecordSink {
  /** The source row at {@code line} maps to these canonical records (at least one). */
  void mapped(long line, String raw, java.util.List<CanonicalRecord> records);

  /** The source row at {@code line} is valid but not a touch; counted under {@code reason}. */
  void excluded(long line, String raw, String reason);

  /**
   * The source row at {@code line} breaks the export's format; quarantined under {@code reason}.
   */
  void rejected(long line, String raw, String reason);

  /**
   * Something the manifest should show that loses no row and changes no count: a file decoded as
   * Windows-1252 because it was not valid UTF-8 ({@code line} 0: the whole file), a vendor owner id
   * missing from the owner map and kept as it is. Counted under {@code reason}; {@code detail}
   * names the value. Ignored unless a sink cares.
   */
  default void warning(long line, String reason, String detail) {}
}
