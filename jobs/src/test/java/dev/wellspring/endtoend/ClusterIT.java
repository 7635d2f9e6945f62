package dev.wellspring.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.testing.Background;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code nightly} on a real Spark standalone cluster (master + worker on 127.0.0.1, started by
 * the project's own cluster script from the Maven runtime classpath) through SparkSubmit, and
 * checks that every CSV export is byte-identical to a local run. Runs in {@code mvn verify}
 * (failsafe), after the jars are packaged.
 */
class ClusterIT {
  static final Path MODULE = Path.of(System.getProperty("user.dir")).toAbsolutePath();
  static final Path REPO = MODULE.getParent();
  static final Path LIB = MODULE.resolve("target/lib");
  static final Path APP_JAR = MODULE.resolve("target/wellspring-app.jar");
  static final Path JOBS_JAR = MODULE.resolve("target/wellspring-jobs.jar");
  static final Path SCRIPT = MODULE.resolve("src/main/scripts/cluster.sh");
  static final String PORT = "17077";
  static final String RUN_DATE = sampleRunDate();

  static Path state;

  @BeforeAll
  static void startCluster() throws Exception {
    state = Files.createTempDirectory("wellspring-cluster");
    Process p = clusterScript("start");
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("cluster start: %s", out).isZero();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    // Stops master and worker by process id, whatever the test did.
    if (state != null) {
      Process p = clusterScript("stop");
      p.getInputStream().readAllBytes();
      p.waitFor(60, TimeUnit.SECONDS);
      for (String role : List.of("master", "worker")) {
        Path pid = state.resolve(role + ".pid");
        if (Files.exists(pid)) {
          ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
              .ifPresent(ProcessHandle::destroyForcibly);
        }
      }
    }
  }

  @Test
  void nightlyOnTheClusterGivesTheSameExportsAsALocalRun(@TempDir Path tmp) throws Exception {
    Path local = tmp.resolve("local");
    Path cluster = tmp.resolve("cluster");
    String input = REPO.resolve("sample-data").toString();

    // Sample data: C1 only, as run.sh does for small inputs (the JVMs spend their time compiling
    // Spark's planner, not in hot loops), with room for its code cache.
    List<String> localCmd =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx2g",
                "-XX:TieredStopAtLevel=1",
                // The module option spark-submit's launcher (and run.sh, bin/wellspring) gives a
                // driver.
                "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                "-XX:ReservedCodeCacheSize=256m",
                "-cp",
                JOBS_JAR + File.pathSeparator + LIB + "/*",
                "dev.wellspring.cli.Main",
                "nightly",
                "--no-report",
                "--quiet",
                "--master",
                "local[2]",
                "--input",
                input,
                "--output",
                local.toString(),
                "--run-date",
                RUN_DATE));
    // The local run and the cluster run are independent: run at once.
    CompletableFuture<Integer> localRun =
        Background.start(() -> run(localCmd, tmp.resolve("local.log")));

    List<String> submit =
        new ArrayList<>(
            List.of(
                java(),
                "-Xmx2g",
                "-XX:TieredStopAtLevel=1",
                // The module option spark-submit's launcher (and run.sh, bin/wellspring) gives a
                // driver.
                "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                "-XX:ReservedCodeCacheSize=256m",
                "-Dlog4j2.configurationFile="
                    + MODULE.resolve("src/main/resources/log4j2.properties"),
                "-cp",
                LIB + "/*",
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                "spark://127.0.0.1:" + PORT,
                "--deploy-mode",
                "client",
                "--class",
                "dev.wellspring.cli.Main",
                "--conf",
                "spark.executor.memory=1g",
                "--conf",
                "spark.cores.max=2",
                "--conf",
                "spark.executor.extraJavaOptions=-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m",
                APP_JAR.toString(),
                "nightly",
                "--no-report",
                "--quiet",
                "--master",
                "spark://127.0.0.1:" + PORT,
                "--input",
                input,
                "--output",
                cluster.toString(),
                "--run-date",
                RUN_DATE));
    assertThat(run(submit, tmp.resolve("cluster.log")))
        .as(log(tmp.resolve("cluster.log")))
        .isZero();
    assertThat(Background.join(localRun)).as(log(tmp.resolve("local.log"))).isZero();

    Path localReports = local.resolve("reports").resolve(RUN_DATE);
    Path clusterReports = cluster.resolve("reports").resolve(RUN_DATE);
    List<String> names;
    try (Stream<Path> s = Files.list(localReports)) {
      names =
          s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
    }
    assertThat(names)
        .contains(
            "effectiveness.csv",
            "lift.csv",
            "model_comparison.csv",
            "goal_scorecard.csv",
            "well_building.csv",
            "unattributed.csv",
            "attribution_channels.csv");
    for (String n : names) {
      assertThat(Files.readAllBytes(clusterReports.resolve(n)))
          .as("%s on the cluster equals the local run", n)
          .isEqualTo(Files.readAllBytes(localReports.resolve(n)));
    }
    // The executors really ran on the worker: its work folder holds this application's logs.
    try (Stream<Path> apps = Files.list(state.resolve("work"))) {
      assertThat(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-"))).isTrue();
    }
  }

  private static Process clusterScript(String verb) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("bash", SCRIPT.toString(), verb).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("WELLSPRING_CLUSTER_DIR", state.toString());
    env.put("SPARK_MASTER_PORT", PORT);
    env.put("SPARK_MASTER_WEBUI_PORT", "18080");
    env.put("SPARK_WORKER_CORES", "2");
    env.put("SPARK_WORKER_MEMORY", "2g");
    return pb.start();
  }

  private static int run(List<String> cmd, Path log) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    // Generous: a loaded CI machine can be slow; a hung run still ends the test.
    if (!p.waitFor(40, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  private static String log(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "(no log)";
    } catch (IOException e) {
      return e.toString();
    }
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String sampleRunDate() {
    try {
      return Files.readString(REPO.resolve("sample-data/RUN_DATE")).trim();
    } catch (IOException e) {
      throw new IllegalStateException("sample-data/RUN_DATE missing", e);
    }
  }
}
