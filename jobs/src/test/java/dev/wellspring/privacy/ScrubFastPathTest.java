package dev.wellspring.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pre-check that skips the phone expression must never skip a value it would match. */
class ScrubFastPathTest {
  @Test
  void everyValueThePhoneExpressionMatchesPassesThePreCheck() {
    Random rnd = new Random(7);
    String alphabet = "0123456789 ().-+/ax@_";
    int matched = 0;
    for (int i = 0; i < 200_000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + rnd.nextInt(24);
      for (int j = 0; j < n; j++) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      String s = sb.toString();
      if (Scrub.PHONE.matcher(s).find()) {
        matched++;
        assertThat(Scrub.mayHoldPhone(s)).as("'%s'", s).isTrue();
      }
    }
    assertThat(matched).as("the random values include phone numbers").isGreaterThan(1000);
  }

  @Test
  void idsAndPlainTextSkipTheExpression() {
    assertThat(Scrub.mayHoldPhone("act-0001234")).isTrue(); // digits six apart: checked
    assertThat(Scrub.mayHoldPhone("a12345")).isFalse();
    assertThat(Scrub.mayHoldPhone("met at the conference")).isFalse();
    assertThat(Scrub.mayHoldPhone("+44 20 7946 0958")).isTrue();
  }
}
