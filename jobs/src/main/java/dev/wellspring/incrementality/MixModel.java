package dev.wellspring.incrementality;

import dev.wellspring.vocabulary.TouchClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The incrementality estimate (DESIGN.md "Incrementality"): a mix model fitted on the driver to the
 * (owner, month) panel.
 *
 * <p>value(o, m) = baseline(o) + sum over classes c of beta_c x carry_c(o, m) + noise, with
 * carry_c(o, m) = hours_c(o, m) + lambda x carry_c(o, m - 1) over calendar months (a month without
 * activity has 0 hours and still decays the carry), beta_c >= 0 (so f_c is non-decreasing with
 * f_c(0) = 0) and baseline(o) free per owner. The owner baselines are removed by the within
 * transformation (each owner's rows minus the owner's means), which leaves a three-variable
 * non-negative least-squares problem solved exactly by {@link Nnls}.
 *
 * <p>Everything the fit needs is a sum over owners of small per-owner statistics (cross products of
 * the demeaned carries and values), one set per candidate lambda and per cross-validation fold.
 * They are computed once; a bootstrap resample only weights each owner by how often it was drawn
 * and adds them up, so 200 resamples x 10 lambdas x 4 folds are a few hundred thousand additions.
 *
 * <p>Everything runs in one thread in a fixed order from a seeded generator, so the result is the
 * same bytes whatever the machine's cores or Spark's partitioning.
 */
public final class MixModel {
  /** Classes in their index order. */
  public static final List<String> CLASSES = TouchClass.wireNames();

  static final int D = 0;
  static final int E = 1;
  static final int U = 2;
  static final int K = 3;

  /** Fewest owner-months with which an estimate is made. */
  public static final int MIN_OWNER_MONTHS = 24;

