package dev.wellspring.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Writes synthetic canonical exports (DESIGN.md "Canonical input files") with a planted effect; see
 * the package documentation for the model and docs/generator.md for the rates.
 *
 * <p>Activities and outcomes are streamed: one row at a time, owner after owner, so memory holds
 * only the current owner's contacts (two bytes each plus an index) and goals. Each owner has its
 * own random stream derived from the seed, so a run is a pure function of the request.
 *
 * <p>The generator decides every activity's class before writing it and writes the row so that the
 * classification rules give exactly that class. Every contact has one class for all its touches
 * (customers are EMBEDDED; media and partner contacts DIRECTED through an active goal, explicit or
 * inferred; other contacts any class), and intros introduce a contact of the same class. An
 * outcome's candidate touchpoints therefore all share the class of the touch that produced it, so
 * under every attribution model the credited value per class equals the planted value per class,
 * and the pipeline's lift equals {@code attributable_lift} in the truth file.
 */
public final class Generator {
  static final String[] TYPES =
      dev.wellspring.vocabulary.ActivityType.wireNames().toArray(String[]::new);
  static final int MEETING = 0;
  static final int CALL = 1;
  static final int EMAIL = 2;
  static final int MESSAGE = 3;
  static final int EVENT = 4;
  static final int INTRO_RECEIVED = 5;
  static final int INTRO_MADE = 6;
  static final int SOCIAL_POST = 10;
  static final int ANSWER = 11;
  static final int OTHER_TYPE = 12;

  /** DESIGN.md per-type defaults, used for the hours of an activity written without duration. */
  static final int[] DEFAULT_MINUTES =
      java.util.Arrays.stream(dev.wellspring.vocabulary.ActivityType.values())
          .mapToInt(dev.wellspring.vocabulary.ActivityType::defaultMinutes)
          .toArray();

  private static final int[] MIN_MINUTES = {20, 5, 2, 1, 60, 5, 5, 2, 1, 10, 5, 5, 10};
  private static final int[] MAX_MINUTES = {150, 60, 20, 10, 480, 30, 30, 10, 5, 45, 45, 30, 60};
  private static final int[] CONTACT_TYPE_CUM =
      cumulative(18, 12, 22, 16, 5, 4, 4, 4, 3, 3, 0, 3, 6);
  private static final int[] NO_CONTACT_TYPE_CUM =
      cumulative(0, 0, 0, 0, 25, 0, 0, 0, 0, 0, 65, 10, 0);

  static final String[] RELATIONSHIPS = {
    "customer", "prospect", "partner", "media", "peer", "other"
  };
  private static final int CUSTOMER = 0;
  private static final int PARTNER = 2;
  private static final int MEDIA = 3;
  private static final int[] RELATIONSHIP_CUM = cumulative(15, 20, 10, 8, 35, 12);

  /**
   * (relationship, class) of each owner's first contacts, so every pool and relationship exists.
   */
  private static final int[][] FORCED_CONTACTS = {
    {0, 1}, {1, 2}, {2, 0}, {3, 0}, {4, 2}, {5, 2}, {4, 0}, {1, 1}, {5, 0}, {2, 1}, {4, 1}, {1, 0}
  };

  private static final int D = 0;
  private static final int E = 1;
  private static final int U = 2;

  private static final Pattern OWN_FILES =
      Pattern.compile(
          "(contacts|activities|goals|outcomes)(-\\d{4})?\\.csv|generator-truth\\.json");

  /** Canonical headers (DESIGN.md "Canonical input files"), in the contract's column order. */
  static final String[] CONTACTS_HEADER = {
    "contact_id",
    "full_name",
    "email",
    "company",
    "title",
    "location",
    "source",
    "relationship",
    "first_met_on"
  };

  static final String[] ACTIVITIES_HEADER = {
    "activity_id",
    "owner",
    "occurred_at",
    "type",
    "contact_id",
    "duration_minutes",
    "cost",
    "goal_id",
    "context",
    "introduced_contact_id",
    "channel",
    "notes"
  };
  static final String[] GOALS_HEADER = {
    "goal_id",
    "owner",
    "category",
    "title",
    "target_value",
    "target_channel",
    "starts_on",
    "ends_on",
    "target_unit"
  };
  static final String[] OUTCOMES_HEADER = {
    "outcome_id",
    "owner",
    "occurred_at",
    "type",
    "value",
    "contact_id",
    "goal_id",
    "channel",
    "notes"
  };

