package dev.wellspring.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wellspring.config.ConfigLoader;
import dev.wellspring.config.WellspringConfig;
import dev.wellspring.io.Manifest;
import dev.wellspring.stage.StageResult;
import dev.wellspring.testing.SparkExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Progress lines: a UTC time on every line, start lines, the heartbeat, JSON, the manifest last.
 */
@ExtendWith(SparkExtension.class)
class ProgressTest {
  /** {@code 2026-01-31T02:30:05Z wellspring: ...}. */
  static final Pattern STAMPED =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z wellspring: .*");

  @TempDir Path tmp;

  private static List<String> lines(ByteArrayOutputStream b) {
    return b.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aSparkJobLongerThanTheIntervalGetsHeartbeatsWithItsTaskCounts(SparkSession spark)
      throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Progress progress =
        new Progress(new PrintStream(b, true, StandardCharsets.UTF_8), Progress.Level.NORMAL);
    String previous = System.setProperty(SparkProgress.INTERVAL_PROPERTY, "0.2");
    try (SparkProgress sp = SparkProgress.attach(spark.sparkContext(), progress)) {
      sp.begin("classify");
      // 4 tasks of 0.5 s on 2 cores: about 1 s, five intervals.
      new JavaSparkContext(spark.sparkContext())
          .parallelize(List.of(1, 2, 3, 4), 4)
          .map(
              i -> {
                Thread.sleep(500);
                return i;
              })
          .count();
      Thread.sleep(400); // the listener bus delivers the last task ends asynchronously
      sp.end();
    } finally {
      if (previous == null) {
        System.clearProperty(SparkProgress.INTERVAL_PROPERTY);
      } else {
        System.setProperty(SparkProgress.INTERVAL_PROPERTY, previous);
      }
    }
    List<String> lines = lines(b);
    assertThat(lines).isNotEmpty().allMatch(l -> STAMPED.matcher(l).matches());
    assertThat(lines).allMatch(l -> l.contains("classify  running"));
    // At most one a 0.2 s interval over about 1.4 s: at least 2, at most 7.
    assertThat(lines.size()).isBetween(2, 7);
    assertThat(lines.get(lines.size() - 1)).contains("tasks 4/4");
    assertThat(lines).anySatisfy(l -> assertThat(l).containsPattern("tasks [0-3]/4"));
  }

  @Test
  void jsonLinesAreObjectsWithTimeLevelAndEvent() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Progress p =
        new Progress(
            new PrintStream(b, true, StandardCharsets.UTF_8),
            Progress.Level.NORMAL,
            Progress.Format.JSON,
            true);
    Instant before = Instant.now().minusSeconds(1);
    p.stageStarted("ingest");
    p.heartbeat("ingest", 3, 8, 1200, 12.34);
    p.stage("ingest", new StageResult(10, 9), 15.0);
    p.error("ingest: boom");
    p.manifest(Path.of("/o/runs/2026-01-31.json"), 2);

