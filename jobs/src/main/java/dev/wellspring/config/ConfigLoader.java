package dev.wellspring.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wellspring.WellspringException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link WellspringConfig} from defaults, a YAML file and command-line flags, in that
 * order of increasing precedence. Every value passes through one validating setter, so a bad value
 * gets the same message wherever it came from: the key, the value and what was expected.
 */
public final class ConfigLoader {

  /** Scalar keys accepted at the top level of the configuration file. */
  public static final List<String> KEYS =
      List.of(
          "input",
          "output",
          "run_date",
          "master",
          "owner",
          "lookback_days",
          "half_life_days",
          "channel_dimension",
          "reject_max",
          "report_model",
          "bootstrap_resamples",
          "bootstrap_seed",
          "shuffle_partitions",
          "paper",
          "names",
          "value_unit",
          "report_period_days",
          "secret",
          "salesforce_date_format",
          "carryover",
          "incrementality_resamples",
          "incrementality_seed",
          "keep_runs");

  /** The team's own e-mail addresses: a list (of --owner's) or a mapping owner -> list. */
  public static final String OWNER_EMAILS = "owner_emails";

  /** Values of {@code salesforce_date_format}. */
  public static final Set<String> SALESFORCE_DATE_FORMATS = Set.of("auto", "mdy", "dmy", "iso");

  /**
   * Map-valued keys: durations (type -> minutes), inference_map, spark (conf -> value), owner_map
   * (vendor owner id, name or e-mail -> Wellspring owner).
   */
  public static final List<String> MAP_KEYS =
      List.of("durations", "inference_map", "spark", "owner_map");

  public static final Set<String> ACTIVITY_TYPES =
      Set.of(
          "meeting",
          "call",
          "email",
          "message",
          "event",
          "intro_received",
          "intro_made",
          "invitation",
          "endorsement",
          "recommendation",
          "social_post",
          "answer",
          "other");
  public static final Set<String> RELATIONSHIPS =
      Set.of("customer", "prospect", "partner", "media", "peer", "other");
  public static final Set<String> GOAL_CATEGORIES =
      Set.of("speaking", "readership", "launch", "partners", "publicity", "other");
  public static final Set<String> MODELS =
      Set.of(
          "first_touch",
          "last_touch",
          "linear",
          "time_decay",
          "position_based",
          "markov",
          "shapley");
  public static final Set<String> CHANNEL_DIMENSIONS =
      Set.of("class", "type", "channel", "goal_category");

  private static final Map<String, Double> DEFAULT_DURATIONS =
      Map.ofEntries(
          Map.entry("meeting", 60.0),
          Map.entry("call", 30.0),
          Map.entry("email", 5.0),
          Map.entry("message", 5.0),
          Map.entry("event", 120.0),
          Map.entry("intro_received", 10.0),
          Map.entry("intro_made", 10.0),
          Map.entry("invitation", 5.0),
          Map.entry("endorsement", 5.0),
          Map.entry("recommendation", 20.0),
          Map.entry("social_post", 15.0),
          Map.entry("answer", 15.0),
          Map.entry("other", 30.0));

  private String input;
  private String output;
  private LocalDate runDate = LocalDate.now(ZoneOffset.UTC).minusDays(1);
  private String master = "local[*]";
  private String owner;
  private int lookbackDays = 180;
  private double halfLifeDays = 30;
  private String channelDimension = "class";
  private double rejectMax = 0.05;
  private String reportModel = "linear";
  private final Map<String, Double> durations = new TreeMap<>(DEFAULT_DURATIONS);
  private final Map<String, String> inferenceMap =
      new TreeMap<>(Map.of("media", "publicity", "partner", "partners"));
  private int bootstrapResamples = 1000;
  private long bootstrapSeed = 20260101L;
  private int shufflePartitions = 0;
  private final Map<String, String> sparkConf = new TreeMap<>();
  private final Map<String, String> ownerMap = new TreeMap<>();
  private String paper = "A4";
  private String names = "full";
  private String valueUnit = "";
  private int reportPeriodDays = 90;
  private String secret;
  private final Map<String, String> ownerEmails = new TreeMap<>();
  private String salesforceDateFormat = "auto";
  private Double carryover = WellspringConfig.Incrementality.DEFAULT.carryover();
  private int incrementalityResamples = WellspringConfig.Incrementality.DEFAULT.resamples();
  private long incrementalitySeed = WellspringConfig.Incrementality.DEFAULT.seed();
  private int keepRuns = 30;

