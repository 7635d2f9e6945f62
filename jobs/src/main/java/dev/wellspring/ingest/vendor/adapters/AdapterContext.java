package dev.wellspring.ingest.vendor.adapters;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;

/**
 * What an adapter may need besides the file.
 *
 * @param owner whose single-person export this is (a LinkedIn archive), from --owner; may be null,
 *     in which case an adapter that needs it rejects the file with a clear message
 * @param ownerMap vendor owner ids/names (HubSpot owner id, Salesforce OwnerId, calendar account
 *     e-mail) -> Wellspring owner, from configuration
 * @param runDate the run date (recurring calendar events are expanded up to its end)
 * @param periodStart first day of the period for recurrence expansion (run date - lookback - 366
 *     days, say)
 * @param ownerEmails the team's own addresses (lower case) -> owner ("" = {@code owner}), from
 *     {@code owner_emails}; see {@link
 *     dev.wellspring.ingest.vendor.adapters.common.OwnerIdentities}
 * @param salesforceDateFormat {@code auto}, {@code mdy}, {@code dmy} or {@code iso}: how Salesforce
 *     slash dates are read
 */
public record AdapterContext(
    String owner,
    Map<String, String> ownerMap,
    LocalDate runDate,
    LocalDate periodStart,
    Map<String, String> ownerEmails,
    String salesforceDateFormat)
    implements Serializable {
  public AdapterContext {
    ownerMap = Map.copyOf(ownerMap);
    ownerEmails = Map.copyOf(ownerEmails);
    salesforceDateFormat = salesforceDateFormat == null ? "auto" : salesforceDateFormat;
  }

  /** A context without owner e-mails, Salesforce dates judged per file. */
  public AdapterContext(
      String owner, Map<String, String> ownerMap, LocalDate runDate, LocalDate periodStart) {
    this(owner, ownerMap, runDate, periodStart, Map.of(), "auto");
  }
}
