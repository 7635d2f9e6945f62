package dev.wellspring.bench.render;

import dev.wellspring.report.Block;
import dev.wellspring.report.JasperRenderer;
import dev.wellspring.report.ReportContent;
import dev.wellspring.report.ReportOptions;
import dev.wellspring.report.RunData;
import dev.wellspring.report.Timed;
import dev.wellspring.report.io.RunInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Time of the report for a synthetic run of many owners (default 50), measured two ways, with the
 * machine and its load printed beside the figures. Not a unit test: run it by hand (see
 * benchmarks/README.md).
 *
 * <ol>
 *   <li><b>End to end</b>, what a user waits for: a fresh child JVM started the way the pipeline's
 *       ReportLauncher starts it (same JVM flags), from process start to exit; the child also
 *       reports its own CPU time. Done with the launcher's flags and with none, for comparison.
 *   <li><b>In-JVM</b>: the phases of a render (read CSVs, build content, load templates, fill,
 *       export) in this JVM, first cold, then warm.
 * </ol>
 *
 * <pre>RenderBenchmark [owners] [child runs] [warm repetitions]</pre>
 */
public final class RenderBenchmark {
  /** Keep equal to ReportLauncher.JVM_FLAGS in the jobs module (not a dependency of this one). */
  static final List<String> LAUNCHER_FLAGS =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:+UseSerialGC",
          "-Xmx1g",
          "-XX:MetaspaceSize=128m",
          "-Djava.awt.headless=true",
          "-Xlog:cds=off,cds+dynamic=off");

  /**
   * The report as installed: the module's jar and its lib folder (run {@code mvn package} first).
   */
  static final String INSTALLED =
      "target/wellspring-reports.jar" + java.io.File.pathSeparator + "target/lib/*";

  private static final String DATE = "2026-01-31";

  private RenderBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int owners = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int children = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path out = Files.createTempDirectory("wellspring-bench");
    RunGenerator.write(out, DATE, owners, 42);
    System.out.printf(
        "machine: %d cores, %s; load average at start %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage());
    System.out.printf(
        "jvm: %s %s (%s)%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("os.arch"));
    System.out.printf("owners: %d, effectiveness rows: %d%n", owners, owners * 3 * 12 * 7);
    // The child runs from jars, as ReportLauncher starts it: class data sharing takes jars only.
    if (!Files.isRegularFile(Path.of("target/wellspring-reports.jar"))) {
      throw new IllegalStateException(
          "run from reports/ after mvn package: target/wellspring-reports.jar is missing");
    }
    String cp = INSTALLED + java.io.File.pathSeparator + childJar(out);
    Path archive = out.resolve(".wellspring").resolve("report-classes.jsa");
    Files.createDirectories(archive.getParent());
    child(
        out,
        cp,
        with(LAUNCHER_FLAGS, "-XX:ArchiveClassesAtExit=" + archive),
        "launcher's flags, first run (writes the class archive)");
    for (int i = 0; i < children; i++) {
      child(
          out,
          cp,
          with(LAUNCHER_FLAGS, "-XX:SharedArchiveFile=" + archive),
          "launcher's flags + class archive");
    }
    for (int i = 0; i < children; i++) {
      child(out, cp, LAUNCHER_FLAGS, "launcher's flags, no class archive");
    }
    child(out, cp, List.of("-Djava.awt.headless=true"), "default flags");
    phases(out, "cold");
    for (int i = 0; i < warm; i++) {
      phases(out, "warm");
    }
    System.out.printf("load average at end: %s%n", loadAverage());
  }

  private static List<String> with(List<String> flags, String flag) {
    List<String> all = new ArrayList<>(flags);
    all.add(flag);
    return all;
  }

  /** {@link BenchChild} packed as a jar in {@code dir} (CDS archives classes from jars only). */
  private static String childJar(Path dir) throws IOException {
    Path jar = dir.resolve("bench-child.jar");
    String name = BenchChild.class.getName().replace('.', '/') + ".class";
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        var in = RenderBenchmark.class.getClassLoader().getResourceAsStream(name)) {
      out.putNextEntry(new java.util.jar.JarEntry(name));
      in.transferTo(out);
      out.closeEntry();
    }
    return jar.toString();
  }

  /** One report in a fresh JVM, as ReportLauncher runs it. */
  private static void child(Path out, String cp, List<String> flags, String label)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.addAll(
        List.of(
            "-cp",
            cp,
            BenchChild.class.getName(),
            "--output",
            out.toString(),
            "--run-date",
            DATE,
            "--paper",
            "A4"));
    String load = loadAverage();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exit = p.waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("child report failed with exit code " + exit + ": " + said);
    }
    Path pdf = out.resolve("reports").resolve(DATE).resolve("effectiveness.pdf");
    System.out.printf(
        "end to end, child JVM, %s: %.2f s wall; %s; %,d bytes; load %s%n",
        label, wall, said.substring(said.lastIndexOf('\n') + 1), Files.size(pdf), load);
  }

  /** One render split into its phases, wall and process CPU time each. */
  private static void phases(Path out, String label) {
    LocalDate date = LocalDate.parse(DATE);
    List<long[]> marks = new ArrayList<>();
    marks.add(mark());
    RunData data = RunInputs.read(out, date);
    marks.add(mark());
    ReportOptions options = new ReportOptions(out, date, "linear", "A4", "full");
    List<Block> blocks = ReportContent.build(data, options);
    marks.add(mark());
    JasperRenderer renderer = JasperRenderer.compile("A4");
    marks.add(mark());
    int[] pages = new int[1];
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    Timed.fillAndExport(renderer, blocks, pdf, pages, marks);
    StringBuilder line = new StringBuilder(label + " in-JVM: ");
    List<String> names = List.of("read", "content", "templates", "fill", "export");
    for (int i = 0; i < names.size(); i++) {
      line.append(
          String.format(
              "%s %.2f/%.2f, ",
              names.get(i),
              (marks.get(i + 1)[0] - marks.get(i)[0]) / 1e9,
              (marks.get(i + 1)[1] - marks.get(i)[1]) / 1e9));
    }
    long[] first = marks.get(0);
    long[] last = marks.get(marks.size() - 1);
    line.append(
        String.format(
            "total %.2f s wall / %.2f s CPU; %d pages, %,d bytes",
            (last[0] - first[0]) / 1e9, (last[1] - first[1]) / 1e9, pages[0], pdf.size()));
    System.out.println(line + "  (phase wall/CPU in s)");
  }

  /** Wall and process CPU time now, in ns. */
  public static long[] mark() {
    return new long[] {System.nanoTime(), processCpuNanos()};
  }

  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU (no /proc/cpuinfo)";
    }
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return String.join(" ", Arrays.copyOf(f, 3));
    } catch (IOException e) {
      return "n/a";
    }
  }
}
