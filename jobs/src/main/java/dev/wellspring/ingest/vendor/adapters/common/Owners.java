package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.ingest.vendor.adapters.AdapterContext;
import dev.wellspring.ingest.vendor.adapters.RecordSink;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Vendor owner ids (HubSpot owner id, Salesforce OwnerId, calendar e-mail) to Wellspring owners
 * through {@link AdapterContext#ownerMap()}, and {@link AdapterContext#ownerEmails()} addresses to
 * their owners (--owner for a listed address), keys compared case-insensitively.
 *
 * <p>An id missing from the map is kept as the owner, unchanged, and reported to the sink as an
 * {@code unmapped_owner} warning: the activity still counts (dropping a colleague's work because
 * the configuration lags would understate effort), and the manifest shows which ids to add.
 */
public final class Owners {
  /** The reason under which an unmapped owner id is reported to {@link RecordSink#warning}. */
  public static final String UNMAPPED_OWNER = "unmapped_owner";

  private final Map<String, String> map = new HashMap<>();
  private final String fallback;

  public Owners(AdapterContext context) {
    context.ownerMap().forEach((k, v) -> map.put(k.strip().toLowerCase(Locale.ROOT), v));
    this.fallback = context.owner() == null ? "" : context.owner().strip();
    // owner_emails: an address with no owner name belongs to --owner.
    context
        .ownerEmails()
        .forEach(
            (address, name) -> {
              String owner = name.isBlank() ? fallback : name.strip();
              if (!owner.isEmpty()) {
                map.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), owner);
              }
            });
  }

  /** The mapped owner of {@code vendorId}, or null when it is not in the map. */
  public String lookup(String vendorId) {
    return map.get(Text.clean(vendorId).toLowerCase(Locale.ROOT));
  }

  /**
   * The owner for a row: the mapped vendor id; the raw id with a warning when unmapped; the context
   * owner (--owner) when the row names none; empty when there is no owner at all.
   */
  public String resolve(String vendorId, long line, RecordSink sink) {
    String id = Text.clean(vendorId);
    if (id.isEmpty()) {
      return fallback;
    }
    String mapped = lookup(id);
    if (mapped != null) {
      return mapped;
    }
    sink.warning(line, UNMAPPED_OWNER, id);
    return id;
  }

  /** The context owner (--owner), empty when none was given. */
  public String fallback() {
    return fallback;
  }
}
