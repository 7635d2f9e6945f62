package dev.wellspring.ingest.vendor.adapters;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one kind of vendor export (LinkedIn Connections.csv, a HubSpot contact export, an iCalendar
 * file, ...). Exports are recognised by their content, never by their file name. Implementations
 * are stateless and serializable: they run inside Spark tasks.
 */
public interface ExportAdapter extends Serializable {
  /** A stable name for the manifest, e.g. {@code linkedin.connections}. */
  String name();

  /**
   * Whether a file is this export, judged from its first lines (BOM removed, up to 20 lines, line
   * ends removed). Preamble lines before a header are part of what is given.
   */
  boolean recognizes(List<String> firstLines);

  /** Reads the whole file, reporting every source row to the sink exactly once. */
  void read(Path file, AdapterContext context, RecordSink sink) throws IOException;
}
