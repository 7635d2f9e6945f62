package dev.wellspring.generate;

/**
 * The planted effect: every generated touch converts into one outcome with probability {@code
 * conversionsPerHour[class] * hours * goalFactor} (capped at 1), and that outcome's value is drawn
 * uniformly from {@code [0.5, 1.5] * meanValue[class]}, rounded to cents. So the expected value per
 * hour of a class is {@code conversionsPerHour * meanValue}, and the expected lift (value per hour
 * of DIRECTED over UNDIRECTED) is their ratio. Index 0 is DIRECTED, 1 EMBEDDED, 2 UNDIRECTED.
 *
 * @param conversionsPerHour expected outcomes per hour of touch, per class
 * @param meanValue mean outcome value, per class
 */
public record PlantedRates(double[] conversionsPerHour, double[] meanValue) {

  /**
   * The documented defaults (docs/generator.md): DIRECTED 0.06/h x 800 = 48 per hour, EMBEDDED
   * 0.05/h x 600 = 30 per hour, UNDIRECTED 0.02/h x 400 = 8 per hour; expected lift 6.
   */
  public static final PlantedRates DEFAULT =
      new PlantedRates(new double[] {0.06, 0.05, 0.02}, new double[] {800, 600, 400});

  /**
   * The sample profile's rates: twice the conversions at half the value, so the same value per hour
   * (48, 30, 8; lift 6) shows through the noise of a year with only a few thousand activities.
   */
  public static final PlantedRates SAMPLE =
      new PlantedRates(new double[] {0.12, 0.10, 0.04}, new double[] {400, 300, 200});

  public PlantedRates {
    if (conversionsPerHour == null || conversionsPerHour.length != 3) {
      throw new IllegalArgumentException("conversionsPerHour needs 3 classes");
    }
    if (meanValue == null || meanValue.length != 3) {
      throw new IllegalArgumentException("meanValue needs 3 classes");
    }
    for (int c = 0; c < 3; c++) {
      if (!(conversionsPerHour[c] >= 0) || !(meanValue[c] > 0)) {
        throw new IllegalArgumentException(
            "rates must be >= 0 and values > 0, got class "
                + c
                + ": "
                + conversionsPerHour[c]
                + "/h, mean "
                + meanValue[c]);
      }
    }
    conversionsPerHour = conversionsPerHour.clone();
    meanValue = meanValue.clone();
  }

  @Override
  public double[] conversionsPerHour() {
    return conversionsPerHour.clone();
  }

  @Override
  public double[] meanValue() {
    return meanValue.clone();
  }

  /** Expected value per hour of a class. */
  public double expectedValuePerHour(int cls) {
    return conversionsPerHour[cls] * meanValue[cls];
  }

  /** Expected lift: value per hour of DIRECTED over UNDIRECTED. */
  public double expectedLift() {
    return expectedValuePerHour(0) / expectedValuePerHour(2);
  }
}
