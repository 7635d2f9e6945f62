package dev.wellspring.bench.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic run (the seven CSV exports, the exports of issues 20 and 21 and a manifest)
 * for any number of owners, 12 months and the seven models, consistent in the ways the report
 * relies on (lift, model_comparison and period_comparison follow from effectiveness; the period is
 * approximated by the last three months against the three before). Owner 2 is given as an e-mail
 * address and owner 3 has a name longer than the report shows. Deterministic for a seed.
 */
public final class RunGenerator {
  static final List<String> CLASSES = List.of("DIRECTED", "EMBEDDED", "UNDIRECTED");
  static final List<String> MODELS =
      List.of(
          "first_touch",
          "last_touch",
          "linear",
          "time_decay",
          "position_based",
          "markov",
          "shapley");
  static final String[] FIRST = {
    "Ana", "Ben", "Chloé", "Dev", "Emeka", "Fatima", "Guo", "Hana", "Ivan", "Jo"
  };
  static final String[] LAST = {
    "Pereira", "Okafor", "Martin", "Singh", "Nwosu", "Haddad", "Wei", "Sato", "Petrov", "Lee"
  };
  static final String[] CATEGORIES = {"speaking", "readership", "launch", "partners", "publicity"};
  static final String[] TITLES = {
    "Keynotes at industry conferences",
    "Readership for the newsletter",
    "Launch of the new book to the trade press and our own list of readers",
    "Solution partners for delivery",
    "Publicity on national TV"
  };
  static final String[] STATUSES = {"drought", "behind", "on_track", "no_target", "achieved"};

  private RunGenerator() {}

  /**
   * {@code RunGenerator OUTPUT_DIR [owners] [seed]}: writes a run for 2026-01-31 to look at or
   * render.
   */
  public static void main(String[] args) {
    write(
        Path.of(args[0]),
        "2026-01-31",
        args.length > 1 ? Integer.parseInt(args[1]) : 50,
        args.length > 2 ? Long.parseLong(args[2]) : 42);
  }

