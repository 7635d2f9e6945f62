package dev.wellspring.io.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wellspring.WellspringException;
import dev.wellspring.ingest.InputCatalog;
import dev.wellspring.ingest.canonical.InputFile;
import dev.wellspring.ingest.vendor.ExportAdapters;
import dev.wellspring.ingest.vendor.VendorFile;
import dev.wellspring.testing.SparkExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A .zip in the input folder is a folder; anything unsafe about it is one line and exit 2. */
@ExtendWith(SparkExtension.class)
class ZipInputsTest {
  @TempDir Path tmp;

  private static void zip(Path file, Map<String, byte[]> entries) throws IOException {
    try (OutputStream os = Files.newOutputStream(file);
        ZipOutputStream z = new ZipOutputStream(os)) {
      for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aZipIsScannedLikeAFolderOfItsName() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    zip(
        in.resolve("export.zip"),
        Map.of(
            "Connections.csv",
                text("First Name,Last Name,Company,Position,Connected On\nA,B,C,D,01 Jan 2024\n"),
            "Profile.csv", text("First Name,Last Name,Headline\nA,B,C\n"),
            "nested/activities.csv",
                text("activity_id,owner,occurred_at,type\na1,o,2024-01-01,call\n")));
    InputCatalog c = InputCatalog.scan(in, ExportAdapters.all(), tmp.resolve("staging"));

    assertThat(c.vendorFiles())
        .extracting(VendorFile::name)
        .containsExactly("export.zip/Connections.csv");
    assertThat(c.files())
        .extracting(InputFile::name)
        .containsExactly("export.zip/nested/activities.csv");
    assertThat(c.unrecognised()).containsExactly("export.zip/Profile.csv");
    assertThat(Path.of(c.vendorFiles().get(0).path()))
        .startsWith(tmp.resolve("staging").toAbsolutePath());
    // Without a staging folder a zip stays a file nothing recognises.
    Files.writeString(in.resolve("activities.csv"), "activity_id,owner,occurred_at,type\n");
    assertThat(InputCatalog.scan(in, ExportAdapters.all()).unrecognised())
        .containsExactly("export.zip");
  }

  @Test
  void aBadZipStopsIngestWithExitTwoAndLeavesNoStaging() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(
        in.resolve("activities.csv"), "activity_id,owner,occurred_at,type\na1,o,2024-01-01,call\n");
    Files.write(in.resolve("export.zip"), text("PK\u0003\u0004 not really a zip"));
    Path out = tmp.resolve("out");
    int exit =
        dev.wellspring.cli.Main.run(
            "ingest",
            "--input",
            in.toString(),
            "--output",
            out.toString(),
            "--run-date",
            "2024-01-31",
            "--master",
            "local[2]");
    assertThat(exit).isEqualTo(2);
    try (java.util.stream.Stream<Path> files = Files.walk(out)) {
      assertThat(files.map(Path::toString).filter(p -> p.contains("archives"))).isEmpty();
    }
  }

  @Test
  void pathTraversalIsRefused() throws IOException {
    Path z = tmp.resolve("evil.zip");
    zip(z, Map.of("ok.csv", text("a\n"), "../../escape.csv", text("x\n")));
    assertThatThrownBy(() -> ZipInputs.extract(z, "in/evil.zip", tmp.resolve("out")))
        .isInstanceOf(WellspringException.class)
        .hasMessage("in/evil.zip: zip archive entry '../../escape.csv' points outside the archive")
        .extracting(e -> ((WellspringException) e).exitCode())
        .isEqualTo(2);
    assertThat(tmp.getParent().resolve("escape.csv")).doesNotExist();
  }

  @Test
  void aZipBombStopsAtTheByteBoundAndTooManyEntriesAtTheEntryBound() throws IOException {
    Path bomb = tmp.resolve("bomb.zip");
    // 8 MB of zeros compresses to a few KB; the bound here is 1 MB.
    zip(bomb, Map.of("zeros.csv", new byte[8 * 1024 * 1024]));
    assertThat(Files.size(bomb)).isLessThan(64 * 1024);
    assertThatThrownBy(
            () -> ZipInputs.extract(bomb, "bomb.zip", tmp.resolve("b"), 100, 1024 * 1024))
        .hasMessage(
            "bomb.zip: zip archive expands to more than 1048576 bytes (a zip bomb?); unzip it"
                + " yourself if it is genuine");
    Path many = tmp.resolve("many.zip");
    Map<String, byte[]> entries = new java.util.HashMap<>();
    for (int i = 0; i < 5; i++) {
      entries.put("f" + i + ".csv", text("a\n"));
    }
    zip(many, entries);
    assertThatThrownBy(() -> ZipInputs.extract(many, "many.zip", tmp.resolve("m"), 4, 1 << 20))
        .hasMessage("many.zip: zip archive holds 5 entries, more than the 4 allowed");
    assertThat(ZipInputs.extract(many, "many.zip", tmp.resolve("m5"), 5, 1 << 20)).hasSize(5);
  }

  @Test
  void corruptAndEncryptedArchivesAreOneClearLine() throws IOException {
    Path corrupt = tmp.resolve("corrupt.zip");
    Files.write(corrupt, text("PK\u0003\u0004 this is not really a zip"));
    assertThatThrownBy(() -> ZipInputs.extract(corrupt, "corrupt.zip", tmp.resolve("c")))
        .hasMessageStartingWith("corrupt.zip: zip archive is not a readable zip archive (");

    // A minimal archive whose one entry has the "encrypted" flag (bit 0) set, in both headers.
    Path plain = tmp.resolve("plain.zip");
    zip(plain, Map.of("secret.csv", text("a,b\n1,2\n")));
    byte[] bytes = Files.readAllBytes(plain);
    for (int i = 0; i + 4 < bytes.length; i++) {
      boolean local =
          bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4;
      boolean central =
          bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2;
      if (local) {
        bytes[i + 6] |= 1;
      } else if (central) {
        bytes[i + 8] |= 1;
      }
    }
    Path encrypted = tmp.resolve("encrypted.zip");
    Files.write(encrypted, bytes);
    assertThatThrownBy(() -> ZipInputs.extract(encrypted, "encrypted.zip", tmp.resolve("e")))
        .hasMessage(
            "encrypted.zip: zip archive is encrypted (password-protected); unzip it yourself and"
                + " put the files in the input folder");
  }
}
