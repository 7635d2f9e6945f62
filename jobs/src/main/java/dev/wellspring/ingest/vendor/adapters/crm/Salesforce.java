package dev.wellspring.ingest.vendor.adapters.crm;

import java.util.Locale;

/** Value conventions of Salesforce exports. */
final class Salesforce {
  private Salesforce() {}

  /**
   * Checkbox fields: {@code true}/{@code false} (Data Loader) or {@code 1}/{@code 0} (Data Export).
   */
  static boolean isTrue(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return v.equals("true") || v.equals("1");
  }
}
