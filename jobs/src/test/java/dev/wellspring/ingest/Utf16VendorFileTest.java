package dev.wellspring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.ingest.vendor.ExportAdapters;
import dev.wellspring.ingest.vendor.adapters.crm.Fixtures;
import dev.wellspring.ingest.vendor.adapters.crm.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spreadsheet's "Unicode text" save (Excel: Save As → Unicode Text): UTF-16 little-endian with a
 * byte-order mark, tab-separated. Its NUL bytes must not make it "binary": it is offered to the
 * adapters and read, with a {@code utf_16} warning (issue 22).
 */
class Utf16VendorFileTest {
  @TempDir Path tmp;

  private Path unicodeText(String name, Charset charset, byte[] bom) throws Exception {
    String csv = Files.readString(Fixtures.file("vendor/one-owner/google-contacts.csv"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(bom);
    bytes.write(csv.replace(',', '\t').replace("\n", "\r\n").getBytes(charset));
    Path in = Files.createDirectories(tmp.resolve("in"));
    return Files.write(in.resolve(name), bytes.toByteArray());
  }

  @Test
  void aUtf16TabSeparatedExportIsRecognisedAndRead() throws Exception {
    Path le =
        unicodeText(
            "contacts-le.txt", StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE});
    Path be =
        unicodeText(
            "contacts-be.txt", StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});
    assertThat(Files.readAllBytes(le)).contains((byte) 0);

    InputCatalog c = InputCatalog.scan(le.getParent(), ExportAdapters.all());
    assertThat(c.unrecognised()).isEmpty();
    assertThat(c.vendorFiles())
        .extracting(f -> f.name() + "=" + f.adapter().name())
        .containsExactly("contacts-be.txt=google.contacts", "contacts-le.txt=google.contacts");

    for (Path file : new Path[] {le, be}) {
      RecordingSink sink = new RecordingSink();
      c.vendorFiles().get(0).adapter().read(file, Fixtures.context(null), sink);
      assertThat(sink.byId("contact_id").values())
          .extracting(f -> f.get("full_name") + " <" + f.get("email") + ">")
          .containsExactly(
              "Alex Rivera <alex@rivera.example>", "Priya Raman <priya.raman@northwind.example>");
      assertThat(sink.rejected).isEmpty();
      assertThat(sink.warnings).containsExactly("0:utf_16:" + file.getFileName());
    }
  }
}
