package dev.wellspring.config;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The effective configuration of one run: one immutable, validated value.
 *
 * <p>Precedence, highest first: command-line flag, configuration file ({@code --config}, YAML), the
 * defaults documented here and in DESIGN.md. Keys in the file use the snake_case names of the
 * option table {@link Options}, which also gives each option's flag, default and help.
 *
 * @param input folder with the exports (canonical files and vendor exports)
 * @param output folder that receives warehouse/, rejects/, reports/ and runs/
 * @param runDate the run date; data after its end is ignored. Default: yesterday (UTC)
 * @param master Spark master URL; default {@code local[*]}
 * @param owner whose single-person exports these are (a LinkedIn archive); may be null
 * @param lookbackDays attribution window in days (inclusive), default 180
 * @param halfLifeDays time-decay half-life in days, default 30
 * @param channelDimension path channel dimension for markov and shapley: class, type, channel,
 *     goal_category
 * @param rejectMax largest tolerated reject ratio (rejected / read), default 0.05
 * @param reportModel the model the report's headline uses, default linear
 * @param durations per-type default duration in minutes for an empty duration_minutes
 * @param inferenceMap contact relationship -> goal category for inferred direction (rule 3)
 * @param bootstrapResamples number of bootstrap resamples for the lift interval, default 1000
 * @param bootstrapSeed seed of the bootstrap, default 20260101
 * @param shufflePartitions spark.sql.shuffle.partitions; 0 = sized from the input
 * @param sparkConf further Spark settings, passed through
 * @param paper report paper size: A4 or Letter
 * @param names how people's names appear in reports: full, initials, none
 * @param ownerMap vendor owner id, name or e-mail (HubSpot owner, Salesforce OwnerId, calendar
 *     account) -> Wellspring owner, for team exports; key {@code owner_map}, empty by default
 * @param valueUnit the unit the report writes beside every value (e.g. EUR, points); key {@code
 *     value_unit}, empty (none) by default
 * @param reportPeriodDays the report's period: this many days ending with the run date, compared
 *     with as many days before; key {@code report_period_days}, default 90
 * @param secret secret of the keyed hashes ({@code dev.wellspring.privacy.Keys}); null = the
 *     environment variable WELLSPRING_SECRET, else a secret generated once and kept in {@code
 *     <output>/.wellspring-secret}. Never written to the manifest
 * @param ownerEmails the team's own e-mail addresses (key {@code owner_emails}), lower case, each
 *     to the owner it belongs to; an empty owner means {@code owner} (--owner). A list in the file
 *     gives addresses of --owner; a mapping {@code {Alice: [a@x.org], Bob: b@y.org}} gives each
 *     owner's. With {@code owner_map} keys and the --owner name they are the owner's own
 *     identities: never a contact, never a touch. Never written to the manifest
 * @param salesforceDateFormat how Salesforce slash dates are read (key {@code
 *     salesforce_date_format}): {@code auto} (default: US month/day only when the file settles it),
 *     {@code mdy}, {@code dmy} or {@code iso} (slash dates are bad timestamps)
 * @param incrementality settings of the incrementality estimate (keys {@code carryover}, {@code
 *     incrementality_resamples}, {@code incrementality_seed})
 * @param keepRuns how many published run dates stay after a successful run (older ones are pruned,
 *     {@code dev.wellspring.io.History}); 0 keeps all. Default 30
 */