  private static final byte[][] TYPE_BYTES = bytes(TYPES);
  private static final byte[] BUSINESS = ascii("business");
  private static final byte[] SPEAKING = ascii("speaking");

  private final GeneratorSpec spec;
  private final long startEpoch;
  private final long endExclusive;
  private final byte[][] dayBytes;
  private final byte[] scratch = new byte[64];
  private final Truth truth = new Truth();
  private final int activityWidth;
  private final int contactWidth;
  private final int outcomeWidth;
  private final double[] rates;
  private final double[] means;
  private final GeneratorSpec.Planting planting;

  /** With planting: the period's calendar month of each day, and each month's bounds (epoch s). */
  private final int[] monthOfDay;

  private final long[] monthFrom;
  private final long[] monthTo;

  private CsvSink activities;
  private CsvSink outcomes;
  private long nextActivity;
  private long nextOutcome;

  private Generator(GeneratorSpec spec) {
    this.spec = spec;
    this.startEpoch = spec.start().toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
    this.endExclusive = startEpoch + spec.days() * 86_400L;
    this.dayBytes = new byte[spec.days() + 2][];
    for (int d = 0; d < dayBytes.length; d++) {
      dayBytes[d] = ascii(spec.start().plusDays(d - 1L).toString());
    }
    this.activityWidth = Math.max(7, digits(spec.activities() + 10));
    this.contactWidth = Math.max(6, digits(spec.contacts()));
    this.outcomeWidth = Math.max(6, digits(spec.activities() + 10));
    this.rates = spec.rates().conversionsPerHour();
    this.means = spec.rates().meanValue();
    this.planting = spec.planting();
    java.time.YearMonth first = java.time.YearMonth.from(spec.start());
    int months =
        (int)
                first.until(
                    java.time.YearMonth.from(spec.end()), java.time.temporal.ChronoUnit.MONTHS)
            + 1;
    this.monthOfDay = new int[spec.days()];
    for (int d = 0; d < monthOfDay.length; d++) {
      monthOfDay[d] =
          (int)
              first.until(
                  java.time.YearMonth.from(spec.start().plusDays(d)),
                  java.time.temporal.ChronoUnit.MONTHS);
    }
    this.monthFrom = new long[months];
    this.monthTo = new long[months];
    for (int m = 0; m < months; m++) {
      long from = first.plusMonths(m).atDay(1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
      long to = first.plusMonths(m + 1).atDay(1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC);
      monthFrom[m] = Math.max(from, startEpoch);
      monthTo[m] = Math.min(to, endExclusive);
    }
  }

  /**
   * Writes contacts.csv, activities.csv (+ parts), goals.csv, outcomes.csv and generator-truth.json
   * into the spec's output folder, replacing files of those names (and stale activity parts) left
   * by an earlier run.
   */
  public static GenerationResult generate(GeneratorSpec spec) {
    try {
      prepare(spec.output());
      return new Generator(spec).run();
    } catch (UncheckedIOException e) {
      throw new GeneratorException(
          "generate", e.getMessage() + ": " + e.getCause().getMessage(), e);
    }
  }

  private GenerationResult run() {
    List<OwnerPlan> plans =
        spec.profile() == GeneratorSpec.Profile.SAMPLE
            ? Profiles.sample(spec)
            : Profiles.scale(spec);
    boolean sample = spec.profile() == GeneratorSpec.Profile.SAMPLE;
    Path dir = spec.output();
    List<CsvSink.Part> parts = new ArrayList<>();
    try (CsvSink goals = new CsvSink(dir, "goals", GOALS_HEADER, Long.MAX_VALUE, false);
        CsvSink contacts = new CsvSink(dir, "contacts", CONTACTS_HEADER, Long.MAX_VALUE, sample);
        CsvSink acts =
            new CsvSink(dir, "activities", ACTIVITIES_HEADER, spec.partSizeBytes(), false);
        CsvSink outs = new CsvSink(dir, "outcomes", OUTCOMES_HEADER, Long.MAX_VALUE, false)) {
      this.activities = acts;
      this.outcomes = outs;
      for (OwnerPlan p : plans) {
        for (OwnerPlan.Goal g : p.goals()) {
          goals.str(g.id()).str(p.name()).str(g.category()).str(g.title());
          if (g.targetValue() == null) {
            goals.empty();
          } else {
            goals.num(g.targetValue());
          }
          goals
              .str(g.targetChannel())
              .str(g.startsOn().toString())
              .str(g.endsOn().toString())
              .str(targetUnit(g))
              .endRow();
        }
      }
      long contactBase = 0;
      for (int o = 0; o < plans.size(); o++) {
        Tally3 tally = new Tally3();
        truth.perOwner.add(tally.t);
        owner(o, plans.get(o), contactBase, contacts, tally);
        contactBase += plans.get(o).contacts();
      }
      if (sample) {
        warts(plans);
      }
      goals.close();
      contacts.close();
      acts.close();
      outs.close();
      parts.addAll(contacts.parts());
      parts.addAll(acts.parts());
      parts.addAll(goals.parts());
      parts.addAll(outs.parts());
    }
    Path truthFile = dir.resolve("generator-truth.json");
    truth.write(truthFile, spec, plans, parts);
    List<GenerationResult.File> files = new ArrayList<>();
    for (CsvSink.Part p : parts) {
      files.add(new GenerationResult.File(p.file(), p.rows(), p.bytes()));
    }
    return new GenerationResult(
        files,
        truthFile,
        nextActivity,
        nextOutcome,
        spec.rates().expectedLift(),
        Truth.lift(truth.all, true));
  }

  /** Per-owner tallies, one per class. */
  private static final class Tally3 {
    final Truth.Tally[] t = {new Truth.Tally(), new Truth.Tally(), new Truth.Tally()};
  }

  private void owner(int o, OwnerPlan p, long contactBase, CsvSink contacts, Tally3 tally) {
    SplittableRandom r = new SplittableRandom(mix(spec.seed(), o));
    int nc = p.contacts();
    byte[] rel = new byte[nc];
    byte[] cls = new byte[nc];
    int[] poolSize = new int[3];
    for (int j = 0; j < nc; j++) {
      if (j < FORCED_CONTACTS.length) {
        rel[j] = (byte) FORCED_CONTACTS[j][0];
        cls[j] = (byte) FORCED_CONTACTS[j][1];
      } else {
        int rl = pick(r, RELATIONSHIP_CUM);
        rel[j] = (byte) rl;
        double u = r.nextDouble();
        if (rl == CUSTOMER) {
          cls[j] = E;
        } else if (rl == PARTNER || rl == MEDIA) {
          cls[j] = (byte) (u < 0.85 ? D : E);
        } else {
          cls[j] = (byte) (u < 0.30 ? D : u < 0.45 ? E : U);
        }
      }
      poolSize[cls[j]]++;
      writeContact(r, contacts, contactBase + j + 1, rel[j]);
    }
    int[][] pools = {new int[poolSize[0]], new int[poolSize[1]], new int[poolSize[2]]};
    int[] fill = new int[3];
    for (int j = 0; j < nc; j++) {
      pools[cls[j]][fill[cls[j]]++] = j;
    }

    List<OwnerPlan.Goal> goals = p.goals();
    byte[][] goalId = new byte[goals.size()][];
    int[] goalFrom = new int[goals.size()];
    int[] goalTo = new int[goals.size()];
    for (int g = 0; g < goals.size(); g++) {
      goalId[g] = goals.get(g).id().getBytes(StandardCharsets.UTF_8);
      goalFrom[g] = dayIndex(goals.get(g).startsOn());
      goalTo[g] = dayIndex(goals.get(g).endsOn());
    }
    int days = spec.days();
    int[][] active = new int[days][];
    for (int d = 0; d < days; d++) {
      int k = 0;
      int[] a = new int[goals.size()];
      for (int g = 0; g < goals.size(); g++) {
        if (goalFrom[g] <= d && d <= goalTo[g]) {
          a[k++] = g;
        }
      }
      active[d] = Arrays.copyOf(a, k);
    }
    byte[] ownerBytes = p.name().getBytes(StandardCharsets.UTF_8);
    // A goal-only outcome's candidates are all touches directed to the goal in the lookback, so
    // their number grows with the owner's volume squared; past 5,000 activities a year (already a
    // busy person) goal-only outcomes thin out and untraceable ones take their place.
    double goalOnlyScale = Math.min(1.0, 5000.0 / Math.max(1, p.activities()));
    double[] mixCum = {p.classMix()[0], p.classMix()[0] + p.classMix()[1]};
    // Planting draws come from a stream of their own, so the main stream is unchanged by them.
    double[][] monthCum = null;
    Touches touches = null;
    double[] causedInPeriod = {0};
    if (planting != null) {
      SplittableRandom pr = new SplittableRandom(mix(spec.seed() ^ 0x1A7E5EEDL, o));
      monthCum = new double[monthFrom.length][];
      for (int m = 0; m < monthCum.length; m++) {
        double[] w = new double[3];
        double sum = 0;
        for (int k = 0; k < 3; k++) {
          w[k] = p.classMix()[k] * (1 + planting.monthSwing() * (2 * pr.nextDouble() - 1));
          sum += w[k];
        }
        monthCum[m] = new double[] {w[0] / sum, (w[0] + w[1]) / sum};
      }
      touches = new Touches();
    }

    long n = p.activities();
    for (long i = 0; i < n; i++) {
      // Stratified days keep each owner's rows in date order without sorting.
      int day = (int) Math.min(days - 1, (long) ((i + r.nextDouble()) / n * days));
      double uc = r.nextDouble();
      double[] cum = monthCum == null ? mixCum : monthCum[monthOfDay[day]];
      int c = uc < cum[0] ? D : uc < cum[1] ? E : U;
      int[] pool = pools[c];
      int contact = -1;
      int type;
      if (pool.length > 0 && r.nextDouble() < 0.92) {
        double u = r.nextDouble();
        // Squared uniform: a few contacts get many touches, most get a few.
        contact = pool[(int) (pool.length * u * u)];
        type = pick(r, CONTACT_TYPE_CUM);
      } else {
        type = pick(r, NO_CONTACT_TYPE_CUM);
      }
      int form = timestampForm(r, type);
      int sec =
          form == 5
              ? 0
              : type == EVENT ? 9 * 3600 + r.nextInt(600) * 60 : 27_000 + r.nextInt(750) * 60;
      long t = startEpoch + day * 86_400L + sec;

      int goal = -1;
      int writtenGoal = -1;
      byte[] context = null;
      int rl = contact >= 0 ? rel[contact] : -1;
      if (c == D) {
        int[] act = active[day];
        if (act.length == 0) {
          throw new IllegalStateException(
              "owner " + p.name() + " has no active goal on day " + day);
        }
        if (rl == MEDIA || rl == PARTNER) {
          String cat = rl == MEDIA ? "publicity" : "partners";
          int count = 0;
          int match = -1;
          for (int g : act) {
            if (goals.get(g).category().equals(cat) && (count++ == 0 || r.nextInt(count) == 0)) {
              match = g;
            }
          }
          if (count == 1 && r.nextBoolean()) {
            goal = match;
            truth.counts[Truth.DIRECTED_INFERRED]++;
          } else if (count > 0) {
            goal = match;
            writtenGoal = match;
          }
        }
        if (goal < 0) {
          goal = act[r.nextInt(act.length)];
          writtenGoal = goal;
        }
        if (writtenGoal >= 0) {
          truth.counts[Truth.DIRECTED_EXPLICIT]++;
        }
      } else if (c == E) {
        if (rl == CUSTOMER) {
          context = r.nextBoolean() ? BUSINESS : null;
        } else {
          context = r.nextDouble() < (contact < 0 ? 0.4 : 0.55) ? BUSINESS : SPEAKING;
        }
      } else if (r.nextDouble() < 0.02) {
        writtenGoal = inactiveGoal(r, goalFrom, goalTo, day);
        if (writtenGoal >= 0) {
          truth.counts[Truth.GOAL_LINK_INVALID]++;
        }
      }
      int introduced = -1;
      if ((type == INTRO_RECEIVED || type == INTRO_MADE) && contact >= 0 && pool.length > 1) {
        do {
          introduced = pool[r.nextInt(pool.length)];
        } while (introduced == contact);
        truth.counts[Truth.INTRO_WITH_INTRODUCED]++;
      }
      boolean emptyDuration = r.nextDouble() < 0.15;
      int minutes =
          emptyDuration
              ? DEFAULT_MINUTES[type]
              : MIN_MINUTES[type] + r.nextInt(MAX_MINUTES[type] - MIN_MINUTES[type] + 1);
      long costCents = -1;
      if (type == EVENT && r.nextDouble() < 0.4) {
        costCents = 100L * (20 + r.nextInt(581));
      } else if (type == MEETING && r.nextDouble() < 0.2) {
        costCents = 1500 + 50L * r.nextInt(211);
      }
      String channel = channel(r, type, context);
      String notes = null;
      double un = r.nextDouble();
      if ((o == 0 && i == 4) || un < 0.005) {
        notes = Vocabulary.TRICKY_PHRASES[r.nextInt(Vocabulary.TRICKY_PHRASES.length)];
        truth.counts[Truth.TRICKY_NOTES]++;
      } else if (un < 0.25) {
        notes = Vocabulary.PHRASES[r.nextInt(Vocabulary.PHRASES.length)];
      }

      long contactId = contact >= 0 ? contactBase + contact + 1 : -1;
      CsvSink a = activities;
      a.raw(scratch, id('A', ++nextActivity, activityWidth));
      a.raw(ownerBytes);
      a.raw(scratch, timestamp(t, form));
      a.raw(TYPE_BYTES[type]);
      idOrEmpty(a, 'C', contactId, contactWidth);
      if (emptyDuration) {
        a.empty();
        truth.counts[Truth.EMPTY_DURATION]++;
      } else {
        a.num(minutes);
      }
      if (costCents < 0) {
        a.empty();
      } else {
        a.cents(costCents);
        truth.counts[Truth.WITH_COST]++;
      }
      if (writtenGoal >= 0) {
        a.str(goals.get(writtenGoal).id());
      } else {
        a.empty();
      }
      if (context == null) {
        a.empty();
      } else {
        a.raw(context);
      }
      idOrEmpty(a, 'C', introduced >= 0 ? contactBase + introduced + 1 : -1, contactWidth);
      a.str(channel).str(notes).endRow();
      if (contact < 0) {
        truth.counts[Truth.NO_CONTACT]++;
      }

      truth.all[c].activities++;
      truth.all[c].minutes += minutes;
      tally.t[c].activities++;
      tally.t[c].minutes += minutes;
      double factor = c == D ? goals.get(goal).conversionFactor() : 1.0;
      double chance = Math.min(1.0, rates[c] * minutes / 60.0 * factor);
      truth.all[c].expectedValue += chance * means[c];
      tally.t[c].expectedValue += chance * means[c];
      double traceable = contact >= 0 ? 1.0 : c == D ? goalOnlyScale : 0.0;
      truth.all[c].expectedAttributableValue += chance * means[c] * traceable;
      tally.t[c].expectedAttributableValue += chance * means[c] * traceable;
      if (planting != null) {
        // Expected caused value that lands inside the period: lag k months has probability
        // (1 - lambda) lambda^k, so it stays inside with 1 - lambda^(months left + 1).
        int left = monthFrom.length - 1 - monthOfDay[day];
        double inside = chance * means[c] * (1 - Math.pow(planting.carryover(), left + 1));
        truth.incremental[c] += inside;
        causedInPeriod[0] += inside;
        if (contactId >= 0) {
          touches.add(t, contactId);
        }
      }
      if (r.nextDouble() < chance) {
        outcome(
            r,
            ownerBytes,
            c,
            t,
            contactId,
            c == D ? goals.get(goal) : null,
            channel,
            goalOnlyScale,
            tally);
      }
    }
    if (planting != null && planting.baselineShare() > 0) {
      baseline(
          new SplittableRandom(mix(spec.seed() ^ 0xBA5E1E7EL, o)),
          ownerBytes,
          touches,
          causedInPeriod[0]);
    }
  }

  /** An owner's touches of contacts in time order (planting only), to link baseline outcomes. */
  private static final class Touches {
    long[] time = new long[1024];
    long[] contact = new long[1024];
    int n;

    void add(long t, long c) {
      if (n == time.length) {
        time = Arrays.copyOf(time, n * 2);
        contact = Arrays.copyOf(contact, n * 2);
      }
      time[n] = t;
      contact[n++] = c;
    }

    /** The contact touched last at or before {@code at} and at most 30 days before it, or -1. */
    long recent(long at) {
      long best = -1;
      long bestTime = Long.MIN_VALUE;
      // Rows are in day order with random times within a day: search a little past the point.
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (time[mid] <= at + 86_400L) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      for (int i = lo - 1; i >= 0 && time[i] >= at - 2 * 86_400L - 30L * 86_400; i--) {
        if (time[i] <= at && time[i] >= at - 30L * 86_400 && time[i] > bestTime) {
          bestTime = time[i];
          best = contact[i];
        }
      }
      return best;
    }
  }

  /**
   * Baseline outcomes of one owner: per month, a Poisson number worth share / (1 - share) of the
   * owner's expected caused value in the period, spread by the month's days; each linked to the
   * contact the owner touched most recently (within 30 days), as a real outcome would be.
   */
  private void baseline(SplittableRandom r, byte[] owner, Touches touches, double caused) {
    double share = planting.baselineShare();
    double mean = (means[0] + means[1] + means[2]) / 3;
    double periodSeconds = endExclusive - startEpoch;
    for (int m = 0; m < monthFrom.length; m++) {
      double mu =
          share / (1 - share) * caused * ((monthTo[m] - monthFrom[m]) / periodSeconds) / mean;
      int count = poisson(r, mu);
      for (int k = 0; k < count; k++) {
        long at = monthFrom[m] + (long) (r.nextDouble() * (monthTo[m] - monthFrom[m]));
        long contact = touches.recent(at);
        double u = r.nextDouble();
        String type = u < 0.5 ? "revenue" : u < 0.75 ? "readership" : "speaking";
        long cents = Math.max(1, Math.round(mean * (0.5 + r.nextDouble()) * 100));
        CsvSink w = outcomes;
        w.raw(scratch, id('O', ++nextOutcome, outcomeWidth));
        w.raw(owner);
        w.raw(scratch, timestamp(at, 0));
        w.str(type);
        w.cents(cents);
        idOrEmpty(w, 'C', contact, contactWidth);
        w.str(null).str(null).str(null).endRow();
        truth.baselineOutcomes++;
        truth.baselineCents += cents;
        if (contact >= 0) {
          truth.baselineLinked++;
        }
      }
    }
  }

  private static int poisson(SplittableRandom r, double mu) {
    if (mu > 30) {
      double g =
          Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
      return (int) Math.max(0, Math.round(mu + Math.sqrt(mu) * g));
    }
    double limit = Math.exp(-mu);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > limit);
    return k - 1;
  }

