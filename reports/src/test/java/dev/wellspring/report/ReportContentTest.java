package dev.wellspring.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.report.io.RunInputs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report's numbers and sentences on tiny in-code runs, against hand-computed values. */
class ReportContentTest {
  private static final LocalDate DATE = LocalDate.parse("2026-01-31");

  private static RunData.Effectiveness eff(
      String owner, String cls, String model, double hours, double value) {
    return new RunData.Effectiveness(
        owner,
        cls,
        "2026-01",
        model,
        1,
        hours,
        0,
        0,
        value,
        hours > 0 ? value / hours : null,
        null);
  }

  private static RunData run(List<RunData.Effectiveness> eff, List<RunData.Lift> lift) {
    RunData.RunManifest m =
        new RunData.RunManifest("ok", List.of(), 0, 0, 0, 0, List.of(), List.of(), Map.of());
    return new RunData(DATE, eff, List.of(), List.of(), lift, List.of(), List.of(), List.of(), m);
  }

  private static List<String> texts(List<Block> blocks, Block.Kind kind) {
    return blocks.stream().filter(b -> b.kind() == kind).map(Block::text).toList();
  }

  @Test
  void ownerLiftIsSumOfValueOverSumOfHoursPerClassUnderTheReportModel() {
    // Ann, linear: DIRECTED (200 + 300) / (4 + 6) = 50 per hour; UNDIRECTED 100 / 20 = 5 per hour.
    // Lift 50 / 5 = 10. The last_touch rows must not count.
    RunData data =
        run(
            List.of(
                eff("Ann Lee", "DIRECTED", "linear", 4, 200),
                eff("Ann Lee", "DIRECTED", "linear", 6, 300),
                eff("Ann Lee", "UNDIRECTED", "linear", 20, 100),
                eff("Ann Lee", "DIRECTED", "last_touch", 10, 9999),
                eff("Ann Lee", "UNDIRECTED", "last_touch", 20, 1)),
            List.of(
                new RunData.Lift("linear", 10.0, 8.0, 12.5, 50.0, 5.0),
                new RunData.Lift("last_touch", 0.5, null, null, 1.0, 2.0)));
    List<Block> blocks =
        ReportContent.build(data, new ReportOptions(Path.of("out"), DATE, "linear", "A4", "full"));
    assertThat(texts(blocks, Block.Kind.HEADLINE))
        .containsExactly(
            "Goal-directed networking earned 10.00× the value per hour of undirected networking "
                + "(95% interval 8.00–12.50) under the linear model.",
            "Goal-directed networking earned 10.00× the value per hour of undirected networking under the linear model.");
    assertThat(blocks)
        .extracting(Block::text)
        .contains(
            "Lift under every model, all of the history (1 of 2 models agree that the lift is above 1)");
    // Hours 30 in all: DIRECTED 10 (33%) earned 500 of 600 (83%); UNDIRECTED 20 (67%) earned 100
    // (17%).
    assertThat(String.join("\n", texts(blocks, Block.Kind.TEXT)))
        .contains("UNDIRECTED took 67% of hours and earned 17% of value: move some of those hours")
        .contains("DIRECTED took 33% of hours and earned 83% of value")
        .contains("The models disagree: 1 of 2 with a defined lift");
  }