    List<String> lines = lines(b);
    assertThat(lines).hasSize(5);
    List<JsonNode> json =
        lines.stream()
            .map(
                l -> {
                  try {
                    return Manifest.JSON.readTree(l);
                  } catch (Exception e) {
                    throw new AssertionError("not JSON: " + l, e);
                  }
                })
            .toList();
    assertThat(json)
        .allSatisfy(n -> assertThat(Instant.parse(n.path("time").asText())).isAfter(before));
    assertThat(json.stream().map(n -> n.path("event").asText()))
        .containsExactly("stage_start", "heartbeat", "stage_end", "error", "finished");
    assertThat(json.get(1).path("tasks_done").asLong()).isEqualTo(3);
    assertThat(json.get(1).path("tasks_total").asLong()).isEqualTo(8);
    assertThat(json.get(1).path("rows").asLong()).isEqualTo(1200);
    assertThat(json.get(2).path("rows_out").asLong()).isEqualTo(9);
    assertThat(json.get(3).path("level").asText()).isEqualTo("error");
    assertThat(json.get(4).path("exit_code").asInt()).isEqualTo(2);
    assertThat(json.get(4).path("manifest").asText()).isEqualTo("/o/runs/2026-01-31.json");
  }

  @Test
  void aBarIsRedrawnInPlaceAndEndedBeforeTheNextLine() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Progress p =
        new Progress(
            new PrintStream(b, true, StandardCharsets.UTF_8),
            Progress.Level.NORMAL,
            Progress.Format.PLAIN,
            true);
    p.heartbeat("aggregate", 5, 10, 100, 11);
    p.heartbeat("aggregate", 10, 10, 200, 21);
    p.stage("aggregate", new StageResult(200, 7), 22);
    String text = b.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("\r")
        .contains("[##########..........]")
        .contains("[####################]");
    // The bar's line is closed before the stage's end line.
    assertThat(text).containsPattern("rows 200 +\\n\\d{4}-.*aggregate rows in 200, rows out 7");
  }

  @Test
  void aPipelineRunPrintsStartLinesHeartbeatsAndTheManifestLast() throws Exception {
    Path in = tmp.resolve("in");
    java.nio.file.Files.createDirectories(in);
    java.nio.file.Files.writeString(
        in.resolve("activities.csv"),
        "activity_id,owner,occurred_at,type\na1,ann,2025-12-01,call\na2,ann,2025-12-02,meeting\n");
    Path out = tmp.resolve("out");
    WellspringConfig config =
        ConfigLoader.defaults(in.toString(), out.toString(), LocalDate.of(2026, 1, 1));
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    Progress progress =
        new Progress(new PrintStream(b, true, StandardCharsets.UTF_8), Progress.Level.NORMAL);
    String previous = System.setProperty(SparkProgress.INTERVAL_PROPERTY, "0.05");
    int exit;
    try {
      exit = Pipeline.run(config, List.of("ingest"), progress);
    } finally {
      if (previous == null) {
        System.clearProperty(SparkProgress.INTERVAL_PROPERTY);
      } else {
        System.setProperty(SparkProgress.INTERVAL_PROPERTY, previous);
      }
    }
    List<String> lines = lines(b);
    assertThat(exit).as("exit; progress:%n%s", String.join("\n", lines)).isZero();
    assertThat(lines).allMatch(l -> STAMPED.matcher(l).matches());
    int start = indexOf(lines, "ingest    started");
    int end = indexOf(lines, "ingest    rows in");
    assertThat(start).isLessThan(end);
    // Ingest is several Spark jobs even for two rows, far longer than 0.05 s.
    assertThat(lines.subList(start, end))
        .anySatisfy(l -> assertThat(l).containsPattern("ingest +running .*tasks \\d+/\\d+, rows "));
    assertThat(lines.get(lines.size() - 1))
        .endsWith("wellspring: manifest " + out.toAbsolutePath().resolve("runs/2026-01-01.json"));
  }

  @Test
  void sparksLogLinesUnderLogFormatJsonAreJsonObjectsWithATime() throws Exception {
    java.util.Properties plain = new java.util.Properties();
    java.util.Properties json = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("/log4j2.properties");
        var b = getClass().getResourceAsStream("/log4j2-json.properties")) {
      plain.load(a);
      json.load(b);
    }
    // The same loggers and levels; only the layout differs.
    String pattern = "appender.console.layout.pattern";
    java.util.Map<Object, Object> jsonRest = new java.util.TreeMap<>(json);
    jsonRest.remove(pattern);
    jsonRest.remove("appender.console.layout.alwaysWriteExceptions");
    java.util.Map<Object, Object> plainRest = new java.util.TreeMap<>(plain);
    plainRest.remove(pattern);
    assertThat(jsonRest).isEqualTo(plainRest);
    assertThat(plain.getProperty(pattern)).startsWith("%d{yyyy-MM-dd'T'HH:mm:ss'Z'}{UTC} ");

    var layout =
        org.apache.logging.log4j.core.layout.PatternLayout.newBuilder()
            .withPattern(json.getProperty(pattern))
            .withAlwaysWriteExceptions(false)
            .build();
    var event =
        org.apache.logging.log4j.core.impl.Log4jLogEvent.newBuilder()
            .setLoggerName("org.apache.spark.SparkContext")
            .setLevel(org.apache.logging.log4j.Level.WARN)
            .setTimeMillis(Instant.parse("2026-01-31T02:30:05Z").toEpochMilli())
            .setMessage(new org.apache.logging.log4j.message.SimpleMessage("a \"quoted\"\nmessage"))
            .build();
    String line = layout.toSerializable(event);
    assertThat(line).endsWith("\n").doesNotContain("\n{");
    JsonNode n = Manifest.JSON.readTree(line);
    assertThat(n.path("time").asText()).isEqualTo("2026-01-31T02:30:05Z");
    assertThat(n.path("level").asText()).isEqualTo("WARN");
    assertThat(n.path("logger").asText()).isEqualTo("SparkContext");
    assertThat(n.path("message").asText()).isEqualTo("a \"quoted\"\nmessage");
  }

  private static int indexOf(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("wellspring: " + text)) {
        return i;
      }
    }
    throw new AssertionError("no line with '" + text + "' in:\n" + String.join("\n", lines));
  }
}
