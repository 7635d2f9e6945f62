package dev.wellspring.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The vocabulary against DESIGN.md's lists, written out here by hand from DESIGN.md. */
class VocabularyTest {

  @Test
  void modelsAreDesignsTableInColumnOrder() {
    assertThat(AttributionModel.wireNames())
        .containsExactly(
            "first_touch",
            "last_touch",
            "linear",
            "time_decay",
            "position_based",
            "markov",
            "shapley");
    assertThat(AttributionModel.ruleBasedWireNames())
        .containsExactly("first_touch", "last_touch", "linear", "time_decay", "position_based");
    assertThat(AttributionModel.MARKOV.ruleBased()).isFalse();
    assertThat(AttributionModel.SHAPLEY.ruleBased()).isFalse();
  }

  @Test
  void classesAreWrittenInUpperCase() {
    assertThat(TouchClass.wireNames()).containsExactly("DIRECTED", "EMBEDDED", "UNDIRECTED");
    assertThat(TouchClass.parse("directed")).isEqualTo(TouchClass.DIRECTED);
  }

  @Test
  void activityTypesCarryDesignsDefaultDurations() {
    // DESIGN.md: meeting 60, call 30, email 5, message 5, event 120, intro_received 10,
    // intro_made 10, invitation 5, endorsement 5, recommendation 20, social_post 15, answer 15,
    // other 30.
    assertThat(ActivityType.defaultMinutesByType())
        .containsExactly(
            Map.entry("meeting", 60),
            Map.entry("call", 30),
            Map.entry("email", 5),
            Map.entry("message", 5),
            Map.entry("event", 120),
            Map.entry("intro_received", 10),
            Map.entry("intro_made", 10),
            Map.entry("invitation", 5),
            Map.entry("endorsement", 5),
            Map.entry("recommendation", 20),
            Map.entry("social_post", 15),
            Map.entry("answer", 15),
            Map.entry("other", 30));
    assertThat(ActivityType.INTRO_MADE.intro()).isTrue();
    assertThat(ActivityType.INTRO_RECEIVED.intro()).isTrue();
    assertThat(ActivityType.MEETING.intro()).isFalse();
  }

  @Test
  void goalCategoriesAndRelationshipsAreDesignsLists() {
    assertThat(GoalCategory.wireNames())
        .containsExactly("speaking", "readership", "launch", "partners", "publicity", "other");
    assertThat(Relationship.wireNames())
        .containsExactly("customer", "prospect", "partner", "media", "peer", "other");
  }

  @Test
  void everyWireNameParsesBackToItsConstant() {
    for (AttributionModel m : AttributionModel.values()) {
      assertThat(AttributionModel.parse(m.wireName())).isEqualTo(m);
    }
    for (TouchClass c : TouchClass.values()) {
      assertThat(TouchClass.parse(c.wireName())).isEqualTo(c);
    }
    for (ActivityType t : ActivityType.values()) {
      assertThat(ActivityType.parse(t.wireName())).isEqualTo(t);
    }
    for (GoalCategory g : GoalCategory.values()) {
      assertThat(GoalCategory.parse(g.wireName())).isEqualTo(g);
    }
    for (Relationship r : Relationship.values()) {
      assertThat(Relationship.parse(r.wireName())).isEqualTo(r);
    }
  }

  @Test
  void parseTrimsAndIgnoresCaseAsDesignReadsEnums() {
    assertThat(AttributionModel.parse(" Time_Decay ")).isEqualTo(AttributionModel.TIME_DECAY);
    assertThat(ActivityType.parse("INTRO_MADE")).isEqualTo(ActivityType.INTRO_MADE);
    assertThat(GoalCategory.parse("Publicity")).isEqualTo(GoalCategory.PUBLICITY);
    assertThat(Relationship.parse(" media")).isEqualTo(Relationship.MEDIA);
  }

  @Test
  void parseNamesTheBadValueAndTheAcceptedOnes() {
    assertThatThrownBy(() -> AttributionModel.parse("u_shaped"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown attribution model 'u_shaped': expected one of first_touch, last_touch,"
                + " linear, time_decay, position_based, markov, shapley");
    assertThatThrownBy(() -> TouchClass.parse("SEMI_DIRECTED"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown class 'SEMI_DIRECTED': expected one of DIRECTED, EMBEDDED, UNDIRECTED");
    assertThatThrownBy(() -> ActivityType.parse("lunch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown activity type 'lunch': expected one of meeting, call,");
    assertThatThrownBy(() -> GoalCategory.parse(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown goal category '': expected one of speaking,");
    assertThatThrownBy(() -> Relationship.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown relationship null: expected one of customer,");
  }

  @Test
  void everyColumnConstantIsItsOwnNameInLowerCase() throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field f : Columns.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        String value = (String) f.get(null);
        assertThat(value).as(f.getName()).isEqualTo(f.getName().toLowerCase(java.util.Locale.ROOT));
        values.add(value);
      }
    }
    // DESIGN.md "Outputs": the columns of lift.csv and whatif.csv, all of them here.
    assertThat(values)
        .doesNotHaveDuplicates()
        .contains(
            "model",
            "lift",
            "ci_low",
            "ci_high",
            "directed_value_per_hour",
            "undirected_value_per_hour",
            "owner",
            "move_from",
            "move_to",
            "share_moved",
            "hours_moved_per_month",
            "value_change_per_month",
            "extrapolated");
  }
}
