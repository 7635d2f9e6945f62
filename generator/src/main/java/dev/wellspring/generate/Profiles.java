package dev.wellspring.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The owners and goals of each profile. */
final class Profiles {
  private Profiles() {}

  static final String[] CATEGORIES = {
    "speaking", "readership", "launch", "partners", "publicity", "other"
  };

  /** Class mixes (DIRECTED, EMBEDDED, UNDIRECTED) of the three archetypes. */
  static final double[] GOAL_DIRECTED = {0.55, 0.15, 0.30};

  static final double[] NETWORKER = {0.08, 0.12, 0.80};
  static final double[] BUSINESS_DEVELOPMENT = {0.15, 0.65, 0.20};

  private static final String[] ARCHETYPES = {"goal-directed", "networker", "business-development"};
  private static final double[][] MIXES = {GOAL_DIRECTED, NETWORKER, BUSINESS_DEVELOPMENT};

  private static final String[] TITLES = {
    "Paid keynotes this season", "Grow the newsletter", "Launch the new programme",
    "Sign solution partners", "Get featured", "Meet the regional community"
  };

  /**
   * Owners cycle through the three archetypes. Each gets an anchor goal spanning the whole period
   * plus one goal of every category with a window of 60-240 days; the networker's partners goal is
   * a planted drought.
   */
  static List<OwnerPlan> scale(GeneratorSpec spec) {
    SplittableRandom r = new SplittableRandom(spec.seed() ^ 0x5EEDC0FFEEL);
    List<OwnerPlan> plans = new ArrayList<>();
    int goalNo = 0;
    int days = spec.days();
    for (int o = 0; o < spec.owners(); o++) {
      int a = o % 3;
      String name = ownerName(o);
      List<OwnerPlan.Goal> goals = new ArrayList<>();
      String anchorCat = CATEGORIES[(o / 3 + (a == 0 ? 1 : 5)) % 6];
      goals.add(
          goal(
              ++goalNo,
              anchorCat,
              "All year: " + TITLES[indexOf(anchorCat)].toLowerCase(Locale.ROOT),
              r,
              spec.start(),
              spec.end(),
              1.0));
      for (String cat : CATEGORIES) {
        int len = Math.min(days, 60 + r.nextInt(181));
        int from = days == len ? 0 : r.nextInt(days - len + 1);
        LocalDate s = spec.start().plusDays(from);
        double factor = a == 1 && cat.equals("partners") ? 0.0 : 1.0;
        goals.add(goal(++goalNo, cat, TITLES[indexOf(cat)], r, s, s.plusDays(len - 1L), factor));
      }
      plans.add(
          new OwnerPlan(
              name,
              ARCHETYPES[a],
              share(spec.activities(), spec.owners(), o),
              (int) share(spec.contacts(), spec.owners(), o),
              MIXES[a],
              goals));
    }
    return plans;
  }

