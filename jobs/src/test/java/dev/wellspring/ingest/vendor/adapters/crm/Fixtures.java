package dev.wellspring.ingest.vendor.adapters.crm;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** Fixture files and the adapter context the adapter tests share. */
public final class Fixtures {
  private Fixtures() {}

  /**
   * HubSpot owner 1001, Salesforce owner ...OwNeR1AA and the e-mails of alice and bob are mapped.
   */
  public static final Map<String, String> OWNER_MAP =
      Map.of(
          "1001", "alice",
          "005A000000OwNeR1AA", "bob",
          "alice@wellspring.test", "alice",
          "Bob@Wellspring.test", "bob");

  public static AdapterContext context(String owner) {
    return new AdapterContext(
        owner, OWNER_MAP, LocalDate.of(2026, 3, 31), LocalDate.of(2026, 1, 1));
  }

  public static Path file(String name) {
    return Path.of("src/test/resources", name);
  }

  public static RecordingSink read(ExportAdapter adapter, String name, String owner)
      throws IOException {
    RecordingSink sink = new RecordingSink();
    adapter.read(file(name), context(owner), sink);
    return sink;
  }
}
