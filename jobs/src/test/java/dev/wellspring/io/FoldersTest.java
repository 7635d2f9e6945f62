package dev.wellspring.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small file questions and writes that code outside io asks io for. */
class FoldersTest {
  @TempDir Path tmp;

  @Test
  void sizeInBytesSumsEveryFileUnderTheFolder() throws Exception {
    Files.writeString(tmp.resolve("a.csv"), "abc");
    Files.createDirectories(tmp.resolve("sub/deeper"));
    Files.writeString(tmp.resolve("sub/deeper/b.csv"), "hello");

    // 3 + 5 bytes; the folders themselves count nothing.
    assertThat(Folders.sizeInBytes(tmp.toString())).isEqualTo(8);
  }

  @Test
  void sizeInBytesIsZeroForNoFolder() throws Exception {
    Path file = Files.writeString(tmp.resolve("a.csv"), "abc");

    assertThat(Folders.sizeInBytes(null)).isZero();
    assertThat(Folders.sizeInBytes(tmp.resolve("missing").toString())).isZero();
    assertThat(Folders.sizeInBytes(file.toString())).as("a file, not a folder").isZero();
  }

  @Test
  void createParentsMakesTheFileFolderOnly() throws Exception {
    Path file = tmp.resolve("runs/2026/x.log");

    Folders.createParents(file);

    assertThat(Folders.isFolder(tmp.resolve("runs/2026"))).isTrue();
    assertThat(Folders.exists(file)).isFalse();
  }

  @Test
  void appendAddsToTheEndAndCreatesTheFile() throws Exception {
    Path file = tmp.resolve("x.log");

    TextFiles.append(file, "one\n");
    TextFiles.append(file, "twö\n");

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("one\ntwö\n");
  }
}
