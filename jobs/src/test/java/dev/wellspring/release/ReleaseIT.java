package dev.wellspring.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.io.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release as an operator installs it: {@code mvn package}'s tarball unpacked into a temporary
 * folder and run with a PATH that holds a few shell tools and no Maven, Java from JAVA_HOME.
 */
class ReleaseIT {
  static final Path TARGET = Path.of(System.getProperty("user.dir")).resolve("target");

  /** The tools bin/wellspring (and Spark in local mode) may call; no mvn among them. */
  static final List<String> TOOLS =
      List.of(
          "bash",
          "sh",
          "env",
          "dirname",
          "readlink",
          "awk",
          "cut",
          "du",
          "cat",
          "uname",
          "sed",
          "grep",
          "ls",
          "id",
          "hostname",
          "whoami",
          "rm",
          "mkdir",
          "chmod",
          "ln",
          "df",
          "tr",
          "head",
          "tail");

  @TempDir static Path tmp;
  static Path home;
  static Path path;

  @BeforeAll
  static void unpack() throws Exception {
    Path tarball;
    try (Stream<Path> files = Files.list(TARGET)) {
      tarball =
          files
              .filter(p -> p.getFileName().toString().matches("wellspring-.*\\.tar\\.gz"))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no wellspring-*.tar.gz in " + TARGET + " (mvn package makes it)"));
    }
    Path install = tmp.resolve("opt");
    Files.createDirectories(install);
    Process tar =
        new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", install.toString())
            .redirectErrorStream(true)
            .start();
    String tarOut = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as("tar: %s", tarOut).isZero();
    try (Stream<Path> dirs = Files.list(install)) {
      home = dirs.findFirst().orElseThrow();
    }
    path = tmp.resolve("path");
    Files.createDirectories(path);
    for (String tool : TOOLS) {
      for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
        Path p = Path.of(dir, tool);
        if (Files.isExecutable(p)) {
          Files.createSymbolicLink(path.resolve(tool), p);
          break;
        }
      }
    }
  }

  @org.junit.jupiter.api.AfterAll
  static void removeToolLinks() throws IOException {
    // The links point outside the temporary folder: removed here, quietly, not by @TempDir.
    try (Stream<Path> links = Files.list(path)) {
      for (Path link : links.toList()) {
        Files.delete(link);
      }
    }
  }

  /** Runs bin/wellspring with only {@link #path} on PATH; stdout and stderr to {@code log}. */
  static int wellspring(Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/wellspring").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", path.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("HOME", tmp.toString());
    env.put("WELLSPRING_SECRET", "release-test-secret");
    pb.directory(tmp.toFile());
    Process p = pb.start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES))
        .as("bin/wellspring %s finished in time", args[0])
        .isTrue();
    return p.exitValue();
  }

  @Test
  void theReleaseHoldsTheLauncherJarsExampleConfigurationAndDocs() throws IOException {
    assertThat(home.getFileName().toString()).startsWith("wellspring-");
    assertThat(Files.isExecutable(home.resolve("bin/wellspring"))).isTrue();
    assertThat(home.resolve("lib/jobs/wellspring-jobs.jar")).isRegularFile();
    assertThat(home.resolve("lib/wellspring-app.jar")).isRegularFile();
    // The shared vocabulary: beside the jobs jar, beside the report module (its own JVM) and inside
    // the spark-submit application jar, whose classes the cluster's executors load.
    String vocabularyJar = "wellspring-vocabulary-" + version() + ".jar";
    assertThat(home.resolve("lib/jobs/" + vocabularyJar)).isRegularFile();
    if (Files.isDirectory(home.resolve("lib/reports"))) {
      assertThat(home.resolve("lib/reports/" + vocabularyJar)).isRegularFile();
    }
    try (java.util.zip.ZipFile app =
        new java.util.zip.ZipFile(home.resolve("lib/wellspring-app.jar").toFile())) {
      assertThat(app.getEntry("dev/wellspring/vocabulary/TouchClass.class")).isNotNull();
    }
    assertThat(home.resolve("conf/wellspring.example.yaml")).isRegularFile();
    assertThat(home.resolve("docs/data-contract.md")).isRegularFile();
    assertThat(home.resolve("docs/operations.md")).isRegularFile();
    assertThat(home.resolve("sample-data/activities.csv")).isRegularFile();
    assertThat(path.resolve("mvn")).doesNotExist();
  }

  /** The release's version, from the name of its folder (wellspring-VERSION). */
  private static String version() {
    return home.getFileName().toString().substring("wellspring-".length());
  }

  @Test
  void versionNamesTheVersionAndCommitAndNightlyRunsOnTheSampleDataWithoutMaven() throws Exception {
    Path versionLog = tmp.resolve("version.log");
    assertThat(wellspring(versionLog, "--version")).isZero();
    String version = home.getFileName().toString().substring("wellspring-".length());
    assertThat(Files.readString(versionLog).strip())
        .matches(
            "wellspring "
                + java.util.regex.Pattern.quote(version)
                + " \\(commit ([0-9a-f]{7,40}|unknown)\\)");

    boolean withReport = Files.isDirectory(home.resolve("lib/reports"));
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("nightly.log");
    List<String> args =
        new ArrayList<>(
            List.of(
                "nightly",
                "--input",
                home.resolve("sample-data").toString(),
                "--output",
                out.toString(),
                "--run-date",
                "2026-01-01"));
    if (!withReport) {
      args.add("--no-report");
    }
    int exit = wellspring(log, args.toArray(new String[0]));
    String text = Files.readString(log);
    assertThat(exit).as("nightly exit; log:%n%s", text).isZero();

    List<String> lines = text.lines().toList();
    assertThat(lines).allMatch(l -> l.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z .*"));
    assertThat(lines.get(lines.size() - 1))
        .endsWith("wellspring: manifest " + out.resolve("runs/2026-01-01.json"));
    JsonNode latest = Manifest.JSON.readTree(out.resolve("runs/latest.json").toFile());
    assertThat(latest.path("run_date").asText()).isEqualTo("2026-01-01");
    // README "What the sample data says": linear lift 4.94 (DIRECTED 40.91 / UNDIRECTED 8.28 per
    // hour).
    String linear =
        Files.readAllLines(out.resolve("reports/latest/lift.csv")).stream()
            .filter(l -> l.startsWith("linear,"))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(linear.split(",")[1]))
        .isCloseTo(4.94, org.assertj.core.data.Offset.offset(0.005));
    if (withReport) {
      assertThat(Files.size(out.resolve("reports/2026-01-01/effectiveness.pdf")))
          .isGreaterThan(10_000);
    }
  }

  @Test
  void generateRunsWithTheGeneratorFromItsOwnLibFolder() throws Exception {
    assertThat(home.resolve("lib/generator/wellspring-generator.jar")).isRegularFile();
    assertThat(home.resolve("lib/jobs/wellspring-generator.jar")).doesNotExist();
    Path gen = tmp.resolve("generated");
    Path log = tmp.resolve("generate.log");
    int exit = wellspring(log, "generate", "--output", gen.toString(), "--activities", "300");
    assertThat(exit).as("generate exit; log:%n%s", Files.readString(log)).isZero();
    // The command's own tally: the 300 activities asked for; the scale profile's contacts are
    // max(50, 300 / 20, 3 owners x 12) = 50.
    String text = Files.readString(log);
    assertThat(text)
        .containsPattern("activities.csv +300 rows")
        .containsPattern("contacts.csv +50 rows");
    assertThat(gen.resolve("activities.csv")).isRegularFile();
    assertThat(gen.resolve("generator-truth.json")).isRegularFile();
  }
}