  @Test
  void channelScoresAreATableInTheSummaryMarkovBeforeShapley() {
    RunData.RunManifest m =
        new RunData.RunManifest("ok", List.of(), 0, 0, 0, 0, List.of(), List.of(), Map.of());
    RunData data =
        new RunData(
            DATE,
            List.of(eff("Ann Lee", "DIRECTED", "linear", 4, 200)),
            List.of(),
            List.of(
                new RunData.ChannelScore("shapley", "DIRECTED", 1234.56, 0.6, 1234.56),
                new RunData.ChannelScore("markov", "UNDIRECTED", 0.0625, 0.25, 500.0),
                new RunData.ChannelScore("markov", "DIRECTED", 0.1875, 0.75, 1500.0)),
            List.of(new RunData.Lift("linear", 2.0, null, null, 4.0, 2.0)),
            List.of(),
            List.of(),
            List.of(),
            m);
    Block table =
        ReportContent.build(data, new ReportOptions(Path.of("out"), DATE, "linear", "A4", "full"))
            .stream()
            .filter(b -> b.text().equals("Channel scores of the data-driven models"))
            .findFirst()
            .orElseThrow();
    assertThat(table.table().headers())
        .containsExactly("Model · channel", "Score", "Share", "Credited value");
    // markov's score is a removal effect (3 decimals, half up); shapley's is in value units.
    assertThat(table.table().rows())
        .extracting(Block.Row::cells)
        .containsExactly(
            List.of("markov · DIRECTED", "0.188", "75%", "1,500"),
            List.of("markov · UNDIRECTED", "0.063", "25%", "500.0"),
            List.of("shapley · DIRECTED", "1,235", "60%", "1,235"));
  }

  @Test
  void anOwnerPageSaysTheGoalsOutcomesByCategoryAndHasTheTwoMonthlyCharts() {
    RunData.RunManifest m =
        new RunData.RunManifest("ok", List.of(), 0, 0, 0, 0, List.of(), List.of(), Map.of());
    RunData data =
        new RunData(
            DATE,
            List.of(eff("Ann Lee", "DIRECTED", "linear", 4, 200)),
            List.of(),
            List.of(),
            List.of(new RunData.Lift("linear", 2.0, null, null, 4.0, 2.0)),
            List.of(
                new RunData.Goal("g1", "Ann Lee", "speaking", 10, 2, 100, 1, null, false),
                new RunData.Goal("g2", "Ann Lee", "hiring", 95, 0, 0, 3, 10.0, true),
                new RunData.Goal("g3", "Ann Lee", "speaking", 5, 1, 50, 0, null, false)),
            List.of(),
            List.of(),
            m);
    List<Block> blocks =
        ReportContent.build(data, new ReportOptions(Path.of("out"), DATE, "linear", "A4", "full"));
    assertThat(texts(blocks, Block.Kind.TEXT))
        .contains(
            "Goals: 3 (1 in drought). Outcomes by goal category: "
                + "hiring 0 on target, 3 serendipitous; speaking 3 on target, 1 serendipitous.");
    int owner = texts(blocks, Block.Kind.SUBHEADING).indexOf("Ann Lee");
    assertThat(owner).isNotNegative();
    List<String> ownerCharts =
        blocks
            .subList(blocks.indexOf(Block.of(Block.Kind.SUBHEADING, "Ann Lee")), blocks.size())
            .stream()
            .filter(b -> b.kind() == Block.Kind.CHART || b.kind() == Block.Kind.CHART_PAIR)
            .flatMap(b -> b.charts().stream())
            .map(Block.Chart::title)
            .toList();
    assertThat(ownerCharts)
        .containsExactly("Hours per month by class", "Credited value per month by class (linear)");
  }

  @Test
  void everyHeadingStartsANewSectionGroupThatTheFollowingBlocksShare() {
    List<Block> blocks =
        List.of(
            Block.of(Block.Kind.TITLE, "t"),
            Block.of(Block.Kind.HEADING, "1"),
            Block.of(Block.Kind.TEXT, "a"),
            Block.of(Block.Kind.SUBHEADING, "1.1"),
            Block.of(Block.Kind.TEXT, "b"),
            Block.pageBreak(),
            Block.of(Block.Kind.HEADING, "2"));
    assertThat(JasperRenderer.rows(blocks).stream().map(r -> (Object) r.get("grp")).toList())
        .containsExactly(0, 1, 1, 2, 2, 2, 3);
  }