  private void outcome(
      SplittableRandom r,
      byte[] owner,
      int c,
      long t,
      long contactId,
      OwnerPlan.Goal goal,
      String channel,
      double goalOnlyScale,
      Tally3 tally) {
    long at;
    if (planting != null) {
      // Geometric carry-over by calendar month; an outcome that would land after the period is
      // not written (the truth counts only what lands inside).
      int lag = 0;
      while (r.nextDouble() < planting.carryover()) {
        lag++;
      }
      int m = monthOfDay[(int) ((t - startEpoch) / 86_400L)] + lag;
      if (m >= monthFrom.length) {
        return;
      }
      long from = lag == 0 ? t : monthFrom[m];
      at = from + (long) (r.nextDouble() * (monthTo[m] - from));
    } else {
      long remaining = endExclusive - 1 - t;
      long maxDelay = Math.min(150L * 86_400, remaining);
      long delay = maxDelay <= 3600 ? maxDelay : 3600 + (long) (r.nextDouble() * (maxDelay - 3600));
      at = t + delay;
    }
    int form = 0;
    if (r.nextDouble() < 0.15) {
      long midnight = Math.floorDiv(at, 86_400L) * 86_400L;
      if (midnight >= t) {
        at = midnight;
        form = 5;
      }
    }
    boolean goalOnly = c == D && r.nextDouble() < (contactId < 0 ? 1.0 : 0.25) * goalOnlyScale;
    boolean neither = contactId < 0 && !goalOnly;
    String type;
    double u = r.nextDouble();
    if (c == D) {
      type = u < 0.85 ? goal.category() : u < 0.93 ? "revenue" : "other";
    } else if (c == E) {
      type = u < 0.6 ? "revenue" : u < 0.75 ? "partners" : u < 0.9 ? "speaking" : "other";
    } else {
      type =
          u < 0.4
              ? "other"
              : u < 0.6 ? "revenue" : u < 0.8 ? "readership" : u < 0.9 ? "speaking" : "publicity";
    }
    long cents = Math.max(1, Math.round(means[c] * (0.5 + r.nextDouble()) * 100));
    String outChannel =
        goal != null && type.equals("publicity") && goal.targetChannel() != null
            ? goal.targetChannel()
            : channel;
    String notes =
        r.nextDouble() < 0.3
            ? Vocabulary.OUTCOME_NOTES[r.nextInt(Vocabulary.OUTCOME_NOTES.length)]
            : null;

    CsvSink w = outcomes;
    w.raw(scratch, id('O', ++nextOutcome, outcomeWidth));
    w.raw(owner);
    w.raw(scratch, timestamp(at, form));
    w.str(type);
    w.cents(cents);
    idOrEmpty(w, 'C', goalOnly ? -1 : contactId, contactWidth);
    boolean withGoal = goalOnly || (c == D && !neither && r.nextBoolean());
    w.str(withGoal ? goal.id() : null);
    w.str(outChannel).str(notes).endRow();

    truth.outcomeKinds[goalOnly ? Truth.GOAL_ONLY : neither ? Truth.NEITHER : Truth.CONTACT]++;
    for (Truth.Tally x : new Truth.Tally[] {truth.all[c], tally.t[c]}) {
      x.outcomes++;
      x.cents += cents;
      if (!neither) {
        x.attributableOutcomes++;
        x.attributableCents += cents;
      }
    }
  }

