package dev.wellspring.config;

import dev.wellspring.WellspringException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One configuration option, listed once in {@link Options}: its file key, its command-line flag (if
 * it has one), its type (the parser), its default, its help text and where it is shown. The flags,
 * the configuration file's keys, {@code --print-config} and the manifest's {@code configuration}
 * object are all made from these.
 *
 * @param <T> the option's value type in {@link WellspringConfig}
 */
public final class ConfigOption<T> {

  /** How a value is given: one scalar, a mapping of entries, or the owner e-mail list/mapping. */
  public enum Kind {
    SCALAR,
    MAP,
    OWNER_EMAILS
  }

  /** Where an option's value is shown. */
  public enum Shown {
    /** In the manifest's {@code configuration} and in {@code --print-config}. */
    MANIFEST,
    /** In {@code --print-config} only. */
    PRINT_CONFIG,
    /** Nowhere (the secret, the team's own addresses). */
    NEVER
  }

  /** Parses one scalar value from its text; a bad value fails naming the key and the value. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String key, String raw);
  }

  /** Parses one entry {@code key.sub: raw} of a map-valued option into {@code into}. */
  @FunctionalInterface
  public interface EntryParser<V> {
    void put(String key, String sub, String raw, Map<String, V> into);
  }

  private final String key;
  private final Kind kind;
  private final Supplier<T> defaultValue;
  private final Function<WellspringConfig, T> get;
  private final Parser<T> parser;
  private final EntryParser<?> entryParser;
  private String help = "";
  private String flag;
  private String paramLabel;
  private Shown shown = Shown.MANIFEST;
  private Function<T, Object> show = v -> v;

  private ConfigOption(
      String key,
      Kind kind,
      Supplier<T> defaultValue,
      Function<WellspringConfig, T> get,
      Parser<T> parser,
      EntryParser<?> entryParser) {
    this.key = key;
    this.kind = kind;
    this.defaultValue = defaultValue;
    this.get = get;
    this.parser = parser;
    this.entryParser = entryParser;
  }

  static <T> ConfigOption<T> scalar(
      String key, T defaultValue, Function<WellspringConfig, T> get, Parser<T> parser) {
    return new ConfigOption<>(key, Kind.SCALAR, () -> defaultValue, get, parser, null);
  }

  /** A scalar whose default is computed when a configuration is made (the run date's). */
  static <T> ConfigOption<T> scalarComputed(
      String key, Supplier<T> defaultValue, Function<WellspringConfig, T> get, Parser<T> parser) {
    return new ConfigOption<>(key, Kind.SCALAR, defaultValue, get, parser, null);
  }

  static <V> ConfigOption<Map<String, V>> map(
      String key,
      Map<String, V> defaultValue,
      Function<WellspringConfig, Map<String, V>> get,
      EntryParser<V> entries) {
    return new ConfigOption<>(key, Kind.MAP, () -> defaultValue, get, null, entries);
  }

  static ConfigOption<Map<String, String>> ownerEmails(
      String key, Function<WellspringConfig, Map<String, String>> get) {
    return new ConfigOption<>(key, Kind.OWNER_EMAILS, Map::of, get, null, null);
  }

  ConfigOption<T> help(String text) {
    this.help = text;
    return this;
  }

  /** A command-line flag for this option; its description is the help text. */
  ConfigOption<T> flag(String name, String label) {
    this.flag = name;
    this.paramLabel = label;
    return this;
  }

  ConfigOption<T> shown(Shown where) {
    this.shown = where;
    return this;
  }

  /** How the value is written in the manifest and {@code --print-config} (default: as is). */
  ConfigOption<T> show(Function<T, Object> how) {
    this.show = how;
    return this;
  }

  /** The snake_case key of the configuration file (and of the manifest). */
  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  /** The long flag ({@code --lookback-days}), or null for a file-only option. */
  public String flag() {
    return flag;
  }

  /** The flag's value label in {@code --help} ({@code N}, {@code DIR}). */
  public String paramLabel() {
    return paramLabel;
  }

  /** One line (or two) on what the option does; the flag's description in {@code --help}. */
  public String help() {
    return help;
  }

  public Shown shown() {
    return shown;
  }

  /** The default value (null where "none" is the default: no owner, no secret). */
  public T defaultValue() {
    return defaultValue.get();
  }

  /** This option's value in a configuration. */
  public T get(WellspringConfig config) {
    return get.apply(config);
  }

  /** The value as the manifest and {@code --print-config} write it. */
  public Object shownValue(WellspringConfig config) {
    return show.apply(get(config));
  }

  /** A scalar value from its text (file or flag). */
  public T parse(String raw) {
    if (kind != Kind.SCALAR) {
      throw new IllegalStateException(key + " is not a scalar option");
    }
    return parser.parse(key, raw);
  }

  /** Parses {@code key.sub: raw} into {@code into}, a mutable copy of the option's map. */
  @SuppressWarnings("unchecked")
  <V> void putEntry(String sub, String raw, Map<String, V> into) {
    if (kind != Kind.MAP) {
      throw new IllegalStateException(key + " is not a map option");
    }
    ((EntryParser<V>) entryParser).put(key, sub, raw, into);
  }

  @Override
  public String toString() {
    return key;
  }

  // The value grammars. Every failure names the key, the value and what was expected.

  static WellspringException bad(String key, String value, String expected) {
    return WellspringException.unusable(
        "config", "bad value for " + key + ": '" + value + "' (expected " + expected + ")");
  }

  /** Trimmed text, empty allowed. */
  static String text(String key, String raw) {
    return raw.trim();
  }

  /** Trimmed text; empty means none (null). */
  static String optionalText(String key, String raw) {
    String v = raw.trim();
    return v.isEmpty() ? null : v;
  }

  static String nonEmpty(String key, String raw) {
    if (raw.isBlank()) {
      throw bad(key, raw, "a non-empty value");
    }
    return raw.trim();
  }

  /** One of {@code allowed}, case-insensitive, as lower case. */
  static Parser<String> oneOf(Set<String> allowed) {
    return (key, raw) -> {
      String v = raw.trim().toLowerCase();
      if (!allowed.contains(v)) {
        throw bad(key, raw, "one of " + new TreeSet<>(allowed));
      }
      return v;
    };
  }

  static double nonNegative(String key, String raw) {
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

  static long wholeNumber(String key, String raw, long min, long max) {
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

  static Parser<Integer> wholeInt(int min, int max) {
    return (key, raw) -> (int) wholeNumber(key, raw, min, max);
  }

  static Parser<Long> anyLong() {
    return (key, raw) -> wholeNumber(key, raw, Long.MIN_VALUE, Long.MAX_VALUE);
  }
}
