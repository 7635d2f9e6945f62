package dev.wellspring.ingest.staging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.staging.Kind.Field;
import dev.wellspring.ingest.staging.Kind.FieldType;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fields a kind reads, now derived from schema/Tables, are those DESIGN.md's canonical files
 * list: name, type and required flag in column order (written out here by hand), plus contacts'
 * e-mail.
 */
class KindFieldsTest {

  private static String describe(Kind kind) {
    return kind.fields().stream()
        .map(f -> f.name() + ":" + f.type() + (f.required() ? "!" : ""))
        .collect(Collectors.joining(" "));
  }

  @Test
  void eachKindReadsItsTableColumnsInOrder() {
    assertThat(describe(Kind.CONTACTS))
        .isEqualTo(
            "contact_id:TEXT! full_name:TEXT! company:TEXT title:TEXT location:TEXT source:TEXT"
                + " relationship:CHOICE first_met_on:DATE email:TEXT");
    assertThat(describe(Kind.ACTIVITIES))
        .isEqualTo(
            "activity_id:TEXT! owner:TEXT! occurred_at:TIMESTAMP! type:CHOICE! contact_id:TEXT"
                + " duration_minutes:NUMBER cost:NUMBER goal_id:TEXT context:CHOICE"
                + " introduced_contact_id:TEXT channel:TEXT notes:TEXT");
    assertThat(describe(Kind.GOALS))
        .isEqualTo(
            "goal_id:TEXT! owner:TEXT! category:CHOICE! title:TEXT target_value:NUMBER"
                + " target_channel:TEXT starts_on:DATE! ends_on:DATE! target_unit:CHOICE");
    assertThat(describe(Kind.OUTCOMES))
        .isEqualTo(
            "outcome_id:TEXT! owner:TEXT! occurred_at:TIMESTAMP! type:CHOICE! value:NUMBER"
                + " contact_id:TEXT goal_id:TEXT channel:TEXT notes:TEXT");
  }

  @Test
  void choicesKeepTheirAllowedValuesAndOtherFieldsHaveNone() {
    Field context =
        Kind.ACTIVITIES.fields().stream().filter(f -> f.name().equals("context")).findFirst().get();
    assertThat(context.allowed()).containsExactlyInAnyOrder("business", "speaking");
    Field unit =
        Kind.GOALS.fields().stream().filter(f -> f.name().equals("target_unit")).findFirst().get();
    assertThat(unit.allowed()).containsExactlyInAnyOrder("outcomes", "value");
    for (Kind k : Kind.values()) {
      for (Field f : k.fields()) {
        assertThat(f.allowed().isEmpty())
            .as(k + "." + f.name())
            .isEqualTo(f.type() != FieldType.CHOICE);
      }
    }
    assertThat(Kind.OUTCOMES.requiredColumns())
        .isEqualTo(List.of("outcome_id", "owner", "occurred_at", "type"));
  }
}
