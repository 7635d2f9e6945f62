package dev.wellspring.bench;

import dev.wellspring.vocabulary.AttributionModel;
import dev.wellspring.vocabulary.TouchClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * End-to-end benchmark: for each size, generates synthetic exports once, times {@code nightly}
 * (without the PDF) as a user runs it ({@code run.sh}, a fresh JVM, Spark start-up included), times
 * the DuckDB peer (peer.sql: same classification, candidates, five rule-based models and
 * effectiveness, through DuckDB's JDBC driver on the same CSV files), and checks that both agree on
 * total credited value per class and model.
 *
 * <p>Usage: {@code Benchmark --repo DIR --data DIR [--sizes 1000000,10000000] [--owners 20] [--seed
 * 7] [--repeat 1]}. With {@code --repeat N} each size runs N rounds, Wellspring and DuckDB
 * alternating, one table row per round, then the median of each side and of the rounds' ratios: on
 * a shared machine whose speed drifts within the hour, a ratio from side-by-side rounds is the
 * steadier figure.
 */
public final class Benchmark {
  private static final List<String> RULE_MODELS = AttributionModel.ruleBasedWireNames();

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new TreeMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      opt.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Path repo = Path.of(opt.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    Path data = Path.of(opt.getOrDefault("data", repo.resolve("benchmarks/data").toString()));
    String owners = opt.getOrDefault("owners", "20");
    String seed = opt.getOrDefault("seed", "7");
    int repeat = Integer.parseInt(opt.getOrDefault("repeat", "1"));
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
    }
    List<Long> sizes = new ArrayList<>();
    for (String s : opt.getOrDefault("sizes", "1000000,10000000").split(",")) {
      sizes.add(Long.parseLong(s.trim()));
    }

    System.out.println("# Wellspring benchmark");
    System.out.println(machineLine());
    System.out.println();
    System.out.println(
        "| activities | input MB | wellspring s | duckdb s | ratio W/D | driver peak heap MB (sampled / live after GC) | totals agree |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---|");
    Map<Long, Double> wellspringTimes = new TreeMap<>();
    List<String> stageLines = new ArrayList<>();
    List<String> medianLines = new ArrayList<>();
    for (long size : sizes) {
      Path in = data.resolve(String.valueOf(size));
      if (!Files.isDirectory(in) || !Files.exists(in.resolve("contacts.csv"))) {
        long t0 = System.nanoTime();
        exec(
            repo,
            List.of(
                repo.resolve("run.sh").toString(),
                "generate",
                "--output",
                in.toString(),
                "--activities",
                String.valueOf(size),
                "--owners",
                owners,
                "--seed",
                seed),
            null);
        System.err.printf(
            "generated %,d activities in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
      }
      LocalDate runDate = runDate(in);
      List<Double> wRounds = new ArrayList<>();
      List<Double> dRounds = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= repeat; round++) {
        Path out = Files.createTempDirectory("wellspring-bench-out");
        long t0 = System.nanoTime();
        int code =
            exec(
                repo,
                List.of(
                    repo.resolve("run.sh").toString(),
                    "nightly",
                    "--no-report",
                    "--quiet",
                    "--input",
                    in.toString(),
                    "--output",
                    out.toString(),
                    "--run-date",
                    runDate.toString()),
                null);
        double wSecs = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
          throw new IllegalStateException("nightly failed with exit code " + code + " on " + in);
        }
        wRounds.add(wSecs);
        long heapMb =
            peakHeap(out.resolve("runs").resolve(runDate + ".json"), "driver_peak_heap_mb");
        long liveMb =
            peakHeap(out.resolve("runs").resolve(runDate + ".json"), "driver_peak_live_heap_mb");
        Map<String, Double> ws =
            wellspringTotals(
                out.resolve("reports").resolve(runDate.toString()).resolve("effectiveness.csv"));

        t0 = System.nanoTime();
        Map<String, Double> dk = duckdbTotals(in, runDate, 180, 30);
        double dSecs = (System.nanoTime() - t0) / 1e9;

        dRounds.add(dSecs);
        ratios.add(wSecs / dSecs);
        String agree = agreement(ws, dk);
        String label =
            repeat == 1 ? String.format("%,d", size) : String.format("%,d (round %d)", size, round);
        stageLines.add(
            String.format(
                "%s activities: %s",
                label, stages(out.resolve("runs").resolve(runDate + ".json"))));
        System.out.printf(
            "| %s | %,d | %.1f | %.1f | %.2f | %,d / %,d | %s |%n",
            label, inputMb(in), wSecs, dSecs, wSecs / dSecs, heapMb, liveMb, agree);
        deleteTree(out);
      }
      wellspringTimes.put(size, median(wRounds));
      if (repeat > 1) {
        medianLines.add(
            String.format(
                "%,d activities, median of %d rounds: wellspring %.1f s, duckdb %.1f s, ratio %.2f (rounds' ratios %s)",
                size,
                repeat,
                median(wRounds),
                median(dRounds),
                median(ratios),
                ratios.stream().map(r -> String.format("%.2f", r)).toList()));
      }
    }
    if (!medianLines.isEmpty()) {
      System.out.println();
      medianLines.forEach(System.out::println);
    }
    System.out.println();
    System.out.println("stage seconds (manifest):");
    stageLines.forEach(l -> System.out.println("- " + l));
    if (wellspringTimes.size() >= 2) {
      List<Long> ks = new ArrayList<>(wellspringTimes.keySet());
      long a = ks.get(0);
      long b = ks.get(ks.size() - 1);
      System.out.printf(
          "%nscaling%s: %,dx the rows cost %.2fx the time%n",
          repeat > 1 ? " (medians)" : "", b / a, wellspringTimes.get(b) / wellspringTimes.get(a));
    }
  }

  /** The median (the mean of the middle two for an even count). */
  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Machine, JVM and cores, printed beside every figure. */
  static String machineLine() throws IOException {
    String cpu = "unknown CPU";
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.exists(cpuinfo)) {
      Matcher m = Pattern.compile("model name\\s*:\\s*(.+)").matcher(Files.readString(cpuinfo));
      if (m.find()) {
        cpu = m.group(1).trim();
      }
    }
    long memGb =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize()
            / (1L << 30);
    return String.format(
        "machine: %s, %d cores, %d GiB RAM, %s %s; JVM: %s %s; nightly run with run.sh defaults (-Xmx4g, local[*])",
        cpu,
        Runtime.getRuntime().availableProcessors(),
        memGb,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"));
  }

  static LocalDate runDate(Path in) throws IOException {
    Path f = in.resolve("RUN_DATE");
    if (Files.exists(f)) {
      return LocalDate.parse(Files.readString(f).trim());
    }
    return LocalDate.now(ZoneOffset.UTC).minusDays(1);
  }

  public static Map<String, Double> duckdbTotals(
      Path in, LocalDate runDate, int lookbackDays, double halfLife) throws Exception {
    String sql;
    try (InputStream s = Benchmark.class.getResourceAsStream("/peer.sql")) {
      sql = new String(s.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> parts;
    try (Stream<Path> files = Files.list(in)) {
      parts =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.matches("(?i)activities(-\\d+)?\\.csv"))
              .sorted()
              .map(n -> "'" + in.resolve(n) + "'")
              .toList();
    }
    long runEndUs = runDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
    sql =
        sql.replace("${ACTIVITIES}", "[" + String.join(",", parts) + "]")
            .replace("${CONTACTS}", "'" + in.resolve("contacts.csv") + "'")
            .replace("${GOALS}", "'" + in.resolve("goals.csv") + "'")
            .replace("${OUTCOMES}", "'" + in.resolve("outcomes.csv") + "'")
            .replace("${RUN_END_US}", String.valueOf(runEndUs))
            .replace("${RUN_DATE}", runDate.toString())
            .replace("${LOOKBACK_US}", String.valueOf(lookbackDays * 86_400L * 1_000_000L))
            .replace("${HALF_LIFE_DAYS}", String.valueOf(halfLife));
    Map<String, Double> totals = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
      for (String stmt : sql.split(";\\s*\\n")) {
        String s = stmt.replaceAll("(?m)^--.*$", "").trim();
        if (!s.isEmpty()) {
          st.execute(s);
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT class, model, credited_value FROM peer_totals")) {
        while (rs.next()) {
          totals.put(rs.getString(1) + "/" + rs.getString(2), rs.getDouble(3));
        }
      }
    }
    return totals;
  }

  static Map<String, Double> wellspringTotals(Path effectiveness) throws IOException {
    Map<String, Double> totals = new TreeMap<>();
    try (Reader r = Files.newBufferedReader(effectiveness)) {
      for (CSVRecord rec :
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String model = rec.get("model");
        if (RULE_MODELS.contains(model)) {
          totals.merge(
              rec.get("class") + "/" + model,
              Double.parseDouble(rec.get("credited_value")),
              Double::sum);
        }
      }
    }
    return totals;
  }

  static String agreement(Map<String, Double> ws, Map<String, Double> dk) {
    List<String> diffs = new ArrayList<>();
    for (String cls : TouchClass.wireNames()) {
      for (String m : RULE_MODELS) {
        String k = cls + "/" + m;
        double a = ws.getOrDefault(k, 0.0);
        double b = dk.getOrDefault(k, 0.0);
        if (Math.abs(a - b) > 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)))) {
          diffs.add(k + " wellspring=" + a + " duckdb=" + b);
        }
      }
    }
    return diffs.isEmpty() ? "yes (15 class x model totals)" : "NO: " + String.join("; ", diffs);
  }

  static long peakHeap(Path manifest, String key) throws IOException {
    Matcher m =
        Pattern.compile("\"" + key + "\"\\s*:\\s*(\\d+)").matcher(Files.readString(manifest));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * The manifest's stage timings, "name s, name s, ..." (regex over the JSON: no JSON library
   * here).
   */
  static String stages(Path manifest) throws IOException {
    Matcher m =
        Pattern.compile("\"stage\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"seconds\"\\s*:\\s*([0-9.]+)")
            .matcher(Files.readString(manifest));
    List<String> parts = new ArrayList<>();
    while (m.find()) {
      parts.add(m.group(1) + " " + m.group(2));
    }
    return String.join(", ", parts);
  }

  static long inputMb(Path in) throws IOException {
    try (Stream<Path> s = Files.walk(in)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / (1 << 20);
    }
  }

  static int exec(Path dir, List<String> cmd, Path log) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO();
    Process p = pb.start();
    p.waitFor(2, TimeUnit.HOURS);
    return p.exitValue();
  }

  static void deleteTree(Path p) throws IOException {
    try (Stream<Path> w = Files.walk(p)) {
      for (Path x : w.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
