package dev.wellspring.ingest.vendor.identity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The clustering of {@link IdentityResolution}, on the driver: union-find over source keys linked
 * by shared identity keys, then name-only clusters attached to the single cluster of their name.
 * Deterministic: the result depends only on the set of rows, not their order.
 */
final class Clusters {
  private Clusters() {}

  /**
   * Rows of (source_contact_id, k_email, k_url, k_name, k_company, name_only), keys already
   * normalised (empty = absent). Returns source_contact_id -> its cluster's smallest
   * source_contact_id in code-point order (the order Spark compares strings in).
   */
  static Map<String, String> of(List<Row> rows) {
    Map<String, String> parent = new HashMap<>();
    Map<String, String> firstWithKey = new HashMap<>();
    Map<String, Boolean> nameOnly = new HashMap<>();
    Map<String, String> nameOf = new HashMap<>();
    for (Row r : rows) {
      String node = r.getString(0);
      parent.putIfAbsent(node, node);
      nameOnly.merge(node, r.getBoolean(5), Boolean::logicalAnd);
      nameOf.putIfAbsent(node, r.getString(3));
    }
    for (Row r : rows) {
      String node = r.getString(0);
      String email = r.getString(1);
      String url = r.getString(2);
      String name = r.getString(3);
      String company = r.getString(4);
      link(parent, firstWithKey, node, email.isEmpty() ? null : "email:" + email);
      link(parent, firstWithKey, node, url.isEmpty() ? null : "profile_url:" + url);
      link(
          parent,
          firstWithKey,
          node,
          name.isEmpty() || company.isEmpty() ? null : "name_company:" + name + "|" + company);
      link(parent, firstWithKey, node, r.getBoolean(5) ? "name:" + name : null);
    }
    attachNameOnly(parent, nameOnly, nameOf);

    Map<String, String> smallest = new HashMap<>();
    for (String node : parent.keySet()) {
      smallest.merge(find(parent, node), node, (a, b) -> compare(a, b) <= 0 ? a : b);
    }
    Map<String, String> labels = new TreeMap<>();
    for (String node : parent.keySet()) {
      labels.put(node, smallest.get(find(parent, node)));
    }
    return labels;
  }

  /**
   * A cluster of name-only records joins the one other cluster whose records carry the same folded
   * name; with none or several (two Sam Lees at different companies) it stays alone.
   */
  private static void attachNameOnly(
      Map<String, String> parent, Map<String, Boolean> nameOnly, Map<String, String> nameOf) {
    Map<String, Set<String>> otherRoots = new HashMap<>();
    Map<String, List<String>> nameOnlyNodes = new TreeMap<>();
    for (Map.Entry<String, Boolean> e : nameOnly.entrySet()) {
      String name = nameOf.get(e.getKey());
      if (name.isEmpty()) {
        continue;
      }
      if (e.getValue()) {
        nameOnlyNodes.computeIfAbsent(name, k -> new ArrayList<>()).add(e.getKey());
      } else {
        otherRoots.computeIfAbsent(name, k -> new HashSet<>()).add(find(parent, e.getKey()));
      }
    }
    for (Map.Entry<String, List<String>> e : nameOnlyNodes.entrySet()) {
      Set<String> targets = otherRoots.getOrDefault(e.getKey(), Set.of());
      if (targets.size() == 1) {
        String target = targets.iterator().next();
        for (String node : e.getValue()) {
          union(parent, node, target);
        }
      }
    }
  }

  private static void link(
      Map<String, String> parent, Map<String, String> firstWithKey, String node, String key) {
    if (key == null) {
      return;
    }
    String first = firstWithKey.putIfAbsent(key, node);
    if (first != null) {
      union(parent, node, first);
    }
  }

  private static String find(Map<String, String> parent, String node) {
    String root = node;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    String n = node;
    while (!n.equals(root)) {
      String next = parent.get(n);
      parent.put(n, root);
      n = next;
    }
    return root;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(ra, rb);
    }
  }

  /** Code-point order, as Spark orders strings (String.compareTo orders UTF-16 units). */
  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
