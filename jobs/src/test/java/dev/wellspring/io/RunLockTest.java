package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
  @TempDir Path out;

  @Test
  void aSecondRunOnTheSameFolderIsRefusedAtOnce() {
    try (RunLock first = RunLock.acquire(out)) {
      assertThat(first.tookOverStaleLock()).isNull();
      assertThatThrownBy(() -> RunLock.acquire(out))
          .isInstanceOf(WellspringException.class)
          .hasMessageContaining("another Wellspring run is writing to")
          .hasMessageContaining("pid " + ProcessHandle.current().pid())
          .satisfies(e -> assertThat(((WellspringException) e).exitCode()).isEqualTo(2));
    }
    try (RunLock again = RunLock.acquire(out)) {
      assertThat(again.tookOverStaleLock()).as("a released lock leaves no holder").isNull();
    }
  }

  @Test
  void aStaleLockFromADeadRunIsTakenOver() throws Exception {
    // What a SIGKILLed run leaves: the file with its holder text, but no OS lock.
    Files.writeString(
        out.resolve(RunLock.FILE), "pid 999999 on somewhere since 2026-01-01T00:00:00Z");
    try (RunLock lock = RunLock.acquire(out)) {
      assertThat(lock.tookOverStaleLock()).contains("pid 999999");
      assertThat(Files.readString(out.resolve(RunLock.FILE)))
          .contains("pid " + ProcessHandle.current().pid());
    }
  }
}
