package dev.wellspring.config;

import static dev.wellspring.config.ConfigOption.bad;
import static dev.wellspring.config.ConfigOption.map;
import static dev.wellspring.config.ConfigOption.nonEmpty;
import static dev.wellspring.config.ConfigOption.nonNegative;
import static dev.wellspring.config.ConfigOption.oneOf;
import static dev.wellspring.config.ConfigOption.scalar;
import static dev.wellspring.config.ConfigOption.wholeInt;

import dev.wellspring.config.ConfigOption.Shown;
import dev.wellspring.vocabulary.ActivityType;
import dev.wellspring.vocabulary.AttributionModel;
import dev.wellspring.vocabulary.GoalCategory;
import dev.wellspring.vocabulary.Relationship;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The option table: every configuration option once, with its key, flag, type, default and help (as
 * Iceberg's {@code SparkWriteConf} lists its options). The command-line flags ({@code
 * cli/RunOptions}), the configuration file's keys ({@link ConfigLoader}), {@code --print-config}
 * and the manifest's {@code configuration} ({@link WellspringConfig#describe()}, {@link
 * WellspringConfig#forManifest()}) are made from {@link #ALL}.
 *
 * <p>Precedence, highest first: flag, configuration file, the default given here.
 */
public final class Options {
  private Options() {}

  public static final ConfigOption<String> INPUT =
      scalar("input", (String) null, WellspringConfig::input, ConfigOption::text)
          .help("Folder with the exports.")
          .flag("--input", "DIR");

  public static final ConfigOption<String> OUTPUT =
      scalar("output", (String) null, WellspringConfig::output, ConfigOption::text)
          .help("Output folder (warehouse, reports, runs).")
          .flag("--output", "DIR");

  public static final ConfigOption<LocalDate> RUN_DATE =
      ConfigOption.scalarComputed(
              "run_date",
              () -> LocalDate.now(ZoneOffset.UTC).minusDays(1),
              WellspringConfig::runDate,
              Options::date)
          .help("Run date; data after its end is ignored. Default: yesterday (UTC).")
          .flag("--run-date", "YYYY-MM-DD")
          .show(LocalDate::toString);

  public static final ConfigOption<String> MASTER =
      scalar("master", "local[*]", WellspringConfig::master, ConfigOption::nonEmpty)
          .help("Spark master (default local[*]).")
          .flag("--master", "URL");

  public static final ConfigOption<String> OWNER =
      scalar("owner", (String) null, WellspringConfig::owner, ConfigOption::optionalText)
          .help("Whose single-person exports these are.")
          .flag("--owner", "NAME");

  public static final ConfigOption<Integer> LOOKBACK_DAYS =
      scalar("lookback_days", 180, WellspringConfig::lookbackDays, wholeInt(0, 36500))
          .help("Attribution lookback (default 180).")
          .flag("--lookback-days", "N");

  public static final ConfigOption<Double> HALF_LIFE_DAYS =
      scalar(
              "half_life_days",
              30.0,
              WellspringConfig::halfLifeDays,
              (key, raw) -> {
                double d = nonNegative(key, raw);
                if (d <= 0) {
                  throw bad(key, raw, "a number > 0");
                }
                return d;
              })
          .help("Time-decay half-life (default 30).")
          .flag("--half-life-days", "N");

  public static final ConfigOption<String> CHANNEL_DIMENSION =
      scalar(
              "channel_dimension",
              "class",
              WellspringConfig::channelDimension,
              oneOf(ConfigLoader.CHANNEL_DIMENSIONS))
          .help(
              "Channels of markov/shapley paths: class, type, channel, goal_category (default"
                  + " class).")
          .flag("--channel-dimension", "D");

  public static final ConfigOption<Double> REJECT_MAX =
      scalar(
              "reject_max",
              0.05,
              WellspringConfig::rejectMax,
              (key, raw) -> {
                double d = nonNegative(key, raw);
                if (d > 1) {
                  throw bad(key, raw, "a ratio between 0 and 1");
                }
                return d;
              })
          .help("Largest tolerated reject ratio (default 0.05).")
          .flag("--reject-max", "RATIO");

  public static final ConfigOption<String> REPORT_MODEL =
      scalar(
              "report_model",
              AttributionModel.LINEAR.wireName(),
              WellspringConfig::reportModel,
              oneOf(ConfigLoader.MODELS))
          .help("Model of the report's headline (default linear).")
          .flag("--report-model", "MODEL");

  public static final ConfigOption<Integer> BOOTSTRAP_RESAMPLES =
      scalar(
              "bootstrap_resamples",
              1000,
              WellspringConfig::bootstrapResamples,
              wholeInt(1, 1_000_000))
          .help("Bootstrap resamples of the lift interval (default 1000).");