  private ConfigLoader() {}

  /**
   * The effective configuration.
   *
   * @param file the YAML configuration file, or null
   * @param flags values given on the command line, keyed like the file (null values are absent)
   */
  public static WellspringConfig load(Path file, Map<String, String> flags) {
    ConfigLoader loader = new ConfigLoader();
    if (file != null) {
      loader.applyFile(file);
    }
    for (Map.Entry<String, String> e : flags.entrySet()) {
      if (e.getValue() != null) {
        loader.set(e.getKey(), e.getValue());
      }
    }
    return loader.build();
  }

  /** Defaults only, with the given folders and run date; for tests and tools. */
  public static WellspringConfig defaults(String input, String output, LocalDate runDate) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("input", input);
    flags.put("output", output);
    flags.put("run_date", runDate.toString());
    return load(null, flags);
  }

  private void applyFile(Path file) {
    JsonNode root;
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw WellspringException.unusable(
          "config", "cannot read configuration file " + file + ": " + oneLine(e));
    }
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      String where =
          at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw WellspringException.unusable(
          "config",
          where + ": not valid YAML: " + oneLine(new IOException(e.getOriginalMessage())));
    } catch (IOException e) {
      throw WellspringException.unusable(
          "config", "cannot read configuration file " + file + ": " + oneLine(e));
    }
    Map<String, String> at = keyLocations(file, text);
    try {
      applyTree(file, root);
    } catch (WellspringException e) {
      String key = lastKey;
      String where = key != null && at.containsKey(key) ? at.get(key) : file.toString();
      throw WellspringException.unusable("config", where + ": " + e.getMessage());
    }
  }

  /** The key being applied from the file (for the error's line and column). */
  private String lastKey;

  /** {@code key} or {@code map.sub} -> {@code file:line:column} of every key in the file. */
  private static Map<String, String> keyLocations(Path file, String text) {
    Map<String, String> m = new java.util.HashMap<>();
    try (com.fasterxml.jackson.core.JsonParser p = new YAMLFactory().createParser(text)) {
      for (var t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
          List<String> path = new java.util.ArrayList<>();
          for (var c = p.getParsingContext();
              c != null && c.getParent() != null;
              c = c.getParent()) {
            if (c.getCurrentName() != null) {
              path.add(0, c.getCurrentName());
            }
          }
          var loc = p.currentTokenLocation();
          m.putIfAbsent(
              String.join(".", path), file + ":" + loc.getLineNr() + ":" + loc.getColumnNr());
        }
      }
    } catch (IOException e) {
      // already parsed once; no locations then
    }
    return m;
  }

  private void applyTree(Path file, JsonNode root) {
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      throw WellspringException.unusable(
          "config", "configuration file " + file + " must hold a mapping of keys to values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      lastKey = key;
      JsonNode value = e.getValue();
      if (key.equals(OWNER_EMAILS)) {
        ownerEmails(value);
      } else if (MAP_KEYS.contains(key)) {
        if (!value.isObject()) {
          throw bad(key, value.toString(), "a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> inner = value.fields(); inner.hasNext(); ) {
          Map.Entry<String, JsonNode> m = inner.next();
          lastKey = key + "." + m.getKey();
          if (!m.getValue().isValueNode()) {
            throw bad(key + "." + m.getKey(), m.getValue().toString(), "a single value");
          }
          set(key + "." + m.getKey(), m.getValue().asText());
        }
      } else if (KEYS.contains(key)) {
        if (!value.isValueNode()) {
          throw bad(key, value.toString(), "a single value");
        }
        set(key, value.isNull() ? "" : value.asText());
      } else {
        throw WellspringException.unusable(
            "config",
            "unknown configuration key '"
                + key
                + "'"
                + suggestion(key)
                + " (known keys: "
                + String.join(", ", KEYS)
                + ", "
                + String.join(", ", MAP_KEYS)
                + ", "
                + OWNER_EMAILS
                + ")");
      }
    }
  }

  /** Sets one key from its text form, validating it. */
  private void set(String key, String raw) {
    String v = raw.trim();
    int dot = key.indexOf('.');
    if (dot > 0) {
      String map = key.substring(0, dot);
      String sub = key.substring(dot + 1);
      switch (map) {
        case "durations" -> {
          if (!ACTIVITY_TYPES.contains(sub)) {
            throw bad(key, raw, "an activity type: " + new TreeMap<>(DEFAULT_DURATIONS).keySet());
          }
          durations.put(sub, nonNegative(key, raw));
        }
        case "inference_map" -> {
          if (!RELATIONSHIPS.contains(sub)) {
            throw bad(key, raw, "a relationship key, one of " + RELATIONSHIPS);
          }
          String cat = v.toLowerCase();
          if (cat.isEmpty() || cat.equals("none")) {
            inferenceMap.remove(sub);
          } else if (!GOAL_CATEGORIES.contains(cat)) {
            throw bad(key, raw, "a goal category, one of " + GOAL_CATEGORIES);
          } else {
            inferenceMap.put(sub, cat);
          }
        }
        case "spark" -> sparkConf.put(sub, v);
        case "owner_map" -> {
          if (sub.isBlank()) {
            throw bad(key, raw, "a vendor owner id, name or e-mail as the key");
          }
          ownerMap.put(sub.trim(), nonEmpty(key, raw));
        }
        default ->
            throw WellspringException.unusable("config", "unknown configuration key '" + key + "'");
      }
      return;
    }
    switch (key) {
      case "input" -> input = v;
      case "output" -> output = v;
      case "run_date" -> {
        try {
          runDate = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
          throw bad(key, raw, "a date YYYY-MM-DD");
        }
      }
      case "master" -> master = nonEmpty(key, raw);
      case "owner" -> owner = v.isEmpty() ? null : v;
      case "lookback_days" -> lookbackDays = (int) wholeNumber(key, raw, 0, 36500);
      case "half_life_days" -> {
        halfLifeDays = nonNegative(key, raw);
        if (halfLifeDays <= 0) {
          throw bad(key, raw, "a number > 0");
        }
      }
      case "channel_dimension" -> channelDimension = oneOf(key, raw, CHANNEL_DIMENSIONS);
      case "reject_max" -> {
        rejectMax = nonNegative(key, raw);
        if (rejectMax > 1) {
          throw bad(key, raw, "a ratio between 0 and 1");
        }
      }
      case "report_model" -> reportModel = oneOf(key, raw, MODELS);
      case "bootstrap_resamples" -> bootstrapResamples = (int) wholeNumber(key, raw, 1, 1_000_000);
      case "bootstrap_seed" ->
          bootstrapSeed = wholeNumber(key, raw, Long.MIN_VALUE, Long.MAX_VALUE);
      case "shuffle_partitions" -> shufflePartitions = (int) wholeNumber(key, raw, 0, 100_000);
      case "paper" -> {
        if (v.equalsIgnoreCase("a4")) {
          paper = "A4";
        } else if (v.equalsIgnoreCase("letter")) {
          paper = "Letter";
        } else {
          throw bad(key, raw, "A4 or Letter");
        }
      }
      case "names" -> names = oneOf(key, raw, Set.of("full", "initials", "none"));
      case "value_unit" -> {
        if (v.length() > 16 || v.chars().anyMatch(Character::isISOControl)) {
          throw bad(key, raw, "a short unit such as EUR or points, at most 16 characters");
        }
        valueUnit = v;
      }
      case "report_period_days" -> reportPeriodDays = (int) wholeNumber(key, raw, 1, 3660);
      case "secret" -> secret = v.isEmpty() ? null : v;
      case "salesforce_date_format" ->
          salesforceDateFormat = oneOf(key, raw, SALESFORCE_DATE_FORMATS);
      case "carryover" -> {
        if (v.isEmpty() || v.equalsIgnoreCase("auto")) {
          carryover = null;
        } else {
          carryover = nonNegative(key, raw);
          if (carryover > 0.9) {
            throw bad(key, raw, "a number from 0 to 0.9, or auto");
          }
        }
      }
      case "incrementality_resamples" ->
          incrementalityResamples = (int) wholeNumber(key, raw, 200, 100_000);
      case "incrementality_seed" ->
          incrementalitySeed = wholeNumber(key, raw, Long.MIN_VALUE, Long.MAX_VALUE);
      case "keep_runs" -> keepRuns = (int) wholeNumber(key, raw, 0, 100_000);
      default ->
          throw WellspringException.unusable("config", "unknown configuration key '" + key + "'");
    }
  }

  private WellspringConfig build() {
    return new WellspringConfig(
        input,
        output,
        runDate,
        master,
        owner,
        lookbackDays,
        halfLifeDays,
        channelDimension,
        rejectMax,
        reportModel,
        durations,
        inferenceMap,
        bootstrapResamples,
        bootstrapSeed,
        shufflePartitions,
        sparkConf,
        paper,
        names,
        ownerMap,
        valueUnit,
        reportPeriodDays,
        secret,
        ownerEmails,
        salesforceDateFormat,
        new WellspringConfig.Incrementality(carryover, incrementalityResamples, incrementalitySeed),
        keepRuns);
  }

  /**
   * {@code owner_emails}: a list of addresses of --owner ({@code [me@x.org, me@gmail.com]}), a
   * single address, or a mapping of owner -> address or list ({@code {Alice: [a@x.org]}}).
   */
  private void ownerEmails(JsonNode value) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        if (m.getKey().isBlank()) {
          throw bad(OWNER_EMAILS, value.toString(), "an owner name as each key");
        }
        addOwnerEmails(OWNER_EMAILS + "." + m.getKey(), m.getValue(), m.getKey().trim());
      }
    } else {
      addOwnerEmails(OWNER_EMAILS, value, "");
    }
  }

  private void addOwnerEmails(String key, JsonNode value, String ownerName) {
    List<JsonNode> items = new java.util.ArrayList<>();
    if (value.isArray()) {
      value.forEach(items::add);
    } else {
      items.add(value);
    }
    for (JsonNode item : items) {
      String address = item.isValueNode() ? item.asText().trim() : item.toString();
      String normal = dev.wellspring.ingest.vendor.adapters.common.Emails.normalize(address);
      if (!item.isValueNode() || normal.isEmpty()) {
        throw bad(key, address, "an e-mail address, or a list of them");
      }
      ownerEmails.put(normal, ownerName);
    }
  }

  /** " (did you mean 'x'?)" for a key a typo away from a known one, else "". */
  private static String suggestion(String key) {
    String best = null;
    int bestDistance = 3;
    for (String k :
        java.util.stream.Stream.concat(KEYS.stream(), MAP_KEYS.stream()).sorted().toList()) {
      int d = editDistance(key.toLowerCase(), k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Levenshtein distance (insertions, deletions, substitutions), for "did you mean" hints. */
  public static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        d[i][j] =
            Math.min(
                Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
    }
    return d[a.length()][b.length()];
  }

  private static WellspringException bad(String key, String value, String expected) {
    return WellspringException.unusable(
        "config", "bad value for " + key + ": '" + value + "' (expected " + expected + ")");
  }

  private static String nonEmpty(String key, String raw) {
    if (raw.isBlank()) {
      throw bad(key, raw, "a non-empty value");
    }
    return raw.trim();
  }

  private static String oneOf(String key, String raw, Set<String> allowed) {
    String v = raw.trim().toLowerCase();
    if (!allowed.contains(v)) {
      throw bad(key, raw, "one of " + new java.util.TreeSet<>(allowed));
    }
    return v;
  }

  private static double nonNegative(String key, String raw) {
    try {
      double d = Double.parseDouble(raw.trim());
      if (!Double.isFinite(d) || d < 0 || raw.trim().matches(".*[a-zA-Z&&[^eE]].*")) {
        throw bad(key, raw, "a number >= 0");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(key, raw, "a number >= 0");
    }
  }

  private static long wholeNumber(String key, String raw, long min, long max) {
    try {
      long n = Long.parseLong(raw.trim());
      if (n < min || n > max) {
        throw bad(key, raw, "a whole number from " + min + " to " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad(key, raw, "a whole number from " + min + " to " + max);
    }
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
