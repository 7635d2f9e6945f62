package dev.wellspring.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MarkovChainTest {
  private static final double EPS = 1e-12;

  /** ChannelAttribution's vignette: A>B>A>B>B>A, A>B>B>A>A, A>A, all converting. */
  private static MarkovChain vignette(boolean withSelfLoops) {
    long loops = withSelfLoops ? 2 : 0;
    return new MarkovChain(
        List.of("A", "B"),
        new long[] {3, 0},
        new long[][] {{loops, 3}, {3, loops}},
        new long[] {3, 0},
        new long[] {0, 0});
  }

  @Test
  void vignetteRemovalEffectsAreOneAndAHalf() {
    // Without A nothing starts; without B, A converts 3 times out of its 6 exits.
    assertThat(vignette(true).conversionProbability()).isCloseTo(1.0, within(EPS));
    double[] effects = vignette(true).removalEffects();
    assertThat(effects[0]).isCloseTo(1.0, within(EPS));
    assertThat(effects[1]).isCloseTo(0.5, within(EPS));
  }

  @Test
  void selfLoopsChangeNoRemovalEffect() {
    double[] with = vignette(true).removalEffects();
    double[] without = vignette(false).removalEffects();
    assertThat(with[0]).isCloseTo(without[0], within(EPS));
    assertThat(with[1]).isCloseTo(without[1], within(EPS));
  }

  /** Paths A>B conv, A null, B conv, and C null (C only in a non-converting path). */
  private static MarkovChain withNullPaths() {
    return new MarkovChain(
        List.of("A", "B", "C"),
        new long[] {2, 1, 1},
        new long[][] {{0, 1, 0}, {0, 0, 0}, {0, 0, 0}},
        new long[] {0, 2, 0},
        new long[] {1, 0, 1});
  }

  @Test
  void handCheckedChainWithNonConvertingPaths() {
    MarkovChain chain = withNullPaths();
    // P_B = 1, P_A = 1/2, P = (2 * 1/2 + 1 * 1 + 1 * 0) / 4 = 1/2.
    assertThat(chain.conversionProbability()).isCloseTo(0.5, within(EPS));
    // Without A: only B's start converts, 1/4 -> effect 1/2. Without B: nothing converts.
    double[] effects = chain.removalEffects();
    assertThat(effects[0]).isCloseTo(0.5, within(EPS));
    assertThat(effects[1]).isCloseTo(1.0, within(EPS));
    assertThat(effects[2]).as("C is only in a non-converting path").isZero();
  }

  @Test
  void noConversionGivesZeroEffectsNotNaN() {
    MarkovChain chain =
        new MarkovChain(
            List.of("A", "B"),
            new long[] {1, 1},
            new long[][] {{0, 1}, {0, 0}},
            new long[] {0, 0},
            new long[] {0, 2});
    assertThat(chain.conversionProbability()).isZero();
    assertThat(chain.removalEffects()).containsExactly(0.0, 0.0);
  }

  @Test
  void emptyChainHasNoEffects() {
    MarkovChain chain =
        new MarkovChain(List.of(), new long[0], new long[0][], new long[0], new long[0]);
    assertThat(chain.removalEffects()).isEmpty();
    assertThat(chain.conversionProbability()).isZero();
  }

  @Test
  void rankOneRemovalMatchesDirectSolveOnRandomChains() {
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      int k = 1 + random.nextInt(9);
      List<String> names = new ArrayList<>();
      long[] start = new long[k];
      long[][] between = new long[k][k];
      long[] conv = new long[k];
      long[] nulls = new long[k];
      for (int i = 0; i < k; i++) {
        names.add("c" + i);
        start[i] = random.nextInt(4);
        for (int j = 0; j < k; j++) {
          between[i][j] = random.nextInt(3) == 0 ? random.nextInt(5) : 0;
        }
        conv[i] = random.nextInt(3);
        nulls[i] = 1 + random.nextInt(3);
      }
      start[0]++;
      MarkovChain chain = new MarkovChain(names, start, between, conv, nulls);
      double total = chain.conversionProbability();
      double[] effects = chain.removalEffects();
      for (int c = 0; c < k; c++) {
        double expected = total > 0 ? 1 - chain.conversionProbabilityWithout(c) / total : 0;
        assertThat(effects[c])
            .as("trial %d channel %d", trial, c)
            .isCloseTo(expected, within(1e-9));
        assertThat(effects[c]).isBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void solvesAndInvertsSmallSystems() {
    double[][] a = {{0, 2, 1}, {1, 1, 0}, {2, 0, 3}};
    // x = (1, 2, 3): rows give 7, 3, 11.
    double[] x = MarkovChain.solve(a, new double[] {7, 3, 11});
    assertThat(x[0]).isCloseTo(1, within(EPS));
    assertThat(x[1]).isCloseTo(2, within(EPS));
    assertThat(x[2]).isCloseTo(3, within(EPS));
    double[][] inv = MarkovChain.invert(a);
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        double dot = 0;
        for (int m = 0; m < 3; m++) {
          dot += a[i][m] * inv[m][j];
        }
        assertThat(dot).as("(A A^-1)[%d][%d]", i, j).isCloseTo(i == j ? 1 : 0, within(EPS));
      }
    }
  }

  @Test
  void singularMatrixIsRejected() {
    assertThatThrownBy(
            () -> MarkovChain.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("singular matrix at column 1");
  }

  @Test
  void channelWithoutExitIsRejected() {
    assertThatThrownBy(
            () ->
                new MarkovChain(
                    List.of("A"),
                    new long[] {1},
                    new long[][] {{3}},
                    new long[] {0},
                    new long[] {0}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel 'A' has no transition out of itself");
  }
}