  public static final ConfigOption<Long> BOOTSTRAP_SEED =
      scalar("bootstrap_seed", 20260101L, WellspringConfig::bootstrapSeed, ConfigOption.anyLong())
          .help("Seed of the lift interval's bootstrap (default 20260101).");

  public static final ConfigOption<Integer> SHUFFLE_PARTITIONS =
      scalar("shuffle_partitions", 0, WellspringConfig::shufflePartitions, wholeInt(0, 100_000))
          .help("Spark shuffle partitions (default: one per 24 MB of input, 8 to 512).")
          .flag("--shuffle-partitions", "N");

  public static final ConfigOption<String> PAPER =
      scalar(
              "paper",
              "A4",
              WellspringConfig::paper,
              (key, raw) -> {
                String v = raw.trim();
                if (v.equalsIgnoreCase("a4")) {
                  return "A4";
                } else if (v.equalsIgnoreCase("letter")) {
                  return "Letter";
                }
                throw bad(key, raw, "A4 or Letter");
              })
          .help("Report paper: A4 (default) or Letter.")
          .flag("--paper", "SIZE");

  public static final ConfigOption<String> NAMES =
      scalar("names", "full", WellspringConfig::names, oneOf(Set.of("full", "initials", "none")))
          .help("People's names in the report: full (default), initials or none.")
          .flag("--names", "HOW");

  public static final ConfigOption<String> VALUE_UNIT =
      scalar(
              "value_unit",
              "",
              WellspringConfig::valueUnit,
              (key, raw) -> {
                String v = raw.trim();
                if (v.length() > 16 || v.chars().anyMatch(Character::isISOControl)) {
                  throw bad(key, raw, "a short unit such as EUR or points, at most 16 characters");
                }
                return v;
              })
          .help("Unit written beside values in the report, e.g. EUR or points (default none).")
          .flag("--value-unit", "UNIT");

  public static final ConfigOption<Integer> REPORT_PERIOD_DAYS =
      scalar("report_period_days", 90, WellspringConfig::reportPeriodDays, wholeInt(1, 3660))
          .help(
              "The report's period: the N days to the run date, against the N before (default"
                  + " 90).")
          .flag("--report-period-days", "N");

  public static final ConfigOption<String> SECRET =
      scalar("secret", (String) null, WellspringConfig::secret, ConfigOption::optionalText)
          .help(
              "Secret of the keyed hashes (default: WELLSPRING_SECRET, else one kept in"
                  + " <output>/.wellspring-secret). Never shown.")
          .shown(Shown.NEVER);

  public static final ConfigOption<String> SALESFORCE_DATE_FORMAT =
      scalar(
              "salesforce_date_format",
              "auto",
              WellspringConfig::salesforceDateFormat,
              oneOf(ConfigLoader.SALESFORCE_DATE_FORMATS))
          .help("How Salesforce slash dates are read: auto (default), mdy, dmy or iso.");

  public static final ConfigOption<Double> CARRYOVER =
      scalar(
              "carryover",
              WellspringConfig.Incrementality.DEFAULT.carryover(),
              c -> c.incrementality().carryover(),
              (key, raw) -> {
                String v = raw.trim();
                if (v.isEmpty() || v.equalsIgnoreCase("auto")) {
                  return null;
                }
                double d = nonNegative(key, raw);
                if (d > 0.9) {
                  throw bad(key, raw, "a number from 0 to 0.9, or auto");
                }
                return d;
              })
          .help("Carry-over lambda of the mix model, 0 to 0.9 (default auto: cross-validated).")
          .show(v -> v == null ? "auto" : v);

  public static final ConfigOption<Integer> INCREMENTALITY_RESAMPLES =
      scalar(
              "incrementality_resamples",
              WellspringConfig.Incrementality.DEFAULT.resamples(),
              c -> c.incrementality().resamples(),
              wholeInt(200, 100_000))
          .help("Bootstrap resamples over owners of the incrementality estimate (default 200).");

  public static final ConfigOption<Long> INCREMENTALITY_SEED =
      scalar(
              "incrementality_seed",
              WellspringConfig.Incrementality.DEFAULT.seed(),
              c -> c.incrementality().seed(),
              ConfigOption.anyLong())
          .help("Seed of the incrementality bootstrap (default 20260101).");

  public static final ConfigOption<Integer> KEEP_RUNS =
      scalar("keep_runs", 30, WellspringConfig::keepRuns, wholeInt(0, 100_000))
          .help(
              "Published run dates to keep after a successful run; older ones are pruned (default"
                  + " 30; 0 keeps all).")
          .flag("--keep-runs", "N")
          .shown(Shown.PRINT_CONFIG);

  private static final Map<String, Double> DEFAULT_DURATIONS =
      ActivityType.defaultMinutesByType().entrySet().stream()
          .collect(
              java.util.stream.Collectors.toUnmodifiableMap(
                  Map.Entry::getKey, e -> e.getValue().doubleValue()));

