package dev.wellspring.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.wellspring.WellspringException;
import dev.wellspring.io.ConfigFile;
import dev.wellspring.vocabulary.ActivityType;
import dev.wellspring.vocabulary.AttributionModel;
import dev.wellspring.vocabulary.GoalCategory;
import dev.wellspring.vocabulary.Relationship;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds a {@link WellspringConfig} from the defaults of the option table ({@link Options}), a YAML
 * file and command-line flags, in that order of increasing precedence. Every value passes through
 * its option's parser, so a bad value gets the same message wherever it came from: the key, the
 * value and what was expected.
 */
public final class ConfigLoader {

  /** Values of {@code salesforce_date_format}. */
  public static final Set<String> SALESFORCE_DATE_FORMATS = Set.of("auto", "mdy", "dmy", "iso");

  public static final Set<String> ACTIVITY_TYPES = Set.copyOf(ActivityType.wireNames());
  public static final Set<String> RELATIONSHIPS = Set.copyOf(Relationship.wireNames());
  public static final Set<String> GOAL_CATEGORIES = Set.copyOf(GoalCategory.wireNames());
  public static final Set<String> MODELS = Set.copyOf(AttributionModel.wireNames());
  public static final Set<String> CHANNEL_DIMENSIONS =
      Set.of("class", "type", "channel", "goal_category");

  /** Each option's value so far: the default, then the file's, then the flag's. */
  private final Map<ConfigOption<?>, Object> values = new LinkedHashMap<>();

  /** The key being applied from the file (for the error's line and column). */
  private String lastKey;

  private ConfigLoader() {
    for (ConfigOption<?> o : Options.ALL) {
      Object v = o.defaultValue();
      values.put(o, v instanceof Map<?, ?> m ? new TreeMap<>(m) : v);
    }
  }

  /**
   * The effective configuration. This is where the precedence is decided, once: defaults, then the
   * file, then the flags.
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
    return WellspringConfig.of(loader.values);
  }

  /** Defaults only, with the given folders and run date; for tests and tools. */
  public static WellspringConfig defaults(String input, String output, LocalDate runDate) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put(Options.INPUT.key(), input);
    flags.put(Options.OUTPUT.key(), output);
    flags.put(Options.RUN_DATE.key(), runDate.toString());
    return load(null, flags);
  }

  private void applyFile(Path file) {
    JsonNode root;
    String text = ConfigFile.read(file);
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
      String where =
          at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw WellspringException.unusable(
          "config",
          where + ": not valid YAML: " + oneLine(new IOException(e.getOriginalMessage())));
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
      ConfigOption<?> option = Options.byKey(key);
      if (option == null) {
        throw unknownKey(key);
      }
      switch (option.kind()) {
        case OWNER_EMAILS -> ownerEmails(option, value);
        case MAP -> {
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
        }
        case SCALAR -> {
          if (!value.isValueNode()) {
            throw bad(key, value.toString(), "a single value");
          }
          set(key, value.isNull() ? "" : value.asText());
        }
      }
    }
  }

  private static WellspringException unknownKey(String key) {
    return WellspringException.unusable(
        "config",
        "unknown configuration key '"
            + key
            + "'"
            + suggestion(key)
            + " (known keys: "
            + Options.ALL.stream().map(ConfigOption::key).collect(Collectors.joining(", "))
            + ")");
  }

  /** Sets one key ({@code key} or {@code map.sub}) from its text form, validating it. */
  private void set(String key, String raw) {
    int dot = key.indexOf('.');
    ConfigOption<?> option = Options.byKey(dot > 0 ? key.substring(0, dot) : key);
    if (option == null
        || (dot > 0) != (option.kind() == ConfigOption.Kind.MAP)
        || option.kind() == ConfigOption.Kind.OWNER_EMAILS) {
      throw WellspringException.unusable("config", "unknown configuration key '" + key + "'");
    }
    if (dot > 0) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) values.get(option);
      option.putEntry(key.substring(dot + 1), raw, map);
    } else {
      values.put(option, option.parse(raw));
    }
  }

  /**
   * {@code owner_emails}: a list of addresses of --owner ({@code [me@x.org, me@gmail.com]}), a
   * single address, or a mapping of owner -> address or list ({@code {Alice: [a@x.org]}}).
   */
  private void ownerEmails(ConfigOption<?> option, JsonNode value) {
    @SuppressWarnings("unchecked")
    Map<String, String> into = (Map<String, String>) values.get(option);
    String key = option.key();
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        if (m.getKey().isBlank()) {
          throw bad(key, value.toString(), "an owner name as each key");
        }
        addOwnerEmails(key + "." + m.getKey(), m.getValue(), m.getKey().trim(), into);
      }
    } else {
      addOwnerEmails(key, value, "", into);
    }
  }

  private static void addOwnerEmails(
      String key, JsonNode value, String ownerName, Map<String, String> into) {
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
      into.put(normal, ownerName);
    }
  }

  /** " (did you mean 'x'?)" for a key a typo away from a known scalar or map key, else "". */
  private static String suggestion(String key) {
    String best = null;
    int bestDistance = 3;
    for (String k :
        Options.ALL.stream()
            .filter(o -> o.kind() != ConfigOption.Kind.OWNER_EMAILS)
            .map(ConfigOption::key)
            .sorted()
            .toList()) {
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
    return ConfigOption.bad(key, value, expected);
  }

  private static String oneLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
