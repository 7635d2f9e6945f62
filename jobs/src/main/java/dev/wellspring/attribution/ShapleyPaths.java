package dev.wellspring.attribution;

import static org.apache.spark.sql.functions.bit_or;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The input of the Shapley game: the total value of the converting paths per channel set,
 * aggregated in Spark (values summed as exact decimals) and collected sorted.
 */
public final class ShapleyPaths {
  private ShapleyPaths() {}

  /** One channel set (sorted channel names) and the total value of its converting paths. */
  public record SetValue(List<String> channels, BigDecimal value) {
    public SetValue {
      channels = List.copyOf(channels);
    }
  }

  /**
   * The total value of the converting paths per channel set, straight from the candidates (one
   * converting path per outcome): each outcome's channel set as a bitmask over {@code channels},
   * then the values summed per mask. The candidates are already partitioned by outcome, so the
   * first aggregation moves no candidate row; what is shuffled is one (mask, value) per outcome at
   * most.
   *
   * @param candidates candidate rows ({@link Candidates#select}: outcome and touchpoint columns)
   * @param channel the channel of a candidate row ({@link Paths#channelOf})
   * @param channels every channel a candidate can have, at most 31 (the bit of channel i is 1 << i)
   * @throws IllegalArgumentException for more than 31 channels
   * @throws IllegalStateException when a candidate's channel is not among {@code channels}
   */
  public static List<SetValue> valueBySetOfCandidates(
      Dataset<Row> candidates, Column channel, List<String> channels) {
    if (channels.size() > 31) {
      throw new IllegalArgumentException(
          "at most 31 channels fit a set mask, got " + channels.size());
    }
    Column bit = null;
    for (int i = 0; i < channels.size(); i++) {
      Column is = channel.equalTo(lit(channels.get(i)));
      bit = bit == null ? when(is, lit(1 << i)) : bit.when(is, lit(1 << i));
    }
    bit = bit == null ? lit(0) : bit.otherwise(lit(0));
    List<Row> rows =
        candidates
            .groupBy(col("outcome_id"))
            .agg(bit_or(bit).as("mask"), max(col("outcome_value")).as("value"))
            .groupBy("mask")
            .agg(sum(col("value").cast("decimal(38,12)")).as("value"))
            .collectAsList();
    List<SetValue> sets = new ArrayList<>();
    for (Row r : rows) {
      int mask = r.getInt(0);
      List<String> names = new ArrayList<>();
      for (int i = 0; i < channels.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          names.add(channels.get(i));
        }
      }
      if (names.isEmpty()) {
        throw new IllegalStateException("a converting path has a channel outside " + channels);
      }
      sets.add(new SetValue(names, r.getDecimal(1)));
    }
    sets.sort(Comparator.comparing(s -> String.join("\u0000", s.channels())));
    return sets;
  }
}