  /** Writes the run for {@code runDate} under {@code output}; returns the owners' names. */
  public static List<String> write(Path output, String runDate, int owners, long seed) {
    Random rnd = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < owners; i++) {
      names.add(
          FIRST[i % FIRST.length]
              + " "
              + LAST[(i / FIRST.length + i) % LAST.length]
              + (i >= FIRST.length * LAST.length ? " " + i : ""));
    }
    if (owners > 2) {
      names.set(1, "ben.okafor@example.com");
      names.set(2, "Chloé Martin-Lefèvre de la Tour d'Auvergne");
    }
    // Linear model's hours and value per class in the current (last 3 months) and previous period.
    double[][] period = new double[2][6];
    StringBuilder eff =
        new StringBuilder(
            "owner,class,month,model,activities,hours,cost,credited_outcomes,"
                + "credited_value,value_per_hour,outcomes_per_hour\n");
    StringBuilder well =
        new StringBuilder(
            "owner,class,month,new_relationships,strengthened_relationships,"
                + "intros_made,intros_received\n");
    double[][] hv = new double[MODELS.size()][6];
    double[] perHour = {120, 80, 20};
    // Cost per hour by class (tickets, travel): goal-directed work costs most, embedded nothing
    // extra.
    double[] cost = {8, 0, 3};
    double[][] modelMult = {
      {1.3, 1.1, 0.3},
      {0.6, 1.0, 2.0},
      {1, 1, 1},
      {1.1, 1, 0.8},
      {1.05, 1, 0.9},
      {1.2, 0.9, 0.7},
      {1.15, 0.9, 0.75}
    };
    for (String owner : names) {
      for (int c = 0; c < 3; c++) {
        for (int m = 0; m < 12; m++) {
          String month = m < 11 ? String.format("2025-%02d", m + 2) : "2026-01";
          double hours = Math.round((2 + rnd.nextDouble() * 10) * 100) / 100.0;
          double value = Math.round(hours * perHour[c] * rnd.nextDouble() * 2 * 100) / 100.0;
          int acts = 1 + (int) (hours * 1.5);
          for (int k = 0; k < MODELS.size(); k++) {
            double v = value * modelMult[k][c];
            hv[k][c] += hours;
            hv[k][3 + c] += v;
            if (MODELS.get(k).equals("linear") && m >= 6) {
              period[m >= 9 ? 0 : 1][c] += hours;
              period[m >= 9 ? 0 : 1][3 + c] += v;
            }
            eff.append(
                String.format(
                    Locale.ROOT,
                    "%s,%s,%s,%s,%d,%s,%s,%s,%s,%s,%s%n",
                    owner,
                    CLASSES.get(c),
                    month,
                    MODELS.get(k),
                    acts,
                    hours,
                    cost[c] * hours,
                    v / 500,
                    v,
                    v / hours,
                    v / 500 / hours));
          }
          well.append(
              String.format(
                  Locale.ROOT,
                  "%s,%s,%s,%d,%d,%d,%d%n",
                  owner,
                  CLASSES.get(c),
                  month,
                  rnd.nextInt(4),
                  rnd.nextInt(3),
                  c == 2 ? rnd.nextInt(2) : 0,
                  c == 0 ? rnd.nextInt(2) : 0));
        }
      }
    }
    StringBuilder lift =
        new StringBuilder(
            "model,lift,ci_low,ci_high,directed_value_per_hour,undirected_value_per_hour\n");
    StringBuilder mc = new StringBuilder("model,class,credited_value,share\n");
    for (int k = 0; k < MODELS.size(); k++) {
      double d = hv[k][3] / hv[k][0];
      double u = hv[k][5] / hv[k][2];
      double l = d / u;
      lift.append(
          String.format(
              Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", MODELS.get(k), l, l * 0.8, l * 1.25, d, u));
      double total = hv[k][3] + hv[k][4] + hv[k][5];
      for (int c = 0; c < 3; c++) {
        mc.append(
            String.format(
                Locale.ROOT,
                "%s,%s,%s,%s%n",
                MODELS.get(k),
                CLASSES.get(c),
                hv[k][3 + c],
                hv[k][3 + c] / total));
      }
    }
    lift.append(
        String.format(Locale.ROOT, "incremental,%s,%s,%s,%s,%s%n", 2.1, 1.3, 3.4, 42.0, 20.0));
    StringBuilder goals =
        new StringBuilder(
            "goal_id,owner,category,hours,on_target_outcomes,on_target_value,"
                + "serendipitous_outcomes,target_value,drought,title,target_unit,progress,status,starts_on,ends_on\n");
    int g = 0;
    for (String owner : names) {
      for (int j = 0; j < 3; j++) {
        int onTarget = rnd.nextInt(4);
        int cat = rnd.nextInt(CATEGORIES.length);
        String status = onTarget == 0 ? "drought" : STATUSES[1 + rnd.nextInt(STATUSES.length - 1)];
        boolean value = cat == 1;
        Integer target = status.equals("no_target") ? null : value ? 5000 : 4;
        double achieved = value ? onTarget * 1500.0 : onTarget;
        goals.append(
            String.format(
                Locale.ROOT,
                "g-%04d,%s,%s,%.2f,%d,%.1f,%d,%s,%s,%s,%s,%s,%s,2025-%02d-01,2026-%02d-28%n",
                g++,
                owner,
                CATEGORIES[cat],
                5 + rnd.nextDouble() * 40,
                onTarget,
                onTarget * 1500.0,
                rnd.nextInt(3),
                target == null ? "" : target,
                onTarget == 0 ? "true" : "false",
                TITLES[cat],
                value ? "value" : "outcomes",
                target == null ? "" : achieved / target,
                status,
                1 + rnd.nextInt(9),
                1 + rnd.nextInt(12)));
      }
    }
    StringBuilder periods =
        new StringBuilder(
            "period,start,end,class,hours,credited_value,value_per_hour,lift,ci_low,ci_high\n");
    for (int p = 0; p < 2; p++) {
      double l = (period[p][3] / period[p][0]) / (period[p][5] / period[p][2]);
      for (int c = 0; c < 3; c++) {
        periods.append(
            String.format(
                Locale.ROOT,
                "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n",
                p == 0 ? "current" : "previous",
                p == 0 ? "2025-11-03" : "2025-08-05",
                p == 0 ? "2026-01-31" : "2025-11-02",
                CLASSES.get(c),
                period[p][c],
                period[p][3 + c],
                period[p][3 + c] / period[p][c],
                l,
                l * 0.8,
                l * 1.25));
      }
    }
    StringBuilder history = new StringBuilder("run_date,model,lift,ci_low,ci_high\n");
    for (int m = 0; m < 12; m++) {
      String date = java.time.LocalDate.parse(runDate).minusMonths(11 - m).toString();
      double l = 3.5 + m * 0.12 + rnd.nextDouble() * 0.3;
      history.append(
          String.format(Locale.ROOT, "%s,linear,%s,%s,%s%n", date, l, l * 0.8, l * 1.25));
      if (m >= 6) {
        double i = 1.8 + rnd.nextDouble() * 0.4;
        history.append(
            String.format(Locale.ROOT, "%s,incremental,%s,%s,%s%n", date, i, i * 0.6, i * 1.6));
      }
    }
    StringBuilder follow =
        new StringBuilder("owner,goal_id,contact_id,contact_name,last_touch_on,days_since_touch\n");
    StringBuilder whatIf =
        new StringBuilder(
            "owner,move_from,move_to,share_moved,hours_moved_per_month,"
                + "value_change_per_month,ci_low,ci_high,extrapolated\n");
    for (int o = 0; o < names.size(); o++) {
      int contacts = rnd.nextInt(8);
      for (int k = 0; k < contacts; k++) {
        int days = 60 + rnd.nextInt(200);
        follow.append(
            String.format(
                Locale.ROOT,
                "%s,g-%04d,c-%05d,%s %s,%s,%d%n",
                names.get(o),
                o * 3,
                o * 10 + k,
                FIRST[(o + k) % FIRST.length],
                LAST[(o + 2 * k) % LAST.length],
                java.time.LocalDate.parse(runDate).minusDays(days),
                days));
      }
      for (String to : List.of("DIRECTED", "EMBEDDED")) {
        for (double share : new double[] {0.1, 0.25}) {
          double h = share * (2 + rnd.nextDouble() * 10);
          double v = h * (to.equals("DIRECTED") ? 22 : 5) * (0.5 + rnd.nextDouble());
          whatIf.append(
              String.format(
                  Locale.ROOT,
                  "%s,UNDIRECTED,%s,%s,%s,%s,%s,%s,%s%n",
                  names.get(o),
                  to,
                  share,
                  h,
                  v,
                  v - h * 15,
                  v + h * 15,
                  share > 0.2 && rnd.nextBoolean()));
        }
      }
    }
    String incrementality =
        "class,hours,incremental_value,incremental_value_per_hour,ci_low,ci_high,"
            + "attributed_value_per_hour,reason\n"
            + String.format(
                Locale.ROOT,
                "DIRECTED,%s,%s,42.0,25.0,61.0,%s,%n",
                hv[2][0],
                hv[2][0] * 42,
                hv[2][3] / hv[2][0])
            + String.format(
                Locale.ROOT,
                "EMBEDDED,%s,%s,18.0,6.0,30.0,%s,%n",
                hv[2][1],
                hv[2][1] * 18,
                hv[2][4] / hv[2][1])
            + String.format(
                Locale.ROOT,
                "UNDIRECTED,%s,%s,20.0,8.0,33.0,%s,%n",
                hv[2][2],
                hv[2][2] * 20,
                hv[2][5] / hv[2][2]);
    String channels =
        "model,channel,score,share,credited_value\n"
            + "markov,DIRECTED,0.5,0.5,1000\nmarkov,EMBEDDED,0.3,0.3,600\nmarkov,UNDIRECTED,0.2,0.2,400\n"
            + "shapley,DIRECTED,1000,0.5,1000\nshapley,EMBEDDED,600,0.3,600\nshapley,UNDIRECTED,400,0.2,400\n";
    String unattributed =
        "outcome_id,owner,type,value,reason\n"
            + "o-1,"
            + names.get(0)
            + ",revenue,500,no_contact_or_goal\n";
    String manifest =
        """
        {"run_date": "%s", "status": "ok",
         "configuration": {"report_model": "linear", "paper": "A4", "names": "full", "value_unit": "EUR"},
         "inputs": [{"file": "activities.csv", "kind": "activities", "rows_read": %d, "rows_accepted": %d,
           "rows_rejected": 5, "rows_excluded": 0, "rows_ignored_future": 2,
           "rejected_by_reason": {"bad_timestamp": 3, "unknown_enum": 2}}],
         "unrecognised_files": [],
         "totals": {"rows_read": %d, "rows_accepted": %d, "rows_rejected": 5, "rows_ignored_future": 2}}
        """
            .formatted(runDate, owners * 500 + 5, owners * 500, owners * 500 + 5, owners * 500);
    try {
      Path dir = output.resolve("reports").resolve(runDate);
      Files.createDirectories(dir);
      Files.createDirectories(output.resolve("runs"));
      Files.writeString(dir.resolve("effectiveness.csv"), eff);
      Files.writeString(dir.resolve("well_building.csv"), well);
      Files.writeString(dir.resolve("lift.csv"), lift);
      Files.writeString(dir.resolve("model_comparison.csv"), mc);
      Files.writeString(dir.resolve("goal_scorecard.csv"), goals);
      Files.writeString(dir.resolve("attribution_channels.csv"), channels);
      Files.writeString(dir.resolve("unattributed.csv"), unattributed);
      Files.writeString(dir.resolve("period_comparison.csv"), periods);
      Files.writeString(dir.resolve("lift_history.csv"), history);
      Files.writeString(dir.resolve("follow_up.csv"), follow);
      Files.writeString(dir.resolve("whatif.csv"), whatIf);
      Files.writeString(dir.resolve("incrementality.csv"), incrementality);
      Files.writeString(output.resolve("runs").resolve(runDate + ".json"), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