  /** The carry-over candidates of the cross-validation: 0, 0.1, ..., 0.9. */
  static final double[] LAMBDA_GRID = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};

  /** Time-ordered cross-validation: the months split into this many blocks, in time order. */
  static final int BLOCKS = 5;

  /** The shares of undirected hours the what-if moves. */
  public static final double[] WHATIF_SHARES = {0.10, 0.25};

  /**
   * One panel row: an owner's month with at least one activity.
   *
   * @param owner the owner
   * @param month months since year 0 (year x 12 + month - 1), so consecutive months differ by 1
   * @param hours hours by class, in {@link #CLASSES} order
   * @param value value of all the owner's outcomes dated in the month, attributed or not
   */
  public record PanelRow(String owner, int month, double[] hours, double value) {
    public PanelRow {
      hours = hours.clone();
    }
  }

  /**
   * How to fit.
   *
   * @param carryover the carry-over lambda, or null to choose it by cross-validation
   * @param resamples bootstrap resamples (at least 1)
   * @param seed bootstrap seed
   */
  public record Settings(Double carryover, int resamples, long seed) {}

  /** One what-if row: move {@code share} of the owner's average UNDIRECTED hours to {@code to}. */
  public record WhatIf(
      String owner,
      String to,
      double share,
      double hoursMoved,
      Double valueChange,
      Double ciLow,
      Double ciHigh,
      boolean extrapolated) {}

  /**
   * The estimate. Per-class arrays are in {@link #CLASSES} order; every estimate is null when
   * {@code reason} is set.
   */
  public record Estimate(
      String reason,
      int ownerMonths,
      int owners,
      double[] hours,
      Double carryover,
      String carryoverSource,
      double[] coefficients,
      Double[] incrementalValue,
      Double[] perHour,
      Double[] perHourLow,
      Double[] perHourHigh,
      Double lift,
      Double liftLow,
      Double liftHigh,
      Double cvRmse,
      Double cvRmseBaselineOnly,
      Double baselineShare,
      int resamples,
      List<WhatIf> whatIf) {}

  private MixModel() {}

  /** Fits the model to the panel (rows sorted by owner, then month). */
  public static Estimate fit(List<PanelRow> rows, Settings settings) {
    List<Owner> owners = owners(rows);
    double[] hours = new double[K];
    for (PanelRow r : rows) {
      for (int c = 0; c < K; c++) {
        hours[c] += r.hours()[c];
      }
    }
    String reason = null;
    if (rows.size() < MIN_OWNER_MONTHS) {
      reason = "too_few_owner_months";
    } else {
      List<String> flat = new ArrayList<>();
      for (int c = 0; c < K; c++) {
        boolean varies = false;
        for (Owner o : owners) {
          varies |= o.varies(c);
        }
        if (!varies) {
          flat.add("no_variation:" + CLASSES.get(c));
        }
      }
      reason = flat.isEmpty() ? null : String.join(";", flat);
    }
    if (reason != null) {
      return new Estimate(
          reason,
          rows.size(),
          owners.size(),
          hours,
          null,
          null,
          null,
          new Double[K],
          new Double[K],
          new Double[K],
          new Double[K],
          null,
          null,
          null,
          null,
          null,
          null,
          0,
          List.of());
    }

    int[] months = rows.stream().mapToInt(PanelRow::month).distinct().sorted().toArray();
    double[] grid;
    String source;
    if (settings.carryover() != null) {
      grid = new double[] {settings.carryover()};
      source = "configured";
    } else if (months.length < BLOCKS) {
      grid = new double[] {0};
      source = "default_too_few_months_to_cross_validate";
    } else {
      grid = LAMBDA_GRID;
      source = "cross_validation";
    }
    // Fold f (1..BLOCKS-1) trains on the months before block f and tests on block f.
    int[] blockStart = new int[BLOCKS + 1];
    for (int b = 0; b <= BLOCKS; b++) {
      blockStart[b] = (int) ((long) b * months.length / BLOCKS);
    }
    boolean crossValidate = months.length >= BLOCKS;
    for (Owner o : owners) {
      o.prepare(grid, months, blockStart, crossValidate);
    }

    double[] all = new double[owners.size()];
    Arrays.fill(all, 1.0);
    Fit full = fitWeighted(owners, all, grid, crossValidate);

    // Bootstrap over owners: resample r draws owners.size() owners with replacement.
    SplittableRandom random = new SplittableRandom(settings.seed());
    int n = owners.size();
    int resamples = settings.resamples();
    double[][] perHourDraws = new double[K][resamples];
    double[] liftDraws = new double[resamples];
    int liftDefined = 0;
    List<double[]> whatIfDraws = new ArrayList<>();
    int whatIfCount = n * 2 * WHATIF_SHARES.length;
    for (int i = 0; i < whatIfCount; i++) {
      whatIfDraws.add(new double[resamples]);
    }
    for (int r = 0; r < resamples; r++) {
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[random.nextInt(n)] += 1;
      }
      Fit f = fitWeighted(owners, w, grid, crossValidate);
      for (int c = 0; c < K; c++) {
        perHourDraws[c][r] = f.perHour[c];
      }
      double l = f.perHour[D] / f.perHour[U];
      if (!Double.isNaN(l)) {
        liftDraws[liftDefined++] = l;
      }
      int j = 0;
      for (Owner o : owners) {
        for (int to : new int[] {D, E}) {
          for (double share : WHATIF_SHARES) {
            whatIfDraws.get(j++)[r] = f.valueChange(o, to, share);
          }
        }
      }
    }

    Double[] incremental = new Double[K];
    Double[] perHour = new Double[K];
    Double[] low = new Double[K];
    Double[] high = new Double[K];
    for (int c = 0; c < K; c++) {
      incremental[c] = full.incremental[c];
      perHour[c] = finite(full.perHour[c]);
      double[] draws = definedSorted(perHourDraws[c], resamples);
      low[c] = draws.length == 0 ? null : finite(percentile(draws, 0.025));
      high[c] = draws.length == 0 ? null : finite(percentile(draws, 0.975));
    }
    Double lift = full.perHour[U] > 0 ? finite(full.perHour[D] / full.perHour[U]) : null;
    double[] lifts = definedSorted(liftDraws, liftDefined);
    Double liftLow = lifts.length == 0 ? null : finite(percentile(lifts, 0.025));
    Double liftHigh = lifts.length == 0 ? null : finite(percentile(lifts, 0.975));

    List<WhatIf> whatIf = new ArrayList<>();
    int j = 0;
    for (Owner o : owners) {
      for (int to : new int[] {D, E}) {
        for (double share : WHATIF_SHARES) {
          double[] draws = definedSorted(whatIfDraws.get(j++), resamples);
          double moved = share * o.meanHours[U];
          whatIf.add(
              new WhatIf(
                  o.name,
                  CLASSES.get(to),
                  share,
                  moved,
                  finite(full.valueChange(o, to, share)),
                  draws.length == 0 ? null : finite(percentile(draws, 0.025)),
                  draws.length == 0 ? null : finite(percentile(draws, 0.975)),
                  o.meanHours[to] + moved > o.maxHours[to]));
        }
      }
    }

    double total = 0;
    for (Owner o : owners) {
      total += o.sumValue;
    }
    double explained = 0;
    for (int c = 0; c < K; c++) {
      explained += full.incremental[c];
    }
    Double baselineShare = total > 0 ? (total - explained) / total : null;
    return new Estimate(
        null,
        rows.size(),
        n,
        hours,
        full.lambda,
        source,
        full.beta,
        incremental,
        perHour,
        low,
        high,
        lift,
        liftLow,
        liftHigh,
        finite(full.cvRmse),
        finite(full.cvRmseBaseline),
        baselineShare,
        resamples,
        whatIf);
  }

  /** A fit of the weighted owners: lambda by cross-validation over the grid, then beta. */
  private static Fit fitWeighted(
      List<Owner> owners, double[] w, double[] grid, boolean crossValidate) {
    int best = 0;
    double bestMse = Double.POSITIVE_INFINITY;
    double bestBaseline = Double.NaN;
    if (crossValidate) {
      for (int g = 0; g < grid.length; g++) {
        double sse = 0;
        double sseBaseline = 0;
        double count = 0;
        for (int f = 1; f < BLOCKS; f++) {
          double[][] gram = new double[K][K];
          double[] cross = new double[K];
          double suu = 0;
          double[] suv = new double[K];
          double[][] svv = new double[K][K];
          double nte = 0;
          for (int i = 0; i < owners.size(); i++) {
            if (w[i] == 0) {
              continue;
            }
            Owner.FoldStats s = owners.get(i).folds[g][f];
            addScaled(gram, s.gram, w[i]);
            addScaled(cross, s.cross, w[i]);
            suu += w[i] * s.suu;
            addScaled(suv, s.suv, w[i]);
            addScaled(svv, s.svv, w[i]);
            nte += w[i] * s.nTest;
          }
          if (nte == 0) {
            continue;
          }
          double[] b = Nnls.solve(gram, cross);
          sse += suu - 2 * dot(b, suv) + quad(b, svv);
          sseBaseline += suu;
          count += nte;
        }
        double mse = count > 0 ? sse / count : Double.POSITIVE_INFINITY;
        if (mse < bestMse) {
          bestMse = mse;
          best = g;
          bestBaseline = count > 0 ? sseBaseline / count : Double.NaN;
        }
      }
    }
    double[][] gram = new double[K][K];
    double[] cross = new double[K];
    double[] carry = new double[K];
    double[] hours = new double[K];
    for (int i = 0; i < owners.size(); i++) {
      if (w[i] == 0) {
        continue;
      }
      Owner o = owners.get(i);
      addScaled(gram, o.gram[best], w[i]);
      addScaled(cross, o.cross[best], w[i]);
      addScaled(carry, o.sumCarry[best], w[i]);
      addScaled(hours, o.sumHours, w[i]);
    }
    double[] beta = Nnls.solve(gram, cross);
    double[] incremental = new double[K];
    double[] perHour = new double[K];
    for (int c = 0; c < K; c++) {
      incremental[c] = beta[c] * carry[c];
      perHour[c] = hours[c] > 0 ? incremental[c] / hours[c] : Double.NaN;
    }
    return new Fit(
        grid[best], beta, incremental, perHour, Math.sqrt(bestMse), Math.sqrt(bestBaseline));
  }

  /** A fitted model: carry-over, coefficients and what they add up to over the panel. */
  private record Fit(
      double lambda,
      double[] beta,
      double[] incremental,
      double[] perHour,
      double cvRmse,
      double cvRmseBaseline) {
    /**
     * Monthly value change at the owner's average month when {@code share} of its average
     * UNDIRECTED hours move to class {@code to}, kept up month after month: the carries settle at
     * hours / (1 - lambda), so the change is (beta_to - beta_U) x moved / (1 - lambda).
     */
    double valueChange(Owner o, int to, double share) {
      double moved = share * o.meanHours[U];
      return (beta[to] - beta[U]) * moved / (1 - lambda);
    }
  }

  /** One owner's rows and its statistics per candidate lambda. */
  private static final class Owner {
    final String name;
    final int[] month;
    final double[][] hours; // [row][class]
    final double[] value;
    final double[] sumHours = new double[K];
    final double[] meanHours = new double[K];
    final double[] maxHours = new double[K];
    double sumValue;
    double[][][] gram; // [lambda][K][K], demeaned over the owner's rows
    double[][] cross; // [lambda][K]
    double[][] sumCarry; // [lambda][K]
    FoldStats[][] folds; // [lambda][fold 1..BLOCKS-1]

    Owner(String name, List<PanelRow> rows) {
      this.name = name;
      int n = rows.size();
      month = new int[n];
      hours = new double[n][];
      value = new double[n];
      for (int i = 0; i < n; i++) {
        PanelRow r = rows.get(i);
        month[i] = r.month();
        hours[i] = r.hours();
        value[i] = r.value();
        sumValue += value[i];
        for (int c = 0; c < K; c++) {
          sumHours[c] += hours[i][c];
          maxHours[c] = Math.max(maxHours[c], hours[i][c]);
        }
      }
      for (int c = 0; c < K; c++) {
        meanHours[c] = sumHours[c] / n;
      }
    }

    boolean varies(int c) {
      for (double[] h : hours) {
        if (h[c] != hours[0][c]) {
          return true;
        }
      }
      return false;
    }

    double[][] carry(double lambda) {
      double[][] carry = new double[month.length][K];
      for (int i = 0; i < month.length; i++) {
        double decay = i == 0 ? 0 : Math.pow(lambda, month[i] - month[i - 1]);
        for (int c = 0; c < K; c++) {
          carry[i][c] = hours[i][c] + (i == 0 ? 0 : decay * carry[i - 1][c]);
        }
      }
      return carry;
    }

    void prepare(double[] grid, int[] months, int[] blockStart, boolean crossValidate) {
      int n = month.length;
      gram = new double[grid.length][][];
      cross = new double[grid.length][];
      sumCarry = new double[grid.length][K];
      folds = new FoldStats[grid.length][BLOCKS];
      for (int g = 0; g < grid.length; g++) {
        double[][] x = carry(grid[g]);
        boolean[] everyRow = new boolean[n];
        Arrays.fill(everyRow, true);
        Moments m = moments(x, everyRow);
        gram[g] = m.gram;
        cross[g] = m.cross;
        for (double[] row : x) {
          for (int c = 0; c < K; c++) {
            sumCarry[g][c] += row[c];
          }
        }
        if (!crossValidate) {
          continue;
        }
        for (int f = 1; f < BLOCKS; f++) {
          int trainEnd = months[blockStart[f] - 1];
          int testFrom = months[blockStart[f]];
          int testTo = months[blockStart[f + 1] - 1];
          boolean[] train = new boolean[n];
          boolean any = false;
          for (int i = 0; i < n; i++) {
            train[i] = month[i] <= trainEnd;
            any |= train[i];
          }
          FoldStats s = new FoldStats();
          folds[g][f] = s;
          if (!any) {
            continue; // no baseline to predict this owner's test months from
          }
          Moments t = moments(x, train);
          s.gram = t.gram;
          s.cross = t.cross;
          for (int i = 0; i < n; i++) {
            if (month[i] < testFrom || month[i] > testTo) {
              continue;
            }
            double u = value[i] - t.meanY;
            double[] v = new double[K];
            for (int c = 0; c < K; c++) {
              v[c] = x[i][c] - t.meanX[c];
            }
            s.suu += u * u;
            for (int a = 0; a < K; a++) {
              s.suv[a] += u * v[a];
              for (int b = 0; b < K; b++) {
                s.svv[a][b] += v[a] * v[b];
              }
            }
            s.nTest++;
          }
        }
      }
    }

    private Moments moments(double[][] x, boolean[] use) {
      int count = 0;
      double[] meanX = new double[K];
      double meanY = 0;
      for (int i = 0; i < x.length; i++) {
        if (use[i]) {
          count++;
          meanY += value[i];
          for (int c = 0; c < K; c++) {
            meanX[c] += x[i][c];
          }
        }
      }
      meanY /= count;
      for (int c = 0; c < K; c++) {
        meanX[c] /= count;
      }
      Moments m = new Moments(new double[K][K], new double[K], meanX, meanY);
      for (int i = 0; i < x.length; i++) {
        if (!use[i]) {
          continue;
        }
        double y = value[i] - meanY;
        for (int a = 0; a < K; a++) {
          double xa = x[i][a] - meanX[a];
          m.cross[a] += xa * y;
          for (int b = 0; b < K; b++) {
            m.gram[a][b] += xa * (x[i][b] - meanX[b]);
          }
        }
      }
      return m;
    }

    private record Moments(double[][] gram, double[] cross, double[] meanX, double meanY) {}

    /** One fold's sums: training cross products and the test rows' quadratic form. */
    static final class FoldStats {
      double[][] gram = new double[K][K];
      double[] cross = new double[K];
      double suu;
      double[] suv = new double[K];
      double[][] svv = new double[K][K];
      double nTest;
    }
  }

  private static List<Owner> owners(List<PanelRow> rows) {
    List<Owner> owners = new ArrayList<>();
    int from = 0;
    for (int i = 1; i <= rows.size(); i++) {
      if (i == rows.size() || !rows.get(i).owner().equals(rows.get(from).owner())) {
        List<PanelRow> own = rows.subList(from, i);
        for (int j = 1; j < own.size(); j++) {
          if (own.get(j).month() <= own.get(j - 1).month()) {
            throw new IllegalArgumentException(
                "panel rows of owner " + own.get(j).owner() + " are not in month order");
          }
        }
        owners.add(new Owner(rows.get(from).owner(), own));
        from = i;
      }
    }
    return owners;
  }

  private static void addScaled(double[][] into, double[][] x, double w) {
    for (int a = 0; a < into.length; a++) {
      addScaled(into[a], x[a], w);
    }
  }

  private static void addScaled(double[] into, double[] x, double w) {
    for (int a = 0; a < into.length; a++) {
      into[a] += w * x[a];
    }
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static double quad(double[] b, double[][] m) {
    double s = 0;
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < b.length; j++) {
        s += b[i] * m[i][j] * b[j];
      }
    }
    return s;
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  /**
   * The first {@code n} draws without NaN (undefined), sorted; +infinity (a ratio over an estimate
   * of 0) stays and sorts last.
   */
  private static double[] definedSorted(double[] draws, int n) {
    double[] out = Arrays.stream(draws, 0, n).filter(d -> !Double.isNaN(d)).toArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * The p-quantile of sorted values, R type 7 (as the attribution lift's interval): h = (n - 1) p,
   * linear interpolation between order statistics floor(h) and floor(h) + 1. An infinite order
   * statistic in play gives infinity (an unbounded interval end, written empty).
   */
  static double percentile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double frac = h - lo;
    if (frac == 0) {
      return sorted[lo];
    }
    if (Double.isInfinite(sorted[lo]) || Double.isInfinite(sorted[lo + 1])) {
      return Double.POSITIVE_INFINITY;
    }
    return sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
  }
}
