package dev.wellspring.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * The attribution models of DESIGN.md "Attribution", in the order of their weight columns in the
 * credits table: the five rule-based models, then the two data-driven ones. Each gives the
 * touchpoints of an attributed outcome weights that sum to 1.
 */
public enum AttributionModel implements WireNamed {
  /** 1 for the first touchpoint, 0 otherwise. */
  FIRST_TOUCH(true),
  /** 1 for the last touchpoint, 0 otherwise. */
  LAST_TOUCH(true),
  /** 1/n for each of the n touchpoints. */
  LINEAR(true),
  /** 2^(-d_i / half_life) for a touchpoint d_i days before the outcome, normalised to sum 1. */
  TIME_DECAY(true),
  /** n=1: 1; n=2: 0.5 each; n>=3: 0.4 first, 0.4 last, 0.2/(n-2) each middle one. */
  POSITION_BASED(true),
  /**
   * Data-driven: a first-order absorbing Markov chain over the paths' channels; a channel's share
   * is its removal effect, normalised to sum 1.
   */
  MARKOV(false),
  /**
   * Data-driven: channels are players worth the value of the converting paths whose channels they
   * cover; a channel's credit is its Shapley value.
   */
  SHAPLEY(false);

  private final boolean ruleBased;

  AttributionModel(boolean ruleBased) {
    this.ruleBased = ruleBased;
  }

  /** The model's name in files, configuration ({@code report_model}) and exports, lower case. */
  @Override
  public String wireName() {
    return WireNamed.lowerCase(this);
  }

  /**
   * Whether the weights follow from the touchpoints' positions and times alone (not data-driven).
   */
  public boolean ruleBased() {
    return ruleBased;
  }

  /**
   * The model named {@code text} (trimmed, any case).
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static AttributionModel parse(String text) {
    return WireNamed.parse(AttributionModel.class, "attribution model", text);
  }

  /** Every model's wire name, in column order: first_touch ... position_based, markov, shapley. */
  public static List<String> wireNames() {
    return WireNamed.wireNames(AttributionModel.class);
  }

  /** The rule-based models' wire names, in column order (always reported, even with no credit). */
  public static List<String> ruleBasedWireNames() {
    List<String> names = new ArrayList<>();
    for (AttributionModel m : values()) {
      if (m.ruleBased) {
        names.add(m.wireName());
      }
    }
    return List.copyOf(names);
  }
}