  public static final ConfigOption<Map<String, Double>> DURATIONS =
      map(
              "durations",
              DEFAULT_DURATIONS,
              WellspringConfig::durations,
              (key, sub, raw, into) -> {
                if (!ConfigLoader.ACTIVITY_TYPES.contains(sub)) {
                  throw bad(
                      key + "." + sub,
                      raw,
                      "an activity type: " + new TreeMap<>(DEFAULT_DURATIONS).keySet());
                }
                into.put(sub, nonNegative(key + "." + sub, raw));
              })
          .help("Activity type -> default minutes for an empty duration_minutes.");

  public static final ConfigOption<Map<String, String>> INFERENCE_MAP =
      map(
              "inference_map",
              Map.of(
                  Relationship.MEDIA.wireName(),
                  GoalCategory.PUBLICITY.wireName(),
                  Relationship.PARTNER.wireName(),
                  GoalCategory.PARTNERS.wireName()),
              WellspringConfig::inferenceMap,
              (key, sub, raw, into) -> {
                if (!ConfigLoader.RELATIONSHIPS.contains(sub)) {
                  throw bad(
                      key + "." + sub,
                      raw,
                      "a relationship key, one of " + ConfigLoader.RELATIONSHIPS);
                }
                String cat = raw.trim().toLowerCase();
                if (cat.isEmpty() || cat.equals("none")) {
                  into.remove(sub);
                } else if (!ConfigLoader.GOAL_CATEGORIES.contains(cat)) {
                  throw bad(
                      key + "." + sub,
                      raw,
                      "a goal category, one of " + ConfigLoader.GOAL_CATEGORIES);
                } else {
                  into.put(sub, cat);
                }
              })
          .help("Contact relationship -> goal category for inferred direction (none removes one).");

  public static final ConfigOption<Map<String, String>> SPARK =
      map(
              "spark",
              Map.<String, String>of(),
              WellspringConfig::sparkConf,
              (key, sub, raw, into) -> into.put(sub, raw.trim()))
          .help("Further Spark settings, passed through (spark.* -> value).");

  public static final ConfigOption<Map<String, String>> OWNER_MAP =
      map(
              "owner_map",
              Map.<String, String>of(),
              WellspringConfig::ownerMap,
              (key, sub, raw, into) -> {
                if (sub.isBlank()) {
                  throw bad(key + "." + sub, raw, "a vendor owner id, name or e-mail as the key");
                }
                into.put(sub.trim(), nonEmpty(key + "." + sub, raw));
              })
          .help("Vendor owner id, name or e-mail -> Wellspring owner, for team exports.")
          .shown(Shown.PRINT_CONFIG);

  public static final ConfigOption<Map<String, String>> OWNER_EMAILS =
      ConfigOption.ownerEmails("owner_emails", WellspringConfig::ownerEmails)
          .help(
              "The team's own e-mail addresses: a list (of --owner's) or owner -> list. Never"
                  + " shown.")
          .shown(Shown.NEVER);

  /**
   * Every option, in the order the configuration file's keys are listed in messages: the scalars,
   * then the maps, then owner_emails.
   */
  public static final List<ConfigOption<?>> ALL =
      List.of(
          INPUT,
          OUTPUT,
          RUN_DATE,
          MASTER,
          OWNER,
          LOOKBACK_DAYS,
          HALF_LIFE_DAYS,
          CHANNEL_DIMENSION,
          REJECT_MAX,
          REPORT_MODEL,
          BOOTSTRAP_RESAMPLES,
          BOOTSTRAP_SEED,
          SHUFFLE_PARTITIONS,
          PAPER,
          NAMES,
          VALUE_UNIT,
          REPORT_PERIOD_DAYS,
          SECRET,
          SALESFORCE_DATE_FORMAT,
          CARRYOVER,
          INCREMENTALITY_RESAMPLES,
          INCREMENTALITY_SEED,
          KEEP_RUNS,
          DURATIONS,
          INFERENCE_MAP,
          SPARK,
          OWNER_MAP,
          OWNER_EMAILS);

  /** The option with this file key, or null. */
  public static ConfigOption<?> byKey(String key) {
    for (ConfigOption<?> o : ALL) {
      if (o.key().equals(key)) {
        return o;
      }
    }
    return null;
  }

  /** The options that have a command-line flag. */
  public static List<ConfigOption<?>> withFlags() {
    return ALL.stream().filter(o -> o.flag() != null).toList();
  }

  private static LocalDate date(String key, String raw) {
    try {
      return LocalDate.parse(raw.trim());
    } catch (DateTimeParseException e) {
      throw bad(key, raw, "a date YYYY-MM-DD");
    }
  }
}
