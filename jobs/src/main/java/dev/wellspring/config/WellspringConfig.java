package dev.wellspring.config;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective configuration of one run: one immutable, validated value.
 *
 * <p>Precedence, highest first: command-line flag, configuration file ({@code --config}, YAML), the
 * defaults documented here and in DESIGN.md. Keys in the file use the snake_case names given in
 * {@link ConfigLoader#KEYS}.
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
    durations = Map.copyOf(new TreeMap<>(durations));
    inferenceMap = Map.copyOf(new TreeMap<>(inferenceMap));
    sparkConf = Map.copyOf(new TreeMap<>(sparkConf));
    ownerMap = Map.copyOf(new TreeMap<>(ownerMap));
    ownerEmails = Map.copyOf(new TreeMap<>(ownerEmails));
  }

  /** Like the record's, but never shows the secret (configurations end up in logs). */
  @Override
  public String toString() {
    return "WellspringConfig["
        + dev.wellspring.pipeline.Pipeline.describe(this)
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
    return new WellspringConfig(
        input,
        output,
        date,
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
        incrementality,
        keepRuns);
  }

  /** This configuration with other input and output folders. */
  public WellspringConfig withFolders(String newInput, String newOutput) {
    return new WellspringConfig(
        newInput,
        newOutput,
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
        incrementality,
        keepRuns);
  }
}
