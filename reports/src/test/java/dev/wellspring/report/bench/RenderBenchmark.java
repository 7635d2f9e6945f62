package dev.wellspring.report.bench;

import dev.wellspring.report.Block;
import dev.wellspring.report.JasperRenderer;
import dev.wellspring.report.ReportContent;
import dev.wellspring.report.ReportMain;
import dev.wellspring.report.ReportOptions;
import dev.wellspring.report.RunData;
import dev.wellspring.report.io.RunInputs;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wall time of the report for a synthetic run of many owners (default 50), the way the pipeline
 * runs it: one fresh JVM reads the CSVs, compiles the templates and writes the PDF. Prints the
 * machine beside every figure. Not a unit test: run it by hand (see reports/README.md).
 *
 * <pre>RenderBenchmark [owners] [warm repetitions]</pre>
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws IOException {
    int owners = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path out = Files.createTempDirectory("wellspring-bench");
    String date = "2026-01-31";
    RunGenerator.write(out, date, owners, 42);
    System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(), cpuModel());
    System.out.printf("jvm: %s %s (%s), max heap %d MiB%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("load average at start: %s%n", loadAverage());
    System.out.printf("owners: %d, effectiveness rows: %d%n", owners, owners * 3 * 12 * 7);
    String[] argv = {"--output", out.toString(), "--run-date", date};
    for (int i = 0; i <= warm; i++) {
      long t0 = System.nanoTime();
      long c0 = processCpuNanos();
      int exit = ReportMain.run(argv, new PrintStream(new ByteArrayOutputStream()), System.err);
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (processCpuNanos() - c0) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException("report failed with exit code " + exit);
      }
      Path pdf = out.resolve("reports").resolve(date).resolve("effectiveness.pdf");
      System.out.printf("%s run %d: %.2f s wall, %.2f s process CPU (read + compile + fill + export),"
          + " %,d bytes%n", i == 0 ? "cold" : "warm", i, secs, cpu, Files.size(pdf));
    }
    phases(out, LocalDate.parse(date));
  }

  /** One more run split into its phases, to show where the time goes. */
  private static void phases(Path out, LocalDate date) {
    long t = System.nanoTime();
    RunData data = RunInputs.read(out, date);
    long read = System.nanoTime();
    ReportOptions options = new ReportOptions(out, date, "linear", "A4", "full");
    List<Block> blocks = ReportContent.build(data, options);
    long content = System.nanoTime();
    JasperRenderer renderer = JasperRenderer.compile("A4");
    long compile = System.nanoTime();
    int pages = renderer.render(blocks, Map.of("RUN_DATE", date.toString(), "GENERATED_AT", "now",
        "MODEL", "linear"), "bench", OutputStream.nullOutputStream());
    long render = System.nanoTime();
    System.out.printf("phases (warm): read %.2f s, content %.2f s, compile %.2f s, fill + export %.2f s;"
        + " %d pages%n", (read - t) / 1e9, (content - read) / 1e9, (compile - content) / 1e9,
        (render - compile) / 1e9, pages);
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
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "n/a";
    }
  }
}