  /** Rows ingest must reject (sample profile only); none of them is a touch or converts. */
  private void warts(List<OwnerPlan> plans) {
    String theo = plans.get(1).name();
    String maya = plans.get(0).name();
    activities
        .raw(scratch, id('A', ++nextActivity, activityWidth))
        .str(theo)
        .str("14/06/" + spec.start().getYear() + " 10:00")
        .str("meeting")
        .empty()
        .num(45)
        .empty()
        .empty()
        .empty()
        .empty()
        .str("Coffee")
        .str("Typed the date by hand")
        .endRow();
    activities
        .raw(scratch, id('A', ++nextActivity, activityWidth))
        .str(theo)
        .str(spec.start().plusDays(40).toString() + "T08:30:00Z")
        .str("coffee chat")
        .empty()
        .num(30)
        .empty()
        .empty()
        .empty()
        .empty()
        .str("Coffee")
        .empty()
        .endRow();
    outcomes
        .raw(scratch, id('O', ++nextOutcome, outcomeWidth))
        .str(maya)
        .str(spec.start().plusDays(200).toString())
        .str("award")
        .num(1)
        .empty()
        .empty()
        .str("Meridian Speakers Day")
        .str("Speaker of the year shortlist")
        .endRow();
    truth.expectedRejects = 3;
  }

