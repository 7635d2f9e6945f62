package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.io.RunLock;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk during a run, on a small tmpfs (mounting needs root; without it the test is skipped
 * and says why): one line on the terminal naming the output folder and "no space left on device",
 * exit 1, no stack trace there, the final manifest {@code failed} with the cause, the lock free,
 * and the run date exactly as the previous run published it.
 */
@ExtendWith(SparkExtension.class)
class FullDiskTest {
  @TempDir Path tmp;

  @Test
  void aFullDiskEndsInOneLineAFailedManifestAndThePreviousRunDateIntact() throws Exception {
    Path disk = tmp.resolve("disk");
    Files.createDirectories(disk);
    String mounted = exec("mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", disk.toString());
    Assumptions.assumeTrue(
        mounted == null, "cannot mount a tmpfs here (needs root and mount permission): " + mounted);
    try {
      Path small = tmp.resolve("in-small");
      Path large = tmp.resolve("in-large");
      HardeningInputs.write(small, 60);
      HardeningInputs.write(large, 80);
      Path out = disk.resolve("out");
      assertThat(RunFailureTest.run(small, out).exit())
          .as("the run before the disk fills")
          .isZero();
      Map<String, String> previous = NightlyChild.logical(out);

      Path filler = disk.resolve("filler");
      fill(filler, Files.getFileStore(disk).getUsableSpace() - 8 * 1024);
      RunFailureTest.Result r = RunFailureTest.run(large, out);
      Files.delete(filler);

      assertThat(r.exit()).as("exit code on a full disk; stderr:%n%s", r.stderr()).isEqualTo(1);
      List<String> errors =
          r.stderr()
              .lines()
              // Every line starts with its UTC time (Progress).
              .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ", ""))
              .filter(l -> l.startsWith("wellspring: error:"))
              .toList();
      assertThat(errors).as("stderr:%n%s", r.stderr()).hasSize(1);
      assertThat(errors.get(0))
          .startsWith("wellspring: error: cannot write " + out)
          .contains(": no space left on device");
      assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
      JsonNode m = RunFailureTest.manifest(out);
      assertThat(m.get("status").asText()).isEqualTo("failed");
      assertThat(m.get("message").asText()).contains("no space left on device");
      try (RunLock lock = RunLock.acquire(out)) {
        assertThat(lock.tookOverStaleLock()).as("the lock was released").isNull();
      }
      assertThat(NightlyChild.logical(out))
          .as("the run date after the full disk")
          .isEqualTo(previous);
    } finally {
      // Lazy: detached at once even while Spark still holds a file of it open.
      exec("umount", "-l", disk.toString());
    }
  }

  @Test
  void aReadOnlyOutputFolderIsOneLineAndExitTwo() throws Exception {
    Path disk = tmp.resolve("ro");
    Files.createDirectories(disk);
    String mounted = exec("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk.toString());
    Assumptions.assumeTrue(
        mounted == null, "cannot mount a tmpfs here (needs root and mount permission): " + mounted);
    try {
      Path out = disk.resolve("out");
      Files.createDirectories(out);
      assertThat(exec("mount", "-o", "remount,ro", disk.toString()))
          .as("remount read-only")
          .isNull();
      Path in = tmp.resolve("in");
      HardeningInputs.write(in, 10);
      RunFailureTest.Result r = RunFailureTest.run(in, out);
      List<String> errors =
          r.stderr()
              .lines()
              .map(l -> l.replaceFirst("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ ", ""))
              .filter(l -> l.startsWith("wellspring: error:"))
              .toList();
      assertThat(r.exit())
          .as("exit code on a read-only folder; stderr:%n%s", r.stderr())
          .isEqualTo(2);
      assertThat(errors)
          .as("stderr:%n%s", r.stderr())
          .containsExactly(
              "wellspring: error: cannot write "
                  + out.resolve(".wellspring.lock")
                  + ": read-only file system");
      assertThat(r.stderr()).doesNotContain("\tat ").doesNotContain("Exception");
    } finally {
      exec("umount", "-l", disk.toString());
    }
  }

  /**
   * Writes {@code bytes} of zeros (tmpfs keeps them in memory pages), or until the disk is full.
   */
  private static void fill(Path file, long bytes) throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream o = Files.newOutputStream(file)) {
      for (long left = bytes; left > 0; left -= block.length) {
        o.write(block, 0, (int) Math.min(block.length, left));
      }
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("No space left")) {
        throw e;
      }
    }
  }

  /** Runs a command; null when it succeeded, else its output. */
  private static String exec(String... command) throws Exception {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0
          ? null
          : "'" + String.join(" ", command) + "' exited " + p.exitValue() + ": " + text;
    } catch (IOException e) {
      return String.join(" ", command) + ": " + e.getMessage();
    }
  }
}
