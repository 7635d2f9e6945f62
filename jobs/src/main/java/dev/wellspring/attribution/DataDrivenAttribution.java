package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.wellspring.WellspringException;
import dev.wellspring.schema.Tables;
import dev.wellspring.vocabulary.AttributionModel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The data-driven models (markov, shapley) over paths built from the candidates (converting paths)
 * and the touchpoints after each (owner, contact)'s last outcome (non-converting paths); see {@link
 * Paths}, {@link MarkovChain} and {@link ShapleyValues} for the rules.
 *
 * <p>The heavy parts run in Spark (path steps, transition counts, channel-set values, credits);
 * only the small collected count matrix and set-value map are solved on the driver, exactly and in
 * a fixed order, so results are identical across runs and partitionings.
 */
public final class DataDrivenAttribution {
  private DataDrivenAttribution() {}

  public static final String MARKOV = AttributionModel.MARKOV.wireName();
  public static final String SHAPLEY = AttributionModel.SHAPLEY.wireName();

  /**
   * The solved models.
   *
   * @param candidates the candidates the paths were built from
   * @param channels rows in {@link dev.wellspring.schema.Tables#ATTRIBUTION_CHANNELS_SCHEMA}
   * @param scores every channel's score and share under each model
   * @param channelDimension the dimension the channels are values of
   */
  public record Result(
      Dataset<Row> candidates,
      Dataset<Row> channels,
      List<ChannelScore> scores,
      String channelDimension) {
    /**
     * {@code frame} (candidate rows, with outcome_id, n and the channel dimension's columns or
     * {@link Paths#PATH_CHANNEL}) plus the weight columns {@link #MARKOV} and {@link #SHAPLEY}.
     */
    public Dataset<Row> withWeights(Dataset<Row> frame) {
      return DataDrivenAttribution.withWeights(frame, scores, channelDimension, List.of());
    }

    /**
     * {@link #withWeights(Dataset)}, with more per-outcome window columns (over {@link
     * Candidates#wholeOutcome}, e.g. {@link RuleModels#windowColumns}) computed in the same select,
     * so that all of them are one window operator over the candidates.
     */
    public Dataset<Row> withWeights(Dataset<Row> frame, List<Column> alsoPerOutcome) {
      return DataDrivenAttribution.withWeights(frame, scores, channelDimension, alsoPerOutcome);
    }
  }

  /** One channel's score, share and credited value under one model. */
  public record ChannelScore(
      String model, String channel, double score, double share, double creditedValue) {}

  /**
   * Markov and Shapley attribution of the attributed outcomes.
   *
   * @param candidates candidate rows ({@link Candidates#select}: outcome and touchpoint columns)
   * @param touchpoints rows in {@link dev.wellspring.schema.Tables#TOUCHPOINTS_SCHEMA}
   * @param outcomes rows in {@link dev.wellspring.schema.Tables#OUTCOMES_SCHEMA}
   * @param channelDimension class, type, channel or goal_category
   * @throws WellspringException (exit 2) for an unknown dimension, or more than {@value
   *     ShapleyValues#MAX_PLAYERS} channels
   */
  public static Result attribute(
      Dataset<Row> candidates,
      Dataset<Row> touchpoints,
      Dataset<Row> outcomes,
      String channelDimension) {
    SparkSession spark = candidates.sparkSession();
    Column channel = Paths.channelIn(candidates, channelDimension);
    // Converting paths straight from the candidates (partitioned by outcome and in path order, so
    // no shuffle of the candidate rows); non-converting paths by a window over their steps.
    Dataset<Row> transitions =
        MarkovTransitions.transitionsOfCandidates(candidates, channel)
            .unionByName(
                MarkovTransitions.transitionsOfSteps(
                    Paths.nonConverting(touchpoints, outcomes, channelDimension)));
    MarkovChain chain = MarkovTransitions.collect(MarkovTransitions.count(transitions));
    requireShapleyChannels(chain.channels(), channelDimension);
    List<ShapleyPaths.SetValue> sets =
        ShapleyPaths.valueBySetOfCandidates(candidates, channel, chain.channels());
    List<String> channels = chain.channels();
    BigDecimal totalValue = BigDecimal.ZERO;
    for (var s : sets) {
      totalValue = totalValue.add(s.value());
    }
    double total = totalValue.doubleValue();

    List<ChannelScore> scores = new ArrayList<>(markov(chain, total));
    scores.addAll(shapley(channels, sets, total));

    List<Row> channelRows = new ArrayList<>();
    for (ChannelScore s : scores) {
      channelRows.add(
          RowFactory.create(s.model(), s.channel(), s.score(), s.share(), s.creditedValue()));
    }
    Dataset<Row> channelTable =
        spark.createDataFrame(channelRows, Tables.ATTRIBUTION_CHANNELS_SCHEMA);
    return new Result(candidates, channelTable, List.copyOf(scores), channelDimension);
  }

  /** Markov rows: score = removal effect, share = effect / sum of effects (0 when all are 0). */
  static List<ChannelScore> markov(MarkovChain chain, double totalValue) {
    double[] effects = chain.removalEffects();
    double sum = 0;
    for (double e : effects) {
      sum += e;
    }
    List<ChannelScore> rows = new ArrayList<>();
    for (int i = 0; i < effects.length; i++) {
      double share = sum > 0 ? effects[i] / sum : 0.0;
      rows.add(
          new ChannelScore(MARKOV, chain.channels().get(i), effects[i], share, share * totalValue));
    }
    return rows;
  }

