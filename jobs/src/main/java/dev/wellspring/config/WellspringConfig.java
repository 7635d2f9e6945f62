package dev.wellspring.config;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The effective configuration of one run: one immutable, validated value.
 *
 * <p>Precedence, highest first: command-line flag, configuration file ({@code --config}, YAML),
 * the defaults documented here and in DESIGN.md. Keys in the file use the snake_case names given
 * in {@link ConfigLoader#KEYS}.
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
 * @param secret secret of the keyed hashes ({@code dev.wellspring.privacy.Keys}); null = the
 *     environment variable WELLSPRING_SECRET, else a secret generated once and kept in {@code
 *     <output>/.wellspring-secret}. Never written to the manifest
 * @param keepRuns how many published run dates stay after a successful run (older ones are
 *     pruned, {@code dev.wellspring.io.History}); 0 keeps all. Default 30
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
    String secret,
    int keepRuns) {

  public WellspringConfig {
    durations = Map.copyOf(new TreeMap<>(durations));
    inferenceMap = Map.copyOf(new TreeMap<>(inferenceMap));
    sparkConf = Map.copyOf(new TreeMap<>(sparkConf));
    ownerMap = Map.copyOf(new TreeMap<>(ownerMap));
  }

  /** Like the record's, but never shows the secret (configurations end up in logs). */
  @Override
  public String toString() {
    return "WellspringConfig[" + dev.wellspring.pipeline.Pipeline.describe(this)
        + ", secret=" + (secret == null ? "none" : "(set)") + "]";
  }

  /** Default minutes for an activity type whose duration is empty. */
  public double defaultDuration(String type) {
    Double d = durations.get(type);
    return d == null ? durations.getOrDefault("other", 30.0) : d;
  }

  /** This configuration with another run date (the stages of one run share everything else). */
  public WellspringConfig withRunDate(LocalDate date) {
    return new WellspringConfig(
        input, output, date, master, owner, lookbackDays, halfLifeDays, channelDimension,
        rejectMax, reportModel, durations, inferenceMap, bootstrapResamples, bootstrapSeed,
        shufflePartitions, sparkConf, paper, names, ownerMap, secret, keepRuns);
  }

  /** This configuration with other input and output folders. */
  public WellspringConfig withFolders(String newInput, String newOutput) {
    return new WellspringConfig(
        newInput, newOutput, runDate, master, owner, lookbackDays, halfLifeDays,
        channelDimension, rejectMax, reportModel, durations, inferenceMap, bootstrapResamples,
        bootstrapSeed, shufflePartitions, sparkConf, paper, names, ownerMap, secret, keepRuns);
  }
}