public record WellspringConfig(
    String input,
    String output,
    LocalDate runDate,
    String master,
    String owner,
    int lookbackDays,
    double halfLifeDays,
    String channelDimension,
    double rejectMax,
    String reportModel,
    Map<String, Double> durations,
    Map<String, String> inferenceMap,
    int bootstrapResamples,
    long bootstrapSeed,
    int shufflePartitions,
    Map<String, String> sparkConf,
    String paper,
    String names,
    Map<String, String> ownerMap,
    String valueUnit,
    int reportPeriodDays,
    String secret,
    Map<String, String> ownerEmails,
    String salesforceDateFormat,
    Incrementality incrementality,
    int keepRuns) {

  /**
   * Settings of the incrementality estimate (DESIGN.md "Incrementality").
   *
   * @param carryover the carry-over lambda in [0, 0.9]; null (the default) = chosen by time-ordered
   *     cross-validation
   * @param resamples bootstrap resamples over owners, default 200 (at least 200)
   * @param seed bootstrap seed, default 20260101
   */
  public record Incrementality(Double carryover, int resamples, long seed) {
    public static final Incrementality DEFAULT = new Incrementality(null, 200, 20260101L);
  }

  public WellspringConfig {
    durations = sorted(durations);
    inferenceMap = sorted(inferenceMap);
    sparkConf = sorted(sparkConf);
    ownerMap = sorted(ownerMap);
    ownerEmails = sorted(ownerEmails);
  }

  /** An unmodifiable copy in key order (so the manifest and --print-config list maps sorted). */
  private static <V> Map<String, V> sorted(Map<String, V> m) {
    Map<String, V> copy = new TreeMap<>();
    m.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
    return Collections.unmodifiableMap(copy);
  }

  /**
   * The configuration holding {@code values}: one value per option of {@link Options#ALL}. The only
   * place the record's components are listed in order.
   */
  static WellspringConfig of(Map<ConfigOption<?>, Object> values) {
    Values v = new Values(values);
    return new WellspringConfig(
        v.get(Options.INPUT),
        v.get(Options.OUTPUT),
        v.get(Options.RUN_DATE),
        v.get(Options.MASTER),
        v.get(Options.OWNER),
        v.get(Options.LOOKBACK_DAYS),
        v.get(Options.HALF_LIFE_DAYS),
        v.get(Options.CHANNEL_DIMENSION),
        v.get(Options.REJECT_MAX),
        v.get(Options.REPORT_MODEL),
        v.get(Options.DURATIONS),
        v.get(Options.INFERENCE_MAP),
        v.get(Options.BOOTSTRAP_RESAMPLES),
        v.get(Options.BOOTSTRAP_SEED),
        v.get(Options.SHUFFLE_PARTITIONS),
        v.get(Options.SPARK),
        v.get(Options.PAPER),
        v.get(Options.NAMES),
        v.get(Options.OWNER_MAP),
        v.get(Options.VALUE_UNIT),
        v.get(Options.REPORT_PERIOD_DAYS),
        v.get(Options.SECRET),
        v.get(Options.OWNER_EMAILS),
        v.get(Options.SALESFORCE_DATE_FORMAT),
        new Incrementality(
            v.get(Options.CARRYOVER),
            v.get(Options.INCREMENTALITY_RESAMPLES),
            v.get(Options.INCREMENTALITY_SEED)),
        v.get(Options.KEEP_RUNS));
  }

  /** Typed reads of the option -> value map. */
  private record Values(Map<ConfigOption<?>, Object> values) {
    @SuppressWarnings("unchecked")
    <T> T get(ConfigOption<T> option) {
      if (!values.containsKey(option)) {
        throw new IllegalArgumentException("no value for " + option.key());
      }
      return (T) values.get(option);
    }
  }

  /** Every option's value in this configuration, in the table's order. */
  Map<ConfigOption<?>, Object> values() {
    Map<ConfigOption<?>, Object> m = new LinkedHashMap<>();
    for (ConfigOption<?> o : Options.ALL) {
      m.put(o, o.get(this));
    }
    return m;
  }

  /** This configuration with one option changed (validated values only: no parsing here). */
  public <T> WellspringConfig with(ConfigOption<T> option, T value) {
    Map<ConfigOption<?>, Object> m = values();
    m.put(option, value);
    return of(m);
  }

  /**
   * The effective configuration as plain values for --print-config, keys sorted: every option but
   * the secret and the team's own addresses.
   */
  public Map<String, Object> describe() {
    return shown(EnumSet.of(ConfigOption.Shown.MANIFEST, ConfigOption.Shown.PRINT_CONFIG));
  }

  /**
   * The manifest's {@code configuration} object, keys sorted (describe() less owner_map,
   * keep_runs).
   */
  public Map<String, Object> forManifest() {
    return shown(EnumSet.of(ConfigOption.Shown.MANIFEST));
  }

  private Map<String, Object> shown(Set<ConfigOption.Shown> where) {
    Map<String, Object> m = new TreeMap<>();
    for (ConfigOption<?> o : Options.ALL) {
      if (where.contains(o.shown())) {
        m.put(o.key(), o.shownValue(this));
      }
    }
    return m;
  }

  /** Like the record's, but never shows the secret (configurations end up in logs). */
  @Override
  public String toString() {
    return "WellspringConfig["
        + describe()
        + ", secret="
        + (secret == null ? "none" : "(set)")
        + "]";
  }

  /** Default minutes for an activity type whose duration is empty. */
  public double defaultDuration(String type) {
    Double d = durations.get(type);
    return d == null ? durations.getOrDefault("other", 30.0) : d;
  }

  /** This configuration with another run date (the stages of one run share everything else). */
  public WellspringConfig withRunDate(LocalDate date) {
    return with(Options.RUN_DATE, date);
  }

  /** This configuration with other input and output folders. */
  public WellspringConfig withFolders(String newInput, String newOutput) {
    return with(Options.INPUT, newInput).with(Options.OUTPUT, newOutput);
  }
}
