package dev.wellspring.ingest;

import dev.wellspring.WellspringException;
import dev.wellspring.ingest.canonical.CsvText;
import dev.wellspring.ingest.canonical.InputFile;
import dev.wellspring.ingest.staging.Kind;
import dev.wellspring.ingest.vendor.VendorFile;
import dev.wellspring.ingest.vendor.adapters.ExportAdapter;
import dev.wellspring.ingest.vendor.adapters.common.VendorCsv;
import dev.wellspring.io.input.InputFiles;
import dev.wellspring.io.input.ZipInputs;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What the input folder holds: the files to read as each canonical kind, in a deterministic order,
 * and the files nothing recognises. Built on the driver from each file's first record only; the
 * records themselves are read inside Spark tasks.
 *
 * <p>A file that is neither named as a canonical kind nor carries a canonical header is offered to
 * the vendor adapters by its first {@value #VENDOR_SNIFF_LINES} lines (BOM removed, UTF-8 or else
 * Windows-1252, see {@link VendorCsv#firstLines}); the first adapter that recognises it reads it. A
 * {@code .ics} file goes the same way.
 *
 * @param files the canonical files to read, in file order ({@link InputFile#order()} is the index
 *     here)
 * @param vendorFiles the vendor exports to read, in file order ({@link VendorFile#order()} is the
 *     index here)
 * @param unrecognised relative paths of the skipped files, in file order
 * @param warnings what discovery skipped or doubted, one line each (special files, link loops, a
 *     folder named like a canonical file), for stderr and the manifest
 */
public record InputCatalog(
    List<InputFile> files,
    List<VendorFile> vendorFiles,
    List<String> unrecognised,
    List<String> warnings) {

  /** How many first lines an adapter sees to recognise its export. */
  public static final int VENDOR_SNIFF_LINES = 20;

  private static final String STAGE = "ingest";
  private static final int SNIFF_BYTES = 64 * 1024;
  private static final Pattern PART = Pattern.compile("(.*)-(\\d+)(\\.[^./]*)");

  public InputCatalog {
    files = List.copyOf(files);
    vendorFiles = List.copyOf(vendorFiles);
    unrecognised = List.copyOf(unrecognised);
    warnings = List.copyOf(warnings);
  }

  public InputCatalog(
      List<InputFile> files, List<VendorFile> vendorFiles, List<String> unrecognised) {
    this(files, vendorFiles, unrecognised, List.of());
  }

  /** The files of one kind, in file order. */
  public List<InputFile> filesOf(Kind kind) {
    return files.stream().filter(f -> f.kind() == kind).toList();
  }

  /**
   * Lists {@code inputDir} recursively and classifies every regular file.
   *
   * @param adapters vendor adapters, asked in order about files that are not canonical
   * @throws WellspringException exit 2 when the folder is missing, a file named as a kind is not
   *     CSV text or lacks required columns, or there is neither an activities file nor a vendor
   *     export
   */
  public static InputCatalog scan(Path inputDir, List<ExportAdapter> adapters) {
    return scan(inputDir, adapters, null);
  }

  /**
   * Like {@link #scan(Path, List)}, and a {@code .zip} is opened like a folder of its name: its
   * entries are extracted under {@code archives} (a staging folder; null leaves archives as files)
   * and classified like the folder's files ({@link ZipInputs}).
   */
  public static InputCatalog scan(Path inputDir, List<ExportAdapter> adapters, Path archives) {
    if (!InputFiles.isDirectory(inputDir)) {
      throw WellspringException.unusable(STAGE, inputDir + ": input folder not found");
    }
    List<String> warnings = new ArrayList<>();
    List<String> names = list(inputDir, warnings);
    List<String> expanded = new ArrayList<>();
    java.util.Map<String, Path> paths = new java.util.HashMap<>();
    for (String name : names) {
      if (archives != null && ZipInputs.isZip(name)) {
        Path target = archives.resolve(String.valueOf(expanded.size()));
        List<String> entries =
            new ArrayList<>(ZipInputs.extract(inputDir.resolve(name), name, target));
        entries.sort(FILE_ORDER);
        for (String entry : entries) {
          expanded.add(name + "/" + entry);
          paths.put(name + "/" + entry, target.resolve(entry));
        }
      } else if (archives != null && crOnly(inputDir.resolve(name))) {
        // Old Mac OS text: the record-start scan that splits files into tasks looks for LF, so
        // the file is read from a copy with each CR turned into LF (the same lines, numbered
        // alike; a CR inside a quoted field becomes a LF, a line break either way).
        Path copy = archives.resolve("cr-" + expanded.size()).resolve(name.replace('/', '_'));
        InputFiles.lfCopy(inputDir.resolve(name), copy);
        warnings.add(name + ": line ends are CR alone (old Mac OS text); read as line ends");
        expanded.add(name);
        paths.put(name, copy);
      } else {
        expanded.add(name);
        paths.put(name, inputDir.resolve(name));
      }
    }
    List<InputFile> files = new ArrayList<>();
    List<VendorFile> vendorFiles = new ArrayList<>();
    List<String> unrecognised = new ArrayList<>();
    for (String name : expanded) {
      Path path = paths.get(name);
      String base = name.substring(name.lastIndexOf('/') + 1);
      Kind named = Kind.byFileName(base);
      Header header = sniff(path);
      if (named != null) {
        if (header.problem() != null) {
          throw WellspringException.unusable(STAGE, name + ": " + header.problem());
        }
        List<String> missing = missing(named, header.columns());
        if (!missing.isEmpty()) {
          throw WellspringException.unusable(
              STAGE,
              name
                  + ": missing required column"
                  + (missing.size() > 1 ? "s " : " ")
                  + String.join(", ", missing));
        }
        files.add(new InputFile(path.toAbsolutePath().toString(), name, named, files.size()));
        continue;
      }
      Kind byHeader = header.problem() == null ? byHeader(header.columns()) : null;
      if (byHeader != null) {
        files.add(new InputFile(path.toAbsolutePath().toString(), name, byHeader, files.size()));
      } else {
        // A spreadsheet's "Unicode text" export (UTF-16 with its byte-order mark) has NUL bytes
        // but is text: the adapters read it.
        boolean text = !binary(header) || VendorCsv.startsWithUtf16Bom(path);
        ExportAdapter adapter = text ? recognise(path, adapters) : null;
        if (adapter != null) {
          vendorFiles.add(
              new VendorFile(path.toAbsolutePath().toString(), name, adapter, vendorFiles.size()));
        } else {
          unrecognised.add(name);
        }
      }
    }
    // Whether vendor exports hold activities is known only once they are read (IngestStage).
    if (vendorFiles.isEmpty() && files.stream().noneMatch(f -> f.kind() == Kind.ACTIVITIES)) {
      throw WellspringException.unusable(
          STAGE,
          inputDir
              + ": no activities (expected activities.csv or a CSV file with columns "
              + String.join(", ", Kind.ACTIVITIES.requiredColumns())
              + ")");
    }
    return new InputCatalog(files, vendorFiles, unrecognised, warnings);
  }

  /**
   * Every regular file under {@code inputDir}, relative, in file order. Symbolic links are followed
   * (to files and to folders, and {@code inputDir} itself may be one); a link that leads back into
   * a folder being listed is a loop, skipped with a warning. FIFOs, sockets and devices are refused
   * with a warning: reading a FIFO would block the run, and none of them is an export. A folder
   * named like a canonical file ({@code activities.csv/}) is listed like any folder, with a
   * warning, since the user probably meant the file.
   */
  private static List<String> list(Path inputDir, List<String> warnings) {
    List<String> names = InputFiles.list(inputDir, n -> Kind.byFileName(n) != null, warnings);
    names.sort(FILE_ORDER);
    return names;
  }

  private static boolean binary(Header header) {
    return header.problem() != null && header.problem().contains("binary");
  }

  /** The first adapter that recognises the file by its first lines, or null. */
  private static ExportAdapter recognise(Path path, List<ExportAdapter> adapters) {
    if (adapters.isEmpty()) {
      return null;
    }
    List<String> lines;
    try {
      lines = VendorCsv.firstLines(path, VENDOR_SNIFF_LINES);
    } catch (IOException e) {
      return null;
    }
    for (ExportAdapter a : adapters) {
      if (a.recognizes(lines)) {
        return a;
      }
    }
    return null;
  }

  /**
   * File order: by path, except that the parts of a file follow it: {@code activities.csv}, {@code
   * activities-0001.csv}, {@code activities-0002.csv} (plain string order would put the parts
   * first, since '-' sorts before '.').
   */
  static final Comparator<String> FILE_ORDER =
      Comparator.comparing(InputCatalog::partBase)
          .thenComparingLong(InputCatalog::partNumber)
          .thenComparing(Comparator.naturalOrder());

  private static String partBase(String name) {
    Matcher m = PART.matcher(name);
    return m.matches() ? m.group(1) + m.group(3) : name;
  }

  private static long partNumber(String name) {
    Matcher m = PART.matcher(name);
    if (!m.matches()) {
      return -1;
    }
    String digits = m.group(2);
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  private static Kind byHeader(List<String> columns) {
    // Activities first: it is the kind a vendor-looking file most likely is.
    for (Kind k : List.of(Kind.ACTIVITIES, Kind.OUTCOMES, Kind.GOALS, Kind.CONTACTS)) {
      if (missing(k, columns).isEmpty()) {
        return k;
      }
    }
    return null;
  }

  private static List<String> missing(Kind kind, List<String> columns) {
    return kind.requiredColumns().stream().filter(c -> !columns.contains(c)).toList();
  }

  /** Whether a file's first bytes hold CR line ends and no LF (old Mac OS text). */
  static boolean crOnly(Path path) {
    byte[] head;
    try (InputStream in = InputFiles.open(path)) {
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      return false; // sniff names the problem
    }
    boolean cr = false;
    for (byte b : head) {
      if (b == '\n') {
        return false;
      }
      cr |= b == '\r';
    }
    return cr;
  }

  /** A file's header columns, or why it has none. */
  record Header(List<String> columns, String problem) {}

  /** Reads the first record of a file: the header, if it is UTF-8 CSV text. */
  static Header sniff(Path path) {
    byte[] head;
    long size;
    try (InputStream in = InputFiles.open(path)) {
      size = InputFiles.size(path);
      head = in.readNBytes(SNIFF_BYTES);
    } catch (IOException e) {
      return new Header(List.of(), "cannot be read (" + e.getMessage() + ")");
    }
    int len = head.length;
    if (len >= 2
        && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
            || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
      return new Header(
          List.of(), "not a CSV text file (UTF-16 with a byte-order mark; save it as UTF-8)");
    }
    boolean lf = false;
    boolean cr = false;
    for (int i = 0; i < len; i++) {
      lf |= head[i] == '\n';
      cr |= head[i] == '\r';
    }
    if (cr && !lf) {
      return new Header(
          List.of(), "line ends are CR alone (old Mac OS text); save it with LF or CRLF line ends");
    }
    for (int i = 0; i < len; i++) {
      if (head[i] == 0) {
        return new Header(List.of(), "not a CSV text file (binary content)");
      }
    }
    if (size > len) {
      // Cut at the last line end so a multi-byte character is never split.
      while (len > 0 && head[len - 1] != '\n') {
        len--;
      }
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(head, 0, len))
              .toString();
    } catch (CharacterCodingException e) {
      return new Header(List.of(), "not a CSV text file (not UTF-8)");
    }
    try (CSVParser p =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(CsvText.FORMAT).get()) {
      for (CSVRecord r : p) {
        List<String> columns = CsvText.columnNames(r);
        if (columns.stream().anyMatch(c -> !c.isEmpty())) {
          return new Header(columns, null);
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Header(List.of(), "not a CSV text file (" + e.getMessage() + ")");
    }
    return new Header(List.of(), "empty file (no header line)");
  }
}
