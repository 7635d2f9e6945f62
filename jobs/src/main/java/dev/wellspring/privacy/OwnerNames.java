package dev.wellspring.privacy;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Owners are the team's own people (DESIGN.md "Reporting period, trend and goals"): an owner given
 * as an e-mail address is stored, and so appears in every table, export and report, as its {@code
 * owner_map} name, else as the address's local part ({@code ann.lee@team.example} becomes {@code
 * ann.lee}); never as the keyed tag {@link Scrub} gives e-mail addresses in other text.
 *
 * <p>Only a value that is one e-mail address as a whole is an owner address. Any other owner is an
 * identifier like every other ({@link Scrub#identifier}): an address or phone number inside it is
 * still masked. The owner_map lookup ignores letter case, as for vendor owner ids ({@code
 * dev.wellspring.ingest.vendor.adapters.common.Owners}). Contacts are not owners: their addresses
 * stay masked everywhere.
 */
public final class OwnerNames implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  private final Scrub scrub;
  private final HashMap<String, String> map = new HashMap<>();

  /**
   * @param scrub how other identifiers are cleaned and masked
   * @param ownerMap the configuration's owner_map (vendor owner id, name or e-mail -> owner)
   */
  public OwnerNames(Scrub scrub, Map<String, String> ownerMap) {
    this.scrub = scrub;
    ownerMap.forEach((k, v) -> map.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
  }

  /** The stored owner for an owner value as read (trimmed); null and empty stay as they are. */
  public String owner(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    // The same cleaning as any identifier (invisible characters out), without the masking.
    String clean = Scrub.withoutInvisible(value);
    if (!ADDRESS.matcher(clean).matches()) {
      return scrub.identifier(value);
    }
    String mapped = map.get(clean.toLowerCase(Locale.ROOT));
    return mapped != null && !mapped.isEmpty() ? mapped : clean.substring(0, clean.indexOf('@'));
  }
}
