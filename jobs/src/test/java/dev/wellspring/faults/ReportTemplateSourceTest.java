package dev.wellspring.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The report module loads its templates from its own classpath only: no file-system template
 * loading or file resolvers anywhere in its sources, so a {@code .jrxml} in the input folder (or
 * the working directory) can never be picked up. {@code NightlyOutputsIT} checks the same end to
 * end.
 */
class ReportTemplateSourceTest {
  static final Path REPORTS =
      Path.of(System.getProperty("user.dir")).toAbsolutePath().resolveSibling("reports");

  @Test
  void templatesAreLoadedFromTheClasspathOnly() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> walk = Files.walk(REPORTS.resolve("src/main/java"))) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        all.append(Files.readString(f)).append('\n');
      }
    }
    String src = all.toString();
    assertThat(src).contains("getResourceAsStream(TEMPLATES + name)");
    for (String forbidden :
        List.of(
            "compileReportToFile",
            "loadObjectFromFile",
            "JRLoader.loadObject(new File",
            "FileRepositoryService",
            "SimpleFileResolver",
            "FileResolver",
            "REPORT_FILE_RESOLVER",
            "fillReportToFile",
            "new FileInputStream")) {
      assertThat(src).as("file-system template loading").doesNotContain(forbidden);
    }
    Matcher loads = Pattern.compile("JRXmlLoader\\.load\\(([^)]*)\\)").matcher(src);
    int n = 0;
    while (loads.find()) {
      assertThat(loads.group(1)).as("JRXmlLoader.load argument").isEqualTo("in");
      n++;
    }
    assertThat(n).as("templates are loaded somewhere").isPositive();
    for (String t :
        List.of("report.jrxml", "table3.jrxml", "table6.jrxml", "table7.jrxml", "table9.jrxml")) {
      assertThat(REPORTS.resolve("src/main/resources/dev/wellspring/report").resolve(t)).exists();
    }
  }
}