  private void writeContact(SplittableRandom r, CsvSink w, long id, int rl) {
    String first = Vocabulary.FIRST[r.nextInt(Vocabulary.FIRST.length)];
    String last = Vocabulary.LAST[r.nextInt(Vocabulary.LAST.length)];
    w.raw(scratch, id('C', id, contactWidth));
    w.str(first + " " + last);
    if (r.nextDouble() < 0.8) {
      w.str(
          (first + "." + last).toLowerCase(Locale.ROOT)
              + id
              + "@"
              + Vocabulary.DOMAINS[r.nextInt(Vocabulary.DOMAINS.length)]);
    } else {
      w.empty();
    }
    w.str(
        r.nextDouble() < 0.85
            ? Vocabulary.COMPANIES[r.nextInt(Vocabulary.COMPANIES.length)]
            : null);
    w.str(Vocabulary.TITLES[r.nextInt(Vocabulary.TITLES.length)]);
    w.str(Vocabulary.LOCATIONS[r.nextInt(Vocabulary.LOCATIONS.length)]);
    w.str(Vocabulary.SOURCES[r.nextInt(Vocabulary.SOURCES.length)]);
    // "other" is written empty half the time: the contract reads empty as other.
    w.str(rl == 5 && r.nextBoolean() ? null : RELATIONSHIPS[rl]);
    if (r.nextDouble() < 0.6) {
      w.str(spec.start().minusDays(1095).plusDays(r.nextInt(1095 + spec.days())).toString());
    } else {
      w.empty();
    }
    w.endRow();
  }

