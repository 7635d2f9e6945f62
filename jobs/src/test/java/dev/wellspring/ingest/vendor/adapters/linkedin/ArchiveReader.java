package dev.wellspring.ingest.vendor.adapters.linkedin;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What ingest will do with a folder, reduced to what the adapter tests need: every file, at any
 * depth, offered to the adapters by its first lines; each recognised file read into its own sink.
 */
public final class ArchiveReader {
  private ArchiveReader() {}

  public static final String OWNER = "Alex Rivera";

  public static AdapterContext context(String owner) {
    return new AdapterContext(owner, Map.of(), LocalDate.of(2026, 4, 30), LocalDate.of(2024, 1, 1));
  }

  /** The first lines of a file as ExportAdapter.recognizes gets them. */
  public static List<String> firstLines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Charset cs = VendorCsv.detectCharset(bytes);
    String text = VendorCsv.stripBom(new String(bytes, cs));
    return text.lines().limit(20).toList();
  }

  /** The adapters that recognise a file. */
  public static List<ExportAdapter> recognising(Path file) throws IOException {
    List<String> lines = firstLines(file);
    List<ExportAdapter> out = new ArrayList<>();
    for (ExportAdapter a : LinkedInAdapters.all()) {
      if (a.recognizes(lines)) {
        out.add(a);
      }
    }
    return out;
  }

  /** Relative path -> sink, for every recognised file under {@code folder}. */
  public static Map<String, CollectingSink> readAll(Path folder, AdapterContext ctx)
      throws IOException {
    Map<String, CollectingSink> sinks = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      List<ExportAdapter> adapters = recognising(f);
      if (adapters.size() == 1) {
        CollectingSink sink = new CollectingSink();
        adapters.get(0).read(f, ctx, sink);
        sinks.put(folder.relativize(f).toString().replace('\\', '/'), sink);
      }
    }
    return sinks;
  }

  public static Path fixture(String relative) {
    return Path.of("src/test/resources/linkedin").resolve(relative);
  }
}
