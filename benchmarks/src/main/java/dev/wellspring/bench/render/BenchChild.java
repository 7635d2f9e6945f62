package dev.wellspring.bench.render;

import dev.wellspring.report.ReportMain;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * The benchmark's child JVM: {@link ReportMain}, then its own CPU time and uptime on stdout.
 * Standalone (nothing else of the test classes), so the benchmark can pack it into a jar.
 */
public final class BenchChild {
  private BenchChild() {}

  public static void main(String[] args) {
    int exit = ReportMain.run(args, new PrintStream(OutputStream.nullOutputStream()), System.err);
    var os = ManagementFactory.getOperatingSystemMXBean();
    long cpu =
        os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    System.out.printf(
        "child %.2f s CPU, %.2f s since JVM start%n",
        cpu / 1e9, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    System.exit(exit);
  }
}