  private static String channel(SplittableRandom r, int type, byte[] context) {
    double u = r.nextDouble();
    if (context == SPEAKING) {
      return Vocabulary.CONFERENCES[r.nextInt(Vocabulary.CONFERENCES.length)];
    }
    if (u < 0.08) {
      return null;
    }
    u = r.nextDouble();
    return switch (type) {
      case EMAIL -> "Email";
      case MESSAGE -> u < 0.65 ? "LinkedIn" : u < 0.85 ? "Slack community" : "Text message";
      case CALL -> u < 0.5 ? "Phone" : u < 0.85 ? "Video call" : pick(r, Vocabulary.PODCASTS);
      case MEETING ->
          u < 0.35
              ? "Coffee"
              : u < 0.55
                  ? "Office"
                  : u < 0.75 ? "Video call" : u < 0.9 ? pick(r, Vocabulary.CLUBS) : "Lunch";
      case EVENT -> u < 0.7 ? pick(r, Vocabulary.CONFERENCES) : pick(r, Vocabulary.CLUBS);
      case SOCIAL_POST -> u < 0.7 ? "LinkedIn" : u < 0.9 ? "Newsletter" : "Blog";
      case ANSWER -> u < 0.6 ? "LinkedIn" : "Community forum";
      case OTHER_TYPE -> u < 0.5 ? pick(r, Vocabulary.PODCASTS) : "Other";
      default -> u < 0.8 ? "LinkedIn" : "Email";
    };
  }

