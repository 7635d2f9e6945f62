package dev.wellspring.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What {@code generate} writes: a validated, immutable request.
 *
 * @param output folder the CSV files and {@code generator-truth.json} go to (created if missing)
 * @param profile {@link Profile#SCALE} (any size, owners cycling through three archetypes) or
 *     {@link Profile#SAMPLE} (the three-person story of {@code sample-data/}, with a few warts)
 * @param owners number of owners; must be 3 for the sample profile
 * @param activities total activities across owners, at least one per owner
 * @param contacts total contacts across owners (kept in memory, a few bytes each), at least 12 per
 *     owner so that every relationship and class has someone
 * @param seed same seed, same request: byte-identical files
 * @param partSizeBytes activities are split into parts above this size
 * @param start first day of the period (UTC)
 * @param end last day of the period (UTC), inclusive; nothing is dated after it
 * @param rates the planted conversion rates; null for the profile's default ({@link
 *     PlantedRates#DEFAULT}, or {@link PlantedRates#SAMPLE} for the sample)
 * @param planting baseline outcomes, carry-over and month-to-month swings for the incrementality
 *     estimate; null (the default) plants none of them and leaves the output as it always was
 */
public record GeneratorSpec(
    Path output,
    Profile profile,
    int owners,
    long activities,
    int contacts,
    long seed,
    long partSizeBytes,
    LocalDate start,
    LocalDate end,
    PlantedRates rates,
    Planting planting) {

  /**
   * What the incrementality estimate needs to be tested on (docs/incrementality.md): outcomes no
   * touch caused, effects that arrive months after the touch, and hours that move from month to
   * month within an owner.
   *
   * @param baselineShare expected share of all outcome value that no touch caused: each owner gets,
   *     every month, baseline outcomes worth share / (1 - share) of its expected caused value per
   *     month, each linked to the contact the owner touched most recently (within 30 days) as a
   *     real outcome would be, so attribution credits them; 0 to 0.9
   * @param carryover a caused outcome lands k months after its touch's month with probability (1 -
   *     carryover) x carryover^k (geometric carry-over, as the model assumes); past the period's
   *     end it is not written; 0 to 0.9
   * @param monthSwing each class's share of an owner's touches is scaled every month by a factor
   *     drawn uniformly from 1 +- monthSwing; 0 to 0.95
   */
  public record Planting(double baselineShare, double carryover, double monthSwing) {
    public Planting {
      check("--baseline-share", baselineShare, 0.9);
      check("--carryover", carryover, 0.9);
      check("--month-swing", monthSwing, 0.95);
    }

    private static void check(String flag, double v, double max) {
      if (!(v >= 0 && v <= max)) {
        throw GeneratorException.unusable(
            "generate", flag + " must be from 0 to " + max + ", got " + v);
      }
    }
  }

  /** A request without planting (the generator's behaviour before the incrementality step). */
  public GeneratorSpec(
      Path output,
      Profile profile,
      int owners,
      long activities,
      int contacts,
      long seed,
      long partSizeBytes,
      LocalDate start,
      LocalDate end,
      PlantedRates rates) {
    this(
        output,
        profile,
        owners,
        activities,
        contacts,
        seed,
        partSizeBytes,
        start,
        end,
        rates,
        null);
  }

  /** Which world to generate. */
  public enum Profile {
    SCALE,
    SAMPLE
  }

  /** Fewest contacts per owner: one for each forced (relationship, class) combination. */
  public static final int MIN_CONTACTS_PER_OWNER = 12;

  /** Default part size of activities: 256 MB. */
  public static final long DEFAULT_PART_SIZE_BYTES = 256L << 20;

  public GeneratorSpec {
    String stage = "generate";
    if (output == null) {
      throw GeneratorException.unusable(stage, "missing --output DIR");
    }
    if (profile == null) {
      throw GeneratorException.unusable(stage, "missing profile");
    }
    if (owners < 1) {
      throw GeneratorException.unusable(stage, "--owners must be at least 1, got " + owners);
    }
    if (profile == Profile.SAMPLE && owners != 3) {
      throw GeneratorException.unusable(
          stage,
          "--owners must be 3 for --profile sample (its story has three people), got " + owners);
    }
    if (activities < owners) {
      throw GeneratorException.unusable(
          stage, "--activities must be at least --owners (" + owners + "), got " + activities);
    }
    if (contacts < (long) owners * MIN_CONTACTS_PER_OWNER) {
      throw GeneratorException.unusable(
          stage,
          "--contacts must be at least "
              + MIN_CONTACTS_PER_OWNER
              + " per owner ("
              + (long) owners * MIN_CONTACTS_PER_OWNER
              + "), got "
              + contacts);
    }
    if (partSizeBytes < 1024) {
      throw GeneratorException.unusable(
          stage, "--part-size-mb must be at least 1 KB (0.001), got " + partSizeBytes + " bytes");
    }
    if (start == null || end == null || end.isBefore(start)) {
      throw GeneratorException.unusable(
          stage, "--end must not be before --start, got --start " + start + " --end " + end);
    }
    if (ChronoUnit.DAYS.between(start, end) > 3660) {
      throw GeneratorException.unusable(
          stage, "the period may span at most ten years, got --start " + start + " --end " + end);
    }
    if (rates == null) {
      rates = profile == Profile.SAMPLE ? PlantedRates.SAMPLE : PlantedRates.DEFAULT;
    }
  }

  /** Contacts by default: one per 20 activities, at least 50 and at least the minimum per owner. */
  public static int defaultContacts(long activities, int owners) {
    long c = Math.max(50, activities / 20);
    c = Math.max(c, (long) Math.max(owners, 1) * MIN_CONTACTS_PER_OWNER);
    return (int) Math.min(c, Integer.MAX_VALUE);
  }

  /** Contacts of the sample profile by default: one per 8 activities, a person's real circle. */
  public static int defaultSampleContacts(long activities) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(3L * MIN_CONTACTS_PER_OWNER, activities / 8));
  }

  /** The sample request of sample-data/ (docs in sample-data/README.md). */
  public static GeneratorSpec sample(Path output, long activities, long seed) {
    return new GeneratorSpec(
        output,
        Profile.SAMPLE,
        3,
        activities,
        defaultSampleContacts(activities),
        seed,
        DEFAULT_PART_SIZE_BYTES,
        LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 12, 31),
        PlantedRates.SAMPLE);
  }

  /** A scale request for the period 2025-01-01..2025-12-31 with default contacts and parts. */
  public static GeneratorSpec scale(Path output, int owners, long activities, long seed) {
    return new GeneratorSpec(
        output,
        Profile.SCALE,
        owners,
        activities,
        defaultContacts(activities, owners),
        seed,
        DEFAULT_PART_SIZE_BYTES,
        LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 12, 31),
        PlantedRates.DEFAULT);
  }

  /** Days in the period, both ends included. */
  public int days() {
    return (int) ChronoUnit.DAYS.between(start, end) + 1;
  }
}