  /**
   * The story of sample-data/: Maya networks toward concrete goals, Theo networks to network (his
   * one concrete goal is a drought), Jonah's networking is mostly embedded in customer work. Goal
   * windows are offsets from the period start (a calendar year by default).
   */
  static List<OwnerPlan> sample(GeneratorSpec spec) {
    long n = spec.activities();
    long maya = Math.round(n * 0.40);
    long theo = Math.round(n * 0.33);
    long jonah = n - maya - theo;
    int c = spec.contacts();
    int cm = (int) Math.round(c * 0.36);
    int ct = (int) Math.round(c * 0.40);
    LocalDate s = spec.start();
    LocalDate e = spec.end();
    List<OwnerPlan> plans = new ArrayList<>();
    plans.add(
        new OwnerPlan(
            "Maya Quillfeather",
            "goal-directed",
            maya,
            cm,
            GOAL_DIRECTED,
            List.of(
                new OwnerPlan.Goal(
                    "maya-newsletter",
                    "readership",
                    "Grow the newsletter to 5,000 readers",
                    5000L,
                    "Newsletter",
                    s,
                    e,
                    1.0),
                new OwnerPlan.Goal(
                    "maya-keynotes-h1",
                    "speaking",
                    "Three paid keynotes in H1",
                    3L,
                    null,
                    s,
                    clip(s.plusDays(180), e),
                    1.0),
                new OwnerPlan.Goal(
                    "maya-book-launch",
                    "launch",
                    "Launch \"Digging the Well\": 500 pre-orders",
                    500L,
                    null,
                    clip(s.plusDays(59), e),
                    clip(s.plusDays(272), e),
                    1.0),
                new OwnerPlan.Goal(
                    "maya-ledger-column",
                    "publicity",
                    "A column in The Harbour Ledger",
                    1L,
                    "The Harbour Ledger",
                    clip(s.plusDays(31), e),
                    clip(s.plusDays(150), e),
                    1.0),
                new OwnerPlan.Goal(
                    "maya-tv-segment",
                    "publicity",
                    "On TV for the book",
                    2L,
                    "TV",
                    clip(s.plusDays(181), e),
                    e,
                    1.0))));
    plans.add(
        new OwnerPlan(
            "Theo Brindlecombe",
            "networker",
            theo,
            ct,
            NETWORKER,
            List.of(
                new OwnerPlan.Goal(
                    "theo-meet-people", "other", "Meet 100 new people", 100L, null, s, e, 1.0),
                new OwnerPlan.Goal(
                    "theo-partners",
                    "partners",
                    "Find two solution partners",
                    2L,
                    null,
                    clip(s.plusDays(90), e),
                    e,
                    0.0))));
    plans.add(
        new OwnerPlan(
            "Jonah Pellinore",
            "business-development",
            jonah,
            c - cm - ct,
            BUSINESS_DEVELOPMENT,
            List.of(
                new OwnerPlan.Goal(
                    "jonah-pipeline",
                    "other",
                    "Grow the Northern-route pipeline",
                    null,
                    null,
                    s,
                    e,
                    1.0),
                new OwnerPlan.Goal(
                    "jonah-route-partners",
                    "partners",
                    "Sign two solution partners for the Northern route",
                    2L,
                    null,
                    clip(s.plusDays(31), e),
                    clip(s.plusDays(303), e),
                    1.0))));
    return plans;
  }

  /** A readable, unique, obviously invented owner name. */
  static String ownerName(int o) {
    int f = Vocabulary.FIRST.length;
    int l = Vocabulary.LAST.length;
    String name = Vocabulary.FIRST[o % f] + " " + Vocabulary.LAST[(o / f + o) % l];
    return o >= f * l ? name + " " + (o / (f * l) + 1) : name;
  }

  private static OwnerPlan.Goal goal(
      int no,
      String cat,
      String title,
      SplittableRandom r,
      LocalDate s,
      LocalDate e,
      double factor) {
    Long target =
        switch (cat) {
          case "speaking" -> 3L + r.nextInt(8);
          case "readership" -> 500L + 100L * r.nextInt(46);
          case "launch" -> 200L + 50L * r.nextInt(37);
          case "partners" -> 2L + r.nextInt(5);
          case "publicity" -> 2L + r.nextInt(7);
          default -> r.nextInt(3) == 0 ? null : 10L + r.nextInt(90);
        };
    String channel =
        switch (cat) {
          case "publicity" -> Vocabulary.PUBLICATIONS[r.nextInt(Vocabulary.PUBLICATIONS.length)];
          case "readership" -> r.nextBoolean() ? "Newsletter" : null;
          default -> null;
        };
    return new OwnerPlan.Goal(
        String.format(Locale.ROOT, "G%05d", no), cat, title, target, channel, s, e, factor);
  }

  private static int indexOf(String cat) {
    for (int i = 0; i < CATEGORIES.length; i++) {
      if (CATEGORIES[i].equals(cat)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown category " + cat);
  }

  private static LocalDate clip(LocalDate d, LocalDate end) {
    return d.isAfter(end) ? end : d;
  }

  /** Owner o's share of a total: equal parts, the remainder to the first owners. */
  static long share(long total, int owners, int o) {
    return total / owners + (o < total % owners ? 1 : 0);
  }
}
