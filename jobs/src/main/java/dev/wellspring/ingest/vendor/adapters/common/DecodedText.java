package dev.wellspring.ingest.vendor.adapters.common;

import dev.wellspring.ingest.vendor.adapters.RecordSink;
import dev.wellspring.io.input.InputFiles;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A vendor file's text. Exports are UTF-8 (often with a BOM), but a file that went through a
 * spreadsheet on Windows comes back as Windows-1252: such a file is decoded as Windows-1252 and the
 * sink gets a {@code windows_1252} warning on line 0, so the manifest shows it. A file that starts
 * with a UTF-16 byte-order mark (a spreadsheet's "Unicode text" export) is decoded as UTF-16, with
 * a {@code utf_16} warning.
 *
 * @param text the whole file, BOM removed, line endings as they were
 * @param charset the charset it was decoded with
 */
public record DecodedText(String text, Charset charset) {
  /** The reason under which a Windows-1252 fallback is reported to {@link RecordSink#warning}. */
  public static final String WINDOWS_1252 = "windows_1252";

  /** The reason under which a UTF-16 file (a spreadsheet's "Unicode text") is reported. */
  public static final String UTF_16 = "utf_16";

  /** Reads {@code file}, reporting a Windows-1252 fallback to {@code sink}. */
  public static DecodedText read(Path file, RecordSink sink) throws IOException {
    DecodedText decoded = decode(InputFiles.readAllBytes(file));
    if (decoded.charset().name().startsWith("UTF-16")) {
      sink.warning(0, UTF_16, file.getFileName().toString());
    } else if (!decoded.charset().equals(StandardCharsets.UTF_8)) {
      sink.warning(0, WINDOWS_1252, file.getFileName().toString());
    }
    return decoded;
  }

  /** Strict UTF-8 first ({@link VendorCsv#detectCharset}); else the whole file is Windows-1252. */
  public static DecodedText decode(byte[] bytes) {
    Charset charset = VendorCsv.detectCharset(bytes);
    return new DecodedText(VendorCsv.stripBom(new String(bytes, charset)), charset);
  }
}
