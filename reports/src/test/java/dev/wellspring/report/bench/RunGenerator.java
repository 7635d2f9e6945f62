package dev.wellspring.report.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic run (the seven CSV exports and a manifest) for any number of owners, 12
 * months and the seven models, consistent in the ways the report relies on (lift and
 * model_comparison follow from effectiveness). Deterministic for a seed.
 */
public final class RunGenerator {
  static final List<String> CLASSES = List.of("DIRECTED", "EMBEDDED", "UNDIRECTED");
  static final List<String> MODELS = List.of("first_touch", "last_touch", "linear", "time_decay",
      "position_based", "markov", "shapley");
  static final String[] FIRST = {"Ana", "Ben", "Chloé", "Dev", "Emeka", "Fatima", "Guo", "Hana", "Ivan", "Jo"};
  static final String[] LAST = {"Pereira", "Okafor", "Martin", "Singh", "Nwosu", "Haddad", "Wei", "Sato", "Petrov", "Lee"};
  static final String[] CATEGORIES = {"speaking", "readership", "launch", "partners", "publicity"};

  private RunGenerator() {}

  /** Writes the run for {@code runDate} under {@code output}; returns the owners' names. */
  public static List<String> write(Path output, String runDate, int owners, long seed) {
    Random rnd = new Random(seed);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < owners; i++) {
      names.add(FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length + i) % LAST.length]
          + (i >= FIRST.length * LAST.length ? " " + i : ""));
    }
    StringBuilder eff = new StringBuilder("owner,class,month,model,activities,hours,cost,credited_outcomes,"
        + "credited_value,value_per_hour,outcomes_per_hour\n");
    StringBuilder well = new StringBuilder("owner,class,month,new_relationships,strengthened_relationships,"
        + "intros_made,intros_received\n");
    double[][] hv = new double[MODELS.size()][6];
    double[] perHour = {120, 80, 20};
    double[][] modelMult = {{1.3, 1.1, 0.3}, {0.6, 1.0, 2.0}, {1, 1, 1}, {1.1, 1, 0.8}, {1.05, 1, 0.9},
        {1.2, 0.9, 0.7}, {1.15, 0.9, 0.75}};
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
            eff.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%s,0.0,%s,%s,%s,%s%n", owner,
                CLASSES.get(c), month, MODELS.get(k), acts, hours, v / 500, v, v / hours, v / 500 / hours));
          }
          well.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%d%n", owner, CLASSES.get(c), month,
              rnd.nextInt(4), rnd.nextInt(3), c == 2 ? rnd.nextInt(2) : 0, c == 0 ? rnd.nextInt(2) : 0));
        }
      }
    }
    StringBuilder lift = new StringBuilder(
        "model,lift,ci_low,ci_high,directed_value_per_hour,undirected_value_per_hour\n");
    StringBuilder mc = new StringBuilder("model,class,credited_value,share\n");
    for (int k = 0; k < MODELS.size(); k++) {
      double d = hv[k][3] / hv[k][0];
      double u = hv[k][5] / hv[k][2];
      double l = d / u;
      lift.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%s%n", MODELS.get(k), l, l * 0.8, l * 1.25, d, u));
      double total = hv[k][3] + hv[k][4] + hv[k][5];
      for (int c = 0; c < 3; c++) {
        mc.append(String.format(Locale.ROOT, "%s,%s,%s,%s%n", MODELS.get(k), CLASSES.get(c), hv[k][3 + c],
            hv[k][3 + c] / total));
      }
    }
    StringBuilder goals = new StringBuilder("goal_id,owner,category,hours,on_target_outcomes,on_target_value,"
        + "serendipitous_outcomes,target_value,drought\n");
    int g = 0;
    for (String owner : names) {
      for (int j = 0; j < 3; j++) {
        int onTarget = rnd.nextInt(4);
        goals.append(String.format(Locale.ROOT, "g-%04d,%s,%s,%.2f,%d,%.1f,%d,%d,%s%n", g++, owner,
            CATEGORIES[rnd.nextInt(CATEGORIES.length)], 5 + rnd.nextDouble() * 40, onTarget,
            onTarget * 1500.0, rnd.nextInt(3), 5000, onTarget == 0 ? "true" : "false"));
      }
    }
    String channels = "model,channel,score,share,credited_value\n"
        + "markov,DIRECTED,0.5,0.5,1000\nmarkov,EMBEDDED,0.3,0.3,600\nmarkov,UNDIRECTED,0.2,0.2,400\n"
        + "shapley,DIRECTED,1000,0.5,1000\nshapley,EMBEDDED,600,0.3,600\nshapley,UNDIRECTED,400,0.2,400\n";
    String unattributed = "outcome_id,owner,type,value,reason\n"
        + "o-1," + names.get(0) + ",revenue,500,no_contact_or_goal\n";
    String manifest = """
        {"run_date": "%s", "status": "ok",
         "configuration": {"report_model": "linear", "paper": "A4", "names": "full"},
         "inputs": [{"file": "activities.csv", "kind": "activities", "rows_read": %d, "rows_accepted": %d,
           "rows_rejected": 5, "rows_excluded": 0, "rows_ignored_future": 2,
           "rejected_by_reason": {"bad_timestamp": 3, "unknown_enum": 2}}],
         "unrecognised_files": [],
         "totals": {"rows_read": %d, "rows_accepted": %d, "rows_rejected": 5, "rows_ignored_future": 2}}
        """.formatted(runDate, owners * 500 + 5, owners * 500, owners * 500 + 5, owners * 500);
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
      Files.writeString(output.resolve("runs").resolve(runDate + ".json"), manifest);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }
}
