package dev.wellspring.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapleyValuesTest {
  private static final int A = 1;
  private static final int B = 2;
  private static final int C = 4;

  /** The closed form for this game: each path set's value split equally among its channels. */
  private static double[] closedForm(int players, Map<Integer, Double> valueBySet) {
    double[] phi = new double[players];
    valueBySet.forEach(
        (set, value) -> {
          for (int i = 0; i < players; i++) {
            if ((set & (1 << i)) != 0) {
              phi[i] += value / Integer.bitCount(set);
            }
          }
        });
    return phi;
  }

  @Test
  void threeChannelGameMatchesHandComputedClosedForm() {
    Map<Integer, Double> game = Map.of(A, 3.0, A | B, 4.0, B | C, 5.0, A | B | C, 6.0, C, 1.0);
    double[] phi = ShapleyValues.of(3, game);
    // A: 3 + 4/2 + 6/3 = 7; B: 4/2 + 5/2 + 6/3 = 6.5; C: 5/2 + 6/3 + 1 = 5.5.
    assertThat(phi[0]).isCloseTo(7.0, within(1e-12));
    assertThat(phi[1]).isCloseTo(6.5, within(1e-12));
    assertThat(phi[2]).isCloseTo(5.5, within(1e-12));
    assertThat(closedForm(3, game)).containsExactly(7.0, 6.5, 5.5);
  }

  @Test
  void randomGamesMatchClosedFormAndSumToTheGrandCoalition() {
    Random random = new Random(11);
    for (int trial = 0; trial < 30; trial++) {
      int n = 1 + random.nextInt(12);
      Map<Integer, Double> game = new HashMap<>();
      double total = 0;
      for (int p = 0; p < 20; p++) {
        int set = 1 + random.nextInt((1 << n) - 1);
        double value = random.nextInt(100) / 4.0;
        game.merge(set, value, Double::sum);
        total += value;
      }
      double[] phi = ShapleyValues.of(n, game);
      double[] expected = closedForm(n, game);
      double sum = 0;
      for (int i = 0; i < n; i++) {
        assertThat(phi[i]).as("trial %d player %d", trial, i).isCloseTo(expected[i], within(1e-9));
        sum += phi[i];
      }
      assertThat(sum).isCloseTo(total, within(1e-9));
    }
  }

  @Test
  void sixteenPlayersAreExact() {
    Map<Integer, Double> game = Map.of(0xFFFF, 16.0, 1 << 15, 2.0);
    double[] phi = ShapleyValues.of(16, game);
    assertThat(phi[0]).isCloseTo(1.0, within(1e-12));
    assertThat(phi[15]).isCloseTo(3.0, within(1e-12));
  }

  @Test
  void aPlayerInNoPathGetsZero() {
    assertThat(ShapleyValues.of(2, Map.of(A, 5.0))).containsExactly(5.0, 0.0);
  }

  @Test
  void coalitionWeightsAreFactorialRatios() {
    // n = 3: 0! 2! / 3! = 1/3, 1! 1! / 3! = 1/6, 2! 0! / 3! = 1/3.
    double[] w = ShapleyValues.coalitionWeights(3);
    assertThat(w[0]).isCloseTo(1.0 / 3, within(1e-15));
    assertThat(w[1]).isCloseTo(1.0 / 6, within(1e-15));
    assertThat(w[2]).isCloseTo(1.0 / 3, within(1e-15));
  }

  @Test
  void moreThanSixteenPlayersIsRejected() {
    assertThatThrownBy(() -> ShapleyValues.of(17, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("players must be in 0..16, got 17");
  }

  @Test
  void setOutsideThePlayersIsRejected() {
    assertThatThrownBy(() -> ShapleyValues.of(2, Map.of(4, 1.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel set 4 is not a non-empty subset of 2 players");
  }
}
