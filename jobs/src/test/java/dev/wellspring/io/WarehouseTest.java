package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
  @TempDir Path out;

  @Test
  void publishReplacesTheTargetAndLeavesNoStagingBehind() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path target = out.resolve("reports/2026-01-31");
    Path s1 = wh.newStagingDir("r");
    Files.writeString(s1.resolve("a.csv"), "v1");
    wh.publish(s1, target);
    Path s2 = wh.newStagingDir("r");
    Files.writeString(s2.resolve("a.csv"), "v2");
    wh.publish(s2, target);
    assertThat(Files.readString(target.resolve("a.csv"))).isEqualTo("v2");
    assertThat(Files.exists(out.resolve(".trash"))).isTrue();
    try (var s = Files.list(out.resolve(".trash"))) {
      assertThat(s).as("the replaced version is deleted after the move").isEmpty();
    }
  }

  @Test
  void recoverRestoresAVersionParkedByARunThatDiedBetweenTheMoves() throws Exception {
    Warehouse wh = new Warehouse(out);
    // State after "move old to .trash" and before "move new into place": target missing.
    Path parked = out.resolve(".trash/batch-1/warehouse/credits/run_date=2026-01-31");
    Files.createDirectories(parked);
    Files.writeString(parked.resolve("part-0.parquet"), "old");
    Path staging = wh.newStagingDir("credits");
    Files.writeString(staging.resolve("junk"), "half-written");
    wh.recover();
    Path target = out.resolve("warehouse/credits/run_date=2026-01-31/part-0.parquet");
    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(Files.exists(out.resolve(".staging"))).isFalse();
    assertThat(Files.exists(out.resolve(".trash/batch-1"))).isFalse();
  }

  @Test
  void recoverDropsAParkedVersionWhenTheNewOneIsInPlace() throws Exception {
    Warehouse wh = new Warehouse(out);
    Path parked = out.resolve(".trash/b/reports/2026-01-31");
    Files.createDirectories(parked);
    Files.writeString(parked.resolve("a.csv"), "old");
    Path target = out.resolve("reports/2026-01-31");
    Files.createDirectories(target);
    Files.writeString(target.resolve("a.csv"), "new");
    wh.recover();
    assertThat(Files.readString(target.resolve("a.csv"))).isEqualTo("new");
    assertThat(Files.exists(out.resolve(".trash/b"))).isFalse();
  }
}
