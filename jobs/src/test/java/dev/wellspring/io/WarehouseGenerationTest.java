package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run date published as one generation: {@link Warehouse#begin}, {@link Warehouse#commit}. */
class WarehouseGenerationTest {
  static final LocalDate D = LocalDate.of(2026, 1, 31);

  @TempDir Path out;

  private static void stage(Warehouse wh, Path target, String file, String text) throws Exception {
    Path s = wh.newStagingDir("t");
    Files.writeString(s.resolve(file), text);
    wh.publish(s, target);
  }

  @Test
  void nothingIsVisibleBeforeTheCommitAndEverythingAfterIt() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path credits = wh.tableDir("credits", D);
    Path reports = wh.reportsDir(D);
    wh.begin(D);
    stage(wh, credits, "part-0.parquet", "credits v1");
    stage(wh, reports, "lift.csv", "lift v1");
    assertThat(credits).as("staged, not published").doesNotExist();
    assertThat(wh.readDir("credits", D))
        .as("the run itself reads its staged table")
        .isEqualTo(wh.generation().resolve("warehouse/credits/run_date=" + D));
    wh.commit();
    assertThat(Files.readString(credits.resolve("part-0.parquet"))).isEqualTo("credits v1");
    assertThat(Files.readString(reports.resolve("lift.csv"))).isEqualTo("lift v1");
    assertThat(Files.isSymbolicLink(credits))
        .as("the public path is a link through current")
        .isTrue();
    assertThat(wh.generation()).isNull();
  }

  @Test
  void aSecondRunReplacesWhatItWroteCarriesOverTheRestAndDropsTheOldGeneration() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path credits = wh.tableDir("credits", D);
    Path touchpoints = wh.tableDir("touchpoints", D);
    wh.begin(D);
    stage(wh, credits, "part-0.parquet", "credits v1");
    stage(wh, touchpoints, "part-0.parquet", "touchpoints v1");
    wh.commit();
    Path first = Files.readSymbolicLink(wh.currentLink(D));

    // A stage run alone: only credits is new.
    wh.begin(D);
    stage(wh, credits, "part-0.parquet", "credits v2");
    assertThat(Files.readString(credits.resolve("part-0.parquet")))
        .as("before the commit")
        .isEqualTo("credits v1");
    wh.commit();
    assertThat(Files.readString(credits.resolve("part-0.parquet"))).isEqualTo("credits v2");
    assertThat(Files.readString(touchpoints.resolve("part-0.parquet"))).isEqualTo("touchpoints v1");
    assertThat(Files.readSymbolicLink(wh.currentLink(D))).isNotEqualTo(first);
    assertThat(wh.currentLink(D).resolveSibling(first))
        .as("the previous generation")
        .doesNotExist();
    Object inode = Files.getAttribute(touchpoints.resolve("part-0.parquet"), "unix:nlink");
    assertThat(inode)
        .as("carried over by a hard link (one link left once the old one is gone)")
        .isEqualTo(1);
  }

  @Test
  void anAbandonedGenerationLeavesThePublishedDateAsItWas() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path credits = wh.tableDir("credits", D);
    wh.begin(D);
    stage(wh, credits, "part-0.parquet", "v1");
    wh.commit();
    wh.begin(D);
    stage(wh, credits, "part-0.parquet", "v2");
    Path unpublished = wh.generation();
    wh.abandon();
    assertThat(unpublished).doesNotExist();
    assertThat(Files.readString(credits.resolve("part-0.parquet"))).isEqualTo("v1");
  }

  @Test
  void recoverRemovesTheGenerationOfARunThatDiedAndHalfMadeLinks() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path credits = wh.tableDir("credits", D);
    wh.begin(D);
    stage(wh, credits, "part-0.parquet", "v1");
    wh.commit();
    // A run that died before its switch: its generation, a half-made link, and a public link to a
    // unit only it had (dangling, since current does not have it).
    wh.begin(D);
    Path dead = wh.generation();
    stage(wh, wh.tableDir("lift", D), "part-0.parquet", "lift of the dead run");
    Path lift = wh.tableDir("lift", D);
    Files.createDirectories(lift.getParent());
    Files.createSymbolicLink(
        lift,
        lift.getParent().relativize(wh.currentLink(D).resolve("warehouse/lift/run_date=" + D)));
    Files.createSymbolicLink(wh.currentLink(D).resolveSibling("current.tmp-x"), dead.getFileName());
    Warehouse fresh = new Warehouse(out);
    fresh.recover();
    assertThat(dead).doesNotExist();
    assertThat(wh.currentLink(D).resolveSibling("current.tmp-x")).doesNotExist();
    assertThat(Files.exists(lift, java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .as("dangling link removed")
        .isFalse();
    assertThat(Files.readString(credits.resolve("part-0.parquet"))).isEqualTo("v1");
    try (Stream<Path> s = Files.list(wh.currentLink(D).getParent())) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("g-")).count())
          .isEqualTo(1);
    }
  }

  @Test
  void aFolderOfTheLayoutBeforeGenerationsIsCarriedOverAndReplacedByALink() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path goals = wh.tableDir("goals", D);
    Files.createDirectories(goals);
    Files.writeString(goals.resolve("part-0.parquet"), "goals of an older version");
    Path credits = wh.tableDir("credits", D);
    Files.createDirectories(credits);
    Files.writeString(credits.resolve("part-0.parquet"), "old credits");
    wh.begin(D);
    stage(wh, credits, "part-0.parquet", "new credits");
    wh.commit();
    assertThat(Files.isSymbolicLink(goals)).isTrue();
    assertThat(Files.readString(goals.resolve("part-0.parquet")))
        .isEqualTo("goals of an older version");
    assertThat(Files.readString(credits.resolve("part-0.parquet"))).isEqualTo("new credits");
    assertThat(out.resolve(".trash")).isEmptyDirectory();
  }

  @Test
  void theReportWorksOnACopyOfThePublishedExports() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path reports = wh.reportsDir(D);
    wh.begin(D);
    stage(wh, reports, "lift.csv", "lift");
    wh.commit();
    wh.begin(D);
    Path copy = wh.stageCopy(reports);
    Files.writeString(copy.resolve("effectiveness.pdf"), "pdf");
    assertThat(reports.resolve("effectiveness.pdf")).as("not published yet").doesNotExist();
    wh.commit();
    assertThat(Files.readString(reports.resolve("effectiveness.pdf"))).isEqualTo("pdf");
    assertThat(Files.readString(reports.resolve("lift.csv"))).isEqualTo("lift");
  }
}
