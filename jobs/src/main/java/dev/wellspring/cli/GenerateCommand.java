package dev.wellspring.cli;

import dev.wellspring.WellspringException;
import dev.wellspring.generate.GenerationResult;
import dev.wellspring.generate.Generator;
import dev.wellspring.generate.GeneratorException;
import dev.wellspring.generate.GeneratorSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate}: synthetic canonical exports at any scale, with a planted effect
 * (docs/generator.md).
 *
 * <p>The generator is its own module ({@code generator/}), compiled against here but not on the
 * production classpath: {@code run.sh} and the release's {@code bin/wellspring} add its jar for
 * this command only.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Write synthetic canonical exports of any size, deterministic for a seed: contacts.csv,",
      "activities.csv (+ activities-0001.csv... above --part-size-mb), goals.csv, outcomes.csv",
      "and generator-truth.json (planted rates and the lift to expect; see docs/generator.md)."
    })
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec commandSpec;

  @Option(
      names = "--output",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write to.")
  String output;

  @Option(
      names = "--profile",
      defaultValue = "scale",
      paramLabel = "P",
      description =
          "scale (any size, owners cycling through three archetypes) or sample (the three-person"
              + " story of sample-data/, with a few rows ingest must reject). Default:"
              + " ${DEFAULT-VALUE}.")
  String profile;

  @Option(
      names = "--owners",
      paramLabel = "N",
      description = "Owners (default 3; sample: exactly 3).")
  Integer owners;

  @Option(
      names = "--activities",
      paramLabel = "N",
      description = "Activities in total across owners (default 10000; sample: 3000).")
  Long activities;

  @Option(
      names = "--contacts",
      paramLabel = "N",
      description =
          "Contacts in total (default activities/20, at least 50 and 12 per owner; sample:"
              + " activities/8).")
  Integer contacts;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Same seed, same bytes. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--part-size-mb",
      defaultValue = "256",
      paramLabel = "MB",
      description = "Split activities into parts above this size. Default: ${DEFAULT-VALUE}.")
  double partSizeMb;

  @Option(
      names = "--start",
      defaultValue = "2025-01-01",
      paramLabel = "YYYY-MM-DD",
      description = "First day of the period (UTC). Default: ${DEFAULT-VALUE}.")
  String start;

  @Option(
      names = "--end",
      defaultValue = "2025-12-31",
      paramLabel = "YYYY-MM-DD",
      description =
          "Last day of the period (UTC); nothing is dated after it. Default: ${DEFAULT-VALUE}.")
  String end;

  @Option(
      names = "--baseline-share",
      paramLabel = "S",
      description =
          "Plant outcomes no touch caused, this share of all outcome value (0 to 0.9), each linked"
              + " to a recently touched contact (docs/incrementality.md). Default: none.")
  Double baselineShare;

  @Option(
      names = "--carryover",
      paramLabel = "L",
      description =
          "Plant geometric carry-over: a caused outcome lands k months after its touch with"
              + " probability (1 - L) L^k (0 to 0.9). Default: the usual 0-150 day delay.")
  Double carryover;

  @Option(
      names = "--month-swing",
      paramLabel = "W",
      description =
          "Scale each class's share of an owner's touches every month by 1 +- W (0 to 0.95), so"
              + " hours move within an owner. Default: 0.5 when --baseline-share or --carryover is"
              + " given, else none.")
  Double monthSwing;

  @Override
  public Integer call() {
    try {
      Class.forName("dev.wellspring.generate.Generator");
    } catch (ClassNotFoundException e) {
      throw WellspringException.unusable(
          "generate",
          "the generator is not installed (wellspring-generator.jar is not on the class path)");
    }
    return GeneratorCalls.run(this::generate);
  }

  private int generate() {
    GeneratorSpec.Profile p = GeneratorCalls.profile(profile);
    int ownerCount = owners != null ? owners : 3;
    long activityCount =
        activities != null ? activities : p == GeneratorSpec.Profile.SAMPLE ? 3000 : 10_000;
    if (!(partSizeMb > 0) || partSizeMb > 1_000_000) {
      throw WellspringException.unusable(
          "generate", "--part-size-mb must be > 0, got " + partSizeMb);
    }
    GeneratorSpec spec =
        new GeneratorSpec(
            Path.of(output),
            p,
            ownerCount,
            activityCount,
            contacts != null
                ? contacts
                : p == GeneratorSpec.Profile.SAMPLE
                    ? GeneratorSpec.defaultSampleContacts(activityCount)
                    : GeneratorSpec.defaultContacts(activityCount, ownerCount),
            seed,
            Math.round(partSizeMb * 1024 * 1024),
            date("--start", start),
            date("--end", end),
            null,
            baselineShare == null && carryover == null && monthSwing == null
                ? null
                : new GeneratorSpec.Planting(
                    baselineShare == null ? 0 : baselineShare,
                    carryover == null ? 0 : carryover,
                    monthSwing == null ? 0.5 : monthSwing));
    long t0 = System.nanoTime();
    GenerationResult result = Generator.generate(spec);
    double seconds = (System.nanoTime() - t0) / 1e9;
    PrintWriter out = commandSpec.commandLine().getOut();
    for (GenerationResult.File f : result.files()) {
      out.printf(Locale.ROOT, "%-22s %,12d rows %,16d bytes%n", f.name(), f.rows(), f.bytes());
    }
    out.printf(
        Locale.ROOT,
        "generated %,d activities and %,d outcomes (%,d bytes) in %.1f s into %s%n",
        result.activities(),
        result.outcomes(),
        result.totalBytes(),
        seconds,
        spec.output());
    out.printf(
        Locale.ROOT,
        "planted lift %.2f expected, %s drawn; see %s%n",
        result.expectedLift(),
        result.attributableLift() == null
            ? "undefined"
            : String.format(Locale.ROOT, "%.2f", result.attributableLift()),
        result.truthFile().getFileName());
    out.flush();
    return 0;
  }

  /**
   * What names a generator type in a signature or a catch. Picocli reflects on this command's
   * methods for every command line (and the verifier loads caught types), so those live here, in a
   * class loaded only when generate runs: without the generator jar the other commands work.
   */
  private static final class GeneratorCalls {
    static int run(IntSupplier generate) {
      try {
        return generate.getAsInt();
      } catch (GeneratorException e) {
        throw new WellspringException(e.stage(), WellspringException.UNUSABLE, e.getMessage(), e);
      }
    }

    static GeneratorSpec.Profile profile(String s) {
      try {
        return GeneratorSpec.Profile.valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw WellspringException.unusable(
            "generate", "--profile must be scale or sample, got '" + s + "'");
      }
    }
  }

  private static LocalDate date(String flag, String s) {
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw WellspringException.unusable(
          "generate", flag + " must be a date YYYY-MM-DD, got '" + s + "'");
    }
  }
}