  /** 0 Z, 1 +01:00, 2 -05:00, 3 +0200, 4 space and no offset, 5 date alone (events and posts). */
  private static int timestampForm(SplittableRandom r, int type) {
    double u = r.nextDouble();
    if (u < 0.70) {
      return 0;
    } else if (u < 0.82) {
      return 1;
    } else if (u < 0.87) {
      return 2;
    } else if (u < 0.90) {
      return 3;
    } else if (u < 0.95) {
      return 4;
    }
    return type == EVENT || type == SOCIAL_POST ? 5 : 0;
  }

  /** Writes instant t in the given form into scratch; returns its length. */
  private int timestamp(long t, int form) {
    int offset =
        switch (form) {
          case 1 -> 3600;
          case 2 -> -5 * 3600;
          case 3 -> 2 * 3600;
          default -> 0;
        };
    long local = t + offset;
    int day = (int) Math.floorDiv(local - startEpoch, 86_400L);
    int sod = (int) Math.floorMod(local - startEpoch, 86_400L);
    byte[] date = dayBytes[day + 1];
    System.arraycopy(date, 0, scratch, 0, date.length);
    int k = date.length;
    if (form == 5) {
      return k;
    }
    scratch[k++] = (byte) (form == 4 ? ' ' : 'T');
    k = two(sod / 3600, k);
    scratch[k++] = ':';
    k = two(sod / 60 % 60, k);
    scratch[k++] = ':';
    k = two(sod % 60, k);
    switch (form) {
      case 0 -> scratch[k++] = 'Z';
      case 1 -> k = put("+01:00", k);
      case 2 -> k = put("-05:00", k);
      case 3 -> k = put("+0200", k);
      default -> {}
    }
    return k;
  }