  @Test
  void undefinedLiftGetsAClearSentence() {
    assertThat(ReportContent.headline(new RunData.Lift("linear", null, null, null, 12.5, 0.0)))
        .isEqualTo(
            "The lift is undefined: undirected networking earned no credited value, so there is no "
                + "ratio to take (goal-directed networking earned 12.50 per hour) under the linear model.");
    assertThat(ReportContent.headline(new RunData.Lift("shapley", null, null, null, 3.0, null)))
        .isEqualTo(
            "The lift is undefined: there were no undirected hours to compare with under the shapley model.");
    assertThat(ReportContent.headline(new RunData.Lift("linear", 2.0, null, null, 4.0, 2.0)))
        .contains("(95% interval not available)");
  }

  @Test
  void aModelMissingFromLiftCsvIsRefusedNamingTheModels() {
    RunData data = run(List.of(), List.of(new RunData.Lift("linear", 2.0, 1.0, 3.0, 4.0, 2.0)));
    assertThatThrownBy(
            () ->
                ReportContent.build(
                    data, new ReportOptions(Path.of("o"), DATE, "markov", "A4", "full")))
        .isInstanceOf(ReportException.class)
        .hasMessage("model 'markov' has no row in lift.csv (models there: linear)");
  }

  @Test
  void namesAsInitialsOrNumbersNeverCollide() {
    Names initials = Names.of(List.of("Ana Pereira", "Alan Page", "ben@example.com"), "initials");
    assertThat(initials.show("Alan Page")).isEqualTo("A.P.");
    assertThat(initials.show("Ana Pereira")).isEqualTo("A.P. 2");
    assertThat(initials.show("ben@example.com")).isEqualTo("B.");
    Names none = Names.of(List.of("Zoe", "Adam"), "none");
    assertThat(List.of(none.show("Adam"), none.show("Zoe"))).containsExactly("Owner 1", "Owner 2");
    assertThatThrownBy(() -> Names.of(List.of("x"), "nick"))
        .isInstanceOf(ReportException.class)
        .hasMessage("--names must be full, initials or none, not 'nick'");
  }

  @Test
  void numbersAreRoundedHalfUpWithThousandsSeparators() {
    assertThat(Formats.ratio(2.675)).isEqualTo("2.68");
    assertThat(Formats.ratio(4.793823776)).isEqualTo("4.79");
    assertThat(Formats.amount(12345.678)).isEqualTo("12,346");
    assertThat(Formats.amount(999.95)).isEqualTo("1,000.0");
    assertThat(Formats.percent(0.585)).isEqualTo("59%");
    assertThat(Formats.times(null)).isEqualTo("–");
    assertThat(Formats.count(1234567)).isEqualTo("1,234,567");
  }

  @Test
  void spreadsheetGuardIsStrippedOnlyBeforeAGuardedCharacter() {
    assertThat(RunInputs.unguard("'=SUM(A1)")).isEqualTo("=SUM(A1)");
    assertThat(RunInputs.unguard("'@press")).isEqualTo("@press");
    assertThat(RunInputs.unguard("'quoted'")).isEqualTo("'quoted'");
    assertThat(RunInputs.unguard("''=x")).isEqualTo("''=x");
  }

