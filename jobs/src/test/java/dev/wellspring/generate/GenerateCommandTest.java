package dev.wellspring.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wellspring.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @Test
  void generateWritesTheFilesAndParts(@TempDir Path tmp) throws Exception {
    int code =
        Main.run(
            "generate",
            "--output",
            tmp.toString(),
            "--owners",
            "2",
            "--activities",
            "3000",
            "--seed",
            "5",
            "--part-size-mb",
            "0.1",
            "--start",
            "2024-03-01",
            "--end",
            "2024-08-31");

    assertThat(code).isZero();
    assertThat(tmp.resolve("activities.csv")).exists();
    assertThat(tmp.resolve("activities-0001.csv")).exists();
    assertThat(tmp.resolve("contacts.csv")).exists();
    assertThat(tmp.resolve("goals.csv")).exists();
    assertThat(tmp.resolve("outcomes.csv")).exists();
    assertThat(Files.readString(tmp.resolve("generator-truth.json")))
        .contains("\"start\" : \"2024-03-01\"", "\"end\" : \"2024-08-31\"");
    assertThat(GeneratedFiles.read(tmp, "activities"))
        .hasSize(3000)
        .allSatisfy(a -> assertThat(a.get("occurred_at")).startsWith("2024-0"));
  }

  @Test
  void aSecondRunReplacesStalePartsOfAnEarlierOne(@TempDir Path tmp) {
    assertThat(
            Main.run(
                "generate",
                "--output",
                tmp.toString(),
                "--activities",
                "3000",
                "--part-size-mb",
                "0.05"))
        .isZero();
    assertThat(tmp.resolve("activities-0003.csv")).exists();
    assertThat(Main.run("generate", "--output", tmp.toString(), "--activities", "300")).isZero();
    assertThat(tmp.resolve("activities-0001.csv")).doesNotExist();
    assertThat(tmp.resolve("activities-0003.csv")).doesNotExist();
  }

  @Test
  void badFlagsExitWithCodeTwoAndNameTheValue(@TempDir Path tmp) {
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    int profile;
    int date;
    try {
      profile = Main.run("generate", "--output", tmp.toString(), "--profile", "huge");
      date = Main.run("generate", "--output", tmp.toString(), "--start", "2025-02-30");
    } finally {
      System.setErr(err);
    }
    assertThat(profile).isEqualTo(2);
    assertThat(date).isEqualTo(2);
    assertThat(buf.toString(StandardCharsets.UTF_8))
        .contains("--profile must be scale or sample, got 'huge'")
        .contains("--start must be a date YYYY-MM-DD, got '2025-02-30'");
  }
}
