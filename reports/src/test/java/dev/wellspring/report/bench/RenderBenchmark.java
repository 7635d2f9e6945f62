package dev.wellspring.report.bench;

import dev.wellspring.report.Block;
import dev.wellspring.report.JasperRenderer;
import dev.wellspring.report.ReportContent;
import dev.wellspring.report.ReportMain;
import dev.wellspring.report.ReportOptions;
import dev.wellspring.report.RunData;
import dev.wellspring.report.Timed;
import dev.wellspring.report.io.RunInputs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
 * reports/README.md).
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
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx1g", "-Djava.awt.headless=true");

  private static final String DATE = "2026-01-31";

  private RenderBenchmark() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int owners = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int children = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int warm = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path out = Files.createTempDirectory("wellspring-bench");
    RunGenerator.write(out, DATE, owners, 42);
    System.out.printf("machine: %d cores, %s; load average at start %s%n",
        Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage());
    System.out.printf("jvm: %s %s (%s)%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("os.arch"));
    System.out.printf("owners: %d, effectiveness rows: %d%n", owners, owners * 3 * 12 * 7);
    for (List<String> flags : List.of(LAUNCHER_FLAGS, List.of("-Djava.awt.headless=true"))) {
      for (int i = 0; i < children; i++) {
        child(out, flags);
      }
    }
    phases(out, "cold");
    for (int i = 0; i < warm; i++) {
      phases(out, "warm");
    }
    System.out.printf("load average at end: %s%n", loadAverage());
  }

  /** One report in a fresh JVM, as ReportLauncher runs it. */
  private static void child(Path out, List<String> flags) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(flags);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(),
        "--output", out.toString(), "--run-date", DATE));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exit = p.waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("child report failed with exit code " + exit + ": " + said);
    }
    Path pdf = out.resolve("reports").resolve(DATE).resolve("effectiveness.pdf");
    System.out.printf("end to end, child JVM %s: %.2f s wall; %s; %,d bytes%n",
        flags.equals(LAUNCHER_FLAGS) ? "with the launcher's flags" : "with default flags",
        wall, said.substring(said.lastIndexOf('\n') + 1), Files.size(pdf));
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
      line.append(String.format("%s %.2f/%.2f, ", names.get(i),
          (marks.get(i + 1)[0] - marks.get(i)[0]) / 1e9, (marks.get(i + 1)[1] - marks.get(i)[1]) / 1e9));
    }
    long[] first = marks.get(0);
    long[] last = marks.get(marks.size() - 1);
    line.append(String.format("total %.2f s wall / %.2f s CPU; %d pages, %,d bytes",
        (last[0] - first[0]) / 1e9, (last[1] - first[1]) / 1e9, pages[0], pdf.size()));
    System.out.println(line + "  (phase wall/CPU in s)");
  }

  /** Wall and process CPU time now, in ns. */
  public static long[] mark() {
    return new long[] {System.nanoTime(), processCpuNanos()};
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU (no /proc/cpuinfo)";
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
      return String.join(" ", Arrays.copyOf(f, 3));
    } catch (IOException e) {
      return "n/a";
    }
  }

  /** The child JVM's main: ReportMain, then its own CPU time and uptime on stdout. */
  public static final class Child {
    private Child() {}

    public static void main(String[] args) {
      int exit = ReportMain.run(args, new PrintStream(OutputStream.nullOutputStream()), System.err);
      System.out.printf("child %.2f s CPU, %.2f s since JVM start%n", processCpuNanos() / 1e9,
          ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
      System.exit(exit);
    }
  }
}