  @Test
  void aTableRowMustMatchItsHeaders() {
    assertThatThrownBy(() -> new Block.Table(List.of("a", "b"), List.of(Block.Row.of("1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row [1] has 1 cells for 2 columns");
  }

  private static RunData.Goal goal(
      String id, String owner, String status, Double progress, boolean drought) {
    return new RunData.Goal(
        id, owner, "speaking", 1, 0, 0, 0, 1.0, drought, null, null, progress, status, null);
  }

  @Test
  void scorecardPutsWhatNeedsAttentionFirst() {
    // drought, behind, on_track, no_target, achieved; an older row without status by its drought
    // flag, else last; within a status the lowest progress first (none last), then owner, goal.
    List<RunData.Goal> goals =
        List.of(
            goal("a", "Zed", "achieved", 1.2, false),
            goal("b", "Zed", "no_target", null, false),
            goal("c", "Zed", "on_track", 0.5, false),
            goal("d", "Zed", "behind", 0.1, false),
            goal("e", "Zed", "drought", 0.0, true),
            goal("f", "Amy", null, null, false),
            goal("g", "Amy", null, null, true),
            goal("h", "Amy", "behind", 0.1, false),
            goal("i", "Amy", "behind", 0.05, false));
    assertThat(ReportContent.attentionFirst(goals))
        .extracting(RunData.Goal::goalId)
        .containsExactly("e", "g", "i", "h", "d", "c", "b", "a", "f");
  }

  @Test
  void goalIdsCarryingAnOwnersNameAreNeutralUnderNamesNone() {
    List<RunData.Goal> goals =
        List.of(
            goal("g-ana-book", "Ana Pereira", null, null, false),
            goal("@press-tv", "Ben Okafor", null, null, false),
            goal("g-chloe-readers", "Chloé Martin", null, null, false),
            new RunData.Goal(
                "g-ben-partners",
                "Ben Okafor",
                "partners",
                1,
                0,
                0,
                0,
                1.0,
                false,
                "Two solution partners for the delivery team in the north region",
                "outcomes",
                null,
                null,
                null));
    List<String> owners = List.of("Ana Pereira", "Ben Okafor", "Chloé Martin");
    // Goal numbers follow the ids in code-point order: @press-tv, g-ana-book, g-ben-partners,
    // g-chloe-readers.
    assertThat(ReportContent.goalLabels(goals, owners, "none"))
        .containsOnly(
            Map.entry("g-ana-book", "Goal 2"), Map.entry("@press-tv", "@press-tv"),
            Map.entry("g-chloe-readers", "Goal 4"),
                Map.entry("g-ben-partners", "Two solution partners for the delivery…"));
    assertThat(ReportContent.goalLabels(goals, owners, "full"))
        .containsEntry("g-ana-book", "g-ana-book")
        .containsEntry("g-chloe-readers", "g-chloe-readers");
  }

  @Test
  void ownersGivenAsEmailAddressesAppearAsPeopleAndLongNamesAreShortened() {
    Names full =
        Names.of(
            List.of(
                "ana.pereira@example.com",
                "Ben Okafor",
                "Maximiliana Alexandra Konstantinopoulou-Papadimitriou"),
            "full");
    assertThat(full.show("ana.pereira@example.com")).isEqualTo("ana.pereira");
    assertThat(full.show("Ben Okafor")).isEqualTo("Ben Okafor");
    // 53 characters: cut at 39; the last space (at 21) is not in the last third, so no word cut.
    assertThat(full.show("Maximiliana Alexandra Konstantinopoulou-Papadimitriou"))
        .isEqualTo("Maximiliana Alexandra Konstantinopoulou…");
    assertThat(Names.shorten("x".repeat(40))).isEqualTo("x".repeat(40));
    assertThat(Names.shorten("x".repeat(41))).isEqualTo("x".repeat(39) + "…");
    assertThat(Names.person("not-an-address@")).isEqualTo("not-an-address@");
    // An owner the pipeline hashed (an older run) is never shown as the hash.
    Names tagged =
        Names.of(List.of("<email:dd11d339028e77d3>", "<email:0a1b>", "Ben Okafor"), "full");
    assertThat(tagged.show("<email:0a1b>")).isEqualTo("Unnamed owner 1");
    assertThat(tagged.show("<email:dd11d339028e77d3>")).isEqualTo("Unnamed owner 2");
  }

  @Test
  void whyThereIsNoIncrementalEstimateIsSaidInPlainWords() {
    assertThat(ReportContent.plainReason("too_few_owner_months"))
        .isEqualTo(
            "the data hold fewer than 24 owner-months "
                + "(one person active in one month is one), too few to see how value moves when hours move; it needs more "
                + "months or more people");
    assertThat(ReportContent.plainReason("no_variation:EMBEDDED"))
        .isEqualTo(
            "nobody's EMBEDDED hours changed from "
                + "month to month, so there is no way to see what an extra hour of EMBEDDED work adds");
    assertThat(ReportContent.plainReason("solver_failed"))
        .isEqualTo("the estimate could not be made (solver_failed)");
  }

  @Test
  void theDifferenceBetweenTheTwoLiftsIsOnePlainSentence() {
    RunData.Lift inc = new RunData.Lift("incremental", 2.1, 1.2, 3.6, 30.5, 14.5);
    assertThat(ReportContent.meaning(new RunData.Lift("linear", 4.79, 3.4, 6.9, 91.0, 19.0), inc))
        .startsWith("Attribution gives goal-directed work more credit than it adds");
    assertThat(ReportContent.meaning(new RunData.Lift("linear", 1.1, 0.9, 1.3, 20.0, 18.0), inc))
        .startsWith("Attribution understates goal-directed work");
    assertThat(ReportContent.meaning(new RunData.Lift("linear", 2.5, 2.0, 3.0, 50.0, 20.0), inc))
        .isEqualTo(
            "The two agree: the attribution lift lies inside the estimate's 95% interval, so the credit "
                + "goal-directed work gets matches how value actually moved when people's hours moved.");
    assertThat(
            ReportContent.meaning(
                new RunData.Lift("linear", 2.5, null, null, 50.0, 20.0),
                new RunData.Lift("incremental", 2.1, null, null, 30.5, 14.5)))
        .isEqualTo(
            "The incrementality estimate has no interval, so it cannot say whether the two differ by more than chance.");
    RunData.Lift unbounded = new RunData.Lift("incremental", 7.59, 0.0, null, 44.7, 5.9);
    assertThat(
            ReportContent.meaning(
                new RunData.Lift("linear", 4.94, 3.27, 8.72, 40.9, 8.3), unbounded))
        .isEqualTo(
            "The incrementality estimate's 95% interval runs from 0.00 with no upper end: the data cannot "
                + "yet tell how much goal-directed hours add, so the attribution lift is neither confirmed nor "
                + "contradicted. More people or more months in which the mix of work changes would narrow it.");
    assertThat(
            ReportContent.meaning(
                new RunData.Lift("linear", 1.5, 1.2, 1.8, 20.0, 13.0),
                new RunData.Lift("incremental", 4.0, 2.0, null, 40.0, 10.0)))
        .startsWith("Attribution understates goal-directed work");
  }

  @Test
  void incrementalIsNotAnAttributionModelForTheHeadline() {
    RunData data =
        run(
            List.of(),
            List.of(
                new RunData.Lift("linear", 2.0, 1.0, 3.0, 4.0, 2.0),
                new RunData.Lift("incremental", 1.5, 1.0, 2.0, 3.0, 2.0)));
    assertThatThrownBy(
            () ->
                ReportContent.build(
                    data, new ReportOptions(Path.of("o"), DATE, "incremental", "A4", "full")))
        .isInstanceOf(ReportException.class)
        .hasMessage(
            "model 'incremental' is the incrementality estimate, not an attribution model; choose one of: linear");
  }

  @Test
  void anEstimateWithAReasonSaysWhyInsteadOfShowingNumbers() {
    RunData.RunManifest m =
        new RunData.RunManifest("ok", List.of(), 0, 0, 0, 0, List.of(), List.of(), Map.of());
    List<RunData.IncrementalRow> rows =
        RunData.CLASSES.stream()
            .map(
                c ->
                    new RunData.IncrementalRow(
                        c, null, null, null, null, null, null, "too_few_owner_months"))
            .toList();
    RunData data =
        new RunData(
            DATE,
            List.of(eff("Ann Lee", "DIRECTED", "linear", 4, 200)),
            List.of(),
            List.of(),
            List.of(
                new RunData.Lift("linear", 2.0, 1.5, 2.5, 4.0, 2.0),
                new RunData.Lift("incremental", null, null, null, null, null)),
            List.of(),
            List.of(),
            List.of(),
            m,
            new RunData.Extras(null, null, null, rows, List.of()));
    List<Block> blocks =
        ReportContent.build(data, new ReportOptions(Path.of("out"), DATE, "linear", "A4", "full"));
    String reason =
        "the data hold fewer than 24 owner-months (one person active in one month is one), too few to "
            + "see how value moves when hours move; it needs more months or more people";
    assertThat(texts(blocks, Block.Kind.HEADLINE))
        .contains("There is no incremental estimate for this run: " + reason + ".");
    assertThat(texts(blocks, Block.Kind.TEXT))
        .anyMatch(
            t ->
                t.endsWith(
                    "There is no incrementality estimate for this "
                        + "run: "
                        + reason
                        + " (section 5, \u201CIs it real?\u201D)."));
    assertThat(texts(blocks, Block.Kind.TEXT))
        .contains("There is no what-if estimate for this run: " + reason + ".");
    // No response chart or table without numbers; the lift table has no "incremental" model row.
    assertThat(blocks).noneMatch(b -> b.kind() == Block.Kind.BAR_CHART);
    assertThat(blocks).extracting(Block::text).doesNotContain("Response per class");
    Block liftTable =
        blocks.stream()
            .filter(b -> b.text().startsWith("Lift under every model"))
            .findFirst()
            .orElseThrow();
    assertThat(liftTable.table().rows())
        .extracting(r -> r.cells().get(0))
        .containsExactly("linear (headline)");
  }

  @Test
  void followUpListsLongestUntouchedFirstAndHidesNamesAsAsked() {
    RunData.RunManifest m =
        new RunData.RunManifest("ok", List.of(), 0, 0, 0, 0, List.of(), List.of(), Map.of());
    List<RunData.FollowUp> rows = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rows.add(
          new RunData.FollowUp(
              "Ann Lee", "g1", "c-" + i, "Marta Rossi " + i, DATE.minusDays(60 + i), 60 + i));
    }
    RunData data =
        new RunData(
            DATE,
            List.of(eff("Ann Lee", "DIRECTED", "linear", 4, 200)),
            List.of(),
            List.of(),
            List.of(new RunData.Lift("linear", 2.0, null, null, 4.0, 2.0)),
            List.of(
                new RunData.Goal(
                    "g1",
                    "Ann Lee",
                    "speaking",
                    10,
                    2,
                    100,
                    1,
                    4.0,
                    false,
                    "Keynotes",
                    "outcomes",
                    0.5,
                    "on_track",
                    null)),
            List.of(),
            List.of(),
            m,
            new RunData.Extras(null, null, rows, null, null));
    // 7 contacts: the 5 untouched longest (66..62 days), then "and 2 more".
    assertThat(
            texts(
                ReportContent.build(
                    data, new ReportOptions(Path.of("o"), DATE, "linear", "A4", "full")),
                Block.Kind.TEXT))
        .contains(
            "Follow up with (on converting paths of your active goals, not touched for 60+ "
                + "days): Marta Rossi 6 (Keynotes, 66 days); Marta Rossi 5 (Keynotes, 65 days); Marta Rossi 4 (Keynotes, 64 "
                + "days); Marta Rossi 3 (Keynotes, 63 days); Marta Rossi 2 (Keynotes, 62 days); and 2 more.");
    assertThat(
            texts(
                ReportContent.build(
                    data, new ReportOptions(Path.of("o"), DATE, "linear", "A4", "initials")),
                Block.Kind.TEXT))
        .anyMatch(t -> t.contains("): M.R.6. (Keynotes, 66 days); M.R.5. (Keynotes, 65 days);"));
    assertThat(
            texts(
                ReportContent.build(
                    data, new ReportOptions(Path.of("o"), DATE, "linear", "A4", "none")),
                Block.Kind.TEXT))
        .anyMatch(
            t -> t.contains("): contact c-6 (Keynotes, 66 days); contact c-5 (Keynotes, 65 days);"))
        .noneMatch(t -> t.contains("Marta"));
  }
}