  /** Shapley rows: score = Shapley value, share = score / v(all) (0 when v(all) is 0). */
  static List<ChannelScore> shapley(
      List<String> channels, List<ShapleyPaths.SetValue> sets, double totalValue) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < channels.size(); i++) {
      index.put(channels.get(i), i);
    }
    Map<Integer, Double> valueBySet = new HashMap<>();
    for (var s : sets) {
      int mask = 0;
      for (String c : s.channels()) {
        mask |= 1 << index.get(c);
      }
      valueBySet.put(mask, s.value().doubleValue());
    }
    double[] phi = ShapleyValues.of(channels.size(), valueBySet);
    List<ChannelScore> rows = new ArrayList<>();
    for (int i = 0; i < phi.length; i++) {
      double share = totalValue > 0 ? phi[i] / totalValue : 0.0;
      rows.add(new ChannelScore(SHAPLEY, channels.get(i), phi[i], share, share * totalValue));
    }
    return rows;
  }

  static void requireShapleyChannels(List<String> channels, String dimension) {
    if (channels.size() <= ShapleyValues.MAX_PLAYERS) {
      return;
    }
    int shown = Math.min(channels.size(), 30);
    String list =
        String.join(", ", channels.subList(0, shown)) + (shown < channels.size() ? ", ..." : "");
    throw WellspringException.unusable(
        "attribute",
        "shapley needs at most "
            + ShapleyValues.MAX_PLAYERS
            + " channels; the channel dimension '"
            + dimension
            + "' has "
            + channels.size()
            + ": "
            + list);
  }

  /**
   * Touchpoint weights from channel shares: within each converting path, share(channel_i) / sum of
   * the path's shares, or 1/n where that sum is 0. The shares are a handful of constants, so they
   * enter as a literal lookup rather than a join.
   *
   * <p>The path's sum of shares is {@code sum over channels c of count_c * share(c)}, with the
   * per-path channel counts from one window (integers, so exact in any row order) and the products
   * added in the fixed channel order: the same double for every partitioning, as exact decimal sums
   * gave, without a decimal per row (those were 10% of the attribute stage's CPU at 10 M).
   */
  static Dataset<Row> withWeights(
      Dataset<Row> frame,
      List<ChannelScore> scores,
      String channelDimension,
      List<Column> alsoPerOutcome) {
    Column channel = Paths.channelIn(frame, channelDimension);
    List<String> channels = scores.stream().map(ChannelScore::channel).distinct().sorted().toList();
    // The candidates' own order (Candidates.wholeOutcome): no second sort. The counts are window
    // expressions over the frame's own columns in one select, so they are evaluated in one pass
    // (and Spark folds them into the rule-based models' window, which has the same spec).
    WindowSpec path = Candidates.wholeOutcome();
    List<Column> withCounts = new ArrayList<>();
    withCounts.add(col("*"));
    for (int i = 0; i < channels.size(); i++) {
      withCounts.add(
          sum(when(channel.equalTo(lit(channels.get(i))), lit(1)).otherwise(lit(0)))
              .over(path)
              .as("dd_count_" + i));
    }
    withCounts.addAll(alsoPerOutcome);
    Dataset<Row> out = frame.select(withCounts.toArray(Column[]::new));
    List<String> models = List.of(MARKOV, SHAPLEY);
    for (String model : models) {
      Map<String, Double> shareOf = new HashMap<>();
      for (ChannelScore s : scores) {
        if (s.model().equals(model)) {
          shareOf.put(s.channel(), s.share());
        }
      }
      Column pathShares = lit(0.0);
      for (int i = 0; i < channels.size(); i++) {
        double share = shareOf.getOrDefault(channels.get(i), 0.0);
        pathShares = pathShares.plus(col("dd_count_" + i).cast("double").multiply(lit(share)));
      }
      out =
          out.withColumn(
              model,
              when(pathShares.gt(lit(0.0)), share(channel, scores, model).divide(pathShares))
                  .otherwise(lit(1.0).divide(col("n"))));
    }
    String[] counts = new String[channels.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = "dd_count_" + i;
    }
    return out.drop(counts);
  }

  /**
   * A model's channel share as a double: a literal per channel (the shares are a handful of
   * constants, so a lookup by literals rather than a join); 0 for a channel the model has not
   * scored.
   */
  private static Column share(Column channel, List<ChannelScore> scores, String model) {
    return byChannel(channel, scores, model, s -> lit(s.share()), lit(0.0));
  }

  /** A CASE over the channel: {@code value} of the model's score for it, else {@code otherwise}. */
  private static Column byChannel(
      Column channel,
      List<ChannelScore> scores,
      String model,
      java.util.function.Function<ChannelScore, Column> value,
      Column otherwise) {
    Column chain = null;
    for (ChannelScore s : scores) {
      if (s.model().equals(model)) {
        Column is = channel.equalTo(lit(s.channel()));
        chain = chain == null ? when(is, value.apply(s)) : chain.when(is, value.apply(s));
      }
    }
    return chain == null ? otherwise : chain.otherwise(otherwise);
  }
}