  private int two(int v, int k) {
    scratch[k] = (byte) ('0' + v / 10);
    scratch[k + 1] = (byte) ('0' + v % 10);
    return k + 2;
  }

  private int put(String s, int k) {
    for (int i = 0; i < s.length(); i++) {
      scratch[k++] = (byte) s.charAt(i);
    }
    return k;
  }

  /** Writes prefix + zero-padded n into scratch; returns its length. */
  private int id(char prefix, long n, int width) {
    scratch[0] = (byte) prefix;
    for (int i = width; i >= 1; i--) {
      scratch[i] = (byte) ('0' + n % 10);
      n /= 10;
    }
    return width + 1;
  }

  private void idOrEmpty(CsvSink w, char prefix, long n, int width) {
    if (n < 0) {
      w.empty();
    } else {
      w.raw(scratch, id(prefix, n, width));
    }
  }

  /**
   * goals.csv's target_unit: readership and launch targets count readers and pre-orders, the sum of
   * their outcomes' values ({@code value}); other targets count outcomes (empty, the default).
   */
  static String targetUnit(OwnerPlan.Goal g) {
    boolean sums =
        g.targetValue() != null
            && (g.category().equals("readership") || g.category().equals("launch"));
    return sums ? "value" : null;
  }

  private static int inactiveGoal(SplittableRandom r, int[] from, int[] to, int day) {
    int chosen = -1;
    int seen = 0;
    for (int g = 0; g < from.length; g++) {
      if ((day < from[g] || day > to[g]) && r.nextInt(++seen) == 0) {
        chosen = g;
      }
    }
    return chosen;
  }

  private int dayIndex(LocalDate d) {
    return (int) (d.toEpochDay() - spec.start().toEpochDay());
  }

  private static void prepare(Path dir) {
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
        for (Path f : ds) {
          if (OWN_FILES.matcher(f.getFileName().toString()).matches()) {
            Files.delete(f);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output folder " + dir, e);
    }
  }

  private static String pick(SplittableRandom r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  private static int pick(SplittableRandom r, int[] cum) {
    int x = r.nextInt(cum[cum.length - 1]);
    for (int i = 0; i < cum.length; i++) {
      if (x < cum[i]) {
        return i;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private static int[] cumulative(int... w) {
    int[] c = new int[w.length];
    int s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      c[i] = s;
    }
    return c;
  }

  /** A well-mixed per-owner seed (SplitMix64 finaliser), so owner streams do not overlap. */
  private static long mix(long seed, int owner) {
    long z = seed + 0x9E3779B97F4A7C15L * (owner + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int digits(long n) {
    return Long.toString(Math.max(n, 1)).length();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[][] bytes(String[] s) {
    byte[][] b = new byte[s.length][];
    for (int i = 0; i < s.length; i++) {
      b[i] = ascii(s[i]);
    }
    return b;
  }
}
