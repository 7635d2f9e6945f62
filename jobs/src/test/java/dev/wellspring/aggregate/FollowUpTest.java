package dev.wellspring.aggregate;

import static dev.wellspring.aggregate.Fixtures.credit;
import static dev.wellspring.aggregate.Fixtures.goal;
import static dev.wellspring.aggregate.Fixtures.outcome;
import static dev.wellspring.aggregate.Fixtures.tp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.schema.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class FollowUpTest {
  private static final LocalDate RUN = LocalDate.parse("2026-06-30");

  private static Dataset<Row> goals() {
    return Fixtures.goals(
        goal("launch-q2", "ann", "launch", 5.0, "2026-01-01", "2026-12-31"),
        goal("ana-intros", "ann", "partners", null, "2026-01-01", "2026-12-31"),
        // the current 90-day period is Apr 2..Jun 30: a goal ending Apr 2 was active in it, one
        // ending Mar 31 was not
        goal("spring", "ann", "publicity", null, "2026-01-01", "2026-04-02"),
        goal("old-talks", "ann", "speaking", null, "2026-01-01", "2026-03-31"));
  }

  private static Dataset<Row> touchpoints() {
    return Fixtures.touchpoints(
        tp("a1", "ann", "2026-02-01T10:00:00Z", "meeting", "c1", 60, 0, "DIRECTED", "launch-q2"),
        tp("a2", "ann", "2026-03-01T10:00:00Z", "call", "c2", 30, 0, "UNDIRECTED", null),
        tp("a3", "ann", "2026-05-15T10:00:00Z", "call", "c2", 30, 0, "EMBEDDED", null),
        tp("a4", "ann", "2026-02-10T10:00:00Z", "call", "c3", 30, 0, "DIRECTED", "old-talks"),
        tp("a5", "ann", "2026-04-01T23:00:00Z", "call", "c4", 30, 0, "DIRECTED", "launch-q2"),
        tp("a6", "ann", "2026-05-01T00:00:00Z", "email", "c5", 5, 0, "UNDIRECTED", null),
        tp("a7", "ann", "2026-01-15T10:00:00Z", "meeting", "c1", 60, 0, "DIRECTED", "ana-intros"),
        tp("a8", "ann", "2026-05-02T08:00:00Z", "email", "c6", 5, 0, "UNDIRECTED", null),
        tp("a9", "ann", "2026-03-20T08:00:00Z", "call", "c7", 30, 0, "DIRECTED", "spring"),
        // bob's touch of c1 is not ann's
        tp("b1", "bob", "2026-06-01T10:00:00Z", "call", "c1", 30, 0, "UNDIRECTED", null));
  }

  private static Dataset<Row> credits(Dataset<Row> touchpoints) {
    Dataset<Row> outcomes =
        Fixtures.outcomes(
            outcome("o1", "ann", "2026-03-05", "launch", 10, "c1"),
            outcome("o2", "ann", "2026-03-01", "speaking", 10, "c3"),
            outcome("o3", "ann", "2026-05-03", "launch", 10, null),
            outcome("o4", "ann", "2026-01-20", "partners", 10, "c1"),
            outcome("o5", "ann", "2026-03-25", "publicity", 10, "c7"));
    return Fixtures.wide(
        List.of(
            // o1's path: a1 (DIRECTED to launch-q2, c1) and a2 (c2)
            credit("o1", "a1", "linear", 0.5, 10),
            credit("o1", "a2", "linear", 0.5, 10),
            // o2's path reaches only the ended goal
            credit("o2", "a4", "linear", 1, 10),
            // o3's path: a5 (DIRECTED to launch-q2, c4), a6 (c5), a8 (c6)
            credit("o3", "a5", "linear", 1 / 3.0, 10),
            credit("o3", "a6", "linear", 1 / 3.0, 10),
            credit("o3", "a8", "linear", 1 / 3.0, 10),
            credit("o4", "a7", "linear", 1, 10),
            credit("o5", "a9", "linear", 1, 10)),
        touchpoints,
        outcomes);
  }

  private static Dataset<Row> contacts() {
    return Fixtures.frame(
        Tables.CONTACTS_SCHEMA,
        List.of(
            contact("c1", "Ana Pereira"),
            contact("c2", "Bo Lind"),
            contact("c4", "zed quill-smith"),
            contact("c6", "Cy Moss"),
            contact("c7", "Di Ray")));
  }

  private static Row contact(String id, String name) {
    return RowFactory.create(id, name, null, null, null, null, "other", null, "contacts.csv", 2L);
  }

  private static List<Row> followUp(String names) {
    Dataset<Row> tps = touchpoints();
    Dataset<Row> df = FollowUp.followUp(goals(), tps, credits(tps), contacts(), RUN, 90, names);
    assertThat(df.schema().simpleString()).isEqualTo(Tables.FOLLOW_UP_SCHEMA.simpleString());
    return df.orderBy("goal_id", "contact_id").collectAsList();
  }

  private static Row row(String goal, String contact, String name, String last, int days) {
    return RowFactory.create("ann", goal, contact, name, Date.valueOf(last), days);
  }

  @Test
  void contactsOnActiveGoalsPathsUntouchedForSixtyDaysOrMore() {
    // c1: on o1 (launch-q2) and o4 (ana-intros); ann last touched c1 on Feb 1 (bob's Jun 1 touch
    //     is not hers): Feb 1 -> Jun 30 = 28 + 31 + 30 + 31 + 29 = 149 days.
    // c2: on o1's path but touched May 15: 46 days, not due.
    // c3: only on the ended goal's path.
    // c4: Apr 1 (23:00 UTC is still Apr 1) -> Jun 30 = 90 days.
    // c5: May 1 -> Jun 30 = 60 days, due (the boundary); not in contacts: no name.
    // c6: May 2: 59 days, not due.
    // c7: on the path of "spring", which ended on the period's first day: Mar 20 -> Jun 30 = 11 +
    //     30 + 31 + 30 = 102 days.
    assertThat(followUp("full"))
        .containsExactly(
            row("ana-intros", "c1", "Ana Pereira", "2026-02-01", 149),
            row("launch-q2", "c1", "Ana Pereira", "2026-02-01", 149),
            row("launch-q2", "c4", "zed quill-smith", "2026-04-01", 90),
            row("launch-q2", "c5", null, "2026-05-01", 60),
            row("spring", "c7", "Di Ray", "2026-03-20", 102));
  }

  @Test
  void initialsAndNoNames() {
    assertThat(followUp("initials"))
        .containsExactly(
            row("ana-intros", "c1", "A.P.", "2026-02-01", 149),
            row("launch-q2", "c1", "A.P.", "2026-02-01", 149),
            row("launch-q2", "c4", "Z.Q.S.", "2026-04-01", 90),
            row("launch-q2", "c5", null, "2026-05-01", 60),
            row("spring", "c7", "D.R.", "2026-03-20", 102));
    // Under none no contact name, and "ana-intros" carries Ana's first name: its id is not shown.
    assertThat(followUp("none"))
        .containsExactly(
            row(null, "c1", null, "2026-02-01", 149),
            row("launch-q2", "c1", null, "2026-02-01", 149),
            row("launch-q2", "c4", null, "2026-04-01", 90),
            row("launch-q2", "c5", null, "2026-05-01", 60),
            row("spring", "c7", null, "2026-03-20", 102));
  }

  @Test
  void aGoalIdCarriesAFirstNameWhenOneOfItsLetterRunsIsOne() {
    Dataset<Row> goals =
        Fixtures.goals(
            goal("ana-intros", "Theo Brindlecombe", "partners", null, "2026-01-01", "2026-12-31"),
            goal("theo_talks2", "Theo Brindlecombe", "speaking", null, "2026-01-01", "2026-12-31"),
            goal("banana-launch", "Theo Brindlecombe", "launch", null, "2026-01-01", "2026-12-31"),
            goal("q3", "Theo Brindlecombe", "launch", null, "2026-01-01", "2026-12-31"));
    // "ana" is a contact's first name, "theo" the owner's; "banana" only contains one, and
    // one-letter first names ("Q Adams") never count.
    Dataset<Row> contacts =
        Fixtures.frame(
            Tables.CONTACTS_SCHEMA,
            List.of(contact("c1", "Ana Pereira"), contact("c2", "Q Adams")));
    assertThat(FollowUp.goalIdsWithFirstNames(goals, contacts))
        .containsExactlyInAnyOrder("ana-intros", "theo_talks2");
  }
}
