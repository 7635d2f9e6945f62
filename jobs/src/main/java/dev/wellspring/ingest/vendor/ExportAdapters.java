package dev.wellspring.ingest.vendor;

import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.calendar.ICalendarAdapter;
import dev.wellspring.ingest.vendor.adapters.crm.GoogleContactsAdapter;
import dev.wellspring.ingest.vendor.adapters.crm.HubSpotActivitiesAdapter;
import dev.wellspring.ingest.vendor.adapters.crm.HubSpotContactsAdapter;
import dev.wellspring.ingest.vendor.adapters.crm.OutlookContactsAdapter;
import dev.wellspring.ingest.vendor.adapters.crm.SalesforceActivitiesAdapter;
import dev.wellspring.ingest.vendor.adapters.crm.SalesforceContactsAdapter;
import dev.wellspring.ingest.vendor.adapters.linkedin.LinkedInAdapters;
import java.util.ArrayList;
import java.util.List;

/**
 * Every vendor export adapter, in the fixed order ingest asks them about a file that is not
 * canonical: LinkedIn, CRMs, address books, iCalendar. The first that recognises a file reads it.
 */
public final class ExportAdapters {
  private ExportAdapters() {}

  private static final List<ExportAdapter> ALL = build();

  private static List<ExportAdapter> build() {
    List<ExportAdapter> all = new ArrayList<>(LinkedInAdapters.all());
    all.add(new HubSpotContactsAdapter());
    all.add(new HubSpotActivitiesAdapter());
    all.add(new SalesforceContactsAdapter());
    all.add(new SalesforceActivitiesAdapter());
    all.add(new GoogleContactsAdapter());
    all.add(new OutlookContactsAdapter());
    all.add(new ICalendarAdapter());
    return List.copyOf(all);
  }

  /** The adapters in recognition order. */
  public static List<ExportAdapter> all() {
    return ALL;
  }

  /**
   * The identity-resolution priority of records from an adapter (lower wins a merged contact's
   * attributes; canonical contacts.csv is 0): CRMs 1, address books 2, LinkedIn 3, others 4. A CRM
   * record is curated by the team; an address book by its owner; LinkedIn and calendars only echo
   * what the other person typed.
   */
  public static int priority(String adapterName) {
    if (adapterName.startsWith("hubspot.") || adapterName.startsWith("salesforce.")) {
      return 1;
    }
    if (adapterName.startsWith("google.") || adapterName.startsWith("outlook.")) {
      return 2;
    }
    return adapterName.startsWith("linkedin.") ? 3 : 4;
  }

  /** Whether the adapter's files belong to one person given by {@code --owner}. */
  public static boolean needsOwner(String adapterName) {
    return adapterName.startsWith("linkedin.");
  }
}
