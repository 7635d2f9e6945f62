package dev.wellspring.io.input;

import dev.wellspring.WellspringException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A {@code .zip} in the input folder (LinkedIn's "Get a copy of your data" archive, Salesforce's
 * Data Export) is read like a folder of that name: its entries are extracted into the run's staging
 * folder and classified like any other file, named {@code <zip path>/<entry path>}.
 *
 * <p>Bounds, so a hostile or broken archive cannot fill the disk or hang the run: at most {@value
 * #MAX_ENTRIES} entries and {@value #MAX_TOTAL_BYTES} bytes uncompressed in all (counted while
 * extracting, not taken from the archive's own claims). Anything else stops the run with exit 2 and
 * one line naming the archive: more entries or bytes than that (a zip bomb), an encrypted
 * (password-protected) archive, a corrupt one, or an entry whose path leaves the archive ({@code
 * ../}, an absolute path). A zip inside the zip is extracted as a file and not opened (it is listed
 * as unrecognised).
 */
public final class ZipInputs {
  private ZipInputs() {}

  private static final String STAGE = "ingest";

  /** The most entries one archive may hold (a LinkedIn archive has about 80). */
  static final int MAX_ENTRIES = 10_000;

  /** The most bytes one archive may expand to: 4 GiB. */
  static final long MAX_TOTAL_BYTES = 4L * 1024 * 1024 * 1024;

  /** Whether a file name is an archive to open. */
  public static boolean isZip(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
  }

  /**
   * Extracts {@code zip} into {@code target} and returns the extracted files' paths relative to
   * {@code target}, '/'-separated, in the archive's order.
   *
   * @param name the archive's path relative to the input folder, for messages
   * @throws WellspringException exit 2 for an archive that is not safely readable
   */
  public static List<String> extract(Path zip, String name, Path target) {
    return extract(zip, name, target, MAX_ENTRIES, MAX_TOTAL_BYTES);
  }

  static List<String> extract(Path zip, String name, Path target, int maxEntries, long maxBytes) {
    List<String> out = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      if (file.size() > maxEntries) {
        throw refuse(
            name, "holds " + file.size() + " entries, more than the " + maxEntries + " allowed");
      }
      Path root = target.toAbsolutePath().normalize();
      Files.createDirectories(root);
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String entryName = entry.getName().replace('\\', '/');
        Path dest = root.resolve(entryName).normalize();
        if (entryName.startsWith("/")
            || entryName.matches("^[A-Za-z]:.*")
            || List.of(entryName.split("/")).contains("..")
            || !dest.startsWith(root)) {
          throw refuse(name, "entry '" + entryName + "' points outside the archive");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(dest);
          continue;
        }
        Files.createDirectories(dest.getParent());
        try (InputStream in = file.getInputStream(entry);
            OutputStream os = Files.newOutputStream(dest)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
              throw refuse(
                  name,
                  "expands to more than "
                      + maxBytes
                      + " bytes (a zip bomb?); unzip it yourself if it is genuine");
            }
            os.write(buffer, 0, n);
          }
        }
        out.add(root.relativize(dest).toString().replace('\\', '/'));
      }
    } catch (ZipException e) {
      String why = String.valueOf(e.getMessage());
      throw refuse(
          name,
          why.contains("encrypted")
              ? "is encrypted (password-protected); unzip it yourself and put the files in the input folder"
              : "is not a readable zip archive (" + why + ")");
    } catch (IOException e) {
      throw refuse(name, "cannot be extracted (" + e.getMessage() + ")");
    }
    return out;
  }

  private static WellspringException refuse(String name, String problem) {
    return WellspringException.unusable(STAGE, name + ": zip archive " + problem);
  }
}
